import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeCifarRecords, CIFAR_RECORD_BYTES } from './cifarBinary';
import { loadModel, type ResNeXtModel } from './model';
import { CIFAR10_CLASSES, CIFAR_MEAN, CIFAR_STD } from './modelMeta';
import { cifarTestBatch } from './node/cifarData';
import { referenceForward, type Act } from './node/referenceNet';
import { randomArray, seededRandom } from './node/random';
import { setupNodeBackend, type NodeBackend } from './node/setupBackend';
import { randomWeightsFile, tinySpec } from './node/tinyNet';
import { normalize } from './preprocess';
import { parseSafetensors } from './safetensors';
import { resnext29Spec } from './spec';

const CIFAR = await cifarTestBatch();

/** max |a − b| / max(1, max |b|) */
function relDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let diff = 0;
  let scale = 1;
  for (let i = 0; i < a.length; i++) {
    diff = Math.max(diff, Math.abs(a[i] - b[i]));
    scale = Math.max(scale, Math.abs(b[i]));
  }
  return diff / scale;
}

const tinyCifar = tinySpec(
  'cifar',
  8,
  [
    { blocks: 2, width: 8, groups: 4, out: 16 },
    { blocks: 2, width: 12, groups: 3, out: 24 },
    { blocks: 2, width: 16, groups: 8, out: 32 },
  ],
  5,
);
const tinyImagenet = tinySpec(
  'imagenet',
  8,
  [
    { blocks: 3, width: 4, groups: 2, out: 8 },
    { blocks: 4, width: 8, groups: 4, out: 16 },
    { blocks: 6, width: 8, groups: 8, out: 16 },
    { blocks: 3, width: 16, groups: 1, out: 32 },
  ],
  7,
);

describe.each<NodeBackend>(['cpu', 'wasm'])('model on %s against a plain-JS reference', (backend) => {
  beforeAll(() => setupNodeBackend(backend));

  it.each([
    ['CIFAR stem, 9×9 input', tinyCifar, [2, 9, 9, 3]],
    ['ImageNet stem, 33×33 input', tinyImagenet, [1, 33, 33, 3]],
  ] as const)('%s: every intermediate and the logits', async (_name, spec, shape) => {
    const file = parseSafetensors(randomWeightsFile(spec, 3), 'tiny.safetensors');
    const rand = seededRandom(9);
    const [n, h, w, c] = shape;
    const input = randomArray(n * h * w * c, rand);
    const ref = referenceForward(spec, file.tensors, { n, h, w, c, data: Float64Array.from(input) });

    const before = tf.memory().numTensors;
    const model = loadModel(file);
    expect(model.spec).toEqual(spec);
    const x = tf.tensor4d(input, [n, h, w, c]);
    const names = model.captureNames();
    const { logits, tensors } = model.forward(x, names);
    expect(Object.keys(tensors).sort()).toEqual([...names].sort());
    for (const name of names) {
      const r = ref.inter.get(name) as Act;
      const t = tensors[name];
      expect(t.shape, name).toEqual(name === 'pool' || name === 'fc' ? [r.n, r.c] : [r.n, r.h, r.w, r.c]);
      expect(relDiff(t.dataSync(), r.data), name).toBeLessThanOrEqual(1e-4);
    }
    expect(relDiff(logits.dataSync(), ref.logits)).toBeLessThanOrEqual(1e-4);
    const fast = model.predict(x);
    expect(relDiff(fast.dataSync(), ref.logits)).toBeLessThanOrEqual(1e-4);
    // a block per task: the same operations, so the same logits to the bit
    let pauses = 0;
    const inTasks = await model.predictInTasks(x, async () => {
      pauses++;
    });
    expect(Array.from(inTasks.dataSync())).toEqual(Array.from(fast.dataSync()));
    expect(pauses).toBe(model.blockNames().length);
    // a pause that fails stops the run and leaves no tensor behind
    const during = tf.memory().numTensors;
    let calls = 0;
    await expect(
      model.predictInTasks(x, async () => {
        if (++calls === 2) throw new Error('stopped');
      }),
    ).rejects.toThrow('stopped');
    expect(calls).toBe(2);
    expect(tf.memory().numTensors).toBe(during);

    tf.dispose([x, logits, fast, inTasks, ...Object.values(tensors)]);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('the shipped ResNeXt-29 32×4d', () => {
  let model: ResNeXtModel;
  let file: ReturnType<typeof parseSafetensors>;
  const records = new Uint8Array(readFileSync(CIFAR)).subarray(0, 100 * CIFAR_RECORD_BYTES);
  const batch = decodeCifarRecords(records);
  const input = (from: number, count: number) =>
    tf.tidy(() =>
      normalize(
        tf.tensor4d(batch.images.subarray(from * 3072, (from + count) * 3072), [count, 32, 32, 3]),
        model.meta.mean,
        model.meta.std,
      ),
    );

  beforeAll(async () => {
    await setupNodeBackend('wasm');
    const path = 'public/models/resnext29_32x4d.safetensors';
    file = parseSafetensors(new Uint8Array(readFileSync(path)), path);
    tf.tidy(() => {
      model = loadModel(file); // must survive a caller's tidy
    });
  });
  afterAll(() => model.dispose());

  it('reads its architecture and metadata', () => {
    expect(model.spec).toEqual(resnext29Spec(32, 4));
    expect(model.meta).toEqual({
      name: 'resnext29_32x4d',
      arch: 'cifar',
      classes: [...CIFAR10_CLASSES],
      mean: CIFAR_MEAN,
      std: CIFAR_STD,
      inputSize: 32,
      params: Number(file.metadata.params),
    });
    expect(model.meta.params).toBe(4775754);
  });

  it('classifies 100 test images one at a time without leaking tensors', () => {
    const before = tf.memory().numTensors;
    let correct = 0;
    for (let i = 0; i < 100; i++) {
      const label = tf.tidy(() => tf.argMax(model.predict(input(i, 1)), 1).dataSync()[0]);
      if (label === batch.labels[i]) correct++;
    }
    expect(tf.memory().numTensors).toBe(before);
    expect(correct).toBeGreaterThanOrEqual(85);
  });

  it('returns captured intermediates of the right shapes, owned by the caller', () => {
    const x = input(0, 2);
    const before = tf.memory().numTensors;
    const capture = [
      'relu',
      'layer1.1.conv1',
      'layer1.1.conv2',
      'layer2.0.conv2',
      'layer2.0.shortcut',
      'layer3.2.out',
      'pool',
      'fc',
    ];
    const { logits, tensors } = model.forward(x, capture);
    expect(Object.fromEntries(Object.entries(tensors).map(([k, t]) => [k, t.shape]))).toEqual({
      relu: [2, 32, 32, 64],
      'layer1.1.conv1': [2, 32, 32, 128],
      'layer1.1.conv2': [2, 32, 32, 128],
      'layer2.0.conv2': [2, 16, 16, 256],
      'layer2.0.shortcut': [2, 16, 16, 512],
      'layer3.2.out': [2, 8, 8, 1024],
      pool: [2, 1024],
      fc: [2, 10],
    });
    expect(tf.memory().numTensors).toBe(before + capture.length + 1);
    const fast = model.predict(x);
    expect(relDiff(fast.dataSync(), logits.dataSync())).toBeLessThanOrEqual(1e-4);
    tf.dispose([logits, fast, ...Object.values(tensors)]);
    expect(tf.memory().numTensors).toBe(before);
    expect(() => model.forward(x, ['layer9.0.out'])).toThrow(/unknown capture/);
    x.dispose();
  });

  it('runs one block alone exactly as inside the network', () => {
    const x = input(3, 1);
    const { logits, tensors } = model.forward(x, ['layer2.0.in', 'layer2.0.bn2', 'layer2.0.out']);
    const r = model.runBlock('layer2.0', tensors['layer2.0.in'] as tf.Tensor4D, ['bn2']);
    expect(r.out.shape).toEqual([1, 16, 16, 512]);
    expect(relDiff(r.out.dataSync(), tensors['layer2.0.out'].dataSync())).toBe(0);
    expect(relDiff(r.tensors.bn2!.dataSync(), tensors['layer2.0.bn2'].dataSync())).toBe(0);
    expect(() => model.runBlock('layer2.0', x)).toThrow(/takes \[N,H,W,256\]/);
    tf.dispose([x, logits, r.out, ...Object.values(r.tensors), ...Object.values(tensors)]);
  });

  it('exposes block weights in tfjs layout', () => {
    const p = model.blockParams('layer1.0');
    expect(p.spec.name).toBe('layer1.0');
    expect(p.conv1.shape).toEqual([1, 1, 64, 128]);
    expect(p.conv2.shape).toEqual([3, 3, 4, 128]);
    expect(p.conv3.shape).toEqual([1, 1, 128, 256]);
    expect(p.downsample?.conv.shape).toEqual([1, 1, 64, 256]);
    expect(model.blockParams('layer1.1').downsample).toBeUndefined();
    // PyTorch conv2.weight[o=37, i=2, y=1, x=0] sits at HWIO [1, 0, 2, 37]
    const torch = file.tensors.get('layer1.0.conv2.weight')!.data[((37 * 4 + 2) * 3 + 1) * 3 + 0];
    expect(p.conv2.dataSync()[((1 * 3 + 0) * 4 + 2) * 128 + 37]).toBe(torch);
    expect(Array.from(p.bn2.var.dataSync())).toEqual(
      Array.from(file.tensors.get('layer1.0.bn2.running_var')!.data),
    );
    expect(() => model.blockParams('layer4.0')).toThrow(/no block/);
  });
});

afterAll(() => setupNodeBackend('cpu'));
