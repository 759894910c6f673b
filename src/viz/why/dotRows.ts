import { easeCubicInOut, scaleLinear, select, type BaseType } from 'd3';
import { figureSvg } from '../figureSvg';
import '../cost/cost.css';
import './why.css';

/**
 * Rows of dots on one zoomed value axis, each row labelled on the left; a row may start its dots with an arrow
 * from a baseline value (a direction taken from a starting point). Keyed joins move dots when the data change.
 */
export interface DotRowsData {
  idBase: string;
  title: string;
  description: string;
  /** axis domain, left to right (give it high → low to put lower errors on the right) */
  domain: [number, number];
  ticks: number[];
  tickFormat: (v: number) => string;
  axisLabel: string;
  baseline: { value: number; label: string } | null;
  rows: DotRow[];
  /**
   * Drawn small (a phone): the text is set larger in the drawing's units to stay readable, so the rows are
   * taller, every other tick is labelled and the axis label moves down, and no two labels meet.
   */
  compact?: boolean;
}

interface DotRow {
  id: string;
  label: string;
  sub: string;
  highlight: boolean;
  /** draw an arrow from the baseline to the first dot */
  arrow: boolean;
  dots: { series: string; value: number; label: string }[];
}

const DOT_ROWS = { width: 540, labelW: 196, right: 26, top: 34, row: 40, bottom: 46 } as const;

/** The compact layout's rows, label lines and axis (text at 18 units instead of 14). */
const COMPACT = { top: 40, row: 52, label: 18, sub: 40, tick: 20, axis: 48, bottom: 62 } as const;

/** Below this width on screen (CSS px) a drawing is compact. */
export const DOT_ROWS_COMPACT_BELOW = 480;

const dotRowsHeight = (rows: number, compact = false): number =>
  compact
    ? COMPACT.top + rows * COMPACT.row + COMPACT.bottom
    : DOT_ROWS.top + rows * DOT_ROWS.row + DOT_ROWS.bottom;

export function renderDotRows(host: Element, data: DotRowsData, opts: { duration: number }): void {
  const compact = Boolean(data.compact);
  const { width: W, labelW, right } = DOT_ROWS;
  const top = compact ? COMPACT.top : DOT_ROWS.top;
  const row = compact ? COMPACT.row : DOT_ROWS.row;
  const H = dotRowsHeight(data.rows.length, compact);
  const x = scaleLinear()
    .domain(data.domain)
    .range([labelW + 12, W - right]);
  const svg = figureSvg(host, 'cost-svg dr-svg', data, (svg) => {
    svg
      .append('defs')
      .append('marker')
      .attr('id', `${data.idBase}-head`)
      .attr('viewBox', '0 0 10 10')
      .attr('refX', 9)
      .attr('refY', 5)
      .attr('markerWidth', 7)
      .attr('markerHeight', 7)
      .attr('orient', 'auto-start-reverse')
      .append('path')
      .attr('class', 'dr-head')
      .attr('d', 'M0,0 L10,5 L0,10 z');
    const g = svg.append('g').attr('aria-hidden', 'true');
    g.append('g').attr('class', 'dr-grid');
    g.append('g').attr('class', 'dr-base');
    g.append('g').attr('class', 'dr-rows');
    g.append('text').attr('class', 'cost-text cost-muted dr-axis-label').attr('text-anchor', 'end');
  });
  svg.attr('viewBox', `0 0 ${W} ${H}`).classed('dr-compact', compact);
  const tr = select<BaseType, unknown>(svg.node())
    .transition('dr')
    .duration(opts.duration)
    .ease(easeCubicInOut);
  const axisY = top + data.rows.length * row + 4;

  const ticks = svg
    .select('g.dr-grid')
    .selectAll<SVGGElement, number>('g.dr-tick')
    .data(data.ticks, (v) => String(v))
    .join((enter) => {
      const g = enter.append('g').attr('class', 'dr-tick');
      g.append('line').attr('class', 'dr-gridline');
      g.append('text').attr('class', 'cost-text cost-muted').attr('text-anchor', 'middle');
      return g;
    });
  ticks
    .select('line')
    .attr('x1', (v) => x(v))
    .attr('x2', (v) => x(v))
    .attr('y1', top - 6)
    .attr('y2', axisY);
  // Compact, every other tick is labelled (counted from the last, so the axis' end keeps its number).
  const last = data.ticks.length - 1;
  ticks
    .select('text')
    .attr('x', (v) => x(v))
    .attr('y', axisY + (compact ? COMPACT.tick : 14))
    .text((v, i) => (compact && (last - i) % 2 === 1 ? '' : data.tickFormat(v)));
  svg
    .select('.dr-axis-label')
    .attr('x', W - right)
    .attr('y', axisY + (compact ? COMPACT.axis : 34))
    .text(data.axisLabel);

  const base = svg
    .select('g.dr-base')
    .selectAll<SVGGElement, { value: number; label: string }>('g')
    .data(data.baseline ? [data.baseline] : [])
    .join((enter) => {
      const g = enter.append('g');
      g.append('line').attr('class', 'dr-baseline');
      g.append('text').attr('class', 'cost-text').attr('text-anchor', 'middle');
      return g;
    });
  base
    .select('line')
    .attr('x1', (b) => x(b.value))
    .attr('x2', (b) => x(b.value))
    .attr('y1', top - 8)
    .attr('y2', axisY);
  base
    .select('text')
    .attr('x', (b) => x(b.value))
    .attr('y', top - 18)
    .text((b) => b.label);

  const rows = svg
    .select('g.dr-rows')
    .selectAll<SVGGElement, DotRow>('g.dr-row')
    .data(data.rows, (r) => r.id)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'dr-row');
      g.append('rect')
        .attr('class', 'dr-band')
        .attr('x', 0)
        .attr('width', W)
        .attr('height', row - 4);
      g.append('text').attr('class', 'cost-text dr-label').attr('x', 4);
      g.append('text').attr('class', 'cost-text cost-muted dr-sub').attr('x', 4);
      g.append('line').attr('class', 'dr-arrow').attr('marker-end', `url(#${data.idBase}-head)`);
      g.append('g').attr('class', 'dr-dots');
      return g;
    });
  rows
    .classed('is-current', (r) => r.highlight)
    .attr('data-row', (r) => r.id)
    .attr('transform', (_, i) => `translate(0,${top + i * row})`);
  rows
    .select('.dr-band')
    .attr('y', 0)
    .attr('height', row - 4);
  rows
    .select('.dr-label')
    .attr('y', compact ? COMPACT.label : 14)
    .text((r) => r.label);
  rows
    .select('.dr-sub')
    .attr('y', compact ? COMPACT.sub : 30)
    .text((r) => r.sub);
  const cy = row / 2 - 2;
  rows
    .select<SVGLineElement>('.dr-arrow')
    .attr('visibility', (r) => (r.arrow && data.baseline ? 'visible' : 'hidden'))
    .attr('x1', data.baseline ? x(data.baseline.value) : 0)
    .attr('y1', cy)
    .attr('y2', cy)
    .transition(tr)
    .attr('x2', (r) => (r.dots[0] ? x(r.dots[0].value) + 6 : 0));

  rows.each(function (r) {
    const dots = select(this)
      .select('g.dr-dots')
      .selectAll<SVGGElement, DotRow['dots'][number]>('g.dr-dot')
      .data(r.dots, (d) => d.series)
      .join((enter) => {
        const g = enter.append('g').attr('class', (d) => `dr-dot dr-series--${d.series}`);
        g.append('circle')
          .attr('r', 5.5)
          .attr('cy', cy)
          .attr('cx', (d) => x(d.value));
        g.append('text')
          .attr('class', 'cost-text')
          .attr('text-anchor', 'middle')
          .attr('y', cy - 10)
          .attr('x', (d) => x(d.value));
        return g;
      })
      .attr('data-value', (d) => d.value);
    dots
      .select('text')
      .attr('y', cy - 10)
      .text((d) => d.label);
    dots.select('circle').attr('cy', cy);
    dots
      .select('circle')
      .transition(tr)
      .attr('cx', (d) => x(d.value));
    dots
      .select('text')
      .transition(tr)
      .attr('x', (d) => x(d.value));
  });
}
