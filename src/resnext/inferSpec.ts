import { WeightsError, formatShape } from './errors';
import type { BlockSpec, NetworkSpec, StemKind } from './spec';

/** Blocks per stage of the torchvision ImageNet models: ResNet/ResNeXt-50, -101, -152. */
const IMAGENET_DEPTHS = [
  [3, 4, 6, 3],
  [3, 4, 23, 3],
  [3, 8, 36, 3],
];
const CIFAR_STAGES = 3;

const BN_SUFFIXES = ['weight', 'bias', 'running_mean', 'running_var'] as const;

/**
 * Recognises a CIFAR ResNeXt-29 (3×3 stem, three stages) or a torchvision ImageNet ResNet/ResNeXt
 * (7×7 stem + max-pool, four stages) from tensor names and shapes alone. Cardinality of a block is
 * conv2 width / conv2.weight.shape[1]. Every missing or mis-shaped tensor is a WeightsError naming it.
 */
export function inferSpec(shapes: Map<string, number[]>, file = 'weights'): NetworkSpec {
  const missing = (tensor: string) => new WeightsError('missing-tensor', { file, tensor });
  const wrong = (tensor: string, shape: number[], expected: string) =>
    new WeightsError('tensor-shape', { file, tensor, shape: formatShape(shape), expected });
  const need = (tensor: string): number[] => {
    const s = shapes.get(tensor);
    if (!s) throw missing(tensor);
    return s;
  };
  const expectShape = (tensor: string, expected: number[]) => {
    const s = need(tensor);
    if (s.length !== expected.length || s.some((n, i) => n !== expected[i])) {
      throw wrong(tensor, s, formatShape(expected));
    }
  };
  const expectBn = (prefix: string, channels: number) => {
    for (const k of BN_SUFFIXES) expectShape(`${prefix}.${k}`, [channels]);
  };

  const blockKeys = [...shapes.keys()].map((k) => /^layer(\d+)\.(\d+)\./.exec(k)).filter((m) => m !== null);
  const conv1 = shapes.get('conv1.weight');
  if (!conv1) {
    if (blockKeys.length === 0) {
      throw new WeightsError('unknown-architecture', {
        file,
        detail: 'no conv1.weight and no layer1 tensors',
      });
    }
    throw missing('conv1.weight');
  }
  const kernel = conv1.length === 4 && conv1[2] === conv1[3] ? conv1[2] : 0;
  const stem: StemKind | null = kernel === 3 ? 'cifar' : kernel === 7 ? 'imagenet' : null;
  if (!stem || conv1[0] < 1) {
    throw new WeightsError('unknown-architecture', { file, detail: `conv1.weight ${formatShape(conv1)}` });
  }
  const stemChannels = conv1[0];
  expectShape('conv1.weight', [stemChannels, 3, kernel, kernel]);
  expectBn('bn1', stemChannels);

  const blocksPerStage = stageDepths(
    blockKeys.map((m) => [Number(m[1]), Number(m[2])] as const),
    stem,
    file,
  );

  let inChannels = stemChannels;
  const stages = blocksPerStage.map((n, s) =>
    Array.from({ length: n }, (_, b): BlockSpec => {
      const name = `layer${s + 1}.${b}`;
      const c1 = need(`${name}.conv1.weight`);
      const width = c1[0];
      if (c1.length !== 4 || !(width > 0))
        throw wrong(`${name}.conv1.weight`, c1, `[width, ${inChannels}, 1, 1]`);
      expectShape(`${name}.conv1.weight`, [width, inChannels, 1, 1]);
      expectBn(`${name}.bn1`, width);

      const c2 = need(`${name}.conv2.weight`);
      const perGroup = c2[1];
      if (c2.length !== 4 || !(perGroup > 0) || width % perGroup !== 0) {
        throw wrong(`${name}.conv2.weight`, c2, `[${width}, ${width}/C, 3, 3]`);
      }
      expectShape(`${name}.conv2.weight`, [width, perGroup, 3, 3]);
      expectBn(`${name}.bn2`, width);

      const c3 = need(`${name}.conv3.weight`);
      const outChannels = c3[0];
      if (c3.length !== 4 || !(outChannels > 0))
        throw wrong(`${name}.conv3.weight`, c3, `[out, ${width}, 1, 1]`);
      expectShape(`${name}.conv3.weight`, [outChannels, width, 1, 1]);
      expectBn(`${name}.bn3`, outChannels);

      const stride: 1 | 2 = b === 0 && s > 0 ? 2 : 1;
      const projection =
        shapes.has(`${name}.downsample.0.weight`) || stride !== 1 || inChannels !== outChannels;
      if (projection) {
        expectShape(`${name}.downsample.0.weight`, [outChannels, inChannels, 1, 1]);
        expectBn(`${name}.downsample.1`, outChannels);
      }
      const block: BlockSpec = {
        name,
        inChannels,
        width,
        groups: width / perGroup,
        outChannels,
        stride,
        projection,
      };
      inChannels = outChannels;
      return block;
    }),
  );

  const fc = need('fc.weight');
  if (fc.length !== 2 || !(fc[0] > 0)) throw wrong('fc.weight', fc, `[classes, ${inChannels}]`);
  const numClasses = fc[0];
  expectShape('fc.weight', [numClasses, inChannels]);
  expectShape('fc.bias', [numClasses]);

  return { stem, stemChannels, stages, numClasses, inputSize: stem === 'cifar' ? 32 : 224 };
}

/**
 * Blocks per stage. Gaps (a stage or block whose tensors are all absent) are reported as the
 * missing conv1.weight of the first absent block.
 */
function stageDepths(found: (readonly [number, number])[], stem: StemKind, file: string): number[] {
  const seen = new Map<number, number>();
  for (const [s, b] of found) seen.set(s, Math.max(seen.get(s) ?? 0, b + 1));
  const stageCount = Math.max(0, ...seen.keys());
  const counts = Array.from({ length: stageCount }, (_, i) => seen.get(i + 1) ?? 0);

  let target: number[] | undefined;
  if (stem === 'cifar') {
    if (stageCount > CIFAR_STAGES) {
      throw new WeightsError('unknown-architecture', { file, detail: `3×3 stem with ${stageCount} stages` });
    }
    target = Array<number>(CIFAR_STAGES).fill(Math.max(1, ...counts));
  } else {
    target = IMAGENET_DEPTHS.find((d) => d.length >= stageCount && counts.every((n, i) => n <= d[i]));
    if (!target) {
      throw new WeightsError('unknown-architecture', {
        file,
        detail: `blocks per stage ${counts.join(', ')}`,
      });
    }
  }
  const present = new Set(found.map(([s, b]) => `${s}.${b}`));
  target.forEach((n, s) => {
    for (let b = 0; b < n; b++) {
      if (!present.has(`${s + 1}.${b}`)) {
        throw new WeightsError('missing-tensor', { file, tensor: `layer${s + 1}.${b}.conv1.weight` });
      }
    }
  });
  return target;
}

/** The tensor names and PyTorch shapes a spec's weights file holds (torchvision naming). */
export function tensorShapesOf(spec: NetworkSpec): Map<string, number[]> {
  const shapes = new Map<string, number[]>();
  const bn = (prefix: string, c: number) => BN_SUFFIXES.forEach((k) => shapes.set(`${prefix}.${k}`, [c]));
  const k = spec.stem === 'cifar' ? 3 : 7;
  shapes.set('conv1.weight', [spec.stemChannels, 3, k, k]);
  bn('bn1', spec.stemChannels);
  for (const b of spec.stages.flat()) {
    shapes.set(`${b.name}.conv1.weight`, [b.width, b.inChannels, 1, 1]);
    bn(`${b.name}.bn1`, b.width);
    shapes.set(`${b.name}.conv2.weight`, [b.width, b.width / b.groups, 3, 3]);
    bn(`${b.name}.bn2`, b.width);
    shapes.set(`${b.name}.conv3.weight`, [b.outChannels, b.width, 1, 1]);
    bn(`${b.name}.bn3`, b.outChannels);
    if (b.projection) {
      shapes.set(`${b.name}.downsample.0.weight`, [b.outChannels, b.inChannels, 1, 1]);
      bn(`${b.name}.downsample.1`, b.outChannels);
    }
  }
  const last = spec.stages.at(-1)?.at(-1)?.outChannels ?? spec.stemChannels;
  shapes.set('fc.weight', [spec.numClasses, last]);
  shapes.set('fc.bias', [spec.numClasses]);
  return shapes;
}
