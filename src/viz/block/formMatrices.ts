import { easeCubicInOut, interrupt, select, type BaseType, type Transition } from 'd3';
import {
  formMatricesLayout,
  type MatrixForm,
  type MBlock,
  type MFrame,
  type MTag,
} from './formMatricesLayout';
import './block.css';

/**
 * The weights of one form of the block as matrices, or the morph of the matrices already drawn in `host` into
 * another form: blocks are joined by key, so path i's matrices move from their own column into the joined
 * matrices of (b) and (c) and back; the joined matrices' outlines fade in and out.
 */
export interface FormMatricesData {
  idBase: string;
  form: MatrixForm;
  cardinality: number;
  /** accessible name of the drawing */
  title: string;
  description: string;
  /** the layers' tags, e.g. "1×1", "3×3" */
  tags: Record<'w1' | 'w2' | 'w3', string>;
}

type Tr = Transition<BaseType, unknown, null, undefined>;

export function renderFormMatrices(host: Element, data: FormMatricesData, opts: { duration: number }): void {
  const layout = formMatricesLayout(data.form, data.cardinality);
  let svg = select(host).select<SVGSVGElement>('svg.fmx-svg');
  const first = svg.empty();
  if (first) {
    svg = select(host)
      .append('svg')
      .attr('class', 'bv-svg fmx-svg')
      .attr('viewBox', `0 0 ${layout.width} ${layout.height}`)
      .attr('preserveAspectRatio', 'xMidYMin meet')
      .attr('role', 'img');
    svg.append('title').attr('id', `${data.idBase}-title`);
    svg.append('desc').attr('id', `${data.idBase}-desc`);
    svg.attr('aria-labelledby', `${data.idBase}-title`).attr('aria-describedby', `${data.idBase}-desc`);
    const hatch = `${data.idBase}-zeros`;
    svg
      .append('defs')
      .append('pattern')
      .attr('id', hatch)
      .attr('patternUnits', 'userSpaceOnUse')
      .attr('width', 5)
      .attr('height', 5)
      .attr('patternTransform', 'rotate(45)')
      .append('line')
      .attr('class', 'fmx-hatch')
      .attr('x1', 2.5)
      .attr('y1', 0)
      .attr('x2', 2.5)
      .attr('y2', 5);
    const g = svg.append('g').attr('aria-hidden', 'true');
    g.append('g').attr('class', 'fmx-frames');
    g.append('g').attr('class', 'fmx-blocks');
    g.append('g').attr('class', 'fmx-tags');
  }
  svg.select('title').text(data.title);
  svg.select('desc').text(data.description);
  svg.attr('data-settled', null);

  interrupt(svg.node()!, 'fmx');
  const t = svg.transition('fmx').duration(opts.duration).ease(easeCubicInOut) as unknown as Tr;
  t.on('end', () => svg.attr('data-settled', data.form));
  const hatch = `url(#${data.idBase}-zeros)`;

  svg
    .select('g.fmx-frames')
    .selectAll<SVGRectElement, MFrame>('rect')
    .data(layout.frames, (f) => f.key)
    .join(
      (enter) =>
        enter
          .append('rect')
          .attr('class', 'fmx-frame')
          .style('opacity', 0)
          .attr('x', (f) => f.x)
          .attr('y', (f) => f.y)
          .attr('width', (f) => f.w)
          .attr('height', (f) => f.h),
      (update) => update,
      (exit) =>
        exit
          .transition(t as never)
          .style('opacity', 0)
          .remove(),
    )
    .attr('data-frame', (f) => f.key)
    // inline, so the frame's CSS fill does not cover the hatching of the zeros
    .style('fill', (f) => (f.sparse ? hatch : null))
    .transition(t as never)
    .style('opacity', 1)
    .attr('x', (f) => f.x)
    .attr('y', (f) => f.y)
    .attr('width', (f) => f.w)
    .attr('height', (f) => f.h);

  const blocks = svg
    .select('g.fmx-blocks')
    .selectAll<SVGRectElement, MBlock>('rect')
    .data(layout.blocks, (b) => b.key)
    .join(
      (enter) =>
        enter
          .append('rect')
          .style('opacity', first ? 1 : 0)
          .attr('x', (b) => b.x)
          .attr('y', (b) => b.y)
          .attr('width', (b) => b.w)
          .attr('height', (b) => b.h),
      (update) => update,
      (exit) =>
        exit
          .attr('data-mblock', null)
          .transition(t as never)
          .style('opacity', 0)
          .remove(),
    )
    .attr('class', (b) => `fmx-block fmx-block--w${b.conv}`)
    .attr('data-mblock', (b) => b.key);
  blocks
    .transition(t as never)
    .style('opacity', 1)
    .attr('x', (b) => b.x)
    .attr('y', (b) => b.y)
    .attr('width', (b) => b.w)
    .attr('height', (b) => b.h);

  svg
    .select('g.fmx-tags')
    .selectAll<SVGTextElement, MTag>('text')
    .data(layout.tags, (g) => g.key)
    .join((enter) =>
      enter
        .append('text')
        .attr('class', 'bv-text fmx-tag')
        .attr('dominant-baseline', 'middle')
        .attr('x', (g) => g.x)
        .attr('y', (g) => g.y),
    )
    .attr('text-anchor', (g) => g.anchor)
    .text((g) => data.tags[g.key.slice(4) as 'w1' | 'w2' | 'w3'])
    .transition(t as never)
    .attr('x', (g) => g.x)
    .attr('y', (g) => g.y);
}
