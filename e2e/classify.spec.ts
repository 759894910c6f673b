import { readFileSync } from 'node:fs';
import type { Page, Request } from '@playwright/test';
import { translate } from '../src/i18n';
import { KEPT_MODELS_BUDGET_BYTES, TENSOR_BUDGET_BYTES } from '../src/resnext/budget';
import { CIFAR10_CLASSES } from '../src/resnext/modelMeta';
import { expect, gotoApp, test } from './harness';
import { navLink } from './support/sections';
import { describeViolations, runAxe, WCAG_A_AA } from './support/axe';
import { settledMemory, waitForDebugHook } from './support/memory';

/**
 * The Classify section on the WASM and WebGL backends. The shipped photos the default 80-epoch model
 * classifies correctly (checked in PyTorch with the same crop, PIL's centre square resized BILINEAR to
 * 32×32): cat.jpg → cat, horse.jpg → horse. The rocket, astronaut and coffee photos show none of the ten
 * classes.
 */

const SAMPLES_DIR = new URL('../public/samples/', import.meta.url);
const CORRECT = [
  { sample: 'cat', file: 'cat.jpg', cls: 'cat' },
  { sample: 'horse', file: 'horse.jpg', cls: 'horse' },
] as const;
const RANDOM_RESNEXT50 = new URL(
  '../.cache/fixtures/weights/resnext50_32x4d_random.safetensors',
  import.meta.url,
);

/** The size of the default weights file, as public/models/manifest.json lists it. */
function defaultWeightsBytes(): number {
  const manifest = JSON.parse(
    readFileSync(new URL('../public/models/manifest.json', import.meta.url), 'utf8'),
  ) as {
    default: string;
    files: { path: string; bytes: number }[];
  };
  return manifest.files.find((f) => f.path === manifest.default)!.bytes;
}

const section = (page: Page) => page.locator('[data-section-body="classify"]');
const top1 = (page: Page) => page.getByTestId('top1');

async function openClassify(page: Page, query = '') {
  await gotoApp(page, `section=classify${query ? `&${query}` : ''}`);
  await expect(section(page)).toBeVisible();
}

// The same on WebGL, with a lost GPU and a change of backend: e2e/errors-zh.spec.ts.
test.describe('classify @wasm', () => {
  test('sample photos: the default model names the right class, with time, backend and the 32×32 crop', async ({
    page,
  }) => {
    test.setTimeout(300_000);
    await openClassify(page);
    // the first sample is shown and classified without any action
    await expect(top1(page)).toHaveAttribute('data-class', 'cat', { timeout: 180_000 });
    await expect(top1(page)).toHaveAttribute('data-origin', 'sample');
    await expect(page.getByTestId('inference-time')).toHaveAttribute('data-backend', 'wasm');
    expect(Number(await page.getByTestId('inference-time').getAttribute('data-ms'))).toBeGreaterThan(0);
    // ten bars, one emphasised, and the same numbers as a table for screen readers
    await expect(section(page).locator('svg.prob-bars g.prob-row')).toHaveCount(10);
    await expect(section(page).locator('svg.prob-bars g.prob-row.is-top')).toHaveAttribute('data-key', 'cat');
    await expect(section(page).locator('.classify-result table tbody tr')).toHaveCount(10);
    // the network's input: 32×32 canvas pixels, shown enlarged with crisp pixels
    const crop = page.getByTestId('network-crop');
    await expect(crop).toHaveAttribute('width', '32');
    expect(await crop.evaluate((c) => getComputedStyle(c).imageRendering)).toMatch(/pixelated|crisp-edges/);
    expect((await crop.boundingBox())!.width).toBeGreaterThanOrEqual(128);

    for (const { sample, cls } of CORRECT.slice(1)) {
      await section(page).locator(`button[data-sample="${sample}"]`).click();
      await expect(section(page).locator(`button[data-sample="${sample}"]`)).toHaveAttribute(
        'aria-pressed',
        'true',
      );
      await expect(top1(page)).toHaveAttribute('data-image', `${sample}.jpg`);
      await expect(top1(page)).toHaveAttribute('data-class', cls);
    }
  });

  // Reading an upload or a drop, and running the family one model after another, do not depend on the
  // backend: the model's answers there are the sample test's, the kernels' shapes e2e/kernels.spec.ts's.
  test('uploaded photos are classified in the browser: no image data and no other origin in the request log', async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(300_000);
    await openClassify(page, 'sample=horse');
    await expect(top1(page)).toHaveAttribute('data-class', 'horse', { timeout: 180_000 });
    const requests: Request[] = [];
    page.on('request', (r) => requests.push(r));
    for (const { file, cls } of CORRECT) {
      const buffer = readFileSync(new URL(file, SAMPLES_DIR));
      await page
        .getByTestId('file-input')
        .setInputFiles({ name: `upload-${file}`, mimeType: 'image/jpeg', buffer });
      await expect(top1(page)).toHaveAttribute('data-image', `upload-${file}`);
      await expect(top1(page)).toHaveAttribute('data-origin', 'upload');
      await expect(top1(page)).toHaveAttribute('data-class', cls);
    }
    const origin = new URL(baseURL!).origin;
    for (const r of requests) {
      expect(new URL(r.url()).origin, r.url()).toBe(origin);
      expect(r.method(), r.url()).toBe('GET');
      expect(r.postDataBuffer(), r.url()).toBeNull();
      expect(r.url()).not.toContain('upload-');
    }
  });

  test('a dropped picture is classified', async ({ page }) => {
    test.setTimeout(300_000);
    await openClassify(page);
    await expect(top1(page)).toHaveAttribute('data-class', 'cat', { timeout: 180_000 });
    const bytes = [...readFileSync(new URL('horse.jpg', SAMPLES_DIR))];
    const drop = page.getByTestId('drop-zone');
    const dataTransfer = await page.evaluateHandle((data) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], 'dropped-horse.jpg', { type: 'image/jpeg' }));
      return dt;
    }, bytes);
    await drop.dispatchEvent('dragenter', { dataTransfer });
    await expect(drop).toHaveAttribute('data-dragging', 'true');
    await drop.dispatchEvent('drop', { dataTransfer });
    await expect(drop).toHaveAttribute('data-dragging', 'false');
    await expect(top1(page)).toHaveAttribute('data-image', 'dropped-horse.jpg');
    await expect(top1(page)).toHaveAttribute('data-origin', 'drop');
    await expect(top1(page)).toHaveAttribute('data-class', 'horse');
  });
  test('compare cardinalities runs the five 20-epoch models and shows their accuracy; the model menu shares their weights', async ({
    page,
  }) => {
    test.setTimeout(400_000);
    await openClassify(page);
    await expect(top1(page)).toHaveAttribute('data-class', 'cat', { timeout: 180_000 });
    await page.getByTestId('compare-run').click();
    const rows = page.getByTestId('compare-row');
    await expect(rows).toHaveCount(5, { timeout: 300_000 });
    await expect(page.getByTestId('compare-progress')).toHaveCount(0);
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-model')))).toEqual([
      'family_1x64d',
      'family_2x40d',
      'family_4x24d',
      'family_8x14d',
      'family_32x4d',
    ]);
    for (const cls of await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-class')))) {
      expect(CIFAR10_CLASSES).toContain(cls);
    }
    // each row's accuracy cell is a percentage from the family's measured metrics
    for (const text of await rows.locator('td:nth-child(2)').allInnerTexts())
      expect(text).toMatch(/^8\d\.\d%$/);
    await expect(section(page).locator('.classify-compare .classify-note')).toContainText(
      'within run-to-run noise',
    );
    const table = page.getByTestId('compare-table');
    await expect(table).toHaveAttribute('data-finished', '1');
    await expect(table).toHaveAttribute('data-built', '5');
    // the models built first stay built for the next comparison, as many as the budget holds
    await expect(page.getByTestId('compare-kept')).toBeVisible();
    const keptModels = Number(await table.getAttribute('data-kept-models'));
    const keptBytes = Number(await table.getAttribute('data-kept-bytes'));
    expect(keptModels).toBeGreaterThan(0);
    expect(keptBytes).toBeGreaterThan(0);
    expect(keptBytes).toBeLessThanOrEqual(KEPT_MODELS_BUDGET_BYTES);
    await waitForDebugHook(page);
    const afterFirst = await settledMemory(page);
    expect(afterFirst.numBytes).toBeLessThanOrEqual(TENSOR_BUDGET_BYTES);

    // a second comparison reuses the kept models and builds the others from kept weights: no weight request
    const weightRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('.safetensors')) weightRequests.push(r.url());
    });
    await page.getByTestId('compare-run').click();
    await expect(table).toHaveAttribute('data-finished', '2', { timeout: 300_000 });
    await expect(rows).toHaveCount(5);
    await expect(page.getByTestId('compare-progress')).toHaveCount(0);
    const built = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-built')));
    const afterSecond = await settledMemory(page);
    console.log(
      `second comparison: ${weightRequests.length} weight requests, ${await table.getAttribute('data-built')} models built; ` +
        `kept: ${keptModels} models, ${keptBytes} bytes of tensors; tf.memory() after the first ${JSON.stringify(afterFirst)}, after the second ${JSON.stringify(afterSecond)}`,
    );
    expect(weightRequests).toEqual([]);
    expect(built).toEqual([0, 1, 2, 3, 4].map((i) => String(i >= keptModels)));
    await expect(table).toHaveAttribute('data-built', String(5 - keptModels));
    expect(afterSecond.numTensors).toBe(afterFirst.numTensors);
    expect(afterSecond.numBytes).toBe(afterFirst.numBytes);

    // leaving the section lets the five models go: their tensors are freed
    await navLink(page, 'overview').click();
    await expect(section(page)).toHaveCount(0);
    const away = await settledMemory(page);
    console.log(`after leaving Classify: ${JSON.stringify(away)}`);
    expect(afterSecond.numBytes - away.numBytes).toBeGreaterThanOrEqual(keptBytes);

    // back in Classify, a comparison builds the five again from the weights kept: still no request
    await navLink(page, 'classify').click();
    await expect(top1(page)).toHaveAttribute('data-class', 'cat', { timeout: 120_000 });
    await page.getByTestId('compare-run').click();
    await expect(table).toHaveAttribute('data-finished', '1', { timeout: 300_000 });
    await expect(table).toHaveAttribute('data-built', '5');
    await expect(table).toHaveAttribute('data-kept-models', String(keptModels));
    const rebuilt = await settledMemory(page);
    expect(weightRequests).toEqual([]);

    // another backend: the kept models are disposed (their weights stay)
    await page.getByTestId('backend-select').selectOption('cpu');
    await expect(page.getByTestId('inference-time')).toHaveAttribute('data-backend', 'cpu', {
      timeout: 180_000,
    });
    await expect(table).toHaveAttribute('data-kept-models', '0');
    await expect(page.getByTestId('compare-kept')).toHaveCount(0);
    const onCpu = await settledMemory(page);
    console.log(
      `rebuilt after reopening: ${JSON.stringify(rebuilt)}; after switching to CPU: ${JSON.stringify(onCpu)}`,
    );
    expect(rebuilt.numBytes - onCpu.numBytes).toBeGreaterThanOrEqual(keptBytes);

    // the model menu builds a compared model from the weights the comparison keeps: no request either
    await page.getByTestId('model-select').selectOption('family_8x14d');
    await expect(page.getByTestId('model-summary')).toContainText('8×14d', { timeout: 120_000 });
    await expect(section(page).locator('.classify-bars')).not.toHaveClass(/is-stale/, { timeout: 180_000 });
    await expect(top1(page)).toHaveAttribute('data-image', 'cat.jpg');
    expect(weightRequests).toEqual([]);
  });
});

test('a random ResNeXt-50 safetensors switches to 1,000 ImageNet classes, and one click brings CIFAR back @wasm', async ({
  page,
}) => {
  test.setTimeout(400_000);
  await openClassify(page);
  await expect(top1(page)).toHaveAttribute('data-classes', '10', { timeout: 180_000 });
  await page.getByTestId('weights-file').setInputFiles(RANDOM_RESNEXT50.pathname);
  await expect(page.getByTestId('custom-summary')).toHaveAttribute('data-variant', 'ResNeXt-50 (32×4d)', {
    timeout: 180_000,
  });
  await expect(page.getByTestId('model-summary')).toHaveAttribute('data-classes', '1000', {
    timeout: 180_000,
  });
  await expect(page.getByTestId('model-summary')).toHaveAttribute('data-arch', 'imagenet');
  await expect(top1(page)).toHaveAttribute('data-classes', '1000', { timeout: 240_000 });
  await expect(section(page).locator('svg.prob-bars g.prob-row')).toHaveCount(5);
  await expect(page.getByTestId('network-crop')).toHaveAttribute('width', '224');
  await page.getByTestId('back-to-cifar').click();
  await expect(top1(page)).toHaveAttribute('data-classes', '10', { timeout: 120_000 });
  await expect(top1(page)).toHaveAttribute('data-class', 'cat');
});

test('weights that are not safetensors or not a known network get a translated message @wasm', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await openClassify(page, 'lang=zh');
  await expect(top1(page)).toHaveAttribute('data-class', 'cat', { timeout: 180_000 });
  const error = page.getByTestId('weights-error');

  await page.getByTestId('weights-file').setInputFiles({
    name: 'notes.safetensors',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from('these are not weights at all, just some text'),
  });
  await expect(error).toHaveAttribute('data-key', 'error.weights.header-length');
  await expect(error).toContainText('notes.safetensors');

  const header = JSON.stringify({ 'foo.weight': { dtype: 'F32', shape: [2], data_offsets: [0, 8] } });
  const padded = header + ' '.repeat((8 - (header.length % 8)) % 8);
  const bytes = Buffer.alloc(8 + padded.length + 8);
  bytes.writeUInt32LE(padded.length, 0);
  bytes.write(padded, 8, 'utf8');
  await page
    .getByTestId('weights-file')
    .setInputFiles({ name: 'other.safetensors', mimeType: 'application/octet-stream', buffer: bytes });
  await expect(error).toHaveAttribute('data-key', 'error.weights.unknown-architecture');
  await expect(error).toContainText('不是受支持的');
  // the CIFAR model keeps working
  await expect(top1(page)).toHaveAttribute('data-classes', '10');
  await section(page).locator('button[data-sample="horse"]').click();
  await expect(top1(page)).toHaveAttribute('data-class', 'horse');
});

test('a progress bar counts the weights’ bytes while they download @wasm', async ({ page }) => {
  test.setTimeout(300_000);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  // about 2 MB/s: the default weights take a few seconds
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: 2_000_000,
    uploadThroughput: 2_000_000,
  });
  await openClassify(page);
  const bar = page.getByRole('progressbar', { name: 'Weights download' });
  await expect(bar).toBeVisible({ timeout: 60_000 });
  await expect
    .poll(async () => Number(await bar.getAttribute('max')), { timeout: 30_000 })
    .toBe(defaultWeightsBytes());
  await expect
    .poll(async () => Number(await bar.getAttribute('value')), { timeout: 30_000 })
    .toBeGreaterThan(0);
  await expect(top1(page)).toHaveAttribute('data-class', 'cat', { timeout: 180_000 });
  await expect(bar).toHaveCount(0);
});

test('before the first byte arrives, the progress bar already shows 0 of the manifest’s size @wasm', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const bytes = defaultWeightsBytes();
  // The weights' response is held back: whatever total the bar shows cannot come from it.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/models/*.safetensors', async (route) => {
    await held;
    await route.continue();
  });
  await openClassify(page);
  const bar = page.getByRole('progressbar', { name: 'Weights download' });
  await expect(bar).toHaveAttribute('max', String(bytes));
  await expect(bar).toHaveAttribute('value', '0');
  release();
  await expect(top1(page)).toHaveAttribute('data-class', 'cat', { timeout: 180_000 });
  await expect(bar).toHaveCount(0);
});

test('weights from a same-origin address load as the reader’s model @wasm', async ({ page }) => {
  test.setTimeout(300_000);
  await openClassify(page);
  await expect(top1(page)).toHaveAttribute('data-class', 'cat', { timeout: 180_000 });
  await page.getByTestId('weights-url').fill('models/family/resnext29_8x14d.safetensors');
  await page.getByTestId('weights-load').click();
  await expect(page.getByTestId('custom-summary')).toHaveAttribute('data-variant', 'ResNeXt-29 (8×14d)', {
    timeout: 120_000,
  });
  await expect(page.getByTestId('model-select')).toHaveValue('custom');
  await expect(page.getByTestId('back-to-cifar')).toBeVisible();
  await expect(top1(page)).toHaveAttribute('data-classes', '10');
  await page.getByTestId('back-to-cifar').click();
  await expect(page.getByTestId('model-select')).toHaveValue('resnext29_32x4d');
});

test('an address on another site is refused before any request, saying to download the file instead @wasm', async ({
  page,
}) => {
  // The harness fails the test on any request to another origin: the check must come before the fetch.
  await openClassify(page);
  await expect(top1(page)).toHaveAttribute('data-class', 'cat', { timeout: 180_000 });
  const origin = 'https://huggingface.co';
  await page.getByTestId('weights-url').fill(`${origin}/timm/resolve/main/model.safetensors`);
  await page.getByTestId('weights-load').click();
  const hint = page.getByTestId('weights-url-hint');
  await expect(hint).toHaveAttribute('data-problem', 'cross-origin');
  await expect(hint).toHaveText(translate('en', 'classify.custom.crossOrigin', { origin }));
  await expect(page.getByTestId('weights-url')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('weights-progress')).toHaveCount(0);
  await expect(page.getByTestId('weights-error')).toHaveCount(0);
  await page.getByTestId('lang-select').selectOption('zh');
  await expect(hint).toHaveText(translate('zh', 'classify.custom.crossOrigin', { origin }));
  await expect(top1(page)).toHaveAttribute('data-classes', '10');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`classify: no WCAG A/AA violations with a result shown, ${scheme} theme @wasm`, async ({ page }) => {
    test.setTimeout(300_000);
    await page.emulateMedia({ colorScheme: scheme });
    await openClassify(page);
    await expect(top1(page)).toHaveAttribute('data-class', 'cat', { timeout: 180_000 });
    // an error message on screen too
    await page
      .getByTestId('file-input')
      .setInputFiles({ name: 'x.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('text') });
    await expect(page.getByTestId('image-error')).toBeVisible();
    const violations = await runAxe(page, { tags: WCAG_A_AA, include: '[data-section-body="classify"]' });
    expect(describeViolations(violations)).toEqual([]);
  });
}

test('classify: the inputs work from the keyboard, with a visible focus ring @wasm', async ({ page }) => {
  test.setTimeout(300_000);
  await openClassify(page);
  await expect(top1(page)).toHaveAttribute('data-class', 'cat', { timeout: 180_000 });
  const horse = section(page).locator('button[data-sample="horse"]');
  await horse.focus();
  await page.keyboard.press('Enter');
  await expect(top1(page)).toHaveAttribute('data-class', 'horse');
  const outline = await horse.evaluate((el) => {
    const style = getComputedStyle(el);
    return { width: parseFloat(style.outlineWidth), style: style.outlineStyle };
  });
  expect(outline.style).not.toBe('none');
  expect(outline.width).toBeGreaterThanOrEqual(2);
  // the hidden file input is reachable by Tab and shows its ring on the visible label
  await page.getByTestId('file-input').focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('file-input')).toBeFocused();
  const labelOutline = await section(page)
    .locator('.classify-drop label.button-like')
    .evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(labelOutline).not.toBe('none');
});

for (const lang of ['en', 'zh'] as const) {
  test(`the model dropdown shows its longest name whole at 1280 px (${lang}) @wasm`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openClassify(page, `lang=${lang}`);
    const select = page.getByTestId('model-select');
    const room = await select.evaluate((el) => {
      const s = el as HTMLSelectElement;
      const cs = getComputedStyle(s);
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = `${cs.fontSize} ${cs.fontFamily}`;
      const widest = Math.max(...[...s.options].map((o) => ctx.measureText(o.text).width));
      // the drop-down arrow takes about 20 px of the content box
      const content = s.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 20;
      return content - widest;
    });
    expect(room).toBeGreaterThanOrEqual(0);
  });
}
