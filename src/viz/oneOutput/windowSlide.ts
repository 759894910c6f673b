/**
 * The grouped 3×3's window on its input, beside the output value it makes: the input map with its ring of
 * zero padding, the 3×3 window, and the output map with the picked value. A function of (element, data): as the
 * picked position moves, the window and the output cell slide there (a D3 transition; at once under reduced
 * motion). While they slide, the root carries `data-moving="true"`.
 */
import { easeCubicInOut, select } from 'd3';
import { lutCss, lutIndex } from '../activations/colorScale';

export interface WindowSlideData {
  inHeight: number;
  inWidth: number;
  outHeight: number;
  outWidth: number;
  stride: number;
  /** one input channel [H, W] (values shown as colours) */
  input: ArrayLike<number>;
  /** the picked output channel [outH, outW] */
  output: ArrayLike<number>;
  /** the picked output position */
  y: number;
  x: number;
  reducedMotion: boolean;
  /** milliseconds a move takes */
  duration: number;
  labels: { input: string; output: string };
}

const CELL = 9;
const GAP = 36;
const TOP = 22;

interface WindowSlideLayout {
  width: number;
  height: number;
  inX: number;
  outX: number;
  cell: number;
  outCell: number;
}

/** Where the two maps go: the input with its padding ring on the left, the output (same height) on the right. */
function windowSlideLayout(
  d: Pick<WindowSlideData, 'inHeight' | 'inWidth' | 'outHeight'>,
): WindowSlideLayout {
  const cell = CELL;
  const inSize = (d.inWidth + 2) * cell;
  const outCell = ((d.inHeight + 2) * cell) / d.outHeight;
  const outX = inSize + GAP;
  return {
    width: outX + d.outHeight * outCell,
    height: TOP + (d.inHeight + 2) * cell,
    inX: 0,
    outX,
    cell,
    outCell,
  };
}

interface Cell {
  key: string;
  row: number;
  col: number;
  padding: boolean;
  value: number;
}

export function renderWindowSlide(svgEl: SVGSVGElement, d: WindowSlideData): void {
  const L = windowSlideLayout(d);
  const svg = select(svgEl)
    .attr('viewBox', `0 0 ${L.width} ${L.height}`)
    .attr('width', L.width)
    .attr('height', L.height);
  let hi = 0;
  for (let i = 0; i < d.inHeight * d.inWidth; i++) hi = Math.max(hi, Math.abs(d.input[i]));

  const cells: Cell[] = [];
  for (let r = -1; r <= d.inHeight; r++) {
    for (let c = -1; c <= d.inWidth; c++) {
      const padding = r < 0 || c < 0 || r >= d.inHeight || c >= d.inWidth;
      cells.push({
        key: `${r}:${c}`,
        row: r,
        col: c,
        padding,
        value: padding ? 0 : d.input[r * d.inWidth + c],
      });
    }
  }
  const inG = svg
    .selectAll<SVGGElement, null>('g.ws-in')
    .data([null])
    .join('g')
    .attr('class', 'ws-in')
    .attr('transform', `translate(${L.inX},${TOP})`);
  inG
    .selectAll<SVGRectElement, Cell>('rect.ws-cell')
    .data(cells, (c) => c.key)
    .join('rect')
    .attr('class', (c) => (c.padding ? 'ws-cell ws-pad' : 'ws-cell'))
    .attr('x', (c) => (c.col + 1) * L.cell)
    .attr('y', (c) => (c.row + 1) * L.cell)
    .attr('width', L.cell)
    .attr('height', L.cell)
    .attr('fill', (c) => (c.padding ? 'none' : lutCss('sequential', lutIndex('sequential', c.value, hi))));

  const outG = svg
    .selectAll<SVGGElement, null>('g.ws-out')
    .data([null])
    .join('g')
    .attr('class', 'ws-out')
    .attr('transform', `translate(${L.outX},${TOP})`);
  outG
    .selectAll<SVGRectElement, null>('rect.ws-frame')
    .data([null])
    .join('rect')
    .attr('class', 'ws-frame')
    .attr('width', d.outWidth * L.outCell)
    .attr('height', d.outHeight * L.outCell);
  let outHi = 0;
  for (let i = 0; i < d.outHeight * d.outWidth; i++) outHi = Math.max(outHi, Math.abs(d.output[i]));
  const outCells: Cell[] = [];
  for (let r = 0; r < d.outHeight; r++)
    for (let c = 0; c < d.outWidth; c++)
      outCells.push({
        key: `${r}:${c}`,
        row: r,
        col: c,
        padding: false,
        value: d.output[r * d.outWidth + c],
      });
  outG
    .selectAll<SVGRectElement, Cell>('rect.ws-cell')
    .data(outCells, (c) => c.key)
    .join('rect')
    .attr('class', 'ws-cell')
    .attr('x', (c) => c.col * L.outCell)
    .attr('y', (c) => c.row * L.outCell)
    .attr('width', L.outCell)
    .attr('height', L.outCell)
    .attr('fill', (c) => lutCss('diverging', lutIndex('diverging', c.value, outHi)));

  svg
    .selectAll<SVGTextElement, string>('text.ws-caption')
    .data([d.labels.input, d.labels.output])
    .join('text')
    .attr('class', 'ws-caption')
    .attr('x', (_, i) => (i === 0 ? L.inX : L.outX))
    .attr('y', 14)
    .text((s) => s);

  // the window's top-left cell in padded coordinates is (y·s − 1) + 1
  const win = { x: d.x * d.stride * L.cell, y: TOP + d.y * d.stride * L.cell };
  const out = { x: L.outX + d.x * L.outCell, y: TOP + d.y * L.outCell };
  const moving = svg.selectAll<SVGElement, null>('.ws-window, .ws-target, .ws-link');
  moving.interrupt('ws');

  const windowRect = svg
    .selectAll<SVGRectElement, null>('rect.ws-window')
    .data([null])
    .join((enter) => enter.append('rect').attr('class', 'ws-window').attr('x', win.x).attr('y', win.y))
    .attr('width', 3 * L.cell)
    .attr('height', 3 * L.cell);
  svg.selectAll('.ws-window, .ws-target, .ws-link').raise();
  const target = svg
    .selectAll<SVGRectElement, null>('rect.ws-target')
    .data([null])
    .join((enter) => enter.append('rect').attr('class', 'ws-target').attr('x', out.x).attr('y', out.y))
    .attr('width', L.outCell)
    .attr('height', L.outCell);
  const link = svg
    .selectAll<SVGLineElement, null>('line.ws-link')
    .data([null])
    .join((enter) =>
      enter
        .append('line')
        .attr('class', 'ws-link')
        .attr('x1', win.x + 3 * L.cell)
        .attr('y1', win.y + 1.5 * L.cell)
        .attr('x2', out.x)
        .attr('y2', out.y + L.outCell / 2),
    );

  const end = {
    window: { x: win.x, y: win.y },
    target: { x: out.x, y: out.y },
    link: { x1: win.x + 3 * L.cell, y1: win.y + 1.5 * L.cell, x2: out.x, y2: out.y + L.outCell / 2 },
  };
  const already =
    Number(windowRect.attr('x')) === end.window.x &&
    Number(windowRect.attr('y')) === end.window.y &&
    Number(target.attr('x')) === end.target.x &&
    Number(target.attr('y')) === end.target.y;
  svg.attr('data-window-x', d.x).attr('data-window-y', d.y);
  if (d.reducedMotion || d.duration <= 0 || already) {
    svg.attr('data-moving', null);
    windowRect.attr('x', end.window.x).attr('y', end.window.y);
    target.attr('x', end.target.x).attr('y', end.target.y);
    link.attr('x1', end.link.x1).attr('y1', end.link.y1).attr('x2', end.link.x2).attr('y2', end.link.y2);
    return;
  }
  svg.attr('data-moving', 'true');
  const done = () => svg.attr('data-moving', null);
  windowRect
    .transition('ws')
    .duration(d.duration)
    .ease(easeCubicInOut)
    .attr('x', end.window.x)
    .attr('y', end.window.y)
    .on('end', done)
    .on('interrupt', done);
  target
    .transition('ws')
    .duration(d.duration)
    .ease(easeCubicInOut)
    .attr('x', end.target.x)
    .attr('y', end.target.y);
  link
    .transition('ws')
    .duration(d.duration)
    .ease(easeCubicInOut)
    .attr('x1', end.link.x1)
    .attr('y1', end.link.y1)
    .attr('x2', end.link.x2)
    .attr('y2', end.link.y2);
}
