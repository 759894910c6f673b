import { useCallback, useMemo } from 'react';
import { renderDepthTwo, type DepthTwoData } from '../../../viz/block/depthTwo';
import type { BlockConfig } from '../../block/blockConfig';
import { formatInt } from '../../block/format';
import { useLiveD3 } from '../../block/useLiveD3';
import { useT } from '../../i18n/useT';
import { Figure } from '../../layout/Figure';
import { useAppState } from '../../state/AppStateContext';

/**
 * The paper's Figure 4 note: a block of depth 2 with C paths is one wide dense block, its first layers stacked
 * and its second layers side by side, so its forms are trivially equal and no cardinality remains.
 */
export function DepthTwo({ config }: { config: BlockConfig }) {
  const t = useT();
  const [{ lang }] = useAppState();
  const { cardinality: c, d, width } = config;
  const { inChannels: inC, outChannels: out } = config.stage;
  // weights of the two dense matrices, from their shapes
  const n = width * inC + out * width;
  const caption = t('conn.depth2.caption', { c, d, in: inC, out, width, n: formatInt(n, lang) });
  const data = useMemo<DepthTwoData>(
    () => ({
      idBase: 'forms-depth2',
      cardinality: c,
      title: t('conn.depth2.title', { c }),
      description: caption,
      pathsLabel: c === 1 ? t('conn.depth2.paths.one') : t('conn.depth2.paths', { c }),
      wideLabel: t('conn.depth2.wide'),
    }),
    [t, c, caption],
  );
  const draw = useCallback((el: HTMLDivElement) => renderDepthTwo(el, data), [data]);
  const ref = useLiveD3(draw);
  return (
    <Figure id="fig-forms-depth2" kind="depth-two" className="fm-depth2" data={{ 'data-weights': String(n) }}>
      <div ref={ref} className="fm-depth2-svg" data-testid="forms-depth2" />
      <figcaption className="blk-note">{caption}</figcaption>
    </Figure>
  );
}
