/**
 * Parity with PyTorch: fixtures written by `npm run fixtures` (training/make_fixtures.py) hold inputs,
 * logits and named intermediates computed by torch for the shipped ResNeXt-29 and for randomly
 * initialised torchvision ResNeXt-50 32×4d and ResNet-50.
 * Each logits test prints its measured difference (`parity: …`), the figure the README quotes.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { nchwToNhwc } from './layout';
import { BLOCK_STEPS, loadModel } from './model';
import { setupNodeBackend, type NodeBackend } from './node/setupBackend';
import { parseSafetensors, type SafetensorsFile } from './safetensors';
import { imagenetSpec, resnext29Spec } from './spec';

const FIXTURES = '.cache/fixtures';

function readOrFail(path: string, what: string): SafetensorsFile {
  if (!existsSync(path)) {
    throw new Error(
      `${what} ${path} is missing: run \`npm run fixtures\` to generate the PyTorch reference outputs`,
    );
  }
  return parseSafetensors(new Uint8Array(readFileSync(path)), path);
}

interface Fixture {
  file: SafetensorsFile;
  weights: SafetensorsFile;
  get(name: string): { shape: number[]; data: Float32Array };
  /** NHWC input of the first n records */
  input(n?: number): tf.Tensor4D;
  /** fixture activation in the model's layout (NHWC, or [N,C]) */
  activation(name: string): { shape: number[]; data: Float32Array };
  interNames(): string[];
}

function fixture(name: string): Fixture {
  const file = readOrFail(`${FIXTURES}/${name}.safetensors`, 'PyTorch fixture');
  const weightsPath = file.metadata.weights;
  if (!weightsPath) throw new Error(`${name}: fixture metadata names no weights file`);
  const weights = readOrFail(weightsPath, 'weights file');
  const get = (t: string) => {
    const v = file.tensors.get(t);
    if (!v) throw new Error(`${name}: fixture has no tensor ${t}; run \`npm run fixtures\``);
    return v;
  };
  return {
    file,
    weights,
    get,
    input(n) {
      const nhwc = nchwToNhwc(get('input'));
      const [all, h, w, c] = nhwc.shape;
      const count = n ?? all;
      return tf.tensor4d(nhwc.data.subarray(0, count * h * w * c), [count, h, w, c]);
    },
    activation(t) {
      const v = get(`inter.${t}`);
      return v.shape.length === 4 ? nchwToNhwc(v) : v;
    },
    interNames: () =>
      [...file.tensors.keys()].filter((k) => k.startsWith('inter.')).map((k) => k.slice('inter.'.length)),
  };
}

const maxAbs = (a: ArrayLike<number>) => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
};

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

/** Compares every captured intermediate of the fixture's first inter_records inputs. */
function expectIntermediatesEqual(fx: Fixture, blocks: string[]) {
  const names = fx.interNames();
  for (const b of blocks) {
    for (const step of BLOCK_STEPS) {
      expect(names, `fixture lacks ${b}.${step}; run \`npm run fixtures\``).toContain(`${b}.${step}`);
    }
  }
  const m = Number(fx.file.metadata.inter_records ?? fx.get('inter.fc').shape[0]);
  const model = loadModel(fx.weights);
  const x = fx.input(m);
  const { logits, tensors } = model.forward(x, names);
  for (const name of names) {
    const ref = fx.activation(name);
    const got = tensors[name];
    expect(got.shape, name).toEqual(ref.shape);
    const scale = Math.max(maxAbs(ref.data), 1e-6);
    expect(maxAbsDiff(got.dataSync(), ref.data) / scale, name).toBeLessThanOrEqual(1e-3);
  }
  tf.dispose([x, logits, ...Object.values(tensors)]);
  model.dispose();
}

describe.each<NodeBackend>(['cpu', 'wasm'])('ResNeXt-29 32×4d (shipped weights) on %s', (backend) => {
  it('gives PyTorch’s logits on the fixture’s test images (max abs diff ≤ 1e-3)', async () => {
    await setupNodeBackend(backend);
    const fx = fixture('cifar_resnext29_32x4d');
    const before = tf.memory().numTensors;
    const model = loadModel(fx.weights);
    expect(model.spec).toEqual(resnext29Spec(32, 4));
    // the pure-JS cpu backend is slow: it checks the first of the 16 images
    const n = backend === 'cpu' ? 1 : 16;
    const x = fx.input(n);
    expect(x.shape).toEqual([n, 32, 32, 3]);
    const logits = model.predict(x);
    const ref = fx.get('logits');
    expect(ref.shape).toEqual([16, 10]);
    expect(logits.shape).toEqual([n, 10]);
    const diff = maxAbsDiff(logits.dataSync(), ref.data.subarray(0, n * 10));
    console.log(
      `parity: ResNeXt-29 32×4d, ${n} test image${n === 1 ? '' : 's'}, ${backend}: max |logit − PyTorch| = ${diff.toExponential(1)}`,
    );
    expect(diff).toBeLessThanOrEqual(1e-3);
    tf.dispose([x, logits]);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('ResNeXt-29 32×4d intermediates on wasm', () => {
  it('equal PyTorch’s for the stem, layer1.0, layer1.1, layer2.0 (projection, stride 2), pool and fc', async () => {
    await setupNodeBackend('wasm');
    expectIntermediatesEqual(fixture('cifar_resnext29_32x4d'), ['layer1.1', 'layer2.0']);
  });
});

describe.each([
  ['ResNeXt-50 32×4d', 'imagenet_resnext50_32x4d', imagenetSpec(50, 32, 4)],
  ['ResNet-50', 'imagenet_resnet50', imagenetSpec(50, 1, 64)],
])('%s (torchvision, random weights) on wasm', (name, fixtureName, spec) => {
  it('gives PyTorch’s logits on 224×224 inputs (max abs diff ≤ 1e-3 of the largest logit)', async () => {
    await setupNodeBackend('wasm');
    const fx = fixture(fixtureName);
    const model = loadModel(fx.weights);
    expect(model.spec).toEqual(spec);
    const x = fx.input();
    const logits = model.predict(x);
    const ref = fx.get('logits');
    expect(logits.shape).toEqual(ref.shape);
    const relative = maxAbsDiff(logits.dataSync(), ref.data) / maxAbs(ref.data);
    console.log(
      `parity: ${name}, ${ref.shape[0]} random inputs, wasm: max |logit − PyTorch| / max |logit| = ${relative.toExponential(1)}`,
    );
    expect(relative).toBeLessThanOrEqual(1e-3);
    tf.dispose([x, logits]);
    model.dispose();
  });

  it('gives PyTorch’s intermediates, max-pool and stride-2 projection included', async () => {
    await setupNodeBackend('wasm');
    expectIntermediatesEqual(fixture(fixtureName), ['layer1.1', 'layer2.0']);
  });
});

afterAll(() => setupNodeBackend('cpu'));
