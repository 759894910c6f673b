import { formCounts } from '../../../resnext/blockCounts';
import { blockConfig, type BlockConfig } from '../../block/blockConfig';
import { CARDINALITIES } from '../../state/appState';

/**
 * The cost anatomy of a block, read from the counting code (blockCounts.ts via blockConfig): the weights of its
 * first 1×1 (in·C·d), grouped 3×3 (9·C·d²) and last 1×1 (C·d·out), beside the ResNet block of the same stage.
 */

export type CostPartId = 'conv1' | 'conv2' | 'conv3';

interface CostPart {
  id: CostPartId;
  weights: number;
}

interface CostBar {
  /** 'resnet' or 'resnext' */
  id: 'resnet' | 'resnext';
  cardinality: number;
  d: number;
  parts: CostPart[];
  /** the block's weights as the readouts show them */
  total: number;
}

interface DPoint {
  cardinality: number;
  /** the d that keeps the cost at this stage, and the cost it gives relative to the ResNet block */
  d: number;
  ratio: number;
}

export interface CostAnatomy {
  inChannels: number;
  outChannels: number;
  resnet: CostBar;
  resnext: CostBar;
  /** C·d, and the weights of one dense 3×3 over all of them, which grouping into C divides by C */
  width: number;
  dense3x3: number;
  grouped3x3: number;
  ratio: number;
  /** the equal-complexity d for every C on the slider, at this stage */
  dByC: DPoint[];
}

function bar(id: CostBar['id'], cardinality: number, d: number, count: BlockConfig['counts']): CostBar {
  return {
    id,
    cardinality,
    d,
    parts: count.rows.map((r) => ({ id: r.id, weights: r.params })),
    total: count.params,
  };
}

export function costAnatomy(cfg: BlockConfig): CostAnatomy {
  const dense = formCounts('c', { ...cfg.shape, cardinality: 1, d: cfg.width });
  const dByC = CARDINALITIES.map((c) => {
    const at = blockConfig({ stage: cfg.stage.id, cardinality: c, d: cfg.d, keepComplexity: true });
    return { cardinality: c, d: at.d, ratio: at.paramRatio };
  });
  return {
    inChannels: cfg.stage.inChannels,
    outChannels: cfg.stage.outChannels,
    resnet: bar('resnet', 1, cfg.resnetShape.d, cfg.resnet),
    resnext: bar('resnext', cfg.cardinality, cfg.d, cfg.counts),
    width: cfg.width,
    dense3x3: dense.rows[1].params,
    grouped3x3: cfg.counts.rows[1].params,
    ratio: cfg.paramRatio,
    dByC,
  };
}

/** Whether a cost ratio is far enough from 1 to say that whole-number d leaves the cost not level. */
export const notLevel = (ratio: number): boolean => Math.abs(ratio - 1) >= 0.02;
