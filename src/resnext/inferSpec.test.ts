import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WeightsError } from './errors';
import { inferSpec, tensorShapesOf } from './inferSpec';
import { parseSafetensors } from './safetensors';
import { imagenetSpec, makeSpec, resnext29Spec } from './spec';

const SHIPPED = 'public/models';

/** Tensor shapes stored in a real weights file (read from its header only). */
function headerShapes(path: string): Map<string, number[]> {
  const file = parseSafetensors(new Uint8Array(readFileSync(path)), path);
  return new Map([...file.tensors].map(([k, t]) => [k, t.shape]));
}

function errorOf(fn: () => unknown): WeightsError {
  try {
    fn();
  } catch (e) {
    if (e instanceof WeightsError) return e;
    throw e;
  }
  throw new Error('expected a WeightsError');
}

describe('inferSpec on real files', () => {
  it('recognises the shipped ResNeXt-29 32×4d', () => {
    expect(inferSpec(headerShapes(`${SHIPPED}/resnext29_32x4d.safetensors`))).toEqual(resnext29Spec(32, 4));
  });

  it.each([
    [1, 64],
    [2, 40],
    [4, 24],
    [8, 14],
    [32, 4],
  ])('recognises the equal-complexity family member %i×%id', (c, d) => {
    const spec = inferSpec(headerShapes(`${SHIPPED}/family/resnext29_${c}x${d}d.safetensors`));
    expect(spec).toEqual(resnext29Spec(c, d));
  });
});

describe('inferSpec on synthetic shapes', () => {
  it.each([
    ['ResNeXt-50 32×4d', imagenetSpec(50, 32, 4)],
    ['ResNeXt-101 32×8d', imagenetSpec(101, 32, 8)],
    ['ResNet-50', imagenetSpec(50, 1, 64)],
    ['ResNeXt-29 16×64d', resnext29Spec(16, 64)],
    [
      'ResNeXt-29 with 100 classes',
      makeSpec({ stem: 'cifar', blocksPerStage: [3, 3, 3], cardinality: 8, d: 64, numClasses: 100 }),
    ],
  ])('recovers %s', (_name, spec) => {
    expect(inferSpec(tensorShapesOf(spec))).toEqual(spec);
  });

  it('describes torchvision ImageNet models with a 7×7 stem and stride 2 at block 0 of stages ≥ 2', () => {
    const spec = inferSpec(tensorShapesOf(imagenetSpec(50, 32, 4)));
    expect(spec.stem).toBe('imagenet');
    expect(spec.inputSize).toBe(224);
    expect(spec.stages.map((s) => s.length)).toEqual([3, 4, 6, 3]);
    expect(spec.stages.map((s) => s.map((b) => b.stride))).toEqual([
      [1, 1, 1],
      [2, 1, 1, 1],
      [2, 1, 1, 1, 1, 1],
      [2, 1, 1],
    ]);
    // layer1.0 changes 64 → 256 channels at stride 1: projection without downsampling
    expect(spec.stages[0][0]).toMatchObject({
      inChannels: 64,
      width: 128,
      groups: 32,
      outChannels: 256,
      projection: true,
    });
  });

  const broken: [string, (m: Map<string, number[]>) => void, string, string][] = [
    [
      'a missing bn running variance',
      (m) => m.delete('layer2.1.bn2.running_var'),
      'missing-tensor',
      'layer2.1.bn2.running_var',
    ],
    [
      'a missing projection',
      (m) => m.delete('layer3.0.downsample.0.weight'),
      'missing-tensor',
      'layer3.0.downsample.0.weight',
    ],
    [
      'a missing projection bn',
      (m) => m.delete('layer1.0.downsample.1.bias'),
      'missing-tensor',
      'layer1.0.downsample.1.bias',
    ],
    ['a missing fc bias', (m) => m.delete('fc.bias'), 'missing-tensor', 'fc.bias'],
    ['a missing stem conv', (m) => m.delete('conv1.weight'), 'missing-tensor', 'conv1.weight'],
    [
      'a missing last block',
      (m) => [...m.keys()].filter((k) => k.startsWith('layer3.2.')).forEach((k) => m.delete(k)),
      'missing-tensor',
      'layer3.2.conv1.weight',
    ],
    [
      'a missing stage',
      (m) => [...m.keys()].filter((k) => k.startsWith('layer3.')).forEach((k) => m.delete(k)),
      'missing-tensor',
      'layer3.0.conv1.weight',
    ],
    ['a wrong bn length', (m) => m.set('layer1.1.bn3.weight', [255]), 'tensor-shape', 'layer1.1.bn3.weight'],
    [
      'a conv2 width that does not divide',
      (m) => m.set('layer2.0.conv2.weight', [256, 7, 3, 3]),
      'tensor-shape',
      'layer2.0.conv2.weight',
    ],
    [
      'a 5×5 conv2',
      (m) => m.set('layer2.0.conv2.weight', [256, 8, 5, 5]),
      'tensor-shape',
      'layer2.0.conv2.weight',
    ],
    [
      'a conv1 with the wrong input width',
      (m) => m.set('layer2.1.conv1.weight', [256, 256, 1, 1]),
      'tensor-shape',
      'layer2.1.conv1.weight',
    ],
    [
      'a conv3 that does not match the next block',
      (m) => m.set('layer1.2.conv3.weight', [128, 128, 1, 1]),
      'tensor-shape',
      'layer1.2.bn3.weight',
    ],
    ['an fc of the wrong width', (m) => m.set('fc.weight', [10, 512]), 'tensor-shape', 'fc.weight'],
  ];

  it.each(broken)('names the tensor for %s', (_what, breakIt, code, tensor) => {
    const shapes = tensorShapesOf(resnext29Spec(32, 4));
    breakIt(shapes);
    const e = errorOf(() => inferSpec(shapes, 'broken.safetensors'));
    expect(e.code).toBe(code);
    expect(e.params.tensor).toBe(tensor);
    expect(e.message).toContain('broken.safetensors');
    expect(e.message).toContain(tensor);
  });

  it('rejects networks it does not know', () => {
    const unknownStem = tensorShapesOf(resnext29Spec(32, 4));
    unknownStem.set('conv1.weight', [64, 3, 5, 5]);
    expect(errorOf(() => inferSpec(unknownStem)).code).toBe('unknown-architecture');
    expect(errorOf(() => inferSpec(new Map([['encoder.weight', [4, 4]]]))).code).toBe('unknown-architecture');
    const tooDeep = tensorShapesOf(imagenetSpec(50, 32, 4));
    tooDeep.set('layer2.40.conv1.weight', [256, 512, 1, 1]);
    expect(errorOf(() => inferSpec(tooDeep)).code).toBe('unknown-architecture');
  });
});
