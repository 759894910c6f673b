import { axisBottom, axisLeft, max, scaleBand, scaleLinear, select } from 'd3';
import {
  FG,
  drawGrid,
  LEGEND_ROW,
  axisLabels,
  createFrame,
  drawLegend,
  estimateTextWidth,
  legendRows,
  seriesColor,
  styleAxis,
} from './frame';
import type { BarChartData, BarChartOptions } from './types';

/** The tick labels' size on screen: the page's CSS sets them (numbers.css), at most this. */
const TICK_PX = 12;

/** A tick label's lines: as many as its band needs, breaking between words. */
function tickLines(label: string, width: number): string[] {
  const words = label.split(' ');
  const lines: string[] = [];
  for (const word of words) {
    const last = lines[lines.length - 1];
    if (last !== undefined && estimateTextWidth(`${last} ${word}`, TICK_PX) <= width)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

function drawTick(text: SVGTextElement, lines: string[], rotated: boolean): void {
  const t = select(text).text(null).attr('font-size', TICK_PX);
  if (rotated) {
    // Too narrow for even one word per line: one line, upright (reading upwards), hanging below its band.
    t.attr('text-anchor', 'end')
      .attr('transform', 'rotate(-90)')
      .attr('x', -9)
      .attr('y', 0)
      .attr('dy', '0.35em')
      .text(lines.join(' '));
    return;
  }
  lines.forEach((line, i) => {
    t.append('tspan')
      .attr('x', 0)
      .attr('dy', i === 0 ? '0.71em' : '1.1em')
      .text(line);
  });
}

/** The x axis' label in one line, or two (split between words) when one would not fit `width`. */
function axisLabelLines(label: string, width: number): string[] {
  const words = label.split(' ');
  if (estimateTextWidth(label, TICK_PX) <= width || words.length < 2) return [label];
  const widest = (k: number) =>
    Math.max(
      estimateTextWidth(words.slice(0, k).join(' '), TICK_PX),
      estimateTextWidth(words.slice(k).join(' '), TICK_PX),
    );
  let best = 1;
  for (let i = 2; i < words.length; i++) if (widest(i) < widest(best)) best = i;
  return [words.slice(0, best).join(' '), words.slice(best).join(' ')];
}

/** Grouped vertical bars: one group per category, one bar per series. */
export function renderBarChart(el: Element, data: BarChartData, options: BarChartOptions): void {
  const height = options.height ?? 280;
  const labels = data.series.map((s) => s.label);
  const rows = labels.length > 1 ? legendRows(labels, options.width - 70) : 0;
  const fmt = options.valueFormat ?? ((v: number) => String(v));
  const values = data.groups.flatMap((g) =>
    data.series.map((s) => g.values[s.id]).filter((v): v is number => typeof v === 'number'),
  );
  const yMin = options.yMin ?? 0;
  const y = scaleLinear()
    .domain([yMin, (max(values) ?? 1) * 1.08])
    .nice();
  const tickFmt = options.yTickFormat ?? options.valueFormat;
  // The left margin holds the widest value tick and the axis label beside it.
  const yTickWidth = Math.max(
    ...[3, 5, 8].flatMap((n) =>
      y.ticks(n).map((v) => estimateTextWidth(tickFmt ? tickFmt(v) : y.tickFormat(n)(v), TICK_PX)),
    ),
  );
  const left = Math.max(62, Math.ceil(yTickWidth) + 36);
  // The x ticks: wrapped into their band, or turned when a single word is wider than it.
  const tickTexts = data.groups.map((g) => g.label);
  const bandOf = (l: number) =>
    ((Math.max(options.width, 200) - l - 16) / (data.groups.length + 0.22)) * 0.78;
  const tickWidth = bandOf(left) + 8;
  const rotated = tickTexts.some((l) => l.split(' ').some((w) => estimateTextWidth(w, TICK_PX) > tickWidth));
  const lineCount = rotated ? 1 : Math.max(1, ...tickTexts.map((l) => tickLines(l, tickWidth).length));
  const tickDepth = rotated
    ? Math.max(...tickTexts.map((l) => estimateTextWidth(l, TICK_PX))) + 16
    : 10 + lineCount * TICK_PX * 1.1;
  const xLines = options.xLabel ? axisLabelLines(options.xLabel, Math.max(options.width, 200) - 16) : [];
  const bottom = Math.ceil(tickDepth) + (xLines.length ? 10 + xLines.length * 16 : 8);
  // Deeper ticks or a second label line make the drawing taller, not the plot shorter.
  const frame = createFrame(el, options.width, height + Math.max(0, bottom - 60), {
    top: 14 + rows * LEGEND_ROW + (options.showValues ? 8 : 0),
    right: 16,
    bottom,
    left,
  });
  const { plot, innerWidth, innerHeight } = frame;
  const x = scaleBand<string>()
    .domain(data.groups.map((g) => g.id))
    .range([0, innerWidth])
    .padding(0.22);
  const inner = scaleBand<string>()
    .domain(data.series.map((s) => s.id))
    .range([0, x.bandwidth()])
    .padding(0.08);
  y.range([innerHeight, 0]);

  const yTicks = Math.max(3, Math.floor(innerHeight / 45));
  drawGrid(plot.append('g').attr('class', 'grid'), y, y.ticks(yTicks), innerWidth);

  const labelOf = new Map(data.groups.map((g) => [g.id, g.label]));
  const xAxisG = plot.append('g').attr('transform', `translate(0,${innerHeight})`).call(axisBottom(x));
  xAxisG.selectAll<SVGTextElement, string>('text').each(function (id) {
    const label = labelOf.get(id) ?? id;
    drawTick(this, rotated ? [label] : tickLines(label, tickWidth), rotated);
  });
  styleAxis(xAxisG);
  const yAxis = axisLeft<number>(y).ticks(yTicks);
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
  axisLabels(frame, undefined, options.yLabel);
  if (xLines.length) {
    const { svg, margin } = frame;
    const cx = margin.left + innerWidth / 2;
    const label = svg
      .append('text')
      .attr('class', 'axis-label x')
      .attr('x', cx)
      .attr('y', margin.top + innerHeight + Math.ceil(tickDepth) + 14)
      .attr('text-anchor', 'middle')
      .attr('font-size', TICK_PX)
      .attr('fill', FG);
    xLines.forEach((line, i) =>
      label
        .append('tspan')
        .attr('x', cx)
        .attr('dy', i === 0 ? 0 : 16)
        .text(line),
    );
  }
}
