import { axisBottom, axisLeft, max, scaleBand, scaleLinear, select } from 'd3';
import {
  FG,
  GRID,
  LEGEND_ROW,
  axisLabels,
  createFrame,
  drawLegend,
  estimateTextWidth,
  fitFontSize,
  legendRows,
  seriesColor,
  styleAxis,
} from './frame';
import type { BarChartData, BarChartOptions } from './types';

/** A tick label as one line, or two when it is wider than its band. */
function tickLines(label: string, width: number): string[] {
  const words = label.split(' ');
  if (estimateTextWidth(label, 10) <= width || words.length < 2) return [label];
  const cut = Math.ceil(words.length / 2);
  return [words.slice(0, cut).join(' '), words.slice(cut).join(' ')];
}

function drawTick(text: SVGTextElement, lines: string[], fontSize: number): void {
  const t = select(text).text(null).attr('font-size', fontSize);
  if (lines.length === 1) {
    t.text(lines[0]);
    return;
  }
  t.append('tspan').attr('x', 0).attr('dy', '0.71em').text(lines[0]);
  t.append('tspan').attr('x', 0).attr('dy', '1.1em').text(lines[1]);
}

/** Grouped vertical bars: one group per category, one bar per series. */
export function renderBarChart(el: Element, data: BarChartData, options: BarChartOptions): void {
  const height = options.height ?? 280;
  const labels = data.series.map((s) => s.label);
  const rows = labels.length > 1 ? legendRows(labels, options.width - 70) : 0;
  const frame = createFrame(el, options.width, height, {
    top: 14 + rows * LEGEND_ROW + (options.showValues ? 8 : 0),
    right: 16,
    bottom: options.xLabel ? 60 : 44,
    left: 62,
  });
  const { plot, innerWidth, innerHeight } = frame;
  const fmt = options.valueFormat ?? ((v: number) => String(v));

  const values = data.groups.flatMap((g) =>
    data.series.map((s) => g.values[s.id]).filter((v): v is number => typeof v === 'number'),
  );
  const yMin = options.yMin ?? 0;
  const x = scaleBand<string>()
    .domain(data.groups.map((g) => g.id))
    .range([0, innerWidth])
    .padding(0.22);
  const inner = scaleBand<string>()
    .domain(data.series.map((s) => s.id))
    .range([0, x.bandwidth()])
    .padding(0.08);
  const y = scaleLinear()
    .domain([yMin, (max(values) ?? 1) * 1.08])
    .nice()
    .range([innerHeight, 0]);

  const yTicks = Math.max(3, Math.floor(innerHeight / 45));
  plot
    .append('g')
    .attr('class', 'grid')
    .selectAll('line')
    .data(y.ticks(yTicks))
    .join('line')
    .attr('x1', 0)
    .attr('x2', innerWidth)
    .attr('y1', (d) => y(d))
    .attr('y2', (d) => y(d))
    .attr('stroke', GRID);

  const labelOf = new Map(data.groups.map((g) => [g.id, g.label]));
  const xAxisG = plot.append('g').attr('transform', `translate(0,${innerHeight})`).call(axisBottom(x));
  // one font size for every tick, small enough for the widest line
  const tickWidth = x.bandwidth() + 8;
  const ticks = new Map(data.groups.map((g) => [g.id, tickLines(labelOf.get(g.id) ?? g.id, tickWidth)]));
  const widest = [...ticks.values()]
    .flat()
    .reduce((a, b) => (estimateTextWidth(b) > estimateTextWidth(a) ? b : a), '');
  const tickFont = fitFontSize(widest, tickWidth, 10, 7);
  xAxisG.selectAll<SVGTextElement, string>('text').each(function (id) {
    drawTick(this, ticks.get(id) ?? [id], tickFont);
  });
  styleAxis(xAxisG);
  const yAxis = axisLeft<number>(y).ticks(yTicks);
  const tickFmt = options.yTickFormat ?? options.valueFormat;
  if (tickFmt) yAxis.tickFormat((v) => tickFmt(v));
  styleAxis(plot.append('g').call(yAxis));

  data.groups.forEach((g) => {
    const gg = plot
      .append('g')
      .attr('class', 'bar-group')
      .attr('data-group', g.id)
      .attr('transform', `translate(${x(g.id)},0)`);
    data.series.forEach((s, i) => {
      const v = g.values[s.id];
      if (typeof v !== 'number') return;
      const top = y(Math.max(v, yMin));
      gg.append('rect')
        .attr('class', 'mark bar')
        .attr('data-series', s.id)
        .attr('x', inner(s.id)!)
        .attr('width', inner.bandwidth())
        .attr('y', top)
        .attr('height', Math.max(innerHeight - top, 0))
        .attr('fill', seriesColor(i))
        .append('title')
        .text(`${g.label} — ${s.label}: ${fmt(v)}`);
      if (options.showValues) {
        gg.append('text')
          .attr('class', 'bar-value')
          .attr('x', inner(s.id)! + inner.bandwidth() / 2)
          .attr('y', top - 4)
          .attr('text-anchor', 'middle')
          .attr('font-size', 11)
          .attr('fill', FG)
          .text(fmt(v));
      }
    });
  });
  drawLegend(frame, labels, 'box');
  axisLabels(frame, options.xLabel, options.yLabel);
}
