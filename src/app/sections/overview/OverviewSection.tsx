import { lazy, useCallback, useState } from 'react';
import { BlockControls } from '../../block/BlockControls';
import { BlockReadouts } from '../../block/BlockReadouts';
import { useBlockConfig } from '../../block/useBlockConfig';
import { parseLayerId } from '../../../viz/block/layerRef';
import { useT } from '../../i18n/useT';
import { AfterFirstFigure } from '../../startup/AfterFirstFigure';
import { useAppState } from '../../state/AppStateContext';
import { BlockComparison } from './BlockComparison';
import type { PathHighlight } from './Connectivity';
import './overview.css';

/** Everything below the first figure: loaded once that figure has painted (OverviewRest.tsx). */
const OverviewRest = lazy(() => import('./OverviewRest').then((m) => ({ default: m.OverviewRest })));

/**
 * Picture first: the block controls beside ResNet vs ResNeXt (the paper's Figure 1), then the readouts; the
 * rest of the section (OverviewRest.tsx) follows once that figure has painted.
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
      <AfterFirstFigure>
        <OverviewRest config={config} highlight={highlight} onHover={onHover} onPick={onPick} />
      </AfterFirstFigure>
    </div>
  );
}
