import { countNetwork } from '../../../resnext/counting';
import type { NetworkSpec } from '../../../resnext/spec';

/** What a row of the paper's Table 1 holds, free of language; the view translates the words. */
export type ArchCell =
  | { kind: 'stem'; kernel: number; channels: number; stride: number }
  | { kind: 'maxpool'; kernel: number; stride: number }
  /** e.g. `[1×1, 128; 3×3, 128, C=32; 1×1, 256] ×3` */
  | { kind: 'blocks'; text: string }
  | { kind: 'head'; classes: number };

interface ArchRow {
  /** conv1, conv2 … conv5, or fc (the "output" row) */
  stage: string;
  outSize: number;
  cells: ArchCell[];
  params: number;
  macs: number;
}

export interface ArchTable {
  rows: ArchRow[];
  params: number;
  macs: number;
}

/** The bottleneck template of one stage, in the paper's notation. */
function blockText(width: number, groups: number, outChannels: number, count: number): string {
  const mid = groups > 1 ? `3×3, ${width}, C=${groups}` : `3×3, ${width}`;
  return `[1×1, ${width}; ${mid}; 1×1, ${outChannels}] ×${count}`;
}

/** Table 1 of the paper for any spec: layout from the spec, parameters and MACs from the counting code. */
export function buildArchTable(spec: NetworkSpec, inputSize: number = spec.inputSize): ArchTable {
  const count = countNetwork(spec, inputSize);
  const imagenet = spec.stem === 'imagenet';
  const rows = count.stages.map((st): ArchRow => {
    const base = { stage: st.name, outSize: st.outSize, params: st.params, macs: st.macs };
    if (st.name === 'conv1') {
      return {
        ...base,
        cells: [
          { kind: 'stem', kernel: imagenet ? 7 : 3, channels: spec.stemChannels, stride: imagenet ? 2 : 1 },
        ],
      };
    }
    if (st.name === 'fc') return { ...base, cells: [{ kind: 'head', classes: spec.numClasses }] };
    const s = Number(st.name.slice(4)) - 2;
    const blocks = spec.stages[s];
    const b = blocks[0];
    const cells: ArchCell[] = [
      { kind: 'blocks', text: blockText(b.width, b.groups, b.outChannels, blocks.length) },
    ];
    if (imagenet && s === 0) cells.unshift({ kind: 'maxpool', kernel: 3, stride: 2 });
    return { ...base, cells };
  });
  return { rows, params: count.params, macs: count.macs };
}

/** One block's convolution weights (as the Overview counts a block) and MACs. */
interface BlockCost {
  weights: number;
  macs: number;
}

/** A stage split into its first block and the repeated one the Overview draws. */
export interface StageBlocks {
  /** channels and map side the first block reads (the previous stage's output) */
  firstIn: number;
  firstSide: number;
  /** channels and side of the repeated blocks' input (= their output) */
  repeatedIn: number;
  repeatedSide: number;
  first: BlockCost;
  /** one of the repeated blocks (all are the same) */
  repeated: BlockCost;
  /** how many repeated blocks follow the first */
  repeats: number;
  /** the first block's projection shortcut (1×1 conv), included in `first` */
  projection: BlockCost;
}

/**
 * The first block of stage `s` (0 = conv2) against its repeated blocks, from the counting code: the first reads
 * the previous stage's output and carries the projection shortcut, which is why a stage's totals are not the
 * repeated block's count times the number of blocks.
 */
export function stageBlocks(spec: NetworkSpec, s: number, inputSize: number = spec.inputSize): StageBlocks {
  const convs = countNetwork(spec, inputSize).layers.filter((l) => l.kind === 'conv');
  const blocks = spec.stages[s];
  const of = (prefix: string) => convs.filter((l) => l.name.startsWith(prefix));
  const cost = (rows: typeof convs): BlockCost => ({
    weights: rows.reduce((a, r) => a + r.params, 0),
    macs: rows.reduce((a, r) => a + r.macs, 0),
  });
  const first = of(`${blocks[0].name}.`);
  const repeated = of(`${blocks[1].name}.`);
  return {
    firstIn: first[0].inShape[3],
    firstSide: first[0].inShape[1],
    repeatedIn: repeated[0].inShape[3],
    repeatedSide: repeated[0].inShape[1],
    first: cost(first),
    repeated: cost(repeated),
    repeats: blocks.length - 1,
    projection: cost(first.filter((l) => l.name.endsWith('.downsample.0'))),
  };
}
