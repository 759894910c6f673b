import { numbers as en } from '../src/i18n/en/numbers';
import { numbers as zh } from '../src/i18n/zh/numbers';
import { expect, gotoApp, test } from './harness';

/** Every D3 chart the Numbers section draws before the speed test runs. */
const CHARTS = [
  'paper-table3',
  'paper-table4',
  'ours-curves',
  'ours-accuracy',
  'ours-step',
  'ours-throughput',
  'ours-run80',
];

const AXIS_LABEL = { en: en['numbers.axis.cardinality'], zh: zh['numbers.axis.cardinality'] } as const;

for (const lang of ['en', 'zh'] as const) {
  test(`numbers: every chart renders with marks and a text alternative (${lang}) @wasm`, async ({ page }) => {
    await gotoApp(page, `section=numbers&lang=${lang}`);
    const section = page.locator('[data-section-body="numbers"]');
    for (const id of CHARTS) {
      const figure = section.locator(`figure[data-chart="${id}"]`);
      await expect(figure.locator('svg .mark').first()).toBeVisible();
      expect(await figure.locator('svg .mark').count()).toBeGreaterThan(1);
      expect(await figure.locator('.numbers-sr-only table tbody tr').count()).toBeGreaterThan(1);
    }
    const t3 = section.locator('figure[data-chart="paper-table3"]');
    await expect(t3.locator('svg .axis-label.x')).toHaveText(AXIS_LABEL[lang]);
    // Table 3's ten points
    await expect(t3.locator('svg .mark.point')).toHaveCount(10);
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
  });
}

test('numbers: charts redraw in the new language when it changes @wasm', async ({ page }) => {
  await gotoApp(page, 'section=numbers');
  const xLabel = page.locator('figure[data-chart="ours-accuracy"] svg .axis-label.x');
  const yLabel = page.locator('figure[data-chart="ours-step"] svg .axis-label.y');
  await expect(xLabel).toHaveText(en['numbers.axis.cardinality']);
  await page.getByTestId('lang-select').selectOption('zh');
  await expect(xLabel).toHaveText(zh['numbers.axis.cardinality']);
  await expect(yLabel).toHaveText(zh['numbers.ours.step.y'].replace('{batch}', '512'));
});

test('numbers: charts redraw at a new width @wasm', async ({ page }) => {
  await page.setViewportSize({ width: 1200, height: 900 });
  await gotoApp(page, 'section=numbers');
  const svg = page.locator('figure[data-chart="ours-step"] svg');
  await expect(svg).toBeVisible();
  const wide = Number(await svg.getAttribute('width'));
  await page.setViewportSize({ width: 500, height: 900 });
  await expect.poll(async () => Number(await svg.getAttribute('width'))).toBeLessThan(wide);
});

test('numbers: a stage row highlights the same stage in the other tables @wasm', async ({ page }) => {
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
