import type { Page } from '@playwright/test';
import { expect, gotoApp, test } from './harness';

/**
 * The Overview's figures move with the controls: every path of the block is drawn, as wide as its d; the picture
 * comes first; the cost anatomy adds up to the weights shown. Backend-independent, so they run on WASM only.
 */

const blockFigure = (page: Page) => page.locator('[data-figure="block"]');
const paths = (page: Page) => blockFigure(page).locator('[data-path]');
const slider = (page: Page) => page.getByTestId('cardinality-slider');
const grouped = (s: string) => Number(s.replace(/[^\d]/g, ''));

/** Drawn width, in CSS px, of the first box of path `index` (after its transition has ended). */
async function pathWidth(page: Page, index: number): Promise<number> {
  const box = await blockFigure(page).locator(`[data-path="${index}"] rect`).first().boundingBox();
  return box ? box.width : 0;
}

/** The three parts of the ResNeXt cost bar, read from the drawing. */
async function costParts(page: Page): Promise<number[]> {
  const parts = page.locator('[data-testid="cost-bars"] [data-bar="resnext"] [data-part]');
  await expect(parts).toHaveCount(3);
  return Promise.all([0, 1, 2].map(async (i) => Number(await parts.nth(i).getAttribute('data-value'))));
}

test('overview figures: the block draws exactly C paths for C = 1, 4, 32, 64 @wasm', async ({ page }) => {
  for (const c of [1, 4, 32, 64]) {
    await gotoApp(page, `section=overview&cardinality=${c}`);
    await expect(paths(page)).toHaveCount(c);
    await expect(blockFigure(page).locator(`[data-path="${c - 1}"]`)).toHaveCount(1);
  }
  // the slider splits and merges paths in place
  await slider(page).focus();
  await page.keyboard.press('Home');
  await expect(paths(page)).toHaveCount(1);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(paths(page)).toHaveCount(4);
  await page.keyboard.press('End');
  await expect(paths(page)).toHaveCount(64);
});

test('overview figures: a path is drawn as wide as its d @wasm', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await gotoApp(page, 'section=overview&cardinality=1');
  await expect(paths(page)).toHaveCount(1);
  await expect.poll(() => pathWidth(page, 0)).toBeGreaterThan(0);
  const one = await pathWidth(page, 0);
  await slider(page).focus();
  await page.keyboard.press('End'); // C = 64
  await page.keyboard.press('ArrowLeft'); // C = 32, d = 4
  await expect(paths(page)).toHaveCount(32);
  await expect.poll(() => pathWidth(page, 31)).toBeGreaterThan(0);
  const thin = await pathWidth(page, 0);
  expect(one).toBeGreaterThan(4 * thin);
  // d = 64 against d = 4 on one scale: about 16 times as wide
  expect(one / thin).toBeGreaterThan(10);
  expect(one / thin).toBeLessThan(20);
});

test('overview figures: the slider and the block figure are on the first screen at 1280×900 @wasm', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await gotoApp(page, 'section=overview');
  await expect(paths(page)).toHaveCount(32);
  const s = await slider(page).boundingBox();
  const drawing = await blockFigure(page).locator('[data-testid="fig1-resnext"] svg').boundingBox();
  expect(s).not.toBeNull();
  expect(drawing).not.toBeNull();
  expect(s!.y + s!.height).toBeLessThanOrEqual(900);
  expect(drawing!.y + drawing!.height).toBeLessThanOrEqual(900);
  // at most about 80 words before them: the story's opening, its longer paragraphs folded
  const words = await page
    .locator('[data-story-section]')
    .evaluate((el) => (el as HTMLElement).innerText.split(/\s+/).filter(Boolean).length);
  expect(words).toBeLessThanOrEqual(80);
  // "read more" unfolds them and puts the fold in the URL
  await page.getByTestId('story-more').click();
  await expect(page.getByTestId('story-fold')).toBeVisible();
  expect(new URL(page.url()).searchParams.get('more')).toBe('1');
  await page.getByTestId('story-more').click();
  await expect(page.getByTestId('story-fold')).toBeHidden();
  expect(new URL(page.url()).searchParams.get('more')).toBeNull();
});

test('overview figures: the cost bars change with C and add up to the weights shown @wasm', async ({
  page,
}) => {
  await gotoApp(page, 'section=overview');
  const total = page.getByTestId('block-params-total');
  await expect(total).toHaveText('70,144');
  const at32 = await costParts(page);
  expect(at32).toEqual([256 * 32 * 4, 9 * 32 * 4 * 4, 32 * 4 * 256]);
  expect(at32.reduce((a, b) => a + b, 0)).toBe(grouped(await total.innerText()));
  await expect(page.getByTestId('cost-total')).toHaveText('70,144');
  await expect(page.getByTestId('cost-level')).toHaveCount(0);

  await slider(page).focus();
  await page.keyboard.press('Home'); // C = 1: the ResNet block
  await expect(total).toHaveText('69,632');
  const at1 = await costParts(page);
  expect(at1).not.toEqual(at32);
  expect(at1.reduce((a, b) => a + b, 0)).toBe(69632);

  await page.keyboard.press('End'); // C = 64
  await page.keyboard.press('ArrowLeft'); // C = 32
  await page.keyboard.press('ArrowLeft'); // C = 16, d = 8: whole-number d leaves the cost 1.07×
  await expect(total).toHaveText('74,752');
  const at16 = await costParts(page);
  expect(at16.reduce((a, b) => a + b, 0)).toBe(grouped(await total.innerText()));
  await expect(page.getByTestId('cost-level')).toContainText('1.07×');
  await expect(page.locator('[data-testid="cost-d-chart"] .is-current')).toHaveAttribute('data-c', '16');
});

test('overview figures: with reduced motion the figures still follow the controls @wasm', async ({
  page,
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await gotoApp(page, 'section=overview&cardinality=4');
  await expect(paths(page)).toHaveCount(4);
  await slider(page).focus();
  await page.keyboard.press('ArrowRight');
  await expect(paths(page)).toHaveCount(8);
  await expect(page.getByTestId('stm-play')).toHaveCount(0);
  await expect(page.locator('[data-testid="why-t3"] .is-current')).toHaveAttribute('data-row', 'c8');
  await page.getByTestId('keep-complexity').uncheck();
  await page.getByTestId('d-input').fill('2');
  await expect(page.getByTestId('cost-level')).toBeVisible();
  expect(await costParts(page)).toEqual([256 * 8 * 2, 9 * 8 * 2 * 2, 8 * 2 * 256]);
});

for (const [width, height, min] of [
  [1280, 900, 12],
  [1024, 768, 12],
  [375, 812, 11],
] as const) {
  test(`overview figures: no figure text under ${min} px at ${width} wide @wasm`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await gotoApp(page, 'section=overview&cardinality=8');
    await expect(page.locator('#fig-why-cardinality svg').first()).toBeVisible();
    const small = await page.evaluate((limit) => {
      const roots = ['#fig-block', '#fig-cost-anatomy', '#fig-why-cardinality', '[data-testid="stm-svg"]'];
      const out: string[] = [];
      for (const root of roots) {
        document.querySelectorAll<SVGTextElement>(`${root} svg text`).forEach((el) => {
          if (!el.textContent?.trim()) return;
          const ctm = el.getScreenCTM();
          const px = parseFloat(getComputedStyle(el).fontSize) * (ctm ? Math.hypot(ctm.a, ctm.b) : 1);
          if (px < limit - 0.05) out.push(`${root}: "${el.textContent}" ${px.toFixed(1)} px`);
        });
      }
      return out;
    }, min);
    expect(small).toEqual([]);
  });
}

test('overview figures: drawn at once, while the weights are still downloading and no backend is needed @wasm', async ({
  page,
}) => {
  // the weights (which start downloading with the page) never arrive
  const weights: string[] = [];
  await page.route('**/*.safetensors', (route) => {
    weights.push(route.request().url());
  });
  await gotoApp(page, 'section=overview&cardinality=32');
  await expect(paths(page)).toHaveCount(32);
  await expect(page.locator('[data-testid="cost-bars"] [data-bar="resnext"] [data-part]')).toHaveCount(3);
  await expect(page.locator('#fig-why-cardinality svg').first()).toBeVisible();
  // the download is under way (the page asked for the weights) and has not finished
  expect(weights.length).toBeGreaterThan(0);
});
