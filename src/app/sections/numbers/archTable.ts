import { countNetwork } from '../../../resnext/counting';
import type { NetworkSpec } from '../../../resnext/spec';

/** What a row of the paper's Table 1 holds, free of language; the view translates the words. */
export type ArchCell =
  | { kind: 'stem'; kernel: number; channels: number; stride: number }
  | { kind: 'maxpool'; kernel: number; stride: number }
  /** e.g. `[1×1, 128; 3×3, 128, C=32; 1×1, 256] ×3` */
  | { kind: 'blocks'; text: string }
  | { kind: 'head'; classes: number };

export interface ArchRow {
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
export function blockText(width: number, groups: number, outChannels: number, count: number): string {
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
