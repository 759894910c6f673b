/**
 * The lab's small ResNeXt for CIFAR-10: a 3×3 stem of 32 channels with batch norm and ReLU, three bottleneck
 * blocks with 64, 128 and 256 outputs (stride 1, 2, 2; a projection shortcut each), global average pool and a
 * linear layer to 10 classes. Block k (0-based) has C groups of width d·2^k in its grouped 3×3.
 * The equal-complexity d of each C is the one whose whole network has the parameter count nearest the
 * template's (C = 1, d = 16).
 */

const LAB_STEM = 32;
export const LAB_OUTPUTS = [64, 128, 256] as const;
export const LAB_STRIDES = [1, 2, 2] as const;
export const LAB_CLASSES = 10;
const LAB_TEMPLATE_D = 16;
export const LAB_CARDINALITIES = [1, 2, 4, 8] as const;

export interface LabSpec {
  c: number;
  d: number;
}

export interface LabParamShape {
  name: string;
  /** tfjs layout: conv HWIO (grouped: [kh, kw, in/groups, out]), linear [in, out] */
  shape: number[];
  kind: 'conv' | 'bnWeight' | 'bnBias' | 'fcWeight' | 'fcBias';
  /** fan-out of a conv (PyTorch's: out channels × kh × kw), fan-in of the linear layer */
  fan: number;
}

/** Names of the batch-norm layers, each with `.weight`, `.bias`, `.running_mean`, `.running_var`. */
export function labBnNames(): string[] {
  const names = ['bn1'];
  for (let k = 1; k <= LAB_OUTPUTS.length; k++) {
    names.push(`layer${k}.bn1`, `layer${k}.bn2`, `layer${k}.bn3`, `layer${k}.downsample.1`);
  }
  return names;
}

/** Trainable parameters in a fixed order (PyTorch's names). */
export function labParamShapes({ c, d }: LabSpec): LabParamShape[] {
  const out: LabParamShape[] = [];
  const conv = (name: string, k: number, inPerGroup: number, o: number) =>
    out.push({ name, shape: [k, k, inPerGroup, o], kind: 'conv', fan: o * k * k });
  const bn = (name: string, ch: number) => {
    out.push({ name: `${name}.weight`, shape: [ch], kind: 'bnWeight', fan: ch });
    out.push({ name: `${name}.bias`, shape: [ch], kind: 'bnBias', fan: ch });
  };
  conv('conv1.weight', 3, 3, LAB_STEM);
  bn('bn1', LAB_STEM);
  let inCh: number = LAB_STEM;
  LAB_OUTPUTS.forEach((o, i) => {
    const width = c * d * 2 ** i;
    const p = `layer${i + 1}`;
    conv(`${p}.conv1.weight`, 1, inCh, width);
    bn(`${p}.bn1`, width);
    conv(`${p}.conv2.weight`, 3, width / c, width);
    bn(`${p}.bn2`, width);
    conv(`${p}.conv3.weight`, 1, width, o);
    bn(`${p}.bn3`, o);
    conv(`${p}.downsample.0.weight`, 1, inCh, o);
    bn(`${p}.downsample.1`, o);
    inCh = o;
  });
  out.push({ name: 'fc.weight', shape: [inCh, LAB_CLASSES], kind: 'fcWeight', fan: inCh });
  out.push({ name: 'fc.bias', shape: [LAB_CLASSES], kind: 'fcBias', fan: inCh });
  return out;
}

export const sizeOf = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/** Trainable parameters of the network (batch-norm running statistics not counted). */
export function labParamCount(spec: LabSpec): number {
  return labParamShapes(spec).reduce((n, p) => n + sizeOf(p.shape), 0);
}

/** The d whose network has the parameter count nearest the template's (ties to the smaller d). */
function labEqualComplexityD(c: number): number {
  if (!(Number.isInteger(c) && c >= 1)) throw new Error(`cardinality must be a positive integer, got ${c}`);
  const target = labParamCount({ c: 1, d: LAB_TEMPLATE_D });
  let best = 1;
  let bestGap = Infinity;
  for (let d = 1; d <= LAB_TEMPLATE_D; d++) {
    const gap = Math.abs(labParamCount({ c, d }) - target);
    if (gap < bestGap) {
      best = d;
      bestGap = gap;
    }
  }
  return best;
}

export const labSpecFor = (c: number): LabSpec => ({ c, d: labEqualComplexityD(c) });
