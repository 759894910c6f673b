/**
 * What the whole-network figure shows of a network, free of language: the paper's Table 1 rows as columns
 * (the stem, each stage, the classifier), every block with its output shape, C, d and parameters. All numbers
 * come from the spec through the counting code. Pure: no DOM, no tfjs.
 */
import { countNetwork } from '../../resnext/counting';
import type { NetworkSpec } from '../../resnext/spec';

type NetworkCardKind = 'stem' | 'block' | 'head';

export interface NetworkCardInfo {
  /** `stem`, the block's name (`layer1.0`), or `head` */
  id: string;
  kind: NetworkCardKind;
  /** output [H, W, C] (the classifier: [1, 1, classes]) */
  outShape: [number, number, number];
  params: number;
  macs: number;
  /** blocks: cardinality C and per-group width d of the 3×3 */
  groups: number;
  d: number;
  /** the stem's kernel side, and whether a max-pool follows it (ImageNet) */
  kernel: number;
  maxPool: boolean;
}

export interface NetworkColumnInfo {
  /** the Table 1 row: conv1, conv2 …, fc */
  id: string;
  kind: NetworkCardKind;
  /** side of the column's output maps */
  outSize: number;
  cards: NetworkCardInfo[];
}

export const STEM_CARD = 'stem';
export const HEAD_CARD = 'head';

export function networkColumns(spec: NetworkSpec): NetworkColumnInfo[] {
  const count = countNetwork(spec);
  const byName = new Map(count.layers.map((l) => [l.name, l]));
  const layer = (name: string) => {
    const l = byName.get(name);
    if (!l) throw new Error(`no layer ${name} in the count`);
    return l;
  };
  const paramsUnder = (prefix: string) =>
    count.layers
      .filter((l) => l.name.startsWith(prefix))
      .reduce((s, l) => [s[0] + l.params, s[1] + l.macs], [0, 0]);

  const first = spec.stages[0]?.[0];
  const conv1 = layer('conv1');
  // The stem's output is the first block's input (after the max-pool on ImageNet).
  const stemOut = first ? layer(`${first.name}.conv1`).inShape : conv1.outShape;
  const stemStage = count.stages.find((s) => s.name === 'conv1')!;
  const stem: NetworkCardInfo = {
    id: STEM_CARD,
    kind: 'stem',
    outShape: [stemOut[1], stemOut[2], stemOut[3]],
    params: stemStage.params,
    macs: stemStage.macs,
    groups: 1,
    d: 0,
    kernel: conv1.weightShape[2],
    maxPool: spec.stem === 'imagenet',
  };
  const columns: NetworkColumnInfo[] = [{ id: 'conv1', kind: 'stem', outSize: stemOut[1], cards: [stem] }];
  spec.stages.forEach((blocks, s) => {
    const name = `conv${s + 2}`;
    const stage = count.stages.find((st) => st.name === name)!;
    columns.push({
      id: name,
      kind: 'block',
      outSize: stage.outSize,
      cards: blocks.map((b): NetworkCardInfo => {
        const out = layer(`${b.name}.conv3`).outShape;
        const [params, macs] = paramsUnder(`${b.name}.`);
        return {
          id: b.name,
          kind: 'block',
          outShape: [out[1], out[2], out[3]],
          params,
          macs,
          groups: b.groups,
          d: b.width / b.groups,
          kernel: 3,
          maxPool: false,
        };
      }),
    });
  });
  const fc = layer('fc');
  columns.push({
    id: 'fc',
    kind: 'head',
    outSize: 1,
    cards: [
      {
        id: HEAD_CARD,
        kind: 'head',
        outShape: [1, 1, spec.numClasses],
        params: fc.params,
        macs: fc.macs,
        groups: 1,
        d: 0,
        kernel: 1,
        maxPool: false,
      },
    ],
  });
  return columns;
}
