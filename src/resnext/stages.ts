import { equalComplexityD } from './equalComplexity';
import { stageWidth } from './spec';

/**
 * Stage presets of the explainer: which block a stage id shows. Each preset describes a stage's repeated block
 * (in = out, stride 1), at the spatial size of the stage's output.
 *
 * d is named per network, as in "32×4d": it is the per-group width at the first stage (conv2), and later stages
 * double it, by torchvision's rule width = floor(planes · d / 64) · C. So ResNeXt-50 32×4d has d = 4, 8, 16, 32 at
 * conv2..conv5, and the trained ResNeXt-29 32×4d has 4, 8, 16. With keepComplexity the network d is the paper's
 * Table 2 choice at conv2 (equalComplexityD with in = out = 256, template 1×64d), then doubled the same way, so
 * every stage shows the block of a real network (8×14d shows d = 28 at conv3; solving each stage on its own would
 * give 27 there, and 15 instead of 16 for C = 16).
 */

export type StageId = 'r50-conv2' | 'r50-conv3' | 'r50-conv4' | 'r50-conv5' | 'c29-1' | 'c29-2' | 'c29-3';
type StageFamily = 'resnext50' | 'resnext29';

export interface StagePreset {
  id: StageId;
  family: StageFamily;
  /** row of the paper's Table 1 (the CIFAR model numbers its stages conv2..conv4 the same way) */
  tableRow: 'conv2' | 'conv3' | 'conv4' | 'conv5';
  /** torchvision's planes: 64 · 2^k; out = 4 · planes */
  planes: number;
  inChannels: number;
  outChannels: number;
  /** side of the stage's square feature maps */
  spatial: number;
  /** per-group width of the C = 1 (ResNet) block of this stage */
  templateD: number;
  /** network d (the "4" of 32×4d): Table 2's choice when keepComplexity, else dFree */
  networkD(cardinality: number, keepComplexity: boolean, dFree: number): number;
  /** per-group width d of this stage's block */
  dFor(cardinality: number, keepComplexity: boolean, dFree: number): number;
}

const networkD = (c: number, keepComplexity: boolean, dFree: number): number =>
  keepComplexity ? equalComplexityD(c, 256, 256, 64) : dFree;

function preset(id: StageId, family: StageFamily, k: number, spatial: number): StagePreset {
  const planes = 64 << k;
  return {
    id,
    family,
    tableRow: `conv${k + 2}` as StagePreset['tableRow'],
    planes,
    inChannels: 4 * planes,
    outChannels: 4 * planes,
    spatial,
    templateD: planes,
    networkD,
    dFor: (c, keep, dFree) => stageWidth(planes, c, networkD(c, keep, dFree)) / c,
  };
}

export const STAGES: Readonly<Record<StageId, StagePreset>> = {
  'r50-conv2': preset('r50-conv2', 'resnext50', 0, 56),
  'r50-conv3': preset('r50-conv3', 'resnext50', 1, 28),
  'r50-conv4': preset('r50-conv4', 'resnext50', 2, 14),
  'r50-conv5': preset('r50-conv5', 'resnext50', 3, 7),
  'c29-1': preset('c29-1', 'resnext29', 0, 32),
  'c29-2': preset('c29-2', 'resnext29', 1, 16),
  'c29-3': preset('c29-3', 'resnext29', 2, 8),
};

export const STAGE_IDS = Object.keys(STAGES) as StageId[];

export const stagePreset = (id: StageId): StagePreset => STAGES[id];
