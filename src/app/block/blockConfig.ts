import { formCounts, type BlockCount, type BlockShape } from '../../resnext/blockCounts';
import { stagePreset, type StagePreset } from '../../resnext/stages';
import type { AppState } from '../state/appState';

/** Everything the block panels derive from the app state: the block shown, its counts and the ResNet baseline. */
export interface BlockConfig {
  stage: StagePreset;
  cardinality: number;
  /** the network's d, the "4" of 32×4d */
  networkD: number;
  /** per-path width of this stage's block (network d doubled per stage) */
  d: number;
  /** bottleneck width C·d */
  width: number;
  shape: BlockShape;
  /** the block as stored (form c: 1×1, grouped 3×3, 1×1); totals equal those of forms a and b */
  counts: BlockCount;
  /** the ResNet bottleneck of the same stage (C = 1, the template width) */
  resnetShape: BlockShape;
  resnet: BlockCount;
  paramRatio: number;
  macRatio: number;
}

export type BlockSettings = Pick<AppState, 'stage' | 'cardinality' | 'd' | 'keepComplexity'>;

export function blockConfig(s: BlockSettings): BlockConfig {
  const stage = stagePreset(s.stage);
  const C = s.cardinality;
  const networkD = stage.networkD(C, s.keepComplexity, s.d);
  const d = stage.dFor(C, s.keepComplexity, s.d);
  const base = { inChannels: stage.inChannels, outChannels: stage.outChannels, spatial: stage.spatial };
  const shape: BlockShape = { ...base, cardinality: C, d };
  const resnetShape: BlockShape = { ...base, cardinality: 1, d: stage.templateD };
  const counts = formCounts('c', shape);
  const resnet = formCounts('c', resnetShape);
  return {
    stage,
    cardinality: C,
    networkD,
    d,
    width: C * d,
    shape,
    counts,
    resnetShape,
    resnet,
    paramRatio: counts.params / resnet.params,
    macRatio: counts.macs / resnet.macs,
  };
}
