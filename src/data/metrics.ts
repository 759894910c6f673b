/** Types and lazy loading of the training metrics measured for the project's CIFAR-10 models. */
import { AppError } from '../resnext/errors';

interface EpochMetrics {
  epoch: number;
  train_loss: number;
  train_err: number;
  test_err: number;
  time_s: number;
}

export interface ModelMetrics {
  name: string;
  cardinality: number;
  bottleneck_width_d: number;
  params: number;
  macs_32x32: number;
  epochs: number;
  train_seconds: number;
  test_acc: number;
  test_acc_flip_tta: number;
  /** training step time per batch of `batch_size` images, ms */
  train_step_ms: number;
  infer_imgs_per_s_b1024: { bf16: number; fp32: number };
  curve: EpochMetrics[];
  reference_logits_first16_test?: number[][];
}

export interface MetricsFile {
  dataset: string;
  classes: string[];
  batch_size: number;
  epochs: number;
  recipe: string;
  device: string;
  torch: string;
  models: ModelMetrics[];
}

/** Written by `npm run eval -- --write` (scripts/eval.ts). */
export interface TfjsEval {
  accuracy: number | null;
  images: number | null;
  /** the command that printed the figure */
  command: string;
  /** the weights file evaluated, relative to the repository */
  model?: string;
  /** sha256 of that file: which bytes the figure was measured on (a unit test compares it with the manifest) */
  modelSha256?: string;
  /** the day the figure was measured (YYYY-MM-DD, UTC) */
  date?: string;
  backend?: string;
  /** sha256 of the test file: which copy of the CIFAR-10 test set the figure was measured on */
  testFileSha256?: string;
  /** a second model run on the same images (`--compare`): its accuracy and how often its top-1 agrees */
  compare?: TfjsCompare;
}

interface TfjsCompare {
  model: string;
  /** sha256 of the compared file */
  modelSha256?: string;
  accuracy: number;
  /** share of the images on which its top-1 equals the evaluated model's */
  agreement: number;
  images: number;
}

export interface ProjectMetrics {
  /** the 80-epoch ResNeXt-29 32×4d */
  run80: MetricsFile;
  /** the five equal-complexity ResNeXt-29 models trained for 20 epochs */
  family: MetricsFile;
  tfjsEval: TfjsEval;
}

/** A training metrics file shipped beside the weights in public/models (one source for the app and the README). */
async function fetchMetrics(path: string): Promise<MetricsFile> {
  const url = `${import.meta.env.BASE_URL}models/${path}`;
  const res = await fetch(url);
  if (res.status === 404) throw new AppError('not-found', { url, status: res.status });
  if (!res.ok) throw new AppError('http-status', { url, status: res.status });
  return (await res.json()) as MetricsFile;
}

/**
 * Loads the metrics when a view needs them, out of the first paint: the training metrics from the files shipped
 * beside the weights in public/models (one source); tfjsEval.json, written by `npm run eval -- --write`, in its
 * own chunk.
 */
export async function loadProjectMetrics(): Promise<ProjectMetrics> {
  const [run80, family, tfjsEval] = await Promise.all([
    fetchMetrics('metrics.json'),
    fetchMetrics('family/metrics.json'),
    import('./tfjsEval.json'),
  ]);
  return { run80, family, tfjsEval: tfjsEval.default as TfjsEval };
}

/** `1×64d`-style label of a model's cardinality and bottleneck width. */
export const modelSetting = (m: Pick<ModelMetrics, 'cardinality' | 'bottleneck_width_d'>): string =>
  `${m.cardinality}×${m.bottleneck_width_d}d`;

/** The family's models in increasing cardinality. */
export const byCardinality = (file: MetricsFile): ModelMetrics[] =>
  [...file.models].sort((a, b) => a.cardinality - b.cardinality);
