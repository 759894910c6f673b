import type { SafetensorsFile } from './safetensors';
import type { NetworkSpec, StemKind } from './spec';

export interface ModelMeta {
  name: string;
  arch: StemKind;
  /** one name per output; from the file's metadata, names passed in, or `class i` */
  classes: string[];
  /** per-channel RGB normalisation of x/255 */
  mean: number[];
  std: number[];
  /** side of the square input */
  inputSize: number;
  /** learnable parameters (BatchNorm running statistics excluded) */
  params: number;
}

/** CIFAR-10 class ids in index order (the training recipe's CLASSES, training/resnext.py). */
export const CIFAR10_CLASSES = [
  'airplane',
  'automobile',
  'bird',
  'cat',
  'deer',
  'dog',
  'frog',
  'horse',
  'ship',
  'truck',
] as const;
/** Per-channel normalisation of x/255 for CIFAR-10 (the recipe's MEAN and STD, training/resnext.py). */
export const CIFAR_MEAN = [0.4914, 0.4822, 0.4465];
export const CIFAR_STD = [0.247, 0.2435, 0.2616];
export const IMAGENET_MEAN = [0.485, 0.456, 0.406];
export const IMAGENET_STD = [0.229, 0.224, 0.225];

function jsonArray(text: string | undefined): unknown[] | null {
  if (text === undefined) return null;
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v : null;
  } catch {
    return null;
  }
}

const rgbTriple = (text: string | undefined, positive: boolean): number[] | null => {
  const v = jsonArray(text);
  return v &&
    v.length === 3 &&
    v.every((x) => typeof x === 'number' && Number.isFinite(x) && (!positive || x > 0))
    ? (v as number[])
    : null;
};

export function readMeta(
  file: SafetensorsFile,
  spec: NetworkSpec,
  params: number,
  classNames?: readonly string[],
): ModelMeta {
  const m = file.metadata;
  const fromFile = jsonArray(m.classes);
  const classes =
    classNames && classNames.length === spec.numClasses
      ? [...classNames]
      : fromFile && fromFile.length === spec.numClasses && fromFile.every((c) => typeof c === 'string')
        ? (fromFile as string[])
        : Array.from({ length: spec.numClasses }, (_, i) => `class ${i}`);
  const cifar = spec.stem === 'cifar';
  return {
    name: m.name || file.source.replace(/^.*[\\/]/, '').replace(/\.safetensors$/, ''),
    arch: spec.stem,
    classes,
    mean: rgbTriple(m.mean, false) ?? (cifar ? CIFAR_MEAN : IMAGENET_MEAN),
    std: rgbTriple(m.std, true) ?? (cifar ? CIFAR_STD : IMAGENET_STD),
    inputSize: spec.inputSize,
    params,
  };
}
