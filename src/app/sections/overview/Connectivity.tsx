import { useCallback, useEffect, useMemo } from 'react';
import {
  highlightConnectivity,
  renderConnectivity,
  type ConnectivityData,
} from '../../../viz/connectivity/connectivity';
import { columnBlocks, connectivityLayout } from '../../../viz/connectivity/connectivityLayout';
import type { BlockConfig } from '../../block/blockConfig';
import { formatInt, formatShape } from '../../block/format';
import { useLiveD3 } from '../../block/useLiveD3';
import { usePrefersReducedMotion } from '../../block/usePrefersReducedMotion';
import { useT } from '../../i18n/useT';
import { Figure } from '../../layout/Figure';
import { useAppState } from '../../state/AppStateContext';
import { BLOCK_TRANSITION_MS } from './BlockComparison';
import './connectivity.css';

/** Path i lit up (by the pointer or focus), and the path a click or Enter kept lit. */
export interface PathHighlight {
  hover: number | null;
  pinned: number | null;
}

/**
 * The grouped 3×3 as a matrix of input × output channels with C blocks on its diagonal, between the first 1×1's
 * stacked row blocks and the last 1×1's column blocks. It redraws with C, d and the stage; block i and path i of
 * the block figure light up together.
 */
export function Connectivity({
  config,
  highlight,
  onHover,
  onPick,
}: {
  config: BlockConfig;
  highlight: PathHighlight;
  onHover: (index: number | null) => void;
  onPick: (index: number) => void;
}) {
  const t = useT();
  const [{ lang }] = useAppState();
  const reduced = usePrefersReducedMotion();
  const { cardinality: c, d, width } = config;
  const { inChannels: inC, outChannels: out } = config.stage;
  const layout = useMemo(
    () => connectivityLayout({ inChannels: inC, outChannels: out, cardinality: c, d }),
    [inC, out, c, d],
  );
  const int = useCallback((n: number) => formatInt(n, lang), [lang]);
  const perBlock = layout.grouped.blocks[0]?.weights ?? 0;

  const data = useMemo<ConnectivityData>(
    () => ({
      idBase: 'conn',
      inChannels: inC,
      outChannels: out,
      cardinality: c,
      d,
      title: t('conn.svg.title', { c, d }),
      description: t('conn.svg.desc', { c, d, in: inC, out, width }),
      labels: {
        first: [t('conn.first.title'), formatShape([layout.first.rows, layout.first.cols])],
        grouped: [
          c === 1 ? t('conn.grouped.title.one') : t('conn.grouped.title', { c }),
          formatShape([layout.grouped.rows, layout.grouped.cols]),
        ],
        last: [t('conn.last.title'), formatShape([layout.last.rows, layout.last.cols]), columnBlocks(c)],
      },
      blockLabel: (i) => t('conn.block', { i: i + 1, c, d, n: int(perBlock) }),
    }),
    [t, int, inC, out, c, d, width, layout, perBlock],
  );

  const draw = useCallback(
    (el: HTMLDivElement) =>
      renderConnectivity(el, data, { duration: reduced ? 0 : BLOCK_TRANSITION_MS, onHover, onPick }),
    [data, reduced, onHover, onPick],
  );
  const ref = useLiveD3(draw);
  const lit = highlight.hover ?? highlight.pinned;
  useEffect(() => {
    if (ref.current) highlightConnectivity(ref.current, lit, highlight.pinned);
  }, [ref, lit, highlight.pinned, draw]);

  const n = layout.grouped.weights;
  return (
    <Figure
      id="fig-connectivity"
      kind="connectivity"
      className="conn-figure"
      label={t('conn.heading')}
      data={{ 'data-weights': String(n), 'data-cardinality': String(c) }}
    >
      <div className="conn-grid">
        <div ref={ref} className="conn-drawing" data-testid="connectivity-drawing" />
        <div className="conn-side">
          <ul className="conn-legend">
            <li>
              <span className="conn-swatch conn-swatch--weights" aria-hidden="true" />
              {t('conn.legend.weights')}
            </li>
            <li>
              <span className="conn-swatch conn-swatch--zeros" aria-hidden="true" />
              {t('conn.legend.zeros')}
            </li>
          </ul>
          <p data-testid="connectivity-count" data-value={n}>
            {c === 1
              ? t('conn.count.one', { width, n: int(n) })
              : t('conn.count', {
                  c,
                  d,
                  n: int(n),
                  width,
                  dense: int(layout.denseWeights),
                  empty: int(layout.denseWeights - n),
                })}
          </p>
          <p>
            {c === 1
              ? t('conn.first.one', { width, in: inC, n: int(layout.first.weights) })
              : t('conn.first', { c, d, in: inC, width, n: int(layout.first.weights) })}
          </p>
          <p>
            {c === 1
              ? t('conn.last.one', { width, out, n: int(layout.last.weights) })
              : t('conn.last', { c, d, out, width, blocks: columnBlocks(c), n: int(layout.last.weights) })}
          </p>
          <p className="blk-note">{t('conn.axes', { in: inC, out })}</p>
          <p className="blk-note">{t('conn.hint')}</p>
        </div>
      </div>
    </Figure>
  );
}
