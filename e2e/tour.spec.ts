import type { Page } from '@playwright/test';
import { catalogs, translate } from '../src/i18n';
import { blockConfig } from '../src/app/block/blockConfig';
import { parseState } from '../src/app/state/appState';
import { INCEPTION_3A, INCEPTION_3A_NAIVE, inceptionCounts } from '../src/resnext/inception';
import { TOUR_STEPS } from '../src/app/tour/tourSteps';
import { expect, gotoApp, test } from './harness';
import { describeViolations, runAxe, WCAG_A_AA } from './support/axe';

// The tour drives the app's state and the page, not the tensors: one backend is enough.

const dialog = (page: Page) => page.getByTestId('tour-dialog');
const urlState = (page: Page) => parseState(new URL(page.url()).search);

/** Checks that step `i` is open: the card, the URL's state and the section with its panel on screen. */
async function expectStep(page: Page, lang: 'en' | 'zh', i: number): Promise<void> {
  const step = TOUR_STEPS[i];
  const messages = catalogs[lang];
  await expect(dialog(page)).toHaveAttribute('data-index', String(i));
  // a step's text names the block it has set: its C, and d at equal complexity
  const block = blockConfig({ ...urlState(page), ...step.state });
  const numbers = { c: block.cardinality, d: block.d };
  await expect(page.getByRole('dialog', { name: translate(lang, step.titleKey, numbers) })).toBeVisible();
  await expect(dialog(page)).toContainText(translate(lang, step.textKey, numbers));
  await expect(page.locator('#section-title')).toHaveText(messages[`section.${step.section}.title`]);

  const state = urlState(page);
  expect(state.tour, `tour index in the URL at step ${step.id}`).toBe(i);
  expect(state.section).toBe(step.section);
  expect(state.lang).toBe(lang);
  for (const [key, value] of Object.entries(step.state)) {
    expect(state[key as keyof typeof state], `${key} at step ${step.id}`).toBe(value);
  }

  await expect(page.locator(`[data-section-body="${step.section}"]`)).toBeAttached();
  // The step points at one of the targets it names (a figure root, or what stands for it), on screen.
  const panel = page.locator('[data-tour-target]');
  await expect(panel, `target of step ${step.id}`).toHaveCount(1);
  await expect(panel, `target of step ${step.id}`).toBeVisible();
  await expect(panel, `target of step ${step.id} scrolled into view`).toBeInViewport();
  expect(await panel.evaluate((el, sels) => sels.some((s) => el.matches(s)), [...step.targets])).toBe(true);
}

for (const lang of ['en', 'zh'] as const) {
  test(`tour (${lang}): every step sets its state and shows its panel; Escape leaves @wasm`, async ({
    page,
  }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await gotoApp(page, `lang=${lang}`);
    const start = page.getByTestId('tour-start');
    await expect(start).toHaveText(catalogs[lang]['tour.start']);
    await expect(dialog(page)).toHaveCount(0);

    await start.click();
    await expect(dialog(page)).toBeFocused();
    await expect(start).toHaveAttribute('aria-expanded', 'true');

    for (let i = 0; i < TOUR_STEPS.length; i++) {
      await expectStep(page, lang, i);
      if (i === 2) {
        // Back and forth with the keyboard.
        await page.keyboard.press('ArrowLeft');
        await expectStep(page, lang, 1);
        await page.keyboard.press('ArrowRight');
        await expectStep(page, lang, 2);
      }
      if (i === TOUR_STEPS.length - 1) break;
      // Alternate the keyboard and the button.
      if (i % 2 === 0) await page.keyboard.press(i % 4 === 0 ? 'ArrowRight' : 'Enter');
      else await dialog(page).getByTestId('tour-next').click();
    }

    await expect(dialog(page).getByTestId('tour-next')).toHaveText(catalogs[lang]['tour.finish']);
    await page.keyboard.press('Escape');
    await expect(dialog(page)).toHaveCount(0);
    expect(urlState(page).tour).toBe(-1);
    expect(new URL(page.url()).searchParams.has('tour')).toBe(false);
    // The last step's section stays, and the focus goes back to the button that opened the tour.
    await expect(page.locator('#section-title')).toHaveText(
      catalogs[lang][`section.${TOUR_STEPS[TOUR_STEPS.length - 1].section}.title`],
    );
    await expect(start).toBeFocused();
    await expect(start).toHaveAttribute('aria-expanded', 'false');
  });
}

test('tour: Finish closes it, the close button leaves early, a shared link opens its step @wasm', async ({
  page,
}) => {
  await gotoApp(page, 'tour=4');
  await expect(dialog(page)).toHaveAttribute('data-index', '4');
  // A link to a step does not change the state it carries.
  expect(urlState(page).section).toBe('overview');

  await dialog(page).getByTestId('tour-close').click();
  await expect(dialog(page)).toHaveCount(0);
  expect(urlState(page).tour).toBe(-1);

  const last = TOUR_STEPS.length - 1;
  await gotoApp(page, `tour=${last}&section=${TOUR_STEPS[last].section}`);
  await dialog(page).getByTestId('tour-next').click();
  await expect(dialog(page)).toHaveCount(0);
  expect(urlState(page).tour).toBe(-1);

  // Past the end is no tour at all.
  await gotoApp(page, `tour=${TOUR_STEPS.length}`);
  await expect(dialog(page)).toHaveCount(0);
});

test('tour: the card fits a 375 px screen in both languages, light and dark @wasm', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    for (const lang of ['en', 'zh'] as const) {
      await gotoApp(page, `lang=${lang}`);
      await page.getByTestId('tour-start').click();
      await expect(dialog(page)).toBeVisible();
      const box = await dialog(page).boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(375);
      expect(box!.y + box!.height).toBeLessThanOrEqual(740);
      await expect(dialog(page).getByTestId('tour-next')).toBeInViewport();
      const { scroll, client, bg } = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
        bg: getComputedStyle(document.querySelector('[data-testid="tour-dialog"]')!).backgroundColor,
      }));
      expect(scroll).toBeLessThanOrEqual(client);
      const [r, g, b] = bg.match(/\d+/g)!.map(Number);
      if (scheme === 'dark') expect((r + g + b) / 3).toBeLessThan(80);
      else expect((r + g + b) / 3).toBeGreaterThan(200);
      await page.keyboard.press('Escape');
    }
  }
});

test('story: the Inception figure shows the counts of inception.ts, in both languages @wasm', async ({
  page,
}) => {
  for (const lang of ['en', 'zh'] as const) {
    await gotoApp(page, `lang=${lang}`);
    for (const [id, spec] of [
      ['naive', INCEPTION_3A_NAIVE],
      ['reduced', INCEPTION_3A],
    ] as const) {
      const counts = inceptionCounts(spec);
      const fig = page.getByTestId(`inception-${id}`);
      await expect(fig.locator('svg')).toBeVisible();
      const params = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US').format(counts.params);
      await expect(fig.locator('svg')).toContainText(params);
      await expect(fig).toHaveAttribute('data-macs', String(counts.macs));
    }
    await expect(page.locator('[data-story="why"] h2')).toHaveText(catalogs[lang]['story.why.heading']);
    // The neuron adds up its terms.
    await page.getByTestId('neuron-w1').focus();
    await page.keyboard.press('Home');
    await expect(page.getByTestId('neuron-w1')).toHaveValue('-1');
    const terms = await Promise.all(
      [1, 2, 3, 4].map(async (i) =>
        Number((await page.getByTestId(`neuron-term${i}`).innerText()).replace('−', '-')),
      ),
    );
    const sum = Number((await page.getByTestId('neuron-sum').innerText()).replace('−', '-'));
    expect(sum).toBeCloseTo(
      terms.reduce((a, b) => a + b, 0),
      1,
    );
  }
});

for (const scheme of ['light', 'dark'] as const) {
  test(`story and tour: no WCAG A/AA violations in the ${scheme} theme @wasm`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    for (const section of ['overview', 'numbers'] as const) {
      await gotoApp(page, `section=${section}&tour=${TOUR_STEPS.findIndex((s) => s.section === section)}`);
      await expect(dialog(page)).toBeVisible();
      await expect(page.locator('[data-story-section]')).toBeVisible();
      if (section === 'overview')
        await expect(page.getByTestId('inception-reduced').locator('svg')).toBeVisible();
      const violations = await runAxe(page, {
        tags: WCAG_A_AA,
        include: ['[data-story-section]', '[data-testid="tour-dialog"]', '[data-tour-button]'],
      });
      expect(describeViolations(violations), `${section}, ${scheme}`).toEqual([]);
    }
  });
}
