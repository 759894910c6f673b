/**
 * The C·d input channels of the grouped 3×3 as C group bands in a row: the group one output reads is coloured,
 * the others grey. Keyed by group, so when C changes (another block) bands enter, move and leave.
 */
import { easeCubicInOut, select } from 'd3';

export interface ChannelStripData {
  groups: number;
  /** the group read (0-based) */
  group: number;
  width: number;
  reducedMotion: boolean;
}

const HEIGHT = 18;

export function renderChannelStrip(svgEl: SVGSVGElement, d: ChannelStripData): void {
  const svg = select(svgEl)
    .attr('viewBox', `0 0 ${d.width} ${HEIGHT}`)
    .attr('width', d.width)
    .attr('height', HEIGHT);
  const band = d.width / d.groups;
  const gap = band > 4 ? 1 : 0;
  const ids = Array.from({ length: d.groups }, (_, i) => i);
  const duration = d.reducedMotion ? 0 : 300;
  svg
    .selectAll<SVGRectElement, number>('rect.cs-band')
    .data(ids, (i) => String(i))
    .join(
      (enter) =>
        enter
          .append('rect')
          .attr('class', 'cs-band')
          .attr('x', (i) => i * band)
          .attr('y', 0)
          .attr('height', HEIGHT),
      (update) => update,
      (exit) => exit.remove(),
    )
    .attr('data-group', (i) => i)
    .classed('is-read', (i) => i === d.group)
    .transition()
    .duration(duration)
    .ease(easeCubicInOut)
    .attr('x', (i) => i * band)
    .attr('width', Math.max(0.5, band - gap));
}
