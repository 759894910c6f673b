import type { Page } from '@playwright/test';
import { catalogs } from '../src/i18n';
import { expect, gotoApp, test } from './harness';

const { en, zh } = catalogs;

/** The steps in order, with the shape of each step's result for a block of the trained 32×4d network. */
function expectedShapes(b: { side: number; out: number; inC: number; c: number; d: number; stride: number }) {
  const grouped = (side: number) => `1×${side}×${side}×${b.c * b.d} (${b.c} × ${b.d})`;
  const plain = (side: number, ch: number) => `1×${side}×${side}×${ch}`;
  const o = b.side / b.stride;
  return [
    ['input', plain(b.side, b.inC)],
    ['split', grouped(b.side)],
    ['bn1-relu', grouped(b.side)],
    ['transform', grouped(o)],
    ['bn2-relu', grouped(o)],
    ['merge', plain(o, b.out)],
    ['bn3', plain(o, b.out)],
    ['shortcut', plain(o, b.out)],
    ['add', plain(o, b.out)],
    ['output', plain(o, b.out)],
  ] as const;
}

const walker = (page: Page) => page.getByTestId('step-walker');

/** Waits until the block is computed and shown, then gives the walker keyboard focus. */
async function ready(page: Page, block: string) {
  await expect(walker(page)).toHaveAttribute('data-block', block, { timeout: 150_000 });
  await walker(page).focus();
}

async function expectStep(page: Page, index: number, id: string, shape: string) {
  await expect(page.getByTestId('step-position')).toHaveAttribute('data-step-index', String(index));
  await expect(walker(page)).toHaveAttribute('data-step', id);
  await expect(page.getByTestId('step-shape')).toHaveText(shape);
}

const canvasPixels = (page: Page, testId: string) =>
  page
    .getByTestId(testId)
    .locator('canvas')
    .evaluate((c: HTMLCanvasElement) => c.toDataURL());

test('step-through @wasm: every step by keyboard, then another block, another image and Chinese', async ({
  page,
}) => {
  test.setTimeout(400_000);
  await gotoApp(page, 'section=step');
  await ready(page, 'layer1.1');

  // layer1.1: 256 channels in and out, 32 groups of 4, 32×32, identity shortcut.
  const steps = expectedShapes({ side: 32, inC: 256, out: 256, c: 32, d: 4, stride: 1 });
  await page.keyboard.press('Home');
  for (const [i, [id, shape]] of steps.entries()) {
    await expectStep(page, i, id, shape);
    expect(new URL(page.url()).searchParams.get('step') ?? 'input').toBe(id);
    if (id === 'transform') {
      await expect(page.getByTestId('group-view')).toBeVisible();
      await expect(page.getByTestId('group-kernel').locator('canvas')).toBeVisible();
    }
    if (id === 'merge') {
      const diff = page.getByTestId('merge-max-diff');
      await expect(diff).toContainText('max |Σᵢ Tᵢ − conv3|');
      expect(Number(await diff.getAttribute('data-value'))).toBeLessThanOrEqual(1e-4);
      await expect(page.getByTestId('merge-terms').locator('canvas')).toBeVisible();
    }
    if (id === 'shortcut')
      await expect(page.getByTestId('step-explanation')).toContainText('Identity shortcut');
    await page.keyboard.press('ArrowRight');
  }
  // Past the end stays on the last step; ← and Home go back.
  await expectStep(page, steps.length - 1, 'output', steps[steps.length - 1][1]);
  await page.keyboard.press('ArrowLeft');
  await expectStep(page, steps.length - 2, 'add', steps[steps.length - 2][1]);
  await page.keyboard.press('Home');
  await expectStep(page, 0, 'input', steps[0][1]);
  await page.keyboard.press('End');
  await expectStep(page, steps.length - 1, 'output', steps[steps.length - 1][1]);

  // The grouped step with another group picked: the group is in the URL.
  await page.keyboard.press('Home');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expectStep(page, 3, 'transform', steps[3][1]);
  await page.getByTestId('group-select').selectOption('5');
  await expect(page.getByTestId('group-view')).toHaveAttribute('data-group', '5');
  expect(new URL(page.url()).searchParams.get('group')).toBe('5');

  // Another block: the first of stage 2 has a projection shortcut and halves the map size.
  await page.getByTestId('block-select').selectOption('layer2.0');
  await ready(page, 'layer2.0');
  const steps2 = expectedShapes({ side: 32, inC: 256, out: 512, c: 32, d: 8, stride: 2 });
  await expectStep(page, 3, 'transform', steps2[3][1]);
  await page.keyboard.press('Home');
  for (const [i, [id, shape]] of steps2.entries()) {
    await expectStep(page, i, id, shape);
    if (id === 'shortcut')
      await expect(page.getByTestId('step-explanation')).toContainText('Projection shortcut');
    await page.keyboard.press('ArrowRight');
  }
  expect(new URL(page.url()).searchParams.get('block')).toBe('layer2.0');

  // Another image: the block's input maps change.
  await page.keyboard.press('Home');
  await expectStep(page, 0, 'input', steps2[0][1]);
  const before = await canvasPixels(page, 'maps-in');
  await page.getByTestId('image-select').selectOption('horse');
  await expect(page.getByTestId('image-select')).toHaveAttribute('data-image', /horse/, { timeout: 60_000 });
  await ready(page, 'layer2.0');
  await expect.poll(() => canvasPixels(page, 'maps-in'), { timeout: 120_000 }).not.toBe(before);
  await expectStep(page, 0, 'input', steps2[0][1]);

  // Chinese: the step's texts change language, the numbers stay.
  await page.getByTestId('lang-select').selectOption('zh');
  await expect(page.getByTestId('step-title')).toHaveText(zh['step.input.title']);
  await walker(page).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('step-title')).toHaveText(
    zh['step.split.title'].replace('{c}', '32').replace('{d}', '8'),
  );
  await expect(page.getByTestId('step-shape')).toHaveText(steps2[1][1]);
  await expect(page.getByTestId('step-explanation')).toContainText('基数');
  await page.getByTestId('lang-select').selectOption('en');
  await expect(page.getByTestId('step-title')).toHaveText(
    en['step.split.title'].replace('{c}', '32').replace('{d}', '8'),
  );
});

test('step-through @wasm: play advances on its own and pauses; the scrubber jumps', async ({ page }) => {
  await gotoApp(page, 'section=step&step=bn3');
  await ready(page, 'layer1.1');
  await expect(walker(page)).toHaveAttribute('data-step', 'bn3');
  await page.getByTestId('step-play').click();
  await expect(page.getByTestId('step-play')).toHaveAttribute('aria-pressed', 'true');
  await expect(walker(page)).toHaveAttribute('data-step', 'shortcut', { timeout: 15_000 });
  await page.getByTestId('step-play').click();
  await expect(page.getByTestId('step-play')).toHaveAttribute('aria-pressed', 'false');
  const paused = await walker(page).getAttribute('data-step');
  await page.waitForTimeout(3_000);
  await expect(walker(page)).toHaveAttribute('data-step', paused ?? '');

  await page.getByTestId('step-scrubber').fill('2');
  await expect(walker(page)).toHaveAttribute('data-step', 'split');

  // The read-out names the channel and position under the keyboard probe.
  const canvas = page.getByTestId('maps-conv1').locator('canvas');
  await canvas.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('PageDown');
  await expect(page.getByTestId('maps-conv1').getByTestId('map-probe')).toHaveText(
    /^channel 1, x 1, y 0: -?\d/,
  );
  // Arrow keys on the canvas moved the probe, not the step.
  await expect(walker(page)).toHaveAttribute('data-step', 'split');
});
