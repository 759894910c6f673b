import { axisBottom, axisLeft, extent, line, max, scaleLinear, select } from 'd3';

/** One run's curve: points (x, y), coloured by its cardinality. */
export interface LabCurve {
  key: string;
  c: number;
  points: { x: number; y: number }[];
}

export interface LabCurvesOptions {
  width: number;
  height?: number;
  xLabel: string;
  yLabel: string;
  yFormat: (y: number) => string;
  /** explicit y range; default from the data */
  yDomain?: [number, number];
  /** transition length in ms (0 under reduced motion) */
  duration: number;
  color: (c: number) => string;
}

const MARGIN = { top: 12, right: 12, bottom: 36, left: 52 };

/** Training curves (loss per step, or accuracy per epoch) of every run, one keyed path each. */
export function renderLabCurves(el: HTMLElement, curves: LabCurve[], o: LabCurvesOptions): void {
  const height = o.height ?? 220;
  const width = Math.max(o.width, 240);
  const root = select(el);
  let svg = root.select<SVGSVGElement>('svg.lab-curves');
  if (svg.empty()) {
    svg = root.append('svg').attr('class', 'lab-curves').attr('role', 'img');
    const plot = svg.append('g').attr('class', 'plot');
    plot.append('g').attr('class', 'x-axis');
    plot.append('g').attr('class', 'y-axis');
    plot.append('g').attr('class', 'lines');
    plot.append('text').attr('class', 'x-label').attr('text-anchor', 'middle');
    plot
      .append('text')
      .attr('class', 'y-label')
      .attr('text-anchor', 'middle')
      .attr('transform', 'rotate(-90)');
  }
  svg
    .attr('width', width)
    .attr('height', height)
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('aria-label', o.yLabel);
  const iw = width - MARGIN.left - MARGIN.right;
  const ih = height - MARGIN.top - MARGIN.bottom;
  const plot = svg.select<SVGGElement>('g.plot').attr('transform', `translate(${MARGIN.left},${MARGIN.top})`);
  const all = curves.flatMap((c) => c.points);
  const xs = scaleLinear()
    .domain([0, Math.max(1, max(all, (p) => p.x) ?? 1)])
    .range([0, iw]);
  const [lo, hi] = o.yDomain ?? (extent(all, (p) => p.y) as [number | undefined, number | undefined]);
  const ys = scaleLinear()
    .domain([lo ?? 0, hi ?? 1])
    .nice()
    .range([ih, 0]);
  plot.select<SVGGElement>('g.x-axis').attr('transform', `translate(0,${ih})`).call(axisBottom(xs).ticks(5));
  plot.select<SVGGElement>('g.y-axis').call(
    axisLeft(ys)
      .ticks(5)
      .tickFormat((v) => o.yFormat(Number(v))),
  );
  plot
    .select('text.x-label')
    .attr('x', iw / 2)
    .attr('y', ih + 32)
    .text(o.xLabel);
  plot
    .select('text.y-label')
    .attr('x', -ih / 2)
    .attr('y', -40)
    .text(o.yLabel);
  const path = line<{ x: number; y: number }>()
    .x((p) => xs(p.x))
    .y((p) => ys(p.y));
  plot
    .select('g.lines')
    .selectAll<SVGPathElement, LabCurve>('path.lab-curve')
    .data(curves, (d) => d.key)
    .join(
      (enter) =>
        enter
          .append('path')
          .attr('class', 'lab-curve')
          .attr('fill', 'none')
          .attr('stroke-width', 1.5)
          .attr('opacity', 0),
      (update) => update,
      (exit) => exit.transition().duration(o.duration).attr('opacity', 0).remove(),
    )
    .attr('data-key', (d) => d.key)
    .attr('stroke', (d) => o.color(d.c))
    .attr('d', (d) => path(d.points) ?? '')
    .transition()
    .duration(o.duration)
    .attr('opacity', 0.9);
}
