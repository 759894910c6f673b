import {
  axisLeft,
  interrupt,
  select,
  type Axis,
  type NumberValue,
  type ScaleLinear,
  type Selection,
} from 'd3';

/** Colours come from CSS variables so the page theme (light or dark) decides; fallbacks read on both. */
const PALETTE_FALLBACKS = ['#3b82c4', '#e07b39', '#3aa17e', '#c2477f', '#8a6bd1', '#b59a2c', '#5a9bb0'];
export const seriesColor = (i: number): string =>
  `var(--chart-${(i % PALETTE_FALLBACKS.length) + 1}, ${PALETTE_FALLBACKS[i % PALETTE_FALLBACKS.length]})`;
export const FG = 'var(--fg, var(--text, currentColor))';
export const MUTED = 'var(--muted, var(--text-muted, currentColor))';
export const GRID = 'var(--grid, var(--border, rgba(127,127,127,0.3)))';

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface Frame {
  svg: Selection<SVGSVGElement, unknown, null, undefined>;
  plot: Selection<SVGGElement, unknown, null, undefined>;
  innerWidth: number;
  innerHeight: number;
  margin: Margin;
}

/** Empties `el` and draws a fresh svg with a plot area inside the margins. */
export function createFrame(el: Element, width: number, height: number, margin: Margin): Frame {
  const root = select(el);
  root.selectAll('*').remove();
  const w = Math.max(width, 200);
  const svg = root
    .append('svg')
    .attr('width', w)
    .attr('height', height)
    .attr('viewBox', `0 0 ${w} ${height}`)
    .attr('aria-hidden', 'true')
    .attr('focusable', 'false')
    .style('display', 'block')
    .style('color', FG)
    .style('font', '12px system-ui, sans-serif');
  const plot = svg.append('g').attr('transform', `translate(${margin.left},${margin.top})`);
  return {
    svg,
    plot,
    innerWidth: Math.max(w - margin.left - margin.right, 40),
    innerHeight: Math.max(height - margin.top - margin.bottom, 40),
    margin,
  };
}

type Svg = Selection<SVGSVGElement, unknown, null, undefined>;
type G = Selection<SVGGElement, unknown, null, undefined>;

/**
 * The svg of a chart redrawn in place, `width` × `height`. Marks still moving from the last draw stop. On first
 * use `el` is emptied and the svg (class `cls`, hidden from assistive technology: the figure's own text speaks
 * for it) is appended with a `g.plot` holding `g.grid`, `g.axis.x` and `g.axis.y`, then the layers `build` adds,
 * then the two axis labels (`text.axis-label.x`, `.y`).
 */
export function keptChartSvg(
  el: HTMLElement,
  cls: string,
  width: number,
  height: number,
  build: (svg: Svg, plot: G) => void,
): Svg {
  const root = select(el);
  // (Calling d3's `interrupt` function also keeps d3-transition, which adds `selection.transition`, in the
  // bundle.)
  root.selectAll<Element, unknown>('*').each(function () {
    interrupt(this);
  });
  let svg: Svg = root.select<SVGSVGElement>(`svg.${cls}`);
  if (svg.empty()) {
    root.selectAll('*').remove();
    svg = root
      .append('svg')
      .attr('class', cls)
      .attr('aria-hidden', 'true')
      .attr('focusable', 'false')
      .style('display', 'block')
      .style('color', FG)
      .style('font', '12px system-ui, sans-serif');
    const plot = svg.append('g').attr('class', 'plot');
    plot.append('g').attr('class', 'grid');
    plot.append('g').attr('class', 'axis x');
    plot.append('g').attr('class', 'axis y');
    build(svg, plot);
    svg.append('text').attr('class', 'axis-label x').attr('text-anchor', 'middle').attr('fill', FG);
    svg.append('text').attr('class', 'axis-label y').attr('text-anchor', 'middle').attr('fill', FG);
  }
  return svg.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
}

/** Axis text and lines follow the theme's foreground colour. */
export function styleAxis(g: Selection<SVGGElement, unknown, null, undefined>): void {
  g.selectAll('text').attr('fill', FG);
  g.selectAll('line, path').attr('stroke', MUTED);
}

/** Draws `axis` into `g` in the theme's colours, its labels at 12 px. */
export function drawAxis(g: G, axis: Axis<NumberValue>): void {
  g.call(axis).call(styleAxis).selectAll('text').attr('font-size', 12);
}

/** In a kept chart's `plot` (keptChartSvg), the y axis with five ticks and a grid line across `iw` at each. */
export function yAxisWithGrid(
  plot: G,
  y: ScaleLinear<number, number>,
  iw: number,
  format: (v: number) => string,
) {
  drawAxis(
    plot.select<SVGGElement>('g.axis.y'),
    axisLeft(y)
      .ticks(5)
      .tickFormat((v) => format(Number(v))),
  );
  drawGrid(plot.select<SVGGElement>('g.grid'), y, y.ticks(5), iw);
}

/** Into `g`, a horizontal grid line `width` long at each of the `ticks` on `y`. */
export function drawGrid(g: G, y: (v: number) => number, ticks: number[], width: number): void {
  g.selectAll<SVGLineElement, number>('line')
    .data(ticks, (d) => String(d))
    .join('line')
    .attr('x1', 0)
    .attr('x2', width)
    .attr('y1', (d) => y(d))
    .attr('y2', (d) => y(d))
    .attr('stroke', GRID);
}

/** A font size (px) at which `text` fits in `available` px, between `min` and `base`. */
export const fitFontSize = (text: string, available: number, base = 12, min = 8): number =>
  Math.max(min, Math.min(base, (base * available) / Math.max(estimateTextWidth(text, base), 1)));

export function axisLabels(frame: Frame, xLabel: string | undefined, yLabel: string): void {
  const { svg, margin, innerWidth, innerHeight } = frame;
  if (xLabel) {
    svg
      .append('text')
      .attr('class', 'axis-label x')
      .attr('x', margin.left + innerWidth / 2)
      .attr('y', margin.top + innerHeight + margin.bottom - 6)
      .attr('text-anchor', 'middle')
      .attr('font-size', fitFontSize(xLabel, innerWidth + margin.left))
      .attr('fill', FG)
      .text(xLabel);
  }
  svg
    .append('text')
    .attr('class', 'axis-label y')
    .attr('transform', `translate(14,${margin.top + innerHeight / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .attr('font-size', fitFontSize(yLabel, innerHeight + margin.top))
    .attr('fill', FG)
    .text(yLabel);
}

/** Rough text width without layout (CJK glyphs are about twice as wide as Latin ones). */
export const estimateTextWidth = (s: string, px = 12): number =>
  [...s].reduce((w, ch) => w + (ch.codePointAt(0)! > 0x2e80 ? px : px * 0.6), 0);

/** Lays legend items out in rows no wider than `maxWidth`; returns the rows used. */
export function layoutLegend(labels: string[], maxWidth: number): { x: number; row: number }[] {
  const out: { x: number; row: number }[] = [];
  let x = 0;
  let row = 0;
  for (const label of labels) {
    const w = 22 + estimateTextWidth(label) + 14;
    if (x > 0 && x + w > maxWidth) {
      x = 0;
      row += 1;
    }
    out.push({ x, row });
    x += w;
  }
  return out;
}

export const LEGEND_ROW = 18;

export function legendRows(labels: string[], maxWidth: number): number {
  const layout = layoutLegend(labels, maxWidth);
  return layout.length ? layout[layout.length - 1].row + 1 : 0;
}

/** Draws a legend at the top of the svg (above the plot area). */
export function drawLegend(frame: Frame, labels: string[], kind: 'line' | 'box'): void {
  if (labels.length < 2) return;
  const layout = layoutLegend(labels, frame.innerWidth);
  const g = frame.svg
    .append('g')
    .attr('class', 'legend')
    .attr('transform', `translate(${frame.margin.left},8)`);
  labels.forEach((label, i) => {
    const item = g
      .append('g')
      .attr('class', 'legend-item')
      .attr('transform', `translate(${layout[i].x},${layout[i].row * LEGEND_ROW})`);
    if (kind === 'line') {
      item
        .append('line')
        .attr('x1', 0)
        .attr('x2', 16)
        .attr('y1', 6)
        .attr('y2', 6)
        .attr('stroke', seriesColor(i))
        .attr('stroke-width', 2.5);
    } else {
      item.append('rect').attr('width', 12).attr('height', 12).attr('fill', seriesColor(i));
    }
    item.append('text').attr('x', 22).attr('y', 10).attr('fill', FG).text(label);
  });
}
