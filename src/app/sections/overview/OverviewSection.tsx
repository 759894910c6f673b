import { useCallback, useState } from 'react';
import { BlockControls } from '../../block/BlockControls';
import { BlockReadouts } from '../../block/BlockReadouts';
import { useBlockConfig } from '../../block/useBlockConfig';
import { parseLayerId } from '../../../viz/block/layerRef';
import { useT } from '../../i18n/useT';
import { useAppState } from '../../state/AppStateContext';
import { BlockChapter } from '../../story/BlockChapter';
import { HeritageChapter } from '../../story/HeritageChapter';
import { BlockComparison } from './BlockComparison';
import { Connectivity, type PathHighlight } from './Connectivity';
import { CostAnatomy } from './CostAnatomy';
import { SplitMergePanel } from './SplitMergePanel';
import { WhyCardinality } from './WhyCardinality';
import './overview.css';

/**
 * Picture first: the block controls beside ResNet vs ResNeXt (the paper's Figure 1), then the readouts, the
 * block's weights as matrices (path i lit up in both figures together), the cost anatomy, split-transform-merge
 * with the story that explains it, why cardinality, and the heritage.
 */
export function OverviewSection() {
  const t = useT();
  const [{ layer }] = useAppState();
  const config = useBlockConfig();
  const selected = parseLayerId(layer, config.cardinality);
  // Path i lit up in the block figure and the connectivity figure together.
  const [highlight, setHighlight] = useState<PathHighlight>({ hover: null, pinned: null });
  const onHover = useCallback((i: number | null) => setHighlight((h) => ({ ...h, hover: i })), []);
  const onPick = useCallback(
    (i: number) => setHighlight((h) => ({ ...h, pinned: h.pinned === i ? null : i })),
    [],
  );
  const lit = highlight.hover ?? highlight.pinned;
  return (
    <div data-section-body="overview" className="ov-section">
      <section aria-labelledby="ov-figure-heading" className="ov-hero">
        <h2 id="ov-figure-heading">{t('overview.figure.heading')}</h2>
        <div className="ov-hero-grid">
          <BlockControls config={config} />
          <BlockComparison config={config} highlight={lit} onHighlight={onHover} />
        </div>
        <BlockReadouts config={config} selectedConv={selected ? `conv${selected.conv}` : null} />
      </section>
      <section aria-labelledby="ov-conn-heading">
        <h2 id="ov-conn-heading">{t('conn.heading')}</h2>
        <Connectivity config={config} highlight={highlight} onHover={onHover} onPick={onPick} />
      </section>
      <section aria-labelledby="ov-cost-heading">
        <h2 id="ov-cost-heading">{t('ovfig.cost.heading')}</h2>
        <CostAnatomy config={config} />
      </section>
      <BlockChapter />
      <section aria-labelledby="ov-stm-heading">
        <h2 id="ov-stm-heading">{t('overview.stm.heading')}</h2>
        <p>{t('overview.stm.intro')}</p>
        <SplitMergePanel config={config} />
      </section>
      <section aria-labelledby="ov-why-heading">
        <h2 id="ov-why-heading">{t('ovfig.why.heading')}</h2>
        <WhyCardinality />
      </section>
      <HeritageChapter />
    </div>
  );
}
