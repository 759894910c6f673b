import type { Locator, Page } from '@playwright/test';
import { catalogs } from '../src/i18n';
import { expect, gotoApp, test } from './harness';

const { en, zh } = catalogs;

/** Conv weights of a block written out by hand: C paths of in→d (1×1), d→d (3×3), d→out (1×1). */
const weights = (C: number, inC: number, d: number, outC: number) => C * (inC * d + 9 * d * d + d * outC);
const grouped = (n: number) => n.toLocaleString('en-US');

const slider = (page: Page) => page.getByTestId('cardinality-slider');
const total = (page: Page) => page.getByTestId('block-params-total');

/** Paths drawn for the ResNeXt block of Figure 1: every one of the C paths. */
const resnextPaths = (page: Page) => page.locator('[data-testid="fig1-resnext"] svg [data-path]');

async function maxDiff(cell: Locator): Promise<number> {
  await expect(cell).toHaveAttribute('data-value', /\d/, { timeout: 120_000 });
  return Number(await cell.getAttribute('data-value'));
}

test('block: the cardinality slider moves with the keyboard and redraws branches and readouts @wasm', async ({
  page,
}) => {
  await gotoApp(page, 'section=overview');
  // default: ResNeXt-50 conv2, 32×4d, the paper's Figure 1
  await expect(total(page)).toHaveText('70,144');
  await expect(page.getByTestId('resnet-params-total')).toHaveText('69,632');
  await expect(slider(page)).toHaveAttribute('aria-valuetext', 'C = 32');
  await expect(resnextPaths(page)).toHaveCount(32);
  await expect(page.locator('[data-testid="fig1-resnext"] svg')).toContainText('total 32 paths');

  await slider(page).focus();
  await page.keyboard.press('Home');
  await expect(slider(page)).toHaveAttribute('aria-valuetext', 'C = 1');
  await expect(total(page)).toHaveText('69,632');
  await expect(page.getByTestId('block-ratio')).toContainText('1.000×');
  await expect(resnextPaths(page)).toHaveCount(1);
  await expect(page.getByTestId('layer-weight-shape-conv2')).toHaveText('64×64×3×3');
  expect(new URL(page.url()).searchParams.get('cardinality')).toBe('1');

  await page.keyboard.press('ArrowRight'); // C = 2: Table 2's 2×40d
  await expect(slider(page)).toHaveAttribute('aria-valuetext', 'C = 2');
  await expect(total(page)).toHaveText(grouped(weights(2, 256, 40, 256)));
  await expect(resnextPaths(page)).toHaveCount(2);

  await page.keyboard.press('ArrowRight'); // C = 4: 4×24d
  await expect(slider(page)).toHaveAttribute('aria-valuetext', 'C = 4');
  await expect(total(page)).toHaveText(grouped(weights(4, 256, 24, 256)));
  await expect(page.locator('[data-testid="fig1-resnext"] svg')).toContainText('total 4 paths');
  await expect(page.getByTestId('layer-out-shape-conv1')).toHaveText('1×56×56×96');
  await expect(page.getByTestId('block-live')).toContainText(grouped(weights(4, 256, 24, 256)));

  await page.keyboard.press('End');
  await expect(slider(page)).toHaveAttribute('aria-valuetext', 'C = 64');
  await expect(resnextPaths(page)).toHaveCount(64);
  await expect(page.locator('[data-testid="fig1-resnext"] svg')).toContainText('total 64 paths');

  // a free d instead of the equal-complexity rule
  await page.getByTestId('keep-complexity').uncheck();
  await page.getByTestId('d-input').fill('8');
  await expect(total(page)).toHaveText(grouped(weights(64, 256, 8, 256)));
  expect(new URL(page.url()).searchParams.get('d')).toBe('8');

  // another stage: CIFAR ResNeXt-29 stage 2 (512-d, 16×16), where d doubles
  await page.getByTestId('stage-select').selectOption('c29-2');
  await expect(total(page)).toHaveText(grouped(weights(64, 512, 16, 512)));
  await expect(page.getByTestId('layer-in-shape-conv1')).toHaveText('1×16×16×512');
});

test('block: a layer selected in one form highlights the same weights in the other two @wasm', async ({
  page,
}) => {
  await gotoApp(page, 'section=forms&cardinality=4');
  for (const f of ['a', 'b', 'c']) await expect(page.getByTestId(`form-params-${f}`)).toHaveText('69,888');
  const formA = page.getByTestId('form-a');
  await expect(formA.locator('[data-layer^="conv1."]')).toHaveCount(4);

  // path 2's last 1×1 in (a) is the second column block of the single 1×1 in (b) and (c)
  await formA.locator('[data-layer="conv3.2"]').click();
  for (const f of ['a', 'b', 'c']) {
    await expect(page.getByTestId(`form-${f}`).locator('[data-layer="conv3.2"]')).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(page.getByTestId(`form-${f}`).locator('[data-layer="conv3.1"]')).toHaveAttribute(
      'aria-pressed',
      'false',
    );
  }
  await expect(page.getByTestId('forms-selection')).toContainText('25–48');
  expect(new URL(page.url()).searchParams.get('layer')).toBe('conv3.2');

  // keyboard: the whole grouped 3×3 of (c), reached with Tab, chosen with Enter, keeps focus after redraw
  const whole = page.getByTestId('form-c').locator('[data-layer="conv2"]');
  await whole.focus();
  await page.keyboard.press('Enter');
  await expect(whole).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('form-a').locator('[data-layer="conv2.4"]')).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.getByTestId('form-c').locator('[data-layer="conv2"]')).toBeFocused();
  await page.keyboard.press(' ');
  await expect(whole).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('forms-selection')).toHaveText(en['forms.selection.none']);

  // large C is drawn compactly: paths 1, 2, …, 32
  await page.getByTestId('cardinality-slider').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(formA.locator('[data-layer^="conv1."]')).toHaveCount(3);
  await expect(formA.locator('[data-layer="conv1.32"]')).toHaveCount(1);
});

test('block: the numerical proof finds forms (a), (b) and (c) equal @wasm', async ({ page }) => {
  await gotoApp(page, 'section=forms');
  const proof = page.getByTestId('forms-proof');
  expect(await maxDiff(proof.getByTestId('max-diff-ab'))).toBeLessThan(1e-4);
  expect(await maxDiff(proof.getByTestId('max-diff-ac'))).toBeLessThan(1e-4);
  await expect(proof.getByTestId('proof-verdict')).toHaveAttribute('data-ok', 'true');
  for (const f of ['a', 'b', 'c']) await expect(proof.getByTestId(`proof-ms-${f}`)).toContainText('ms');

  // a new block (C = 8, 8×14d) is proved again
  await page.getByTestId('cardinality-slider').focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  // the result shown is the new block's (a quick proof may finish before a 'running' state could be seen)
  await expect(proof.getByTestId('proof-verdict')).toHaveAttribute('data-block', '8×14', {
    timeout: 120_000,
  });
  await expect(proof).toHaveAttribute('data-status', 'done');
  await expect(proof.getByTestId('proof-source')).toContainText('1×32×32×256');
  expect(await maxDiff(proof.getByTestId('max-diff-ab'))).toBeLessThan(1e-4);
  expect(await maxDiff(proof.getByTestId('max-diff-ac'))).toBeLessThan(1e-4);

  // 32×4d at a CIFAR stage: the trained block layer1.1 on the current picture's activation
  await gotoApp(page, 'section=forms&stage=c29-1');
  await expect(proof.getByTestId('proof-source')).toHaveAttribute('data-source', 'trained', {
    timeout: 120_000,
  });
  await expect(proof).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  await expect(proof.getByTestId('proof-source')).toContainText('layer1.1');
  expect(await maxDiff(proof.getByTestId('max-diff-ab'))).toBeLessThan(1e-4);
  expect(await maxDiff(proof.getByTestId('max-diff-ac'))).toBeLessThan(1e-4);
});

test('block: switching the language translates the Overview and Forms sections @wasm', async ({ page }) => {
  await gotoApp(page, 'section=overview');
  const body = page.locator('[data-section-body="overview"]');
  await expect(body.locator('h2').first()).toHaveText(en['overview.figure.heading']);
  await page.getByTestId('lang-select').selectOption('zh');
  await expect(body.locator('h2').first()).toHaveText(zh['overview.figure.heading']);
  await expect(body.locator('legend')).toHaveText(zh['block.controls.legend']);
  await expect(page.locator('[data-testid="fig1-resnext"] svg')).toContainText('共 32 条路径');
  await expect(page.getByTestId('stm-caption')).toContainText('第 1 步');

  await gotoApp(page, 'section=forms&lang=zh');
  const forms = page.locator('[data-section-body="forms"]');
  await expect(forms.locator('h2').first()).toHaveText(zh['forms.diagrams.heading']);
  await expect(page.getByTestId('form-c')).toContainText(zh['forms.c.title']);
  await page.getByTestId('lang-select').selectOption('en');
  await expect(page.getByTestId('form-c')).toContainText(en['forms.c.title']);
});

test('block: split-transform-merge plays, pauses and steps; reduced motion steps only @wasm', async ({
  page,
}) => {
  await gotoApp(page, 'section=overview&cardinality=4');
  const svg = page.getByTestId('stm-svg');
  await expect(svg).toHaveAttribute('data-phase', 'input');
  await page.getByTestId('stm-play').click();
  await expect(svg).toHaveAttribute('data-phase', 'transform');
  await page.getByTestId('stm-play').click(); // pause
  const paused = await svg.getAttribute('data-phase');
  await page.waitForTimeout(1500);
  await expect(svg).toHaveAttribute('data-phase', paused!);
  await page.getByTestId('stm-replay').click();
  await expect(svg).toHaveAttribute('data-phase', 'relu', { timeout: 20_000 });

  await page.emulateMedia({ reducedMotion: 'reduce' });
  await gotoApp(page, 'section=overview');
  await expect(page.getByTestId('stm-play')).toHaveCount(0);
  await expect(svg).toHaveAttribute('data-phase', 'input');
  await page.getByTestId('stm-next').click();
  await expect(svg).toHaveAttribute('data-phase', 'split');
  await page.getByTestId('stm-next').click();
  await expect(svg).toHaveAttribute('data-phase', 'transform');
  await expect(page.getByTestId('stm-caption')).toContainText('Step 3 of 7');
});
