import { axisLeft, scaleLog, select, type ScaleContinuousNumeric, type Selection } from 'd3';
import {
  FG,
  GRID,
  LEGEND_ROW,
  MUTED,
  estimateTextWidth,
  fitFontSize,
  keptChartSvg,
  layoutLegend,
  seriesColor,
  styleAxis,
} from '../numbers/frame';

/** The frame both grouped-cost charts share: an svg kept between calls, C on a log₂ axis with d under it. */

type Svg = Selection<SVGSVGElement, unknown, null, undefined>;
export type G = Selection<SVGGElement, unknown, null, undefined>;

interface CAxisTick {
  c: number;
  /** a second line under C (the width d), or none */
  below?: string;
}

export interface ChartFrameOptions {
  width: number;
  height: number;
  xLabel: string;
  yLabel: string;
  /** legend entries: a coloured dot per series (by index), or a dashed reference line */
  legend: { label: string; kind: 'dot' | 'rule'; color: string }[];
  ticks: CAxisTick[];
  /** the y axis's tick labels, which decide the left margin */
  yTickLabels: string[];
}

export interface ChartFrame {
  svg: Svg;
  plot: G;
  iw: number;
  ih: number;
  x: (c: number) => number;
}

const MARGIN = { right: 14, bottom: 58 };
/** the rotated y label's column, and the gap between it and the tick labels */
const Y_LABEL = 22;

export const color = seriesColor;
export { MUTED };

/** Stops moving marks, creates the svg on first use, lays out legend, axes and labels; returns the plot area. */
export function chartFrame(el: HTMLElement, cls: string, o: ChartFrameOptions): ChartFrame {
  const width = Math.max(o.width, 240);
  const left = Y_LABEL + 12 + Math.max(0, ...o.yTickLabels.map((l) => estimateTextWidth(l, 12)));
  const legendWidth = width - left - MARGIN.right;
  const layout = layoutLegend(
    o.legend.map((l) => l.label),
    legendWidth,
  );
  const rows = layout.length ? layout[layout.length - 1].row + 1 : 0;
  const top = 12 + rows * LEGEND_ROW;
  const svg = keptChartSvg(el, cls, width, o.height, (svg, plot) => {
    svg.append('g').attr('class', 'legend');
    plot.append('g').attr('class', 'marks');
  });
  const iw = width - left - MARGIN.right;
  const ih = o.height - top - MARGIN.bottom;
  const plot = svg.select<SVGGElement>('g.plot').attr('transform', `translate(${left},${top})`);

  const cs = o.ticks.map((t) => t.c);
  const xs = scaleLog()
    .base(2)
    .domain([Math.min(...cs) / 1.4, Math.max(...cs) * 1.4])
    .range([0, iw]);
  const x = (c: number) => xs(c);

  // x axis: C on the first line, d under it
  const xAxis = plot.select<SVGGElement>('g.axis.x').attr('transform', `translate(0,${ih})`);
  xAxis
    .selectAll<SVGLineElement, null>('line.domain-line')
    .data([null])
    .join('line')
    .attr('class', 'domain-line')
    .attr('x1', 0)
    .attr('x2', iw)
    .attr('stroke', MUTED);
  const tick = xAxis
    .selectAll<SVGGElement, CAxisTick>('g.tick')
    .data(o.ticks, (t) => String(t.c))
    .join((enter) => {
      const g = enter.append('g').attr('class', 'tick');
      g.append('line').attr('y2', 5).attr('stroke', MUTED);
      g.append('text').attr('class', 'tick-c').attr('y', 18).attr('text-anchor', 'middle');
      g.append('text').attr('class', 'tick-d').attr('y', 34).attr('text-anchor', 'middle');
      return g;
    })
    .attr('transform', (t) => `translate(${x(t.c)},0)`);
  tick
    .select('text.tick-c')
    .attr('fill', FG)
    .attr('font-size', 12)
    .text((t) => String(t.c));
  tick
    .select('text.tick-d')
    .attr('fill', MUTED)
    .attr('font-size', 12)
    .text((t) => t.below ?? '');

  svg
    .select('text.axis-label.x')
    .attr('x', left + iw / 2)
    .attr('y', o.height - 6)
    .attr('font-size', fitFontSize(o.xLabel, width - 8, 12, 12))
    .text(o.xLabel);
  svg
    .select('text.axis-label.y')
    .attr('transform', `translate(${Y_LABEL / 2 + 4},${top + ih / 2}) rotate(-90)`)
    .attr('font-size', 12)
    .text(o.yLabel);

  // legend
  const legend = svg.select<SVGGElement>('g.legend').attr('transform', `translate(${left},6)`);
  const items = legend
    .selectAll<SVGGElement, ChartFrameOptions['legend'][number]>('g.legend-item')
    .data(o.legend, (l) => `${l.kind}:${l.color}`)
    .join((enter) => {
      const it = enter.append('g').attr('class', 'legend-item');
      it.append('line').attr('x1', 0).attr('x2', 16).attr('y1', 6).attr('y2', 6).attr('stroke-width', 2);
      it.append('circle').attr('cx', 8).attr('cy', 6).attr('r', 4);
      it.append('text').attr('x', 22).attr('y', 10).attr('font-size', 12);
      return it;
    });
  items.each(function (l, i) {
    const it = select(this);
    it.attr('transform', `translate(${layout[i].x},${layout[i].row * LEGEND_ROW})`);
    it.select('line')
      .attr('stroke', l.color)
      .attr('stroke-dasharray', l.kind === 'rule' ? '4 3' : null);
    it.select('circle')
      .attr('fill', l.color)
      .attr('display', l.kind === 'dot' ? null : 'none');
    it.select('text').attr('fill', FG).text(l.label);
  });

  return { svg, plot, iw, ih, x };
}

/** A y axis with horizontal grid lines at its ticks. */
export function drawYAxis(
  f: ChartFrame,
  ys: ScaleContinuousNumeric<number, number>,
  ticks: number[],
  format: (v: number) => string,
): void {
  f.plot
    .select<SVGGElement>('g.axis.y')
    .call(
      axisLeft(ys)
        .tickValues(ticks)
        .tickFormat((v) => format(Number(v))),
    )
    .call(styleAxis)
    .selectAll('text')
    .attr('font-size', 12);
  f.plot
    .select<SVGGElement>('g.grid')
    .selectAll<SVGLineElement, number>('line')
    .data(ticks, (d) => String(d))
    .join('line')
    .attr('x1', 0)
    .attr('x2', f.iw)
    .attr('y1', (d) => ys(d))
    .attr('y2', (d) => ys(d))
    .attr('stroke', GRID);
  f.svg.selectAll('.axis.y .domain').attr('stroke', MUTED);
}
