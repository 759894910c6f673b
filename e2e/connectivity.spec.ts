import type { Locator, Page } from '@playwright/test';
import { expect, gotoApp, test } from './harness';
import { WCAG_A_AA, blocking, describeViolations, runAxe } from './support/axe';
import { smallText } from './support/figureText';

/**
 * The weights as pictures: the Overview's connectivity figure draws the grouped 3×3 as C diagonal blocks holding
 * 9·C·d² weights and lights up path i together with the block figure; the Forms morph moves the matrices between
 * the forms. Backend-independent, so they run on WASM only; one page load per test.
 */

const connectivity = (page: Page) => page.locator('[data-figure="connectivity"]');
const diag = (page: Page) => connectivity(page).locator('[data-diag]');
const blockFigure = (page: Page) => page.locator('[data-figure="block"]');
const lit = (scope: Locator) => scope.locator('[data-highlighted="true"]');

/** The d of the block as the read-out under the controls states it, once it shows C = c. */
async function readD(page: Page, c: number): Promise<number> {
  const notation = page.getByTestId('block-notation');
  await expect(notation).toContainText(`C = ${c} `);
  const m = /d = (\d+)/.exec((await notation.textContent()) ?? '');
  expect(m, 'the read-out names d').not.toBeNull();
  return Number(m![1]);
}

async function expectWeights(page: Page, c: number): Promise<void> {
  const d = await readD(page, c);
  const n = 9 * c * d * d;
  await expect(connectivity(page)).toHaveAttribute('data-weights', String(n));
  await expect(diag(page)).toHaveCount(c);
  await expect(diag(page).last()).toHaveAttribute('data-diag', String(c - 1));
  await expect(page.getByTestId('connectivity-count')).toContainText(n.toLocaleString('en-US'));
  // the same count as the cost anatomy's grouped 3×3
  await expect(page.getByTestId('cost-part-conv2')).toHaveAttribute('data-value', String(n));
}

async function axeClean(page: Page, selector: string): Promise<void> {
  const violations = blocking(await runAxe(page, { include: selector, tags: WCAG_A_AA }));
  expect(describeViolations(violations), selector).toEqual([]);
}

test('connectivity @wasm: 9·C·d² weights in C diagonal blocks at C = 4, 1, 32; block i and path i light up together', async ({
  page,
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.setViewportSize({ width: 1280, height: 900 });
  await gotoApp(page, 'section=overview&cardinality=4&stage=r50-conv3');
  await expectWeights(page, 4);

  // focus on diagonal block 2 lights up path 2 of the block figure, and only it; the arrow keys move along
  await diag(page).nth(1).focus();
  await expect(lit(blockFigure(page))).toHaveAttribute('data-path', '1');
  await page.keyboard.press('ArrowRight');
  await expect(diag(page).nth(2)).toBeFocused();
  await expect(lit(blockFigure(page))).toHaveCount(1);
  await expect(lit(blockFigure(page))).toHaveAttribute('data-path', '2');
  await expect(diag(page).nth(2)).toHaveAttribute('data-highlighted', 'true');
  await diag(page).nth(2).blur();
  await expect(lit(blockFigure(page))).toHaveCount(0);

  // the pointer on block 3 lights up path 3; on path 0 of the block figure, block 0 and its 1×1 blocks
  await diag(page).nth(3).hover();
  await expect(lit(blockFigure(page))).toHaveAttribute('data-path', '3');
  await blockFigure(page).locator('[data-path="0"] rect').first().hover();
  await expect(lit(connectivity(page))).toHaveCount(3);
  await expect(connectivity(page).locator('[data-diag="0"]')).toHaveAttribute('data-highlighted', 'true');
  await page.mouse.move(1, 1);
  await expect(lit(connectivity(page))).toHaveCount(0);

  expect(await smallText(connectivity(page), 12)).toEqual([]);
  await axeClean(page, '#fig-connectivity');

  // the slider redraws it: C = 1 is one dense square, C = 32 thirty-two blocks
  await page.getByTestId('cardinality-slider').focus();
  await page.keyboard.press('Home');
  await expectWeights(page, 1);
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await expectWeights(page, 32);
});

test('connectivity @wasm: the figure reads in Chinese and fits a phone', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.setViewportSize({ width: 375, height: 812 });
  await gotoApp(page, 'section=overview&lang=zh');
  await expectWeightsZh(page);
  const text = await connectivity(page).evaluate((el) =>
    [
      (el as HTMLElement).innerText,
      ...[...el.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label') ?? ''),
      el.querySelector('desc')?.textContent ?? '',
    ].join('\n'),
  );
  expect(text).toMatch(/[\u4e00-\u9fff]/);
  expect(text.match(/[A-Za-z]{3,}[ ,]+[A-Za-z]{3,}/g) ?? []).toEqual([]);
  const box = await connectivity(page).locator('svg').boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(375);
  const scroll = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
  expect(scroll, 'the page scrolls sideways').toBeLessThanOrEqual(375);
});

/** The Chinese page at the default C = 32: the count is written with Chinese words and the current numbers. */
async function expectWeightsZh(page: Page): Promise<void> {
  const d = await readD(page, 32);
  const n = 9 * 32 * d * d;
  await expect(connectivity(page)).toHaveAttribute('data-weights', String(n));
  await expect(diag(page)).toHaveCount(32);
  await expect(page.getByTestId('connectivity-count')).toContainText(`${n.toLocaleString('zh-CN')} 个权重`);
}

type Boxes = Record<string, { x: number; y: number; w: number; h: number }>;

test('connectivity @wasm: the Forms morph moves the matrices, form (c) says what each group reads; depth 2', async ({
  page,
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.setViewportSize({ width: 1280, height: 900 });
  await gotoApp(page, 'section=forms&cardinality=4');
  const d = await readD(page, 4);
  const mx = page.locator('[data-form-matrices]');
  const boxes = async (form: 'a' | 'b' | 'c'): Promise<Boxes> => {
    if (form !== 'a') await page.getByTestId(`morph-${form}`).click();
    await expect(mx).toHaveAttribute('data-form-matrices', form);
    await expect(mx.locator('svg')).toHaveAttribute('data-settled', form);
    await expect(mx.locator('[data-mblock]')).toHaveCount(12);
    return Object.fromEntries(
      await mx.locator('[data-mblock]').evaluateAll((els) =>
        els.map((e) => {
          // relative to the drawing: choosing a form may scroll the page
          const o = e.closest('svg')!.getBoundingClientRect();
          const r = e.getBoundingClientRect();
          return [e.getAttribute('data-mblock'), { x: r.x - o.x, y: r.y - o.y, w: r.width, h: r.height }];
        }),
      ),
    ) as Boxes;
  };
  const a = await boxes('a');
  const b = await boxes('b');
  const c = await boxes('c');
  expect(Object.keys(c).sort()).toEqual(Object.keys(a).sort());
  // (b) joins the last 1×1s side by side and leaves the first 1×1s where they were
  expect(b['w1.2']).toEqual(a['w1.2']);
  expect(b['w3.1'].x).toBeCloseTo(b['w3.0'].x + b['w3.0'].w, 0);
  expect(b['w3.1'].x).not.toBeCloseTo(a['w3.1'].x, 0);
  // (c) stacks the first 1×1s and puts the 3×3s on a diagonal
  for (let i = 1; i < 4; i++) {
    expect(c[`w1.${i}`].x).toBeCloseTo(c['w1.0'].x, 0);
    expect(c[`w1.${i}`].y).toBeCloseTo(c[`w1.${i - 1}`].y + c[`w1.${i - 1}`].h, 0);
    expect(c[`w2.${i}`].x).toBeGreaterThan(c[`w2.${i - 1}`].x);
    expect(c[`w2.${i}`].y).toBeGreaterThan(c[`w2.${i - 1}`].y);
  }
  for (const key of ['w1.1', 'w2.1', 'w2.3']) expect(c[key]).not.toEqual(a[key]);

  // the grouped strip of form (c): group 2 reads channels d+1 … 2d of the first 1×1's output
  const morph = page.getByTestId('form-morph');
  await expect(morph.locator('[data-edge="read.1"]')).toHaveCount(1);
  await expect(morph.locator('[data-text="read.1"]')).toHaveText(`${d + 1}–${2 * d}`);
  await expect(page.getByTestId('form-matrices-text')).toContainText(`${4 * d}×${4 * d}`);

  // depth 2: two dense layers of in·C·d + C·d·out weights (in = out = 256 at ResNeXt-50's conv2)
  const depth2 = page.locator('[data-figure="depth-two"]');
  await expect(depth2).toHaveAttribute('id', 'fig-forms-depth2');
  await expect(depth2).toHaveAttribute('data-weights', String(2 * 256 * 4 * d));
  await expect(depth2.locator('figcaption')).toContainText(`${4 * d}×256`);

  for (const fig of ['#fig-forms-morph', '#fig-forms-depth2']) {
    expect(await smallText(page.locator(fig), 12), fig).toEqual([]);
    await axeClean(page, fig);
  }
});
