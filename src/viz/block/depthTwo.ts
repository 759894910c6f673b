import { figureSvg } from '../figureSvg';
import './block.css';

/**
 * A block of depth 2 (the paper's Figure 4): C paths of two layers each, and the same weights joined, the first
 * layers stacked into one dense matrix and the second side by side into another. No cell of either is empty, so
 * no grouping is left. Redrawing the same host updates the blocks by key.
 */
export interface DepthTwoData {
  idBase: string;
  cardinality: number;
  title: string;
  description: string;
  /** "32 paths" over the paths, "one wide block" over the joined matrices */
  pathsLabel: string;
  wideLabel: string;
}

interface Cell {
  key: string;
  layer: 1 | 2;
  x: number;
  y: number;
  w: number;
  h: number;
}

const DEPTH_TWO_W = 340;
const DEPTH_TWO_H = 118;
const TOP = 26;
const BOTTOM = DEPTH_TWO_H - 6;

/** Where the blocks stand: the paths on the left, the two joined dense matrices on the right. */
function depthTwoLayout(cardinality: number): { cells: Cell[]; frames: Cell[]; equals: number } {
  const c = Math.max(1, Math.floor(cardinality));
  const cells: Cell[] = [];
  const x0 = 8;
  const span = 142;
  const gap = c > 1 ? Math.min(5, (0.3 * span) / (c - 1)) : 0;
  const w = (span - gap * (c - 1)) / c;
  const mid = TOP + 30;
  for (let i = 0; i < c; i++) {
    const x = x0 + i * (w + gap);
    cells.push({ key: `p1.${i}`, layer: 1, x, y: TOP, w, h: 24 });
    cells.push({ key: `p2.${i}`, layer: 2, x, y: mid + 6, w, h: BOTTOM - mid - 6 });
  }
  const h = BOTTOM - TOP;
  const a = { x: 190, w: 64 };
  const b = { x: 266, w: 66 };
  for (let i = 0; i < c; i++) {
    cells.push({ key: `w1.${i}`, layer: 1, x: a.x, y: TOP + (i * h) / c, w: a.w, h: h / c });
    cells.push({ key: `w2.${i}`, layer: 2, x: b.x + (i * b.w) / c, y: TOP, w: b.w / c, h });
  }
  const frames: Cell[] = [
    { key: 'f1', layer: 1, x: a.x, y: TOP, w: a.w, h },
    { key: 'f2', layer: 2, x: b.x, y: TOP, w: b.w, h },
  ];
  return { cells, frames, equals: 170 };
}

export function renderDepthTwo(host: Element, data: DepthTwoData): void {
  const layout = depthTwoLayout(data.cardinality);
  const svg = figureSvg(host, 'd2-svg bv-svg fmx-svg', data, (svg) => {
    svg.attr('viewBox', `0 0 ${DEPTH_TWO_W} ${DEPTH_TWO_H}`);
    const g = svg.append('g').attr('aria-hidden', 'true');
    g.append('g').attr('class', 'd2-cells');
    for (const f of layout.frames)
      g.append('rect')
        .attr('class', 'd2-frame')
        .attr('x', f.x)
        .attr('y', f.y)
        .attr('width', f.w)
        .attr('height', f.h);
    const text = (cls: string, x: number, y: number, anchor: string) =>
      g
        .append('text')
        .attr('class', `bv-text ${cls}`)
        .attr('x', x)
        .attr('y', y)
        .attr('text-anchor', anchor)
        .attr('dominant-baseline', 'middle');
    text('d2-paths', 8, 12, 'start');
    text('d2-wide', 190, 12, 'start');
    text('bv-text--title d2-equals', layout.equals, (TOP + BOTTOM) / 2, 'middle').text('=');
  });
  svg.select('.d2-paths').text(data.pathsLabel);
  svg.select('.d2-wide').text(data.wideLabel);
  svg
    .select('g.d2-cells')
    .selectAll<SVGRectElement, Cell>('rect')
    .data(layout.cells, (c) => c.key)
    .join('rect')
    .attr('class', (c) => `fmx-block fmx-block--w${c.layer === 1 ? 1 : 3}`)
    .attr('x', (c) => c.x)
    .attr('y', (c) => c.y)
    .attr('width', (c) => c.w)
    .attr('height', (c) => c.h);
}
