import { interrupt, scaleLinear, select } from 'd3';

/** One bar: a class and its probability. */
export interface BarDatum {
  key: string;
  label: string;
  value: number;
  /** the value as the reader sees it, e.g. `93.1%` */
  valueText: string;
}

export interface ProbabilityBarsOptions {
  width: number;
  /** the bar drawn emphasised (the top-1 class) */
  highlightKey?: string | null;
  rowHeight?: number;
  /** room for the class names, in pixels (default: a share of the width) */
  labelWidth?: number;
  /** animate changes (off when the reader prefers reduced motion) */
  animate?: boolean;
}

const VALUE_WIDTH = 56;

/**
 * Horizontal bars of class probabilities on a 0–1 scale, one row per class in the order given. The SVG is
 * decoration for sighted readers (aria-hidden): callers provide the same numbers as text. Colours come from
 * CSS classes, so light and dark themes apply.
 */
export function renderProbabilityBars(
  el: Element,
  data: readonly BarDatum[],
  options: ProbabilityBarsOptions,
): void {
  const rowHeight = options.rowHeight ?? 24;
  const width = Math.max(160, options.width);
  const labelWidth = options.labelWidth ?? Math.min(140, Math.round(width * 0.32));
  const barMax = Math.max(20, width - labelWidth - VALUE_WIDTH - 8);
  const height = data.length * rowHeight + 4;
  const x = scaleLinear().domain([0, 1]).range([0, barMax]).clamp(true);
  const duration = options.animate ? 250 : 0;

  // Stop bars still moving from the last draw. (Calling d3's `interrupt` function also keeps d3-transition,
  // which adds `selection.transition`, in the bundle.)
  select(el)
    .selectAll<Element, unknown>('g.prob-row, rect.prob-bar')
    .each(function () {
      interrupt(this);
    });

  const svg = select(el)
    .selectAll<SVGSVGElement, null>('svg.prob-bars')
    .data([null])
    .join((enter) =>
      enter.append('svg').attr('class', 'prob-bars').attr('aria-hidden', 'true').attr('focusable', 'false'),
    )
    .attr('width', width)
    .attr('height', height)
    .attr('viewBox', `0 0 ${width} ${height}`);

  const rows = svg
    .selectAll<SVGGElement, BarDatum>('g.prob-row')
    .data(data, (d) => d.key)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'prob-row');
      g.append('text').attr('class', 'prob-label').attr('dy', '0.35em');
      g.append('rect').attr('class', 'prob-track');
      g.append('rect').attr('class', 'prob-bar').attr('width', 0);
      g.append('text').attr('class', 'prob-value').attr('dy', '0.35em');
      return g;
    })
    .classed('is-top', (d) => d.key === options.highlightKey)
    .attr('data-key', (d) => d.key);

  rows
    .transition()
    .duration(duration)
    .attr('transform', (_, i) => `translate(0,${i * rowHeight + 2})`);

  const barY = Math.round(rowHeight * 0.18);
  const barH = Math.max(4, rowHeight - 2 * barY);
  rows
    .select<SVGTextElement>('text.prob-label')
    .attr('x', labelWidth - 8)
    .attr('y', rowHeight / 2)
    .attr('text-anchor', 'end')
    .text((d) => d.label)
    .each(function (d) {
      // Long (ImageNet) names are cut to fit; the full name is in the text alternative.
      const node = this as SVGTextElement;
      let text = d.label;
      const fits = () =>
        typeof node.getComputedTextLength !== 'function' || node.getComputedTextLength() <= labelWidth - 10;
      while (text.length > 4 && !fits()) {
        text = text.slice(0, -2);
        node.textContent = `${text}…`;
      }
    });
  rows
    .select('rect.prob-track')
    .attr('x', labelWidth)
    .attr('y', barY)
    .attr('height', barH)
    .attr('width', barMax)
    .attr('rx', 3);
  rows
    .select<SVGRectElement>('rect.prob-bar')
    .attr('x', labelWidth)
    .attr('y', barY)
    .attr('height', barH)
    .attr('rx', 3)
    .transition()
    .duration(duration)
    .attr('width', (d) => Math.max(d.value > 0 ? 1 : 0, x(d.value)));
  rows
    .select('text.prob-value')
    .attr('x', labelWidth + barMax + 6)
    .attr('y', rowHeight / 2)
    .text((d) => d.valueText);
}
