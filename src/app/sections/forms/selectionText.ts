import type { LayerRef } from '../../../viz/block/layerRef';
import type { BlockConfig } from '../../block/blockConfig';
import type { T } from '../../i18n/useT';

/** A sentence saying where the selected weights sit in each of the three forms. */
export function selectionText(t: T, cfg: BlockConfig, ref: LayerRef | null): string {
  if (!ref) return t('forms.selection.none');
  const { cardinality: c, d, width } = cfg;
  const { inChannels, outChannels: out } = cfg.stage;
  const base = { c, d, width, in: inChannels, out };
  if (ref.branch === null) return t(`forms.sel.conv${ref.conv}.whole`, base);
  const i = ref.branch;
  return t(`forms.sel.conv${ref.conv}.path`, { ...base, path: i + 1, from: i * d + 1, to: (i + 1) * d });
}
