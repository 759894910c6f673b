import { axisBottom, scaleLinear } from 'd3';
import { FG, MUTED, drawAxis, keptChartSvg, seriesColor, yAxisWithGrid } from '../numbers/frame';

export interface ReliabilityBin {
  lo: number;
  hi: number;
  count: number;
  accuracy: number | null;
  mean_confidence: number | null;
}

export interface ReliabilityOptions {
  width: number;
  height?: number;
  xLabel: string;
  yLabel: string;
  diagonalLabel: string;
  pct: (v: number) => string;
  /** transition length in ms (0 under reduced motion) */
  duration: number;
}

const M = { top: 16, right: 16, bottom: 44, left: 60 };

/**
 * A reliability diagram: one bar per confidence bin at its accuracy (empty bins draw none), the diagonal of a
 * perfectly calibrated model, and a dot at each bin's mean confidence. The svg is kept between calls; bars and
 * dots are keyed by bin.
 */
export function renderReliability(el: HTMLElement, bins: ReliabilityBin[], o: ReliabilityOptions): void {
  const height = o.height ?? 300;
  const width = Math.max(o.width, 240);
  const svg = keptChartSvg(el, 'reliability', width, height, (_, plot) => {
    plot.append('g').attr('class', 'bars');
    plot.append('line').attr('class', 'diagonal');
    plot.append('text').attr('class', 'diagonal-label').attr('font-size', 12).attr('fill', MUTED);
    plot.append('g').attr('class', 'dots');
  });
  const iw = width - M.left - M.right;
  const ih = height - M.top - M.bottom;
  const g = svg.select<SVGGElement>('g.plot').attr('transform', `translate(${M.left},${M.top})`);
  const x = scaleLinear().domain([0, 1]).range([0, iw]);
  const y = scaleLinear().domain([0, 1]).range([ih, 0]);

  drawAxis(
    g.select<SVGGElement>('g.axis.x').attr('transform', `translate(0,${ih})`),
    axisBottom(x)
      .ticks(5)
      .tickFormat((v) => o.pct(Number(v))),
  );
  yAxisWithGrid(g, y, iw, o.pct);

  const filled = bins.filter((b) => b.count > 0 && b.accuracy != null);
  const key = (b: ReliabilityBin) => `${b.lo}-${b.hi}`;
  g.select('g.bars')
    .selectAll<SVGRectElement, ReliabilityBin>('rect')
    .data(filled, key)
    .join(
      (enter) => enter.append('rect').attr('class', 'mark bar').attr('y', ih).attr('height', 0),
      (update) => update,
      (exit) => exit.transition().duration(o.duration).attr('y', ih).attr('height', 0).remove(),
    )
    .attr('data-bin', key)
    .attr('data-count', (b) => b.count)
    .attr('fill', seriesColor(0))
    .attr('fill-opacity', 0.75)
    .attr('x', (b) => x(b.lo) + 1)
    .attr('width', (b) => Math.max(1, x(b.hi) - x(b.lo) - 2))
    .transition()
    .duration(o.duration)
    .attr('y', (b) => y(b.accuracy!))
    .attr('height', (b) => ih - y(b.accuracy!));

  g.select('g.dots')
    .selectAll<SVGCircleElement, ReliabilityBin>('circle')
    .data(filled, key)
    .join('circle')
    .attr('class', 'mark confidence')
    .attr('r', 3.5)
    .attr('fill', FG)
    .transition()
    .duration(o.duration)
    .attr('cx', (b) => x(b.mean_confidence!))
    .attr('cy', (b) => y(b.mean_confidence!));

  g.select('line.diagonal')
    .attr('x1', x(0))
    .attr('y1', y(0))
    .attr('x2', x(1))
    .attr('y2', y(1))
    .attr('stroke', MUTED)
    .attr('stroke-dasharray', '4 4');
  g.select('text.diagonal-label')
    .attr('x', x(0.04))
    .attr('y', y(0.1))
    .attr('transform', `rotate(${(-Math.atan2(ih, iw) * 180) / Math.PI},${x(0.04)},${y(0.1)})`)
    .text(o.diagonalLabel);

  svg
    .select('text.axis-label.x')
    .attr('x', M.left + iw / 2)
    .attr('y', height - 8)
    .attr('font-size', 12)
    .text(o.xLabel);
  svg
    .select('text.axis-label.y')
    .attr('transform', `translate(14,${M.top + ih / 2}) rotate(-90)`)
    .attr('font-size', 12)
    .text(o.yLabel);
}
