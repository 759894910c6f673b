import type { G } from './svgBase';
import { layerId, type LayerRef } from './layerRef';

export interface SelectableOptions {
  onSelect: (ref: LayerRef) => void;
  describe: (ref: LayerRef) => string;
}

/**
 * A keyboard- and pointer-operable group standing for some weights: Tab reaches it, Enter or Space
 * (or a click) reports its layer ref. Its accessible name starts with the label drawn on it, so speech
 * input can name it. Its data-key lets a redraw give focus back to it.
 */
export function selectableGroup(
  parent: G,
  ref: LayerRef,
  selected: boolean,
  opts: SelectableOptions,
  keyPrefix: string,
): G {
  const g = parent
    .append('g')
    .attr('class', 'bv-selectable')
    .attr('tabindex', 0)
    .attr('role', 'button')
    .attr('aria-pressed', String(selected))
    .attr('aria-label', opts.describe(ref))
    .attr('data-key', `${keyPrefix}-${layerId(ref)}`)
    .attr('data-layer', layerId(ref))
    .on('click', () => opts.onSelect(ref))
    .on('keydown', (event: KeyboardEvent) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        opts.onSelect(ref);
      }
    });
  // No <title> tooltip: it would join the visible label in the name's text and hide that label in it.
  return g;
}
