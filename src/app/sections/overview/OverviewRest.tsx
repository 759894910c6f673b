import type { BlockConfig } from '../../block/blockConfig';
import { useT } from '../../i18n/useT';
import { BlockChapter } from '../../story/BlockChapter';
import { HeritageChapter } from '../../story/HeritageChapter';
import { Connectivity, type PathHighlight } from './Connectivity';
import { CostAnatomy } from './CostAnatomy';
import { SplitMergePanel } from './SplitMergePanel';
import { WhyCardinality } from './WhyCardinality';

export interface OverviewRestProps {
  config: BlockConfig;
  highlight: PathHighlight;
  onHover: (i: number | null) => void;
  onPick: (i: number) => void;
}

/**
 * The Overview below its first figure, a chunk of its own, loaded once that figure has painted: the block's
 * weights as matrices (path i lit up in both figures together), the cost anatomy, the background (Inception's
 * split-transform-merge), split-transform-merge with the story that explains it, and last the results (why
 * cardinality: the paper's Tables 3 and 4).
 */
export function OverviewRest({ config, highlight, onHover, onPick }: OverviewRestProps) {
  const t = useT();
  return (
    <>
      <section aria-labelledby="ov-conn-heading">
        <h2 id="ov-conn-heading">{t('conn.heading')}</h2>
        <Connectivity config={config} highlight={highlight} onHover={onHover} onPick={onPick} />
      </section>
      <section aria-labelledby="ov-cost-heading">
        <h2 id="ov-cost-heading">{t('ovfig.cost.heading')}</h2>
        <CostAnatomy config={config} />
      </section>
      <HeritageChapter />
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
    </>
  );
}
