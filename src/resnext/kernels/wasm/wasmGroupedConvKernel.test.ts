import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupedConv2dScalar, prepareGroupedConv, strategyFor, type HostArray } from '../../groupedConv';
import { setupNodeBackend } from '../../node/setupBackend';
import { randomArray, seededRandom } from '../../node/random';
import { GROUPED_CONV2D, hasGroupedConvKernel, runGroupedConvKernel } from '../groupedConvOp';
import { groupedConvWasmBase64, groupedConvWasmCompiler } from './groupedConvWasm.generated';
import { registerWasmGroupedConv, wasmGroupedConvStats } from './wasmGroupedConvKernel';

type Shape4 = [number, number, number, number];

interface Case {
  n: number;
  h: number;
  w: number;
  groups: number;
  cinG: number;
  coutG: number;
  k: number;
  stride: number;
  pad: number;
  bias?: boolean;
  relu?: boolean;
}

/** The definition: scalar grouped conv, then bias, then the activation. */
function expected(c: Case, x: HostArray, f: HostArray, bias?: Float32Array): HostArray {
  const ref = groupedConv2dScalar(x, f, c.groups, c.stride, c.pad);
  const cout = c.groups * c.coutG;
  const data = ref.data.map((v, j) => {
    const y = bias ? v + bias[j % cout] : v;
    return c.relu ? Math.max(0, y) : y;
  });
  return { shape: ref.shape, data };
}

/** max |a − b| relative to the largest |b| (the sums' scale), so that it measures float rounding only. */
function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < a.length; i++) {
    diff = Math.max(diff, Math.abs(a[i] - b[i]));
    scale = Math.max(scale, Math.abs(b[i]));
  }
  return diff / Math.max(scale, 1e-30);
}

function checkCase(c: Case, seed: number) {
  const rand = seededRandom(seed);
  const cin = c.groups * c.cinG;
  const cout = c.groups * c.coutG;
  const xs = { shape: [c.n, c.h, c.w, cin], data: randomArray(c.n * c.h * c.w * cin, rand) };
  const fs = { shape: [c.k, c.k, c.cinG, cout], data: randomArray(c.k * c.k * c.cinG * cout, rand) };
  const bias = c.bias ? randomArray(cout, rand) : undefined;
  const ref = expected(c, xs, fs, bias);
  const x = tf.tensor4d(xs.data, xs.shape as Shape4);
  const f = tf.tensor4d(fs.data, fs.shape as Shape4);
  const b = bias ? tf.tensor1d(bias) : undefined;
  const attrs = {
    groups: c.groups,
    stride: c.stride,
    pad: c.pad,
    activation: c.relu ? 'relu' : 'linear',
  } as const;
  const y = runGroupedConvKernel(x, f, attrs, b);
  expect(y.shape).toEqual(ref.shape);
  expect(relativeError(y.dataSync(), ref.data)).toBeLessThanOrEqual(1e-4);
  if (c.relu) expect(y.dataSync().every((v) => v >= 0)).toBe(true);
  tf.dispose([x, f, y, ...(b ? [b] : [])]);
}

const label = (c: Case) =>
  `[${c.n},${c.h},${c.w},${c.groups * c.cinG}] ${c.groups}×(${c.cinG}→${c.coutG}) ${c.k}×${c.k} ` +
  `stride ${c.stride} pad ${c.pad}${c.bias ? ' bias' : ''}${c.relu ? ' relu' : ''}`;

/** The grouped convs of ResNeXt-29 32×4d (stages 128, 256, 512 wide), with and without bias and ReLU. */
const RESNEXT29: Case[] = [
  { n: 1, h: 32, w: 32, groups: 32, cinG: 4, coutG: 4, k: 3, stride: 1, pad: 1 },
  { n: 1, h: 32, w: 32, groups: 32, cinG: 4, coutG: 4, k: 3, stride: 1, pad: 1, bias: true, relu: true },
  { n: 1, h: 16, w: 16, groups: 32, cinG: 8, coutG: 8, k: 3, stride: 1, pad: 1 },
  { n: 1, h: 16, w: 16, groups: 32, cinG: 8, coutG: 8, k: 3, stride: 2, pad: 1, bias: true },
  { n: 1, h: 32, w: 32, groups: 32, cinG: 8, coutG: 8, k: 3, stride: 2, pad: 1, relu: true },
  { n: 2, h: 8, w: 8, groups: 32, cinG: 16, coutG: 16, k: 3, stride: 1, pad: 1, bias: true, relu: true },
  { n: 1, h: 16, w: 16, groups: 32, cinG: 16, coutG: 16, k: 3, stride: 2, pad: 1 },
];

/** Group widths off the specialised paths: outputs not a multiple of 4, wide groups, 1×1 kernels, no padding. */
const OTHER: Case[] = [
  { n: 1, h: 9, w: 11, groups: 8, cinG: 14, coutG: 14, k: 3, stride: 1, pad: 1, bias: true },
  { n: 2, h: 7, w: 7, groups: 16, cinG: 2, coutG: 2, k: 3, stride: 2, pad: 1, relu: true },
  { n: 1, h: 8, w: 8, groups: 4, cinG: 4, coutG: 14, k: 3, stride: 1, pad: 0 },
  { n: 1, h: 6, w: 13, groups: 2, cinG: 24, coutG: 37, k: 3, stride: 1, pad: 1, bias: true, relu: true },
  { n: 2, h: 8, w: 8, groups: 32, cinG: 4, coutG: 4, k: 1, stride: 1, pad: 0, bias: true },
  { n: 1, h: 8, w: 9, groups: 32, cinG: 8, coutG: 8, k: 1, stride: 2, pad: 0 },
  { n: 1, h: 10, w: 10, groups: 32, cinG: 16, coutG: 16, k: 3, stride: 1, pad: 0, relu: true },
  { n: 1, h: 11, w: 10, groups: 3, cinG: 5, coutG: 6, k: 3, stride: 3, pad: 2 },
  { n: 1, h: 5, w: 5, groups: 1, cinG: 3, coutG: 20, k: 3, stride: 1, pad: 1, bias: true },
  { n: 3, h: 4, w: 3, groups: 6, cinG: 1, coutG: 1, k: 3, stride: 1, pad: 1 },
];

/** Random configurations with every remainder of the pixel tiles (widths 1…13) and of the output vectors. */
function randomCases(count: number, seed: number): Case[] {
  const r = seededRandom(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(((r() + 1) / 2) * xs.length)];
  return Array.from({ length: count }, () => {
    const k = pick([1, 3, 3]);
    return {
      n: pick([1, 2]),
      h: pick([3, 5, 8]),
      w: pick([1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 13]),
      groups: pick([1, 2, 3, 8]),
      cinG: pick([1, 3, 4, 8, 16]),
      coutG: pick([1, 3, 4, 5, 8, 12, 16, 18]),
      k,
      stride: pick([1, 2]),
      pad: k === 3 ? pick([0, 1, 1]) : 0,
      bias: pick([false, true]),
      relu: pick([false, true]),
    };
  }).filter((c) => c.h + 2 * c.pad >= c.k && c.w + 2 * c.pad >= c.k);
}

beforeAll(async () => {
  await setupNodeBackend('wasm');
  await registerWasmGroupedConv();
});

afterAll(async () => {
  await setupNodeBackend('cpu');
});

describe('wasm grouped conv kernel', () => {
  it('is registered for the wasm backend only, and registering again changes nothing', async () => {
    const kernel = tf.getKernel(GROUPED_CONV2D, 'wasm');
    expect(kernel).toBeDefined();
    await registerWasmGroupedConv();
    expect(tf.getKernel(GROUPED_CONV2D, 'wasm')).toBe(kernel);
    expect(hasGroupedConvKernel('wasm')).toBe(true);
    expect(hasGroupedConvKernel('cpu')).toBe(false);
    expect(strategyFor('wasm')).toBe('kernel');
  });

  it.each(RESNEXT29.map((c, i) => [label(c), c, i] as const))('ResNeXt-29 %s', (_, c, i) =>
    checkCase(c, 10 + i),
  );

  it.each(OTHER.map((c, i) => [label(c), c, i] as const))('%s', (_, c, i) => checkCase(c, 50 + i));

  it.each(randomCases(40, 3).map((c, i) => [label(c), c, i] as const))('random %s', (_, c, i) =>
    checkCase(c, 100 + i),
  );

  it('runs as the kernel strategy of prepareGroupedConv, bias before ReLU', () => {
    const c: Case = {
      n: 1,
      h: 16,
      w: 16,
      groups: 32,
      cinG: 8,
      coutG: 8,
      k: 3,
      stride: 2,
      pad: 1,
      relu: true,
    };
    const rand = seededRandom(7);
    const xs = { shape: [1, 16, 16, 256], data: randomArray(16 * 16 * 256, rand) };
    const fs = { shape: [3, 3, 8, 256], data: randomArray(9 * 8 * 256, rand) };
    const bias = randomArray(256, rand);
    const ref = expected(c, xs, fs, bias);
    const before = tf.memory().numTensors;
    const x = tf.tensor4d(xs.data, xs.shape as Shape4);
    const f = tf.tensor4d(fs.data, fs.shape as Shape4);
    const b = tf.tensor1d(bias);
    const conv = prepareGroupedConv(f, 32, b);
    const y = conv.apply(x, 2, 1, 'relu');
    expect(relativeError(y.dataSync(), ref.data)).toBeLessThanOrEqual(1e-4);
    const viaDepthwise = conv.apply(x, 2, 1, 'relu', 'depthwise');
    expect(relativeError(y.dataSync(), viaDepthwise.dataSync())).toBeLessThanOrEqual(1e-4);
    conv.dispose();
    tf.dispose([x, f, b, y, viaDepthwise]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('leaks no tensors and keeps no packed filter after its tensor is disposed', () => {
    const rand = seededRandom(8);
    const x = tf.tensor4d(randomArray(2 * 8 * 8 * 64, rand), [2, 8, 8, 64]);
    const kept = tf.tensor4d(randomArray(9 * 4 * 64, rand), [3, 3, 4, 64]);
    const bias = tf.tensor1d(randomArray(64, rand));
    const before = tf.memory().numTensors;
    const attrs = { groups: 16, stride: 1, pad: 1, activation: 'relu' } as const;
    runGroupedConvKernel(x, kept, attrs, bias).dispose();
    const { filterBytes } = wasmGroupedConvStats();
    for (let i = 0; i < 30; i++) {
      runGroupedConvKernel(x, kept, attrs, bias).dispose();
      // a fresh filter each time: packed once, dropped once its tensor is gone
      const f = tf.tensor4d(randomArray(9 * 4 * 64, rand), [3, 3, 4, 64]);
      runGroupedConvKernel(x, f, attrs, i % 2 ? bias : undefined).dispose();
      f.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
    const stats = wasmGroupedConvStats();
    expect(stats.cachedFilters).toBeLessThanOrEqual(2);
    expect(stats.filterBytes).toBeLessThanOrEqual(2 * filterBytes);
    tf.dispose([x, kept, bias]);
  });

  it('never serves a packed filter for other data', () => {
    const c: Case = { n: 1, h: 6, w: 6, groups: 4, cinG: 4, coutG: 4, k: 3, stride: 1, pad: 1 };
    const rand = seededRandom(9);
    const xs = { shape: [1, 6, 6, 16], data: randomArray(6 * 6 * 16, rand) };
    const x = tf.tensor4d(xs.data, xs.shape as Shape4);
    for (let i = 0; i < 5; i++) {
      const fs = { shape: [3, 3, 4, 16], data: randomArray(9 * 4 * 16, rand) };
      const f = tf.tensor4d(fs.data, fs.shape as Shape4);
      const y = runGroupedConvKernel(x, f, { groups: 4, stride: 1, pad: 1, activation: 'linear' });
      expect(relativeError(y.dataSync(), expected(c, xs, fs).data)).toBeLessThanOrEqual(1e-4);
      // a reshape shares the data but packs differently: 2 groups of 8 → 4
      const f2 = tf.reshape(f, [3, 3, 8, 8]) as tf.Tensor4D;
      const y2 = runGroupedConvKernel(x, f2, { groups: 2, stride: 1, pad: 1, activation: 'linear' });
      const c2 = { ...c, groups: 2, cinG: 8, coutG: 4 };
      const fs2 = { shape: [3, 3, 8, 8], data: fs.data };
      expect(relativeError(y2.dataSync(), expected(c2, xs, fs2).data)).toBeLessThanOrEqual(1e-4);
      tf.dispose([f, y, f2, y2]);
    }
    x.dispose();
  });

  it('rejects inconsistent shapes', () => {
    const x = tf.zeros([1, 4, 4, 6]) as tf.Tensor4D;
    const f = tf.zeros([3, 3, 2, 8]) as tf.Tensor4D;
    const b = tf.zeros([5]) as tf.Tensor1D;
    const attrs = { groups: 4, stride: 1, pad: 1, activation: 'linear' } as const;
    expect(() => runGroupedConvKernel(x, f, attrs)).toThrow(/6 channels/);
    expect(() => runGroupedConvKernel(x, f, { ...attrs, groups: 3 }, b)).toThrow(/8 outputs/);
    const x8 = tf.zeros([1, 4, 4, 8]) as tf.Tensor4D;
    expect(() => runGroupedConvKernel(x8, f, attrs, b)).toThrow(/bias/);
    tf.dispose([x, f, b, x8]);
  });
});

const hasTool = (tool: string) => spawnSync(tool, ['--version']).status === 0;
const hasClang = hasTool('clang') && hasTool('wasm-ld');
/** CI set (as CI services set it): there `npm test`'s first step (scripts/ensure-test-deps.sh) installed clang. */
const underCi = !['', '0', 'false'].includes((process.env.CI ?? '').trim().toLowerCase());

describe('committed wasm binary', () => {
  // Skipped (and reported so) only outside CI, where clang may be missing; under CI a missing clang fails.
  it.runIf(hasClang || underCi)(
    'is what scripts/build-wasm-kernel.sh builds from groupedConv.c (needs clang)',
    () => {
      expect(
        hasClang,
        'clang and wasm-ld are missing, and CI is set: scripts/ensure-test-deps.sh installs them (Debian clang, lld)',
      ).toBe(true);
      const dir = mkdtempSync(path.join(tmpdir(), 'grouped-conv-wasm-'));
      try {
        const out = path.join(dir, 'groupedConvWasm.generated.ts');
        const script = fileURLToPath(new URL('../../../../scripts/build-wasm-kernel.sh', import.meta.url));
        const build = spawnSync('bash', [script, out], { encoding: 'utf8' });
        expect(build.status, build.stderr).toBe(0);
        const rebuilt = /groupedConvWasmBase64 =\s*'([^']*)'/.exec(readFileSync(out, 'utf8'))?.[1];
        const local = spawnSync('clang', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0];
        expect(
          rebuilt === groupedConvWasmBase64,
          `rebuilt with "${local}", committed with "${groupedConvWasmCompiler}": ` +
            'run scripts/build-wasm-kernel.sh after changing groupedConv.c',
        ).toBe(true);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
