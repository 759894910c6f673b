import { useCallback, useMemo } from 'react';
import {
  renderBlockColumn,
  type BlockColumnData,
  type BlockColumnScale,
} from '../../../viz/block/blockColumn';
import type { BlockConfig } from '../../block/blockConfig';
import { useD3 } from '../../block/useD3';
import { useT } from '../../i18n/useT';
import { useAppState } from '../../state/AppStateContext';
import { figure1Columns } from './figure1Data';

function Column({ data, scale, testId }: { data: BlockColumnData; scale: BlockColumnScale; testId: string }) {
  const draw = useCallback((el: HTMLDivElement) => renderBlockColumn(el, data, scale), [data, scale]);
  const ref = useD3(draw);
  return <div ref={ref} className="ov-column" data-testid={testId} data-cardinality={data.cardinality} />;
}

/** The paper's Figure 1 for the current stage and C: ResNet bottleneck and ResNeXt block side by side. */
export function BlockComparison({ config }: { config: BlockConfig }) {
  const t = useT();
  const [{ lang }] = useAppState();
  const { resnet, resnext, scale } = useMemo(() => figure1Columns(t, lang, config), [t, lang, config]);
  return (
    <figure className="ov-figure">
      <div className="ov-columns">
        <Column data={resnet} scale={scale} testId="fig1-resnet" />
        <Column data={resnext} scale={scale} testId="fig1-resnext" />
      </div>
      <figcaption className="blk-note">{t('overview.figure.caption')}</figcaption>
    </figure>
  );
}
