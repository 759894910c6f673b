import { easeCubicInOut, interrupt, select, type BaseType, type Selection, type Transition } from 'd3';
import { formLayout, type FormCell, type FormEdge, type FormLayoutInput, type FormText } from './formLayout';
import { layerId } from './layerRef';
import type { SelectableOptions } from './selectable';
import './block.css';

/** One of the paper's three equivalent forms of a ResNeXt block (Figure 3). */
export interface FormDiagramData extends FormLayoutInput {
  /** unique prefix for ids and focus keys */
  idBase: string;
  /** text alternative: the form's structure in words */
  description: string;
}

export interface FormDiagramOptions extends SelectableOptions {
  /** milliseconds of each change; 0 (reduced motion) draws the new state at once */
  duration: number;
}

type Tr = Transition<BaseType, unknown, null, undefined>;

const TEXT_CLASS: Record<FormText['cls'], string> = {
  title: 'bv-text bv-text--title',
  label: 'bv-text',
  muted: 'bv-text bv-muted',
  ellipsis: 'bv-text bv-muted bv-ellipsis',
  reads: 'bv-text bv-muted fd-reads',
};

const LINE_H = 14;

/** The cell's name: its description, preceded by the visible text where the description lacks it. */
function accessibleName(visible: string, description: string): string {
  return description.includes(visible) ? description : `${visible} · ${description}`;
}

/**
 * Draws one form of the block, or morphs the form already drawn in `host` into it: the parts are joined by
 * key, so path i's conv moves from its own column into block i of a wide conv's strip (and back), while
 * the wide convs, the concatenation and the edges one form alone has fade in or out.
 */
export function renderFormDiagram(host: Element, data: FormDiagramData, opts: FormDiagramOptions): void {
  const layout = formLayout(data);
  let svg = select(host).select<SVGSVGElement>('svg.fd-svg');
  if (svg.empty()) svg = createSvg(host, layout);
  svg
    .attr('aria-label', data.title)
    .attr('aria-describedby', `${data.idBase}-desc`)
    .attr('data-form', data.form)
    .attr('data-settled', null);
  svg.select('desc').attr('id', `${data.idBase}-desc`).text(data.description);

  // Calling d3's `interrupt` function (not the selection method) also keeps d3-transition, which adds
  // `selection.transition`, in the bundle.
  interrupt(svg.node()!, 'morph');
  const t = svg.transition('morph').duration(opts.duration).ease(easeCubicInOut) as unknown as Tr;
  t.on('end', () => svg.attr('data-settled', data.form));

  drawEdges(svg.select<SVGGElement>('g.fd-edges'), layout.edges, t);
  drawCells(svg.select<SVGGElement>('g.fd-cells'), layout.cells, data.idBase, opts, t);
  drawTexts(svg.select<SVGGElement>('g.fd-texts'), layout.texts, t);
}

function createSvg(host: Element, layout: ReturnType<typeof formLayout>) {
  const svg = select(host)
    .append('svg')
    .attr('class', 'bv-svg fd-svg')
    .attr('viewBox', `0 0 ${layout.width} ${layout.height}`)
    .attr('preserveAspectRatio', 'xMidYMin meet')
    .attr('role', 'group');
  svg.append('desc');
  const fixed = svg.append('g').attr('aria-hidden', 'true');
  const { x0, y0, side } = layout.shortcut;
  const { x, y, r } = layout.sum;
  fixed
    .append('path')
    .attr('class', 'bv-edge bv-edge--shortcut')
    .attr(
      'd',
      `M${x0},${y0} H${side + 8} Q${side},${y0} ${side},${y0 + 8} V${y - 8} Q${side},${y} ${side + 8},${y} H${x - r}`,
    );
  svg.append('g').attr('class', 'fd-edges').attr('aria-hidden', 'true');
  fixed.append('circle').attr('class', 'bv-node').attr('cx', x).attr('cy', y).attr('r', r);
  fixed
    .append('path')
    .attr('class', 'bv-edge')
    .attr('d', `M${x - r * 0.6},${y} H${x + r * 0.6} M${x},${y - r * 0.6} V${y + r * 0.6}`);
  svg.append('g').attr('class', 'fd-cells');
  svg.append('g').attr('class', 'fd-texts').attr('aria-hidden', 'true');
  return svg;
}

/** Leaving elements stop being targets at once (no duplicate ids or focus stops), then fade out. */
function leave<E extends BaseType, D>(exit: Selection<E, D, SVGGElement, unknown>, t: Tr) {
  exit
    .attr('data-key', null)
    .attr('data-layer', null)
    .attr('tabindex', null)
    .attr('role', null)
    .attr('aria-hidden', 'true')
    .style('pointer-events', 'none')
    .transition(t as never)
    .style('opacity', 0)
    .remove();
}

function drawEdges(parent: Selection<SVGGElement, unknown, null, undefined>, edges: FormEdge[], t: Tr) {
  parent
    .selectAll<SVGLineElement, FormEdge>('line')
    .data(edges, (d) => d.key)
    .join(
      (enter) =>
        enter
          .append('line')
          .attr('class', 'bv-edge')
          .style('opacity', 0)
          .attr('x1', (d) => d.x1)
          .attr('y1', (d) => d.y1)
          .attr('x2', (d) => d.x2)
          .attr('y2', (d) => d.y2),
      (update) => update,
      (exit) => leave(exit, t),
    )
    .attr('data-edge', (d) => d.key)
    .transition(t as never)
    .style('opacity', 1)
    .attr('x1', (d) => d.x1)
    .attr('y1', (d) => d.y1)
    .attr('x2', (d) => d.x2)
    .attr('y2', (d) => d.y2);
}

function drawTexts(parent: Selection<SVGGElement, unknown, null, undefined>, texts: FormText[], t: Tr) {
  parent
    .selectAll<SVGTextElement, FormText>('text')
    .data(texts, (d) => d.key)
    .join(
      (enter) =>
        enter
          .append('text')
          .style('opacity', 0)
          .attr('dominant-baseline', 'middle')
          .attr('x', (d) => d.x)
          .attr('y', (d) => d.y),
      (update) => update,
      (exit) => leave(exit, t),
    )
    .attr('class', (d) => `${TEXT_CLASS[d.cls]}${d.selected ? ' is-selected' : ''}`)
    .attr('data-text', (d) => d.key)
    .attr('text-anchor', (d) => d.anchor)
    .text((d) => d.text)
    .transition(t as never)
    .style('opacity', 1)
    .attr('x', (d) => d.x)
    .attr('y', (d) => d.y);
}

function drawCells(
  parent: Selection<SVGGElement, unknown, null, undefined>,
  cells: FormCell[],
  idBase: string,
  opts: FormDiagramOptions,
  t: Tr,
) {
  const boxClass = (d: FormCell) =>
    `bv-box${d.role === 'strip' || d.role === 'concat' ? ' bv-box--group' : ''}${d.selected ? ' is-selected' : ''}`;
  const merged = parent
    .selectAll<SVGGElement, FormCell>('g.fd-cell')
    .data(cells, (d) => d.key)
    .join(
      (enter) => {
        const g = enter.append('g').attr('class', 'fd-cell').style('opacity', 0);
        g.append('rect')
          .attr('x', (d) => d.x)
          .attr('y', (d) => d.y)
          .attr('width', (d) => d.w)
          .attr('height', (d) => d.h);
        return g;
      },
      (update) => update,
      (exit) => leave(exit, t),
    );

  merged
    .classed('bv-selectable', (d) => d.ref !== null)
    .attr('data-role', (d) => d.role)
    .attr('data-key', (d) => (d.ref ? `${idBase}-${layerId(d.ref)}` : null))
    .attr('data-layer', (d) => (d.ref ? layerId(d.ref) : null))
    .attr('tabindex', (d) => (d.ref ? 0 : null))
    .attr('role', (d) => (d.ref ? 'button' : null))
    .attr('aria-hidden', (d) => (d.ref ? null : 'true'))
    .attr('aria-pressed', (d) => (d.ref ? String(d.selected) : null))
    .attr('aria-label', (d) => (d.ref ? accessibleName(d.lines.join(' '), opts.describe(d.ref)) : null))
    .on('click', (_e, d) => {
      if (d.ref) opts.onSelect(d.ref);
    })
    .on('keydown', (event: KeyboardEvent, d) => {
      if (d.ref && (event.key === 'Enter' || event.key === ' ')) {
        event.preventDefault();
        opts.onSelect(d.ref);
      }
    });
  merged.transition(t as never).style('opacity', 1);
  merged
    .select('rect')
    .attr('class', boxClass)
    .attr('rx', (d) => (d.role === 'strip' ? 2 : 4))
    .transition(t as never)
    .attr('x', (d) => d.x)
    .attr('y', (d) => d.y)
    .attr('width', (d) => d.w)
    .attr('height', (d) => d.h);

  // One text per cell, a tspan per line; a line ends with a space so the text reads "1×1 256→4" to
  // assistive technology, and the cell's accessible name contains it.
  const label = merged
    .selectAll<SVGTextElement, FormCell>('text')
    .data((d) => [d])
    .join((enter) =>
      enter
        .append('text')
        .attr('class', 'bv-text')
        .attr('text-anchor', 'middle')
        .attr('dominant-baseline', 'middle')
        .attr('x', (d) => d.x + d.w / 2)
        .attr('y', (d) => d.textY),
    );
  label
    .selectAll<SVGTSpanElement, { s: string; dy: number }>('tspan')
    .data((d) =>
      d.lines.map((s, i) => ({
        s: i < d.lines.length - 1 ? `${s} ` : s,
        dy: i === 0 ? (-(d.lines.length - 1) / 2) * LINE_H : LINE_H,
      })),
    )
    .join((enter) =>
      enter.append('tspan').attr('x', function () {
        // a new line starts where its text stands now, then moves with it
        return (this.parentNode as SVGTextElement).getAttribute('x');
      }),
    )
    .text((l) => l.s)
    .attr('dy', (l) => l.dy);
  label
    .transition(t as never)
    .attr('x', (d) => d.x + d.w / 2)
    .attr('y', (d) => d.textY);
  // every tspan starts at the text's x, which moves with it
  label.each(function (d) {
    select(this)
      .selectAll('tspan')
      .transition(t as never)
      .attr('x', d.x + d.w / 2);
  });
}
