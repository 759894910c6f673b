import type { Page } from '@playwright/test';
import type { GroupedConvCase, GroupedConvCheck, ResnextDebug } from '../src/app/backend/debugHook';
import { catalogs } from '../src/i18n';
import { KERNEL_VARIANTS } from '../src/resnext/kernels/kernelVariants';
import { backendIndicator, expect, gotoApp, test, waitForBackend } from './harness';
import { settledMemory, waitForDebugHook } from './support/memory';

/*
 * The backend indicator on WebGL and WebGPU, the app's own start-up decision about its grouped-conv kernel on
 * WebGL, WebGPU and WASM (checked on every variant and kept), and the kernels on WebGL and WebGPU, run in the
 * page against the slice-and-conv2d oracle on the same backend. Weights are scaled to keep outputs near 1, so 1e-4 absolute leaves room for
 * the GPU's own rounding (fused multiply-adds, summation order) and none for an indexing mistake.
 */
const TOLERANCE = 1e-4;

type DebugWindow = Window & { __resnextDebug?: ResnextDebug };

const grouped = (
  xShape: GroupedConvCase['xShape'],
  groups: number,
  coutG: number,
  kernelSize: number,
  stride: number,
  pad: number,
  bias: boolean,
  activation: GroupedConvCase['activation'],
): GroupedConvCase => ({ xShape, groups, coutG, kernelSize, stride, pad, bias, activation });

const outSize = (size: number, c: GroupedConvCase) =>
  Math.floor((size + 2 * c.pad - c.kernelSize) / c.stride) + 1;

const { en } = catalogs;

/**
 * Opens the page on the project's GPU backend. Its indicator names it, as asked for and as running on a
 * software GPU (the harness runs GPUs on SwiftShader, which the app must recognise), and so does the menu.
 */
async function openBackend(page: Page, backend: 'webgl' | 'webgpu'): Promise<void> {
  await gotoApp(page, 'section=overview');
  const found = await waitForBackend(page);
  expect(found.backend, found.reason).toBe(backend);
  expect(found).toMatchObject({ status: 'ready', reason: 'requested', software: true });
  await expect(page.getByLabel(en['backend.label'])).toHaveValue(backend);
  await expect(backendIndicator(page)).toContainText(en[`backend.name.${backend}`]);
  await expect(backendIndicator(page)).toContainText(
    en['backend.software'].replace('{backend}', en[`backend.name.${backend}`]),
  );
  // No inference worker on a software GPU (src/app/worker/InferenceGate.tsx), and the page says so.
  await expect(page.getByTestId('inference-site')).toHaveAttribute('data-phase', 'off');
  await expect(page.getByTestId('inference-site')).toHaveText(en['inference.software']);
  await waitForDebugHook(page);
  await expectKernelKept(page, backend);
}

/**
 * What the app decided when the backend started (before any test code registers a kernel): its kernel was
 * registered, checked on every variant the backend has, passed, and is the one the model runs.
 */
async function expectKernelKept(page: Page, backend: 'webgl' | 'webgpu' | 'wasm'): Promise<void> {
  const decision = await page.evaluate(() => (window as DebugWindow).__resnextDebug!.groupedConvStartup());
  expect(decision, 'the start-up decision of this page').not.toBeNull();
  expect(decision!.check?.failure ?? null, 'the first case the start-up check failed').toBeNull();
  expect(decision).toMatchObject({ backend, registered: true, kept: true, registeredNow: true });
  expect(decision!.check).toMatchObject({ backend, passed: true });
  expect([...decision!.check!.variants].sort()).toEqual([...KERNEL_VARIANTS[backend]].sort());
  test.info().annotations.push({
    type: 'start-up check',
    description: `${backend}: ${decision!.check!.cases} convolutions over ${decision!.check!.variants.length} variants, kept`,
  });
}

/** Runs the cases in the page and checks shapes, values and that no tensor is left behind. */
async function expectKernelMatchesOracle(page: Page, cases: GroupedConvCase[]): Promise<void> {
  const before = await settledMemory(page);
  const results = await page.evaluate(
    (cs) => (window as DebugWindow).__resnextDebug!.checkGroupedConv(cs, { runs: 0 }),
    cases,
  );
  const after = await settledMemory(page);
  expect(after.numTensors).toBe(before.numTensors);

  expect(results).toHaveLength(cases.length);
  results.forEach((r: GroupedConvCheck, i) => {
    const c = cases[i];
    const label = JSON.stringify(c);
    const [n, h, w] = c.xShape;
    expect(r.kernelShape, label).toEqual([n, outSize(h, c), outSize(w, c), c.groups * c.coutG]);
    expect(r.oracleShape, label).toEqual(r.kernelShape);
    expect(r.maxAbsOracle, label).toBeGreaterThan(0.1);
    expect(r.maxAbsDiff, label).toBeLessThanOrEqual(TOLERANCE);
    test.info().annotations.push({
      type: 'grouped conv',
      description: `${label}: max diff ${r.maxAbsDiff.toExponential(2)}`,
    });
  });
}

test('grouped-conv kernel @webgl: the indicator names WebGL on a software GPU; the kernel matches the oracle on every shape class, leaves no tensors', async ({
  page,
}) => {
  await openBackend(page, 'webgl');
  await expectKernelMatchesOracle(page, [
    // ResNeXt-29 32×4d stage 1: the packed program
    grouped([1, 32, 32, 128], 32, 4, 3, 1, 1, true, 'relu'),
    // 14 outputs per group, stride 2, batch 2, odd width, no bias
    grouped([2, 9, 9, 64], 8, 14, 3, 2, 1, false, 'linear'),
    // 1×1, stride 2, no padding
    grouped([2, 8, 7, 32], 4, 6, 1, 2, 0, true, 'linear'),
    // 3×3 without padding
    grouped([1, 10, 11, 16], 2, 8, 3, 1, 0, true, 'relu'),
    // odd inputs and outputs per group: the one-value-per-fragment program
    grouped([1, 7, 7, 24], 8, 3, 3, 1, 1, true, 'relu'),
    // odd inputs, even outputs per group, stride 2
    grouped([2, 6, 5, 12], 4, 2, 3, 2, 0, false, 'linear'),
    // one output per group (depthwise-like)
    grouped([1, 5, 6, 8], 8, 1, 3, 1, 1, true, 'linear'),
  ]);
});

test('grouped-conv kernel @webgpu: the indicator names WebGPU on a software GPU; the kernel matches the oracle on every shape class, leaves no tensors', async ({
  page,
}) => {
  test.setTimeout(600_000);
  await openBackend(page, 'webgpu');
  await expectKernelMatchesOracle(page, [
    // vec4 program, channel quads
    grouped([1, 8, 8, 32], 8, 4, 3, 1, 1, true, 'relu'),
    // vec4 program, 3 inputs per group (scalar input reads), stride 2, batch 2, odd width
    grouped([2, 7, 9, 24], 8, 4, 3, 2, 1, false, 'linear'),
    // 14 outputs per group: one value per thread
    grouped([1, 6, 6, 16], 2, 14, 3, 1, 1, true, 'linear'),
    // 1×1, stride 2, no padding
    grouped([1, 7, 6, 32], 4, 8, 1, 2, 0, true, 'relu'),
    // 3×3 without padding, odd everything
    grouped([2, 5, 6, 9], 3, 3, 3, 1, 0, false, 'relu'),
  ]);
});

test('grouped-conv kernel @wasm: the app checked its kernel on every WASM variant at start-up and kept it', async ({
  page,
}) => {
  await gotoApp(page, 'section=overview');
  const found = await waitForBackend(page);
  expect(found, found.reason).toMatchObject({ status: 'ready', backend: 'wasm' });
  await waitForDebugHook(page);
  await expectKernelKept(page, 'wasm');
});
