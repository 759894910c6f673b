import { easeCubicInOut, line, scaleLinear, scalePoint, select, type BaseType } from 'd3';
import { figureSvg } from '../figureSvg';
import './cost.css';

/**
 * A small chart of the width d that keeps a block's cost level for each cardinality C (the paper's Table 2),
 * the current C filled, and under each C the cost that whole-number d gives (marked where it is not level).
 */
interface DChartPoint {
  cardinality: number;
  d: number;
  /** e.g. "1.07×"; null where the cost is level */
  offLabel: string | null;
  current: boolean;
}

export interface DChartData {
  idBase: string;
  title: string;
  description: string;
  xLabel: string;
  points: DChartPoint[];
}

const DCHART = { width: 360, height: 200, left: 34, right: 12, top: 22, bottom: 62 } as const;

export function renderDChart(host: Element, data: DChartData, opts: { duration: number }): void {
  const { width: W, height: H, left, right, top, bottom } = DCHART;
  const svg = figureSvg(host, 'cost-svg dc-svg', data, (svg) => {
    svg.attr('viewBox', `0 0 ${W} ${H}`);
    const g = svg.append('g').attr('aria-hidden', 'true');
    g.append('line')
      .attr('class', 'dc-axis')
      .attr('x1', left)
      .attr('x2', W - right)
      .attr('y1', H - bottom)
      .attr('y2', H - bottom);
    g.append('text')
      .attr('class', 'cost-text cost-muted dc-xlabel')
      .attr('x', left)
      .attr('y', H - 4);
    g.append('path').attr('class', 'dc-line');
    g.append('g').attr('class', 'dc-points');
  });
  svg.select('.dc-xlabel').text(data.xLabel);
  const tr = select<BaseType, unknown>(svg.node())
    .transition('dc')
    .duration(opts.duration)
    .ease(easeCubicInOut);

  const x = scalePoint<number>()
    .domain(data.points.map((p) => p.cardinality))
    .range([left + 14, W - right - 14]);
  const maxD = Math.max(1, ...data.points.map((p) => p.d));
  const y = scaleLinear()
    .domain([0, maxD])
    .range([H - bottom, top]);
  const at = (p: DChartPoint): [number, number] => [x(p.cardinality) ?? 0, y(p.d)];

  const path =
    line<DChartPoint>(
      (p) => at(p)[0],
      (p) => at(p)[1],
    )(data.points) ?? '';
  const curve = svg.select<SVGPathElement>('.dc-line');
  if (!curve.attr('d')) curve.attr('d', path);
  else curve.transition(tr).attr('d', path);

  const pts = svg
    .select('g.dc-points')
    .selectAll<SVGGElement, DChartPoint>('g.dc-point')
    .data(data.points, (p) => String(p.cardinality))
    .join((enter) => {
      const g = enter.append('g').attr('class', 'dc-point');
      g.append('circle')
        .attr('class', 'dc-dot')
        .attr('r', 4.5)
        .attr('cx', (p) => at(p)[0])
        .attr('cy', (p) => at(p)[1]);
      g.append('text')
        .attr('class', 'cost-text dc-d')
        .attr('text-anchor', 'middle')
        .attr('x', (p) => at(p)[0])
        .attr('y', (p) => at(p)[1] - 9);
      g.append('text').attr('class', 'cost-text cost-muted dc-c').attr('text-anchor', 'middle');
      g.append('text').attr('class', 'cost-text dc-off').attr('text-anchor', 'middle');
      return g;
    });
  pts
    .classed('is-current', (p) => p.current)
    .attr('data-c', (p) => p.cardinality)
    .attr('data-d', (p) => p.d);
  pts
    .select('.dc-c')
    .attr('x', (p) => at(p)[0])
    .attr('y', H - bottom + 16)
    .text((p) => p.cardinality);
  pts
    .select('.dc-off')
    .attr('x', (p) => at(p)[0])
    .attr('y', H - bottom + 32)
    .text((p) => p.offLabel ?? '');
  pts
    .select('.dc-dot')
    .transition(tr)
    .attr('cx', (p) => at(p)[0])
    .attr('cy', (p) => at(p)[1]);
  pts
    .select('.dc-d')
    .text((p) => p.d)
    .transition(tr)
    .attr('x', (p) => at(p)[0])
    .attr('y', (p) => at(p)[1] - 9);
}
