import { select } from 'd3';
import { COLOR_STOPS, type ColorScaleKind } from './colorScale';

export interface LegendData {
  /** unique prefix for the gradient's id */
  idBase: string;
  kind: ColorScaleKind;
  /** what the colours stand for, e.g. "value (each map scaled to its own max |value|)" */
  caption: string;
  /** tick labels spread evenly from the left end to the right end (e.g. "−1.2", "0", "1.2") */
  ticks: readonly string[];
}

const W = 260;
const BAR_H = 12;
const H = 36;
const X0 = 10;
const X1 = W - 10;

/** A colour bar with its ticks, drawn as SVG (the caption is its accessible name); text takes the CSS colour. */
export function renderLegend(host: Element, data: LegendData): void {
  const root = select(host);
  root.selectAll('*').remove();
  const svg = root
    .append('svg')
    .attr('class', 'act-legend')
    .attr('viewBox', `0 0 ${W} ${H}`)
    .attr('width', W)
    .attr('height', H)
    .attr('role', 'img')
    .attr('aria-label', `${data.caption}: ${data.ticks.join(' … ')}`);
  const id = `${data.idBase}-gradient`;
  const stops = COLOR_STOPS[data.kind];
  svg
    .append('defs')
    .append('linearGradient')
    .attr('id', id)
    .selectAll('stop')
    .data(stops)
    .join('stop')
    .attr('offset', (_, i) => i / (stops.length - 1))
    .attr('stop-color', (c) => `rgb(${c[0]}, ${c[1]}, ${c[2]})`);
  const g = svg.append('g').attr('aria-hidden', 'true');
  g.append('rect')
    .attr('x', X0)
    .attr('y', 2)
    .attr('width', X1 - X0)
    .attr('height', BAR_H)
    .attr('fill', `url(#${id})`)
    .attr('stroke', 'currentColor')
    .attr('stroke-opacity', 0.4);
  const n = data.ticks.length;
  data.ticks.forEach((label, i) => {
    const x = n === 1 ? (X0 + X1) / 2 : X0 + ((X1 - X0) * i) / (n - 1);
    g.append('line')
      .attr('x1', x)
      .attr('x2', x)
      .attr('y1', 2 + BAR_H)
      .attr('y2', 6 + BAR_H)
      .attr('stroke', 'currentColor');
    g.append('text')
      .attr('x', x)
      .attr('y', 17 + BAR_H)
      .attr('text-anchor', i === 0 && n > 1 ? 'start' : i === n - 1 && n > 1 ? 'end' : 'middle')
      .attr('font-size', 12)
      .attr('fill', 'currentColor')
      .text(label);
  });
}
