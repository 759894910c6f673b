import { interrupt, select, type Selection } from 'd3';
import './block.css';

export type Svg = Selection<SVGSVGElement, unknown, null, undefined>;
export type G = Selection<SVGGElement, unknown, null, undefined>;

/**
 * Replaces the element's content with a fresh SVG that scales to its container through its viewBox.
 * The element that had keyboard focus (matched by its data-key) gets it back, so redrawing after a
 * keyboard selection does not throw the reader's focus away.
 */
export function freshSvg(host: Element, width: number, height: number, draw: (svg: Svg) => void): void {
  const active = host.ownerDocument.activeElement;
  const focusedKey = active && host.contains(active) ? active.getAttribute('data-key') : null;
  removeSvgs(host);
  const svg = select(host)
    .append('svg')
    .attr('class', 'bv-svg')
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('preserveAspectRatio', 'xMidYMin meet') as Svg;
  draw(svg);
  if (focusedKey) {
    const again = host.querySelector<SVGElement>(`[data-key="${CSS.escape(focusedKey)}"]`);
    again?.focus();
  }
}

/**
 * Stops any transition under `root` and removes its SVGs. Calls d3's `interrupt` function rather than the
 * selection method: using the function keeps d3-transition (which adds the selection methods) in the bundle.
 */
export function removeSvgs(root: Element): void {
  stopTransitions(root);
  select(root).selectAll('svg').remove();
}

/** Interrupts every transition on `root` and its descendants. */
export function stopTransitions(root: Element): void {
  interrupt(root);
  root.querySelectorAll('*').forEach((el) => interrupt(el));
}

/** Adds a `<title>` and `<desc>` and points the SVG's accessible name and description at them. */
export function describeSvg(svg: Svg, idBase: string, title: string, desc: string): void {
  svg.append('title').attr('id', `${idBase}-title`).text(title);
  svg.append('desc').attr('id', `${idBase}-desc`).text(desc);
  svg.attr('aria-labelledby', `${idBase}-title`).attr('aria-describedby', `${idBase}-desc`);
}

export function text(
  parent: G | Svg,
  x: number,
  y: number,
  content: string,
  cls = 'bv-text',
  anchor: 'start' | 'middle' | 'end' = 'middle',
) {
  return parent
    .append('text')
    .attr('class', cls)
    .attr('x', x)
    .attr('y', y)
    .attr('text-anchor', anchor)
    .attr('dominant-baseline', 'middle')
    .text(content);
}

export function line(parent: G | Svg, x1: number, y1: number, x2: number, y2: number, cls = 'bv-edge') {
  return parent.append('line').attr('class', cls).attr('x1', x1).attr('y1', y1).attr('x2', x2).attr('y2', y2);
}

/** The summing node ⊕. */
export function plusNode(parent: G | Svg, cx: number, cy: number, r = 10) {
  const g = parent.append('g').attr('aria-hidden', 'true');
  g.append('circle').attr('class', 'bv-node').attr('cx', cx).attr('cy', cy).attr('r', r);
  line(g, cx - r * 0.6, cy, cx + r * 0.6, cy, 'bv-edge');
  line(g, cx, cy - r * 0.6, cx, cy + r * 0.6, 'bv-edge');
  return g;
}

/** Squeezes a text element into `maxWidth` units when it would overflow (never stretches it). */
export function fitText(sel: Selection<SVGTextElement, unknown, null, undefined>, maxWidth: number) {
  const node = sel.node();
  if (!node || typeof node.getComputedTextLength !== 'function') return sel;
  if (node.getComputedTextLength() > maxWidth) {
    sel.attr('textLength', maxWidth).attr('lengthAdjust', 'spacingAndGlyphs');
  }
  return sel;
}

/**
 * A horizontal bar on a shared scale: `value / max` of `width`, split into `segments` equal parts
 * when each part is at least 3 units wide.
 */
export function scaleBar(
  parent: G | Svg,
  x: number,
  y: number,
  width: number,
  height: number,
  value: number,
  max: number,
  segments = 1,
) {
  const g = parent.append('g').attr('aria-hidden', 'true');
  g.append('rect')
    .attr('class', 'bv-bar-track')
    .attr('x', x)
    .attr('y', y)
    .attr('width', width)
    .attr('height', height);
  const len = max > 0 ? Math.min(1, value / max) * width : 0;
  g.append('rect')
    .attr('class', 'bv-bar')
    .attr('x', x)
    .attr('y', y)
    .attr('width', len)
    .attr('height', height);
  const step = len / Math.max(1, segments);
  if (segments > 1 && step >= 3) {
    for (let i = 1; i < segments; i++) line(g, x + i * step, y, x + i * step, y + height, 'bv-bar-tick');
  }
  return g;
}
