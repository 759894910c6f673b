import type { LayerRef } from './layerRef';

/** What a figure needs to make its weight groups keyboard- and pointer-operable: report and name a layer. */
export interface SelectableOptions {
  onSelect: (ref: LayerRef) => void;
  describe: (ref: LayerRef) => string;
}
