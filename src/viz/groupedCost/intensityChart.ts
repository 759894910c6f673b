import { line, scaleLinear, select } from 'd3';
import { chartFrame, color, drawYAxis } from './frame';

/** Work per byte of the 3×3 layer against C: the grouped conv and a dense conv of the same MACs. */

export interface IntensityPoint {
  c: number;
  d: number;
  grouped: number;
  dense: number;
}

export interface IntensityChartOptions {
  width: number;
  height?: number;
  xLabel: string;
  yLabel: string;
  groupedLabel: string;
  denseLabel: string;
  yFormat: (v: number) => string;
  /** transition length, ms (0 under reduced motion) */
  duration: number;
}

type Series = { id: 'grouped' | 'dense'; label: string; points: { c: number; y: number }[] };

export function renderIntensityChart(
  el: HTMLElement,
  data: IntensityPoint[],
  o: IntensityChartOptions,
): void {
  const series: Series[] = [
    { id: 'grouped', label: o.groupedLabel, points: data.map((p) => ({ c: p.c, y: p.grouped })) },
    { id: 'dense', label: o.denseLabel, points: data.map((p) => ({ c: p.c, y: p.dense })) },
  ];
  const max = Math.max(...data.flatMap((p) => [p.grouped, p.dense]));
  const ys = scaleLinear()
    .domain([0, max * 1.08])
    .nice(5);
  const ticks = ys.ticks(5);
  const f = chartFrame(el, 'gcost-intensity', {
    width: o.width,
    height: o.height ?? 300,
    xLabel: o.xLabel,
    yLabel: o.yLabel,
    legend: series.map((s, i) => ({ label: s.label, kind: 'dot', color: color(i) })),
    ticks: data.map((p) => ({ c: p.c, below: String(p.d) })),
    yTickLabels: ticks.map(o.yFormat),
  });
  ys.range([f.ih, 0]);
  drawYAxis(f, ys, ticks, o.yFormat);

  const marks = f.plot.select('g.marks');
  const groups = marks
    .selectAll<SVGGElement, Series>('g.series')
    .data(series, (s) => s.id)
    .join((enter) => enter.append('g').attr('class', 'series'))
    .attr('data-series', (s) => s.id);
  groups.each(function (s, i) {
    const g = select<SVGGElement, Series>(this);
    const path = line<{ c: number; y: number }>()
      .x((p) => f.x(p.c))
      .y((p) => ys(p.y));
    g.selectAll<SVGPathElement, typeof s.points>('path.line')
      .data([s.points])
      .join((enter) => enter.append('path').attr('class', 'line').attr('d', path))
      .attr('fill', 'none')
      .attr('stroke', color(i))
      .attr('stroke-width', 2)
      .attr('stroke-dasharray', s.id === 'dense' ? '5 4' : null)
      .transition()
      .duration(o.duration)
      .attr('d', path);
    g.selectAll<SVGCircleElement, { c: number; y: number }>('circle.mark')
      .data(s.points, (p) => String(p.c))
      .join(
        (enter) =>
          enter
            .append('circle')
            .attr('class', 'mark point')
            .attr('r', 0)
            .attr('cx', (p) => f.x(p.c))
            .attr('cy', (p) => ys(p.y)),
        (update) => update,
        (exit) => exit.transition().duration(o.duration).attr('r', 0).remove(),
      )
      .attr('data-key', (p) => `${s.id}:${p.c}`)
      .attr('fill', color(i))
      .attr('stroke', 'var(--bg, #fff)')
      .attr('stroke-width', 1)
      .transition()
      .duration(o.duration)
      .attr('r', 4)
      .attr('cx', (p) => f.x(p.c))
      .attr('cy', (p) => ys(p.y));
  });
}
