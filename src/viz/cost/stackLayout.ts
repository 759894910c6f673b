/** Geometry of stacked bars on a shared scale. Pure, so it can be tested without a DOM. */

export interface StackedBar {
  id: string;
  label: string;
  total: number;
  totalLabel: string;
  /** segments left to right; `kind` picks the colour */
  parts: { id: string; kind: string; value: number }[];
}

export const STACK_ROW = { height: 50, label: 10, barY: 20, bar: 22 } as const;

export const stackHeight = (bars: number): number => Math.max(1, bars) * STACK_ROW.height;

export interface Segment {
  id: string;
  kind: string;
  value: number;
  x: number;
  width: number;
}

/** Each part's left edge and length when the whole width stands for `max`; parts follow each other. */
export function stackParts(bar: StackedBar, max: number, width: number): Segment[] {
  const k = max > 0 ? width / max : 0;
  let x = 0;
  return bar.parts.map((p) => {
    const w = Math.max(0, p.value * k);
    const s = { id: p.id, kind: p.kind, value: p.value, x, width: w };
    x += w;
    return s;
  });
}
