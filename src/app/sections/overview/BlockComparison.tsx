import { useCallback, useEffect, useMemo } from 'react';
import { highlightPath, renderBlockPaths, type BlockPathsData } from '../../../viz/block/blockPaths';
import type { BlockConfig } from '../../block/blockConfig';
import { usePrefersReducedMotion } from '../../block/usePrefersReducedMotion';
import { useLiveD3 } from '../../block/useLiveD3';
import { useT } from '../../i18n/useT';
import { Figure } from '../../layout/Figure';
import { useAppState } from '../../state/AppStateContext';
import { figure1Columns, FIGURE1_WIDTH, type Figure1Scale } from './figure1Data';

/** How long a change of C, d or stage takes to redraw. */
export const BLOCK_TRANSITION_MS = 650;

function Column({
  data,
  scale,
  width,
  testId,
  highlight = null,
  onHighlight,
}: {
  data: BlockPathsData;
  scale: Figure1Scale;
  width: number;
  testId: string;
  highlight?: number | null;
  onHighlight?: (index: number | null) => void;
}) {
  const reduced = usePrefersReducedMotion();
  const draw = useCallback(
    (el: HTMLDivElement) =>
      renderBlockPaths(el, data, {
        width,
        unit: scale.unit,
        maxChannels: scale.maxChannels,
        maxParams: scale.maxParams,
        duration: reduced ? 0 : BLOCK_TRANSITION_MS,
        onHover: onHighlight,
      }),
    [data, scale, width, reduced, onHighlight],
  );
  const ref = useLiveD3(draw);
  useEffect(() => {
    if (ref.current) highlightPath(ref.current, highlight);
  }, [ref, highlight, draw]);
  return (
    <div
      ref={ref}
      className={`ov-column ov-column--${testId === 'fig1-resnet' ? 'resnet' : 'resnext'}`}
      data-testid={testId}
      data-cardinality={data.cardinality}
      data-d={data.d}
    />
  );
}

/**
 * The paper's Figure 1 for the current stage, C and d: the ResNet bottleneck beside the ResNeXt block, every
 * path drawn as wide as its channels, on one scale. Path `highlight` of the ResNeXt block is lit up; the pointer
 * on a path reports it through `onHighlight` (the connectivity figure lights up the same path).
 */
export function BlockComparison({
  config,
  highlight = null,
  onHighlight,
}: {
  config: BlockConfig;
  highlight?: number | null;
  onHighlight?: (index: number | null) => void;
}) {
  const t = useT();
  const [{ lang }] = useAppState();
  const { resnet, resnext, scale } = useMemo(() => figure1Columns(t, lang, config), [t, lang, config]);
  return (
    <Figure id="fig-block" kind="block" className="ov-figure">
      <div className="ov-columns">
        <Column data={resnet} scale={scale} width={FIGURE1_WIDTH.resnet} testId="fig1-resnet" />
        <Column
          data={resnext}
          scale={scale}
          width={FIGURE1_WIDTH.resnext}
          testId="fig1-resnext"
          highlight={highlight}
          onHighlight={onHighlight}
        />
      </div>
      <figcaption className="blk-note">{t('overview.figure.caption')}</figcaption>
    </Figure>
  );
}
