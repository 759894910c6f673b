import { axisBottom, axisLeft, extent, line, scaleLinear, scaleLog } from 'd3';
import {
  FG,
  drawGrid,
  LEGEND_ROW,
  axisLabels,
  createFrame,
  drawLegend,
  legendRows,
  seriesColor,
  styleAxis,
} from './frame';
import type { LineChartOptions, LineSeries } from './types';

/** Draws one line per series into `el` (emptied first). */
export function renderLineChart(el: Element, series: LineSeries[], options: LineChartOptions): void {
  const height = options.height ?? 280;
  const labels = series.map((s) => s.label);
  const rows = labels.length > 1 ? legendRows(labels, options.width - 70) : 0;
  const frame = createFrame(el, options.width, height, {
    top: 12 + rows * LEGEND_ROW,
    right: 16,
    bottom: 44,
    left: 58,
  });
  const { plot, innerWidth, innerHeight } = frame;

  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const ys = series.flatMap((s) => s.points.map((p) => p.y));
  const [x0, x1] = extent(xs) as [number, number];
  const [y0, y1] = extent(ys) as [number, number];
  const pad = (y1 - y0) * 0.08 || 1;

  const x =
    options.xScale === 'log2'
      ? scaleLog()
          .base(2)
          .domain([x0 / 1.25, x1 * 1.25])
          .range([0, innerWidth])
      : scaleLinear().domain([x0, x1]).range([0, innerWidth]);
  // values that cannot be negative (errors, accuracies) keep the axis at or above zero
  const y = scaleLinear()
    .domain([y0 >= 0 ? Math.max(0, y0 - pad) : y0 - pad, y1 + pad])
    .nice()
    .range([innerHeight, 0]);

  const xAxis = axisBottom<number>(x).ticks(Math.max(2, Math.floor(innerWidth / 70)));
  if (options.xTicks) xAxis.tickValues(options.xTicks);
  if (options.xTickFormat) xAxis.tickFormat((v) => options.xTickFormat!(v));
  else if (options.xScale === 'log2') xAxis.tickFormat((v) => String(v));
  const yAxis = axisLeft<number>(y).ticks(Math.max(3, Math.floor(innerHeight / 45)));
  if (options.yFormat) yAxis.tickFormat((v) => options.yFormat!(v));

  drawGrid(
    plot.append('g').attr('class', 'grid'),
    y,
    y.ticks(Math.max(3, Math.floor(innerHeight / 45))),
    innerWidth,
  );
  styleAxis(plot.append('g').attr('transform', `translate(0,${innerHeight})`).call(xAxis));
  styleAxis(plot.append('g').call(yAxis));

  const path = line<{ x: number; y: number }>()
    .x((p) => x(p.x))
    .y((p) => y(p.y));
  series.forEach((s, i) => {
    const g = plot.append('g').attr('class', 'series').attr('data-series', s.id);
    g.append('path')
      .attr('class', 'mark line')
      .attr('d', path(s.points))
      .attr('fill', 'none')
      .attr('stroke', seriesColor(i))
      .attr('stroke-width', 2);
    if (options.showPoints ?? s.points.length <= 12) {
      g.selectAll('circle')
        .data(s.points)
        .join('circle')
        .attr('class', 'mark point')
        .attr('cx', (p) => x(p.x))
        .attr('cy', (p) => y(p.y))
        .attr('r', 3.5)
        .attr('fill', seriesColor(i))
        .attr('stroke', 'var(--bg, #fff)')
        .append('title')
        .text((p) => {
          const xt = options.xTickFormat ? options.xTickFormat(p.x) : String(p.x);
          const yt = options.yFormat ? options.yFormat(p.y) : String(p.y);
          return `${s.label}: ${xt} → ${yt}`;
        });
    }
  });
  drawLegend(frame, labels, 'line');
  axisLabels(frame, options.xLabel, options.yLabel);
  frame.svg.selectAll('.domain').attr('stroke', FG);
}
