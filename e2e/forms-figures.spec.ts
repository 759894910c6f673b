import type { Page } from '@playwright/test';
import { catalogs } from '../src/i18n';
import { expect, gotoApp, test } from './harness';
import { smallText } from './support/figureText';

const { en } = catalogs;

const morph = (page: Page) => page.getByTestId('form-morph');
const morphSvg = (page: Page) => morph(page).locator('svg');
const roles = (page: Page, conv: number) =>
  morph(page)
    .locator(`[data-layer^="conv${conv}."]`)
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-role')));

/** Chooses a form and waits until the morph has arrived there. */
async function reach(page: Page, form: 'a' | 'b' | 'c') {
  await page.getByTestId(`morph-${form}`).click();
  await expect(morphSvg(page)).toHaveAttribute('data-settled', form);
  expect(new URL(page.url()).searchParams.get('form') ?? 'a').toBe(form);
}

test('forms figures @wasm: the morph reaches (a), (b) and (c); the sum node says what it adds', async ({
  page,
}) => {
  await gotoApp(page, 'section=forms');
  await expect(page.locator('#fig-forms-morph')).toHaveAttribute('data-figure', 'forms-morph');
  await expect(page.locator('#fig-forms')).toHaveAttribute('data-figure', 'forms');
  await expect(morphSvg(page)).toHaveAttribute('data-settled', 'a');

  // (a): C = 32 drawn as paths 1, 2, …, 32, each conv its own box; the ⊕ sums the paths and the shortcut
  for (const k of [1, 2, 3]) expect(await roles(page, k)).toEqual(['path', 'path', 'path']);
  await expect(morph(page).locator('[data-text="sum"]')).toHaveText('Σ 32 paths + x');
  await expect(morph(page).locator('[data-role="wide"]')).toHaveCount(0);

  // (b): the last 1×1s become one 1×1 after a concatenation; the ⊕ adds the shortcut alone
  await reach(page, 'b');
  expect(await roles(page, 1)).toEqual(['path', 'path', 'path']);
  expect(await roles(page, 2)).toEqual(['path', 'path', 'path']);
  expect(await roles(page, 3)).toEqual(['strip', 'strip', 'strip']);
  await expect(morph(page).locator('[data-role="concat"]')).toHaveCount(1);
  await expect(morph(page).locator('[data-role="wide"]')).toHaveCount(1);
  await expect(morph(page).locator('[data-text="sum"]')).toHaveText(en['forms.sum.bc']);
  await expect(page.getByTestId('form-b').locator('[data-text="sum"]')).toHaveText(en['forms.sum.bc']);
  await expect(page.getByTestId('form-b').locator('[data-text="sum"]')).not.toContainText('paths');
  await expect(page.getByTestId('form-b').locator('[data-text="paths"]')).toHaveText('× 32 paths');
  await expect(page.getByTestId('morph-weights-conv3')).toHaveText('32,768');

  // (c): the first 1×1s become one wide 1×1 and the 3×3s one grouped conv
  await reach(page, 'c');
  for (const k of [1, 2, 3]) expect(await roles(page, k)).toEqual(['strip', 'strip', 'strip']);
  await expect(morph(page).locator('[data-role="wide"]')).toHaveCount(3);
  await expect(morph(page).locator('[data-role="concat"]')).toHaveCount(0);
  await expect(morph(page).locator('[data-layer="conv2"]')).toContainText('32 groups');
  await expect(page.getByTestId('morph-weights-conv1')).toHaveText('32,768');

  // and back to (a), where every path has its own boxes again
  await reach(page, 'a');
  expect(await roles(page, 3)).toEqual(['path', 'path', 'path']);

  // play walks a → b → c and stops there
  await reach(page, 'c');
  await page.getByTestId('morph-play').click();
  await expect(morphSvg(page)).toHaveAttribute('data-settled', 'b', { timeout: 20_000 });
  await expect(morphSvg(page)).toHaveAttribute('data-settled', 'c', { timeout: 20_000 });
  await expect(page.getByTestId('morph-play')).toHaveAttribute('aria-pressed', 'false');

  // a C change redraws the paths in place: C = 4 draws all four
  await gotoApp(page, 'section=forms&cardinality=4&form=b');
  await expect(morphSvg(page)).toHaveAttribute('data-settled', 'b');
  expect(await roles(page, 1)).toEqual(['path', 'path', 'path', 'path']);
  expect(await roles(page, 3)).toEqual(['strip', 'strip', 'strip', 'strip']);
});

test('forms figures @wasm: Escape clears the selection; reduced motion morphs at once', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await gotoApp(page, 'section=forms&cardinality=4');
  await page.getByTestId('form-a').locator('[data-layer="conv2.3"]').click();
  await expect(page.getByTestId('forms-selection')).toHaveAttribute('data-layer', 'conv2.3');
  await expect(morph(page).locator('[data-layer="conv2.3"]')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('forms-selection')).toHaveText(en['forms.selection.none']);
  expect(new URL(page.url()).searchParams.get('layer')).toBeNull();

  await reach(page, 'c');
  // nothing is left half-way: every cell is fully shown at its place
  const opacities = await morph(page)
    .locator('g[data-role]')
    .evaluateAll((els) => els.map((e) => getComputedStyle(e).opacity));
  expect(new Set(opacities)).toEqual(new Set(['1']));
});

for (const [width, height, min] of [
  [1280, 900, 12],
  [1024, 768, 12],
  [375, 812, 11],
] as const) {
  test(`forms figures @wasm: no figure text under ${min} px at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await gotoApp(page, 'section=forms&stage=r50-conv5&cardinality=4');
    for (const form of ['a', 'b', 'c'] as const) {
      await page.getByTestId(`morph-${form}`).click();
      await expect(morphSvg(page)).toHaveAttribute('data-settled', form);
      for (const id of ['#fig-forms-morph', '#fig-forms'])
        expect(await smallText(page.locator(id), min), `${id} in form ${form}`).toEqual([]);
    }
  });
}
