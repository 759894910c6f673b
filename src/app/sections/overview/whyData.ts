import { TABLE3, TABLE4, type DoubledResult } from '../../../data/paperResults';

/** The paper's Tables 3 and 4 arranged for the "why cardinality" figure. Pure. */

export type Metric = 'top1' | 'top5';

export const errorOf = (r: DoubledResult, m: Metric): number => (m === 'top1' ? r.top1Error : r.top5Error);

/** Table 4: the starting point (ResNet-101) and the directions taken from it, in the table's order. */
export function table4Directions(): { base: DoubledResult; moves: DoubledResult[] } {
  const base = TABLE4.find((r) => r.direction === 'baseline');
  if (!base) throw new Error('Table 4 has no baseline row');
  return { base, moves: TABLE4.filter((r) => r.direction !== 'baseline') };
}

/** How far a direction lowers the error from the starting point, in points. */
export const gain = (base: DoubledResult, r: DoubledResult, m: Metric): number =>
  Math.round((errorOf(base, m) - errorOf(r, m)) * 10) / 10;

/** Table 3 by cardinality: one row per C with the ResNeXt-50 and ResNeXt-101 top-1 errors. */
export function table3Rows(): { cardinality: number; d: number; r50: number; r101: number }[] {
  const cs = [...new Set(TABLE3.map((r) => r.cardinality))].sort((a, b) => a - b);
  return cs.map((c) => {
    const at = (depth: 50 | 101) => {
      const r = TABLE3.find((x) => x.cardinality === c && x.depth === depth);
      if (!r) throw new Error(`Table 3 has no ${depth}-layer row for C = ${c}`);
      return r;
    };
    return { cardinality: c, d: at(50).width, r50: at(50).top1Error, r101: at(101).top1Error };
  });
}

/** An axis domain, high to low (lower error to the right), padded around the values and snapped to `step`. */
export function zoomedDomain(values: number[], step: number): [number, number] {
  const lo = Math.floor((Math.min(...values) - step / 2) / step) * step;
  const hi = Math.ceil((Math.max(...values) + step / 2) / step) * step;
  return [Number(hi.toFixed(2)), Number(lo.toFixed(2))];
}

/** Ticks every `step` inside a domain given high to low. */
export function ticksIn([hi, lo]: [number, number], step: number): number[] {
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) out.push(Number(v.toFixed(2)));
  return out;
}
