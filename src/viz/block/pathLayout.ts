/**
 * Where every path of a block is drawn when all C paths are shown, each as wide as its channels: a path of
 * width d is d·unit wide. Pure, so it can be tested without a DOM.
 */

export interface PathSpan {
  /** 0-based path index */
  index: number;
  /** left edge, width and centre in the drawing's units */
  x: number;
  width: number;
  cx: number;
}

export interface PathRow {
  cardinality: number;
  d: number;
}

export interface PathArea {
  /** left edge and width of the room the paths share */
  x0: number;
  width: number;
  /** the widest gap between neighbouring paths */
  maxGap: number;
  /** the most room the gaps may take together, as a fraction of `width` */
  gapShare: number;
}

/** Gap between neighbouring paths: at most `maxGap`, and all gaps together at most `gapShare` of the room. */
export function pathGap(cardinality: number, area: PathArea): number {
  if (cardinality <= 1) return 0;
  return Math.min(area.maxGap, (area.gapShare * area.width) / (cardinality - 1));
}

/**
 * The largest channel unit at which the block fits its area, capped by `maxUnit`. Columns drawn side by side
 * take the smallest of their units so that equal d means equal drawn width in both.
 */
export function fitUnit(row: PathRow, area: PathArea, maxUnit: number): number {
  const c = Math.max(1, Math.floor(row.cardinality));
  const room = area.width - pathGap(c, area) * (c - 1);
  return Math.min(maxUnit, room / Math.max(1, c * row.d));
}

/** Every path of the block, left to right, centred in the area. */
export function layoutPaths(row: PathRow, area: PathArea, unit: number): PathSpan[] {
  const c = Math.max(1, Math.floor(row.cardinality));
  const gap = pathGap(c, area);
  const width = Math.max(0, row.d * unit);
  const used = c * width + gap * (c - 1);
  const start = area.x0 + (area.width - used) / 2;
  return Array.from({ length: c }, (_, index) => {
    const x = start + index * (width + gap);
    return { index, x, width, cx: x + width / 2 };
  });
}

/**
 * When C changes from `from` to `to`, the path of the other block that path `index` comes from or goes to:
 * paths split and merge in order, so path i of the new block sits where path ⌊i·from/to⌋ of the old one was.
 */
export const partnerIndex = (index: number, from: number, to: number): number =>
  Math.min(to - 1, Math.floor((index * to) / Math.max(1, from)));
