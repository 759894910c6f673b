import { BlockControls } from '../../block/BlockControls';
import { BlockReadouts } from '../../block/BlockReadouts';
import { useBlockConfig } from '../../block/useBlockConfig';
import { parseLayerId } from '../../../viz/block/layerRef';
import { useT } from '../../i18n/useT';
import { useAppState } from '../../state/AppStateContext';
import { BlockComparison } from './BlockComparison';
import { SplitMergePanel } from './SplitMergePanel';
import './overview.css';

/** ResNet vs ResNeXt (the paper's Figure 1), the shared block controls and readouts, and split-transform-merge. */
export function OverviewSection() {
  const t = useT();
  const [{ layer }] = useAppState();
  const config = useBlockConfig();
  const selected = parseLayerId(layer, config.cardinality);
  return (
    <div data-section-body="overview" className="ov-section">
      <p>{t('overview.intro')}</p>
      <BlockControls config={config} />
      <section aria-labelledby="ov-figure-heading">
        <h2 id="ov-figure-heading">{t('overview.figure.heading')}</h2>
        <BlockComparison config={config} />
        <BlockReadouts config={config} selectedConv={selected ? `conv${selected.conv}` : null} />
      </section>
      <section aria-labelledby="ov-stm-heading">
        <h2 id="ov-stm-heading">{t('overview.stm.heading')}</h2>
        <p>{t('overview.stm.intro')}</p>
        <SplitMergePanel config={config} />
      </section>
    </div>
  );
}
