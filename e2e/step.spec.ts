import type { Page } from '@playwright/test';
import { catalogs } from '../src/i18n';
import { expect, gotoApp, test } from './harness';
import { smallText } from './support/figureText';

const { en, zh } = catalogs;

/** A grouped tensor's shape as the catalog writes it, e.g. `1×32×32×128 (32×4d)`. */
const groupedShape = (catalog: Record<string, string>, shape: string, c: number, d: number) =>
  catalog['step.shape.grouped'].replace('{shape}', shape).replace('{c}', String(c)).replace('{d}', String(d));

/** The steps in order, with the shape of each step's result for a block of the trained 32×4d network. */
function expectedShapes(b: { side: number; out: number; inC: number; c: number; d: number; stride: number }) {
  const grouped = (side: number) => groupedShape(en, `1×${side}×${side}×${b.c * b.d}`, b.c, b.d);
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
  // the same numbers, in the Chinese catalog's notation
  await expect(page.getByTestId('step-shape')).toHaveText(
    groupedShape(zh, steps2[1][1].split(' ')[0], 32, 8),
  );
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

  // The read-out names the channel (numbered from 1) and position under the keyboard probe.
  const canvas = page.getByTestId('maps-conv1').locator('canvas');
  await canvas.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('PageDown');
  await expect(page.getByTestId('maps-conv1').getByTestId('map-probe')).toHaveText(
    /^channel 2, x 1, y 0: -?\d/,
  );
  // Arrow keys on the canvas moved the probe, not the step.
  await expect(walker(page)).toHaveAttribute('data-step', 'split');
});

/** Where the step title sits on the page and how tall the page is. */
const geometry = (page: Page) =>
  page.getByTestId('step-title').evaluate((el) => {
    // The maps' panel is as tall as its maps (up to about a screen, then it scrolls): no blank run below them.
    const panel = document.querySelector('[data-testid="step-panel"]')!;
    const style = getComputedStyle(panel);
    const frame =
      parseFloat(style.paddingTop) +
      parseFloat(style.paddingBottom) +
      parseFloat(style.borderTopWidth) +
      parseFloat(style.borderBottomWidth);
    const content = panel.firstElementChild!.getBoundingClientRect().height;
    return {
      titleY: Math.round(el.getBoundingClientRect().top + window.scrollY),
      panelSlack: Math.round(panel.getBoundingClientRect().height - frame - content),
    };
  });

/** The number at the end of a map read-out such as "channel 3, x 0, y 0: -0.1234". */
async function probeValue(page: Page, testId: string): Promise<number> {
  const fig = page.getByTestId(testId);
  await fig.locator('canvas').focus();
  const text = (await fig.getByTestId('map-probe').textContent()) ?? '';
  const m = /: (-?[\d.]+)$/.exec(text.trim());
  expect(m, text).not.toBeNull();
  return Number(m![1]);
}

test('step-through @wasm: the title stays put, the maps’ panel no taller than its maps; Add shows x | F(x) | x + F(x); view state in the URL', async ({
  page,
}) => {
  test.setTimeout(400_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await gotoApp(page, 'section=step');
  await ready(page, 'layer1.1');
  await expect(page.locator('#fig-step-block')).toHaveAttribute('data-figure', 'step-block');
  await expect(page.locator('#fig-step-maps')).toHaveAttribute('data-figure', 'step-maps');

  // every step: same title position; the maps' panel no taller than its maps (the page is as long as the step)
  await page.keyboard.press('Home');
  const seen: { titleY: number; panelSlack: number }[] = [];
  for (let i = 0; i < 10; i++) {
    await expect(page.getByTestId('step-position')).toHaveAttribute('data-step-index', String(i));
    await expect(page.getByTestId('step-panel').locator('canvas').first()).toBeVisible();
    seen.push(await geometry(page));
    await walker(page).focus();
    await page.keyboard.press('ArrowRight');
  }
  expect(new Set(seen.map((g) => g.titleY)).size, JSON.stringify(seen)).toBe(1);
  expect(Math.max(...seen.map((g) => g.panelSlack)), JSON.stringify(seen)).toBeLessThanOrEqual(1);

  // no text under 12 px in the step figures
  expect(await smallText(page.locator('#fig-step-block'), 12)).toEqual([]);
  expect(await smallText(page.locator('#fig-step-maps'), 12)).toEqual([]);

  // the arrows into and out of the ⊕ touch it
  const gaps = await page.locator('#fig-step-block svg').evaluate((svg) => {
    const circle = svg.querySelector('[data-node="add"] circle')!.getBoundingClientRect();
    const into = svg.querySelector('[data-edge="bn3-add"]')!.getBoundingClientRect();
    const out = svg.querySelector('[data-edge="add-output"]')!.getBoundingClientRect();
    return [Math.abs(into.right - circle.left), Math.abs(out.left - circle.right)];
  });
  for (const gap of gaps) expect(gap).toBeLessThan(1.5);

  // Add: one channel as x | F(x) | x + F(x), and the third is the sum of the first two
  await gotoApp(page, 'section=step&step=add&channel=4');
  await expect(page.getByTestId('add-view')).toBeVisible({ timeout: 150_000 });
  await expect(page.getByTestId('add-view')).toHaveAttribute('data-channel', '4');
  for (const id of ['add-x', 'add-f', 'add-sum'])
    await expect(page.getByTestId(id).locator('canvas')).toBeVisible();
  await expect(page.getByTestId('merge-channel')).toHaveValue('5');
  const [x, f, z] = [
    await probeValue(page, 'add-x'),
    await probeValue(page, 'add-f'),
    await probeValue(page, 'add-sum'),
  ];
  expect(Math.abs(x + f - z)).toBeLessThanOrEqual(2e-4);
  await expect(page.getByTestId('add-sum').getByTestId('map-probe')).toContainText('channel 5,');
  await page.getByTestId('merge-channel').fill('9');
  await expect(page.getByTestId('add-view')).toHaveAttribute('data-channel', '8');
  expect(new URL(page.url()).searchParams.get('channel')).toBe('8');

  // colour scale, output channel and BN/ReLU view round-trip through the URL
  await gotoApp(page, 'section=step&step=bn1-relu');
  await ready(page, 'layer1.1');
  await expect(page.getByTestId('maps-relu1')).toBeVisible();
  await page.getByTestId('tensor-bn').check();
  await expect(page.getByTestId('maps-bn1')).toBeVisible();
  await page.getByTestId('norm-toggle').getByRole('radio').nth(1).check();
  const url = new URL(page.url());
  expect(url.searchParams.get('bnView')).toBe('bn');
  expect(url.searchParams.get('colors')).toBe('shared');
  await page.goto(url.pathname + url.search);
  await ready(page, 'layer1.1');
  await expect(page.getByTestId('maps-bn1')).toBeVisible();
  await expect(page.getByTestId('tensor-bn')).toBeChecked();
  await expect(page.getByTestId('norm-toggle').getByRole('radio').nth(1)).toBeChecked();

  await gotoApp(page, 'section=step&step=merge');
  await ready(page, 'layer1.1');
  await page.getByTestId('merge-channel').fill('12');
  await expect(page.getByTestId('merge-view')).toContainText('Σᵢ Tᵢ(x) · channel 12');
  const merge = new URL(page.url());
  expect(merge.searchParams.get('channel')).toBe('11');
  await page.goto(merge.pathname + merge.search);
  await ready(page, 'layer1.1');
  await expect(page.getByTestId('merge-channel')).toHaveValue('12');
  await expect(page.getByTestId('merge-view')).toContainText('Σᵢ Tᵢ(x) · channel 12');
});
