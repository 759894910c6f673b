import { numbers as en } from '../src/i18n/en/numbers';
import { numbers as zh } from '../src/i18n/zh/numbers';
import { measured as enM } from '../src/i18n/en/measured';
import { measured as zhM } from '../src/i18n/zh/measured';
import { overviewFigures as enFig } from '../src/i18n/en/overviewFigures';
import { overviewFigures as zhFig } from '../src/i18n/zh/overviewFigures';
import family20 from '../public/models/family/metrics.json' with { type: 'json' };
import { expect, gotoApp, test } from './harness';

/** Every D3 chart the Numbers section draws before the speed test runs. */
const CHARTS = [
  'ours-curves',
  'ours-train',
  'ours-accuracy',
  'ours-epoch-time',
  'ours-step',
  'ours-throughput',
  'ours-run80',
];

const WHY_AXIS = { en: enFig['ovfig.why.axis'], zh: zhFig['ovfig.why.axis'] } as const;
const WHY_TOP1 = { en: enFig['ovfig.why.metric.top1'], zh: zhFig['ovfig.why.metric.top1'] } as const;

for (const lang of ['en', 'zh'] as const) {
  const M = lang === 'en' ? enM : zhM;
  test(`numbers: every chart renders with marks and a text alternative; the family figure shows today's single seeds honestly (${lang}) @wasm`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1024, height: 900 });
    await gotoApp(page, `section=numbers&lang=${lang}`);
    const section = page.locator('[data-section-body="numbers"]');
    for (const id of CHARTS) {
      const figure = section.locator(`figure[data-chart="${id}"]`);
      await expect(figure.locator('svg .mark').first()).toBeVisible();
      expect(await figure.locator('svg .mark').count()).toBeGreaterThan(1);
      expect(await figure.locator('.visually-hidden table tbody tr').count()).toBeGreaterThan(1);
    }
    // Tables 3 and 4 are drawn as in the Overview: zoomed dot plots, one picture per data set
    const t3 = section.locator('figure[data-figure="paper-table3"]');
    await expect(t3.locator('svg .dr-dot')).toHaveCount(10);
    await expect(t3.locator('svg .dr-axis-label')).toHaveText(
      WHY_AXIS[lang].replace('{metric}', WHY_TOP1[lang]),
    );
    const t4 = section.locator('figure[data-figure="paper-table4"]');
    // top-1 and top-5, one dot per direction in each
    await expect(t4.locator('[data-testid^="paper-t4"] svg')).toHaveCount(2);
    const rows4 = await t4.locator('svg .dr-row').count();
    expect(rows4).toBeGreaterThan(4);
    await expect(t4.locator('svg .dr-dot')).toHaveCount(rows4);
    expect(await section.locator('figure[data-chart^="paper-"]').count()).toBe(0);
    // the architecture tables' totals come from the counting code
    await expect(section.locator('table[data-arch="resnet50"] [data-total="params"]')).toHaveText(
      '25,557,032',
    );
    await expect(section.locator('table[data-arch="resnext50"] [data-total="macs"]')).toHaveText(
      '4,230,479,872',
    );
    await expect(section.locator('table[data-arch="resnext29"] [data-total="params"]')).toHaveText(
      '4,775,754',
    );

    const fig = page.locator('figure#fig-family[data-figure="family"]');
    await expect(fig.locator('[data-chart="ours-accuracy"] svg .mark.point')).toHaveCount(5);
    // one seed: no spread bars, no mean ticks
    await expect(fig.locator('[data-chart="ours-accuracy"] svg .mark.spread')).toHaveCount(0);
    await expect(fig.locator('.family-verdict')).toHaveAttribute('data-verdict', 'one-seed');
    const verdict = await fig.locator('.family-verdict').textContent();
    expect(verdict).toContain(M['family.verdict.one-seed'].split('{')[0].trim().slice(0, 6));
    expect(verdict).not.toMatch(/[{}]/);
    await expect(fig.locator('[data-chart="ours-epoch-time"] svg .mark.point')).toHaveCount(5);
    // every text of the figure is at least 12 px at 1,024 px wide
    const sizes = await fig.evaluate((root) =>
      [...root.querySelectorAll('svg text, p, figcaption, h3')]
        .filter((e) => (e.textContent ?? '').trim() && (e as HTMLElement).getClientRects().length)
        .map((e) => parseFloat(getComputedStyle(e).fontSize)),
    );
    expect(sizes.length).toBeGreaterThan(10);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
    // the accuracy axis spans ten points, not the one point between the dots
    const ticks = await fig.locator('[data-chart="ours-accuracy"] svg .axis.y .tick text').allTextContents();
    const values = ticks.map((x) => parseFloat(x.replace(/[^\d.]/g, '')));
    expect(Math.max(...values) - Math.min(...values)).toBeGreaterThanOrEqual(8);

    // one voice: one seed said so, the notes that explain differing numbers filled in, and the developer's
    // words (precision, commands) only inside the closed "how this was measured" disclosures
    await expect(fig.locator('.family-intro')).toContainText(M['family.seeds.one']);
    await expect(section.locator('[data-note="blocks"]')).toContainText('70,144');
    await expect(section.locator('[data-note="ours-vs-paper"]')).toBeVisible();
    await expect(section.locator('[data-note="ours-vs-paper"]')).not.toHaveText(/[{}]/);
    await expect(section.locator('[data-note="train-error"]')).not.toHaveText(/[{}]/);
    expect(await section.locator('details[data-how]').count()).toBeGreaterThan(3);
    const shown = await section.innerText();
    expect(shown).not.toMatch(/bf16|seed\(s\)|npm run|metrics\.json/);
    if (lang === 'zh') {
      expect(shown).not.toMatch(
        /epoch|\d\s*ms\b|\b(wasm|webgl|webgpu|cpu)\b|[\u3400-\u9fff],|,[\u3400-\u9fff]/,
      );
    }
    await section.locator('details[data-how="run80"] summary').click();
    await expect(section.locator('details[data-how="run80"] code')).toBeVisible();
  });
}

test('numbers: a stage row highlights the same stage in the other tables; charts redraw in the new language and at a new width @wasm', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1200, height: 900 });
  await gotoApp(page, 'section=numbers');
  const other = page.locator('table[data-arch="resnext50"] tr[data-stage="conv3"]');
  await page.locator('table[data-arch="resnet50"] tr[data-stage="conv3"]').hover();
  await expect(other).toHaveClass(/is-highlighted/);
  await page.mouse.move(0, 0);
  await expect(other).not.toHaveClass(/is-highlighted/);
  await page.locator('table[data-arch="resnext29"] tr[data-stage="conv4"]').focus();
  await expect(page.locator('table[data-arch="resnet50"] tr[data-stage="conv4"]')).toHaveClass(
    /is-highlighted/,
  );
  await expect(other).not.toHaveClass(/is-highlighted/);

  const xLabel = page.locator('figure[data-chart="ours-accuracy"] svg .axis-label.x');
  const yLabel = page.locator('figure[data-chart="ours-step"] svg .axis-label.y');
  await expect(xLabel).toHaveText(en['numbers.axis.cardinality']);
  await page.getByTestId('lang-select').selectOption('zh');
  await expect(xLabel).toHaveText(zh['numbers.axis.cardinality']);
  await expect(yLabel).toHaveText(zh['numbers.ours.step.y'].replace('{batch}', '512'));

  const svg = page.locator('figure[data-chart="ours-step"] svg');
  await expect(svg).toBeVisible();
  const wide = Number(await svg.getAttribute('width'));
  await page.setViewportSize({ width: 500, height: 900 });
  await expect.poll(async () => Number(await svg.getAttribute('width'))).toBeLessThan(wide);
});

test('numbers: the speed test times ResNet and forms a, b, c @wasm', async ({ page }) => {
  test.setTimeout(240_000);
  await gotoApp(page, 'section=numbers&backend=wasm');
  const speed = page.locator('[data-speed-test]');
  // The run can be over in a second: record every state of the progress bar instead of racing it.
  await speed.evaluate((root) => {
    const seen: string[] = [];
    (window as unknown as { numbersProgress: string[] }).numbersProgress = seen;
    new MutationObserver(() => {
      const bar = root.querySelector('[role="progressbar"]');
      if (bar) seen.push(`${bar.getAttribute('aria-valuenow')}/${bar.getAttribute('aria-valuemax')}`);
    }).observe(root, { subtree: true, childList: true, attributes: true });
  });
  await speed.locator('[data-action="speed-test"]').click();
  await expect(speed.locator('td[data-timing="resnet"][data-backend="wasm"]').first()).toHaveText(/\d/, {
    timeout: 200_000,
  });
  await expect(speed.getByRole('progressbar')).toHaveCount(0);
  const seen = await page.evaluate(
    () => (window as unknown as { numbersProgress: string[] }).numbersProgress,
  );
  expect(
    seen.some((v) => /^[1-8]\/8$/.test(v)),
    `progress states: ${seen.join(' ')}`,
  ).toBe(true);
  await expect(speed.getByRole('alert')).toHaveCount(0);
  for (const block of ['resnet', 'a', 'b', 'c']) {
    const cells = speed.locator(`td[data-timing="${block}"][data-backend="wasm"]`);
    await expect(cells).toHaveCount(2);
    for (const cell of await cells.all()) await expect(cell).toHaveText(/^\d[\d,]*\.\d\d$/);
  }
  for (const size of [56, 32]) {
    await expect(speed.locator(`figure[data-chart="speed-${size}"] svg .mark.bar`)).toHaveCount(4);
  }
});

/**
 * A synthetic metrics file in family_run.sh's format: the shipped 20-epoch file plus three seeds per setting, C=32
 * ahead of C=1 by 1.2 points with seeds 0.2 points apart, and seconds per epoch alone and side by side.
 */
function syntheticFamily() {
  const runs = family20.models.flatMap((m) =>
    [0, 1, 2].map((seed) => ({
      name: m.name,
      cardinality: m.cardinality,
      bottleneck_width_d: m.bottleneck_width_d,
      seed,
      test_acc: 0.93 + seed * 0.002 + (m.cardinality === 32 ? 0.012 : 0),
      epochs: 40,
    })),
  );
  const settings = family20.models.map((m, i) => ({
    name: m.name,
    cardinality: m.cardinality,
    bottleneck_width_d: m.bottleneck_width_d,
    epoch_s_alone: 2 + i * 0.5,
    epoch_s_together: 9 + i,
  }));
  return { ...family20, epochs: 40, processes_together: 15, settings, runs };
}

test('numbers: the family figure reads family_run.sh’s metrics: seeds, spread, mean, verdict @wasm', async ({
  page,
}) => {
  const body = JSON.stringify(syntheticFamily());
  await page.route(/\/models\/family\/metrics\.json$/, (route) =>
    route.fulfill({ contentType: 'application/json', body }),
  );
  await gotoApp(page, 'section=numbers&lang=en');
  const fig = page.locator('figure#fig-family');
  const acc = fig.locator('[data-chart="ours-accuracy"] svg');
  await expect(acc.locator('.mark.point')).toHaveCount(15);
  await expect(acc.locator('.mark.spread')).toHaveCount(5);
  await expect(acc.locator('.mark.mean')).toHaveCount(5);
  await expect(fig.locator('.family-verdict')).toHaveAttribute('data-verdict', 'above-noise-higher');
  await expect(fig.locator('.family-verdict')).toHaveText(
    enM['family.verdict.above-noise-higher']
      .replace('{high}', '32')
      .replace('{low}', '1')
      .replace('{diff}', '1.20')
      .replace('{spread}', '0.40'),
  );
  // alone and side by side: two dots per setting
  await expect(fig.locator('[data-chart="ours-epoch-time"] svg .mark.point')).toHaveCount(10);
  await expect(fig.locator('[data-chart="ours-epoch-time"] svg .legend-item')).toHaveCount(2);
  // a dot is keyed by setting and seed, and its height follows its accuracy
  const cy = async (key: string) => Number(await acc.locator(`[data-key="${key}"].point`).getAttribute('cy'));
  await expect.poll(() => cy('resnext29_32x4d:seed-2')).toBeLessThan(await cy('resnext29_1x64d:seed-0'));
  await page.getByTestId('lang-select').selectOption('zh');
  await expect(fig.locator('.family-verdict')).toContainText('C = 32');
  await expect(fig.locator('.family-verdict')).toContainText(
    zhM['family.verdict.above-noise-higher'].slice(0, 3),
  );
});
