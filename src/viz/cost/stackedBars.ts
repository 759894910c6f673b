import { easeCubicInOut, select, type BaseType } from 'd3';
import { figureSvg } from '../figureSvg';
import { stackParts, STACK_ROW, stackHeight, type StackedBar } from './stackLayout';
import './cost.css';

/**
 * Horizontal stacked bars on one shared scale, each with a label above it and its total at the right. Redrawing
 * the same host moves the segments (keyed by bar and part) to their new lengths with a transition.
 */
export interface StackedBarsData {
  idBase: string;
  title: string;
  description: string;
  /** drawing width in its own units */
  width: number;
  bars: StackedBar[];
  /** the value a full-width bar stands for */
  max: number;
}

export function renderStackedBars(host: Element, data: StackedBarsData, opts: { duration: number }): void {
  const W = data.width;
  const H = stackHeight(data.bars.length);
  const svg = figureSvg(host, 'cost-svg', data, (svg) => {
    svg.append('g').attr('class', 'cost-bars').attr('aria-hidden', 'true');
  });
  svg.attr('viewBox', `0 0 ${W} ${H}`);
  const tr = select<BaseType, unknown>(svg.node())
    .transition('cost')
    .duration(opts.duration)
    .ease(easeCubicInOut);

  const rows = svg
    .select('g.cost-bars')
    .selectAll<SVGGElement, StackedBar>('g.cost-bar')
    .data(data.bars, (b) => b.id)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'cost-bar');
      g.append('text').attr('class', 'cost-text cost-label').attr('x', 0).attr('dominant-baseline', 'middle');
      g.append('text')
        .attr('class', 'cost-text cost-total')
        .attr('x', W)
        .attr('text-anchor', 'end')
        .attr('dominant-baseline', 'middle');
      g.append('rect')
        .attr('class', 'cost-track')
        .attr('x', 0)
        .attr('width', W)
        .attr('height', STACK_ROW.bar);
      g.append('g').attr('class', 'cost-parts');
      return g;
    });
  rows
    .attr('data-bar', (b) => b.id)
    .attr('data-total', (b) => b.total)
    .attr('transform', (_, i) => `translate(0,${i * STACK_ROW.height})`);
  rows
    .select('.cost-label')
    .attr('y', STACK_ROW.label)
    .text((b) => b.label);
  rows
    .select('.cost-total')
    .attr('y', STACK_ROW.label)
    .text((b) => b.totalLabel);
  rows.select('.cost-track').attr('y', STACK_ROW.barY);

  rows.each(function (bar) {
    const segs = stackParts(bar, data.max, W);
    select(this)
      .select('g.cost-parts')
      .selectAll<SVGRectElement, (typeof segs)[number]>('rect.cost-part')
      .data(segs, (s) => s.id)
      .join((enter) =>
        enter
          .append('rect')
          .attr('class', (s) => `cost-part cost-part--${s.kind}`)
          .attr('x', (s) => s.x)
          .attr('width', 0)
          .attr('y', STACK_ROW.barY)
          .attr('height', STACK_ROW.bar),
      )
      .attr('data-part', (s) => s.id)
      .attr('data-value', (s) => s.value)
      .transition(tr)
      .attr('x', (s) => s.x)
      .attr('width', (s) => s.width);
  });
}
