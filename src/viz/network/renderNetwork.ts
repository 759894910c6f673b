import { select, type BaseType, type Selection } from 'd3';
import { colorLut, lutIndex } from '../activations/colorScale';
import {
  columnMinWidth,
  networkLayout,
  type CardBox,
  type ColumnBox,
  type NetworkLayout,
} from './networkLayout';
import './network.css';

/** A map to draw in a card: row-major values on [0, max] (a channel mean of ReLU outputs). */
interface NetworkThumb {
  height: number;
  width: number;
  values: Float32Array;
  max: number;
}

interface NetworkCardView {
  id: string;
  /** the card's lines; the first is its name */
  lines: readonly string[];
  /** accessible name of a card that opens (ignored otherwise) */
  label: string;
  /** whether the card opens something (a block of the running model) */
  open: boolean;
  current: boolean;
  /** the card's map; null while it is being computed; undefined: the card has no map */
  thumb?: NetworkThumb | null;
  /** accessible name of the card's map */
  thumbLabel?: string;
}

export interface NetworkColumnView {
  id: string;
  title: string;
  sub: string;
  current?: boolean;
  cards: readonly NetworkCardView[];
}

export interface NetworkFigureView {
  /** unique prefix for element ids */
  idBase: string;
  /** width the figure may use, CSS px */
  width: number;
  columns: readonly NetworkColumnView[];
  /** no movement: changes are drawn at once */
  reducedMotion: boolean;
  /** accessible name of the arrows between the stages */
  linksLabel: string;
}

const DURATION = 350;

type Box = { x: number; y: number; w: number; h: number };
type Div<D> = Selection<HTMLDivElement, D, BaseType, unknown>;

/** Lays out the view; the figure's geometry, for its host to size itself. */
const layoutOf = (view: NetworkFigureView): NetworkLayout =>
  networkLayout(
    view.columns.map((c) => ({
      id: c.id,
      cards: c.cards.map((k) => k.id),
      minWidth: columnMinWidth({
        title: c.title,
        sub: c.sub,
        cards: c.cards.map((k) => ({ lines: k.lines, thumbnail: k.thumb !== undefined })),
      }),
    })),
    { width: view.width },
  );

const painted = new WeakMap<HTMLCanvasElement, NetworkThumb>();

/** Paints a map on its canvas (one canvas pixel per map position) on the sequential colour scale. */
function paintThumb(canvas: HTMLCanvasElement, t: NetworkThumb): void {
  if (painted.get(canvas) === t) return;
  canvas.width = t.width;
  canvas.height = t.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const image = ctx.createImageData(t.width, t.height);
  const lut = colorLut('sequential');
  for (let p = 0; p < t.values.length; p++) {
    const k = 3 * lutIndex('sequential', t.values[p], t.max);
    image.data[4 * p] = lut[k];
    image.data[4 * p + 1] = lut[k + 1];
    image.data[4 * p + 2] = lut[k + 2];
    image.data[4 * p + 3] = 255;
  }
  ctx.putImageData(image, 0, 0);
  painted.set(canvas, t);
}

/**
 * Moves an element to its box: at once under reduced motion or when it has just been made, else by a
 * transition. `origin` is the box of its parent (positions are relative to it).
 */
function place<D>(sel: Div<D>, box: (d: D) => Box, origin: (d: D) => { x: number; y: number }, ms: number) {
  const target = ms > 0 ? sel.transition('move').duration(ms) : sel.interrupt('move');
  (target as Div<D>)
    .style('left', (d) => `${box(d).x - origin(d).x}px`)
    .style('top', (d) => `${box(d).y - origin(d).y}px`)
    .style('width', (d) => `${box(d).w}px`)
    .style('height', (d) => `${box(d).h}px`);
}

/** Same command letters: a path whose numbers alone change can be tweened. */
const sameShape = (a: string | null, b: string) =>
  a !== null && a.replace(/[\d.,-]/g, '') === b.replace(/[\d.,-]/g, '');

/**
 * Draws the whole network: a frame per column (the stem, each stage, the classifier) with its header, a card per
 * block, arrows along the flow, and each block's map. Elements are joined by id, so that a new picture repaints
 * the maps, another screen width or network moves the cards, and only new cards appear. A card that opens calls
 * onOpen with its id on a click, Enter or Space.
 */
export function renderNetwork(
  host: HTMLElement,
  view: NetworkFigureView,
  onOpen: (id: string) => void,
): NetworkLayout {
  const layout = layoutOf(view);
  const ms = view.reducedMotion ? 0 : DURATION;
  const colBox = new Map<string, ColumnBox>(layout.columns.map((c) => [c.id, c]));
  const cardBox = new Map<string, CardBox>(layout.cards.map((c) => [c.id, c]));

  const root = select(host);
  let stage = root.select<HTMLDivElement>(':scope > .nm-stage');
  if (stage.empty()) {
    stage = root.append('div').attr('class', 'nm-stage');
    const svg = stage.append('svg').attr('class', 'nm-links').attr('role', 'img');
    svg
      .append('defs')
      .append('marker')
      .attr('id', `${view.idBase}-arrow`)
      .attr('viewBox', '0 0 8 8')
      .attr('refX', 8)
      .attr('refY', 4)
      .attr('markerWidth', 7)
      .attr('markerHeight', 7)
      .attr('orient', 'auto')
      .append('path')
      .attr('class', 'nm-arrowhead')
      .attr('d', 'M0,0 L8,4 L0,8 z');
  }
  stage
    .attr('data-orientation', layout.orientation)
    .style('width', `${layout.width}px`)
    .style('height', `${layout.height}px`);
  const svg = stage.select<SVGSVGElement>('svg.nm-links');
  svg
    .attr('width', layout.width)
    .attr('height', layout.height)
    .attr('viewBox', `0 0 ${layout.width} ${layout.height}`);

  // Arrows along the flow, under the cards.
  svg
    .selectAll<SVGPathElement, (typeof layout.edges)[number]>('path.nm-edge')
    .data(layout.edges, (e) => e.key)
    .join(
      (enter) =>
        enter
          .append('path')
          .attr('class', 'nm-edge')
          .attr('marker-end', `url(#${view.idBase}-arrow)`)
          .attr('d', (e) => e.d)
          .style('opacity', ms ? 0 : 1)
          .call((p) => {
            if (ms) p.transition('fade').duration(ms).style('opacity', 1);
          }),
      (update) =>
        update.each(function (e) {
          const path = select(this);
          if (ms && sameShape(path.attr('d'), e.d)) path.transition('move').duration(ms).attr('d', e.d);
          else path.interrupt('move').attr('d', e.d);
        }),
      (exit) => exit.remove(),
    );

  // One frame per column, in execution order (the order a screen reader reads them in).
  const columns = stage
    .selectAll<HTMLDivElement, NetworkColumnView>('div.nm-col')
    .data(view.columns, (c) => c.id)
    .join(
      (enter) => {
        const col = enter
          .append('div')
          .attr('class', 'nm-col')
          .attr('role', 'group')
          .attr('data-column', (c) => c.id)
          .attr('aria-labelledby', (c) => `${view.idBase}-${c.id}-head`);
        const head = col
          .append('div')
          .attr('class', 'nm-col-head')
          .attr('id', (c) => `${view.idBase}-${c.id}-head`);
        head.append('span').attr('class', 'nm-col-title');
        head.append('span').attr('class', 'nm-col-sub');
        place(
          col,
          (c) => colBox.get(c.id)!,
          () => ({ x: 0, y: 0 }),
          0,
        );
        col.style('opacity', ms ? 0 : 1);
        if (ms) col.transition('fade').duration(ms).style('opacity', 1);
        return col;
      },
      (update) => update,
      (exit) => exit.remove(),
    )
    .order()
    .classed('is-current', (c) => !!c.current);
  place(
    columns,
    (c) => colBox.get(c.id)!,
    () => ({ x: 0, y: 0 }),
    ms,
  );
  const head = columns.select<HTMLDivElement>('.nm-col-head');
  head
    .style('left', (c) => `${colBox.get(c.id)!.headerX - colBox.get(c.id)!.x}px`)
    .style('top', (c) => `${colBox.get(c.id)!.headerY - colBox.get(c.id)!.y}px`)
    .style('width', (c) => `${colBox.get(c.id)!.headerW}px`);
  head.select('.nm-col-title').text((c) => c.title);
  head.select('.nm-col-sub').text((c) => c.sub);

  // The cards of each column.
  const cards = columns
    .selectAll<HTMLDivElement, NetworkCardView>('div.nm-card')
    .data(
      (c) => c.cards,
      (k) => k.id,
    )
    .join(
      (enter) => {
        const card = enter.append('div').attr('class', 'nm-card');
        card.append('span').attr('class', 'nm-lines');
        place(
          card,
          (k) => cardBox.get(k.id)!,
          (k) => colBox.get(cardBox.get(k.id)!.column)!,
          0,
        );
        card.style('opacity', ms ? 0 : 1);
        if (ms) card.transition('fade').duration(ms).style('opacity', 1);
        return card;
      },
      (update) => update,
      (exit) => exit.remove(),
    )
    .order();
  place(
    cards,
    (k) => cardBox.get(k.id)!,
    (k) => colBox.get(cardBox.get(k.id)!.column)!,
    ms,
  );
  cards
    .attr('data-card', (k) => k.id)
    // The test hook names the blocks that open, i.e. the blocks of the running model.
    .attr('data-block-id', (k) => (k.open ? k.id : null))
    .attr('role', (k) => (k.open ? 'button' : null))
    .attr('tabindex', (k) => (k.open ? 0 : null))
    .attr('aria-label', (k) => (k.open ? k.label : null))
    .attr('aria-current', (k) => (k.open && k.current ? 'true' : null))
    .classed('is-current', (k) => k.current)
    .classed('is-open', (k) => k.open)
    .on('click', (_e, k) => {
      if (k.open) onOpen(k.id);
    })
    .on('keydown', (e: KeyboardEvent, k) => {
      if (!k.open || (e.key !== 'Enter' && e.key !== ' ')) return;
      e.preventDefault();
      onOpen(k.id);
    });

  // The map: a canvas before the lines, present only on cards that have one.
  cards.each(function (k) {
    const card = select(this);
    let canvas = card.select<HTMLCanvasElement>('canvas.nm-thumb');
    if (k.thumb === undefined) {
      canvas.remove();
      card.attr('data-thumb', null);
      return;
    }
    if (canvas.empty())
      canvas = card.insert('canvas', '.nm-lines').attr('class', 'nm-thumb').attr('role', 'img');
    canvas.attr('aria-label', k.thumbLabel ?? null);
    if (k.thumb) {
      paintThumb(canvas.node()!, k.thumb);
      card.attr('data-thumb', 'drawn');
    } else {
      const node = canvas.node()!;
      node.getContext('2d')?.clearRect(0, 0, node.width, node.height);
      painted.delete(node);
      card.attr('data-thumb', 'pending');
    }
  });

  cards
    .select('.nm-lines')
    .selectAll<HTMLSpanElement, string>('span.nm-line')
    .data((k) => k.lines)
    .join('span')
    .attr('class', 'nm-line')
    // A space after each line (not drawn at the end of a line) keeps the lines apart in the card's text.
    .text((line) => `${line} `);

  stage.select('svg.nm-links').attr('aria-label', view.linksLabel);
  return layout;
}
