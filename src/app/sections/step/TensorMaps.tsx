import { useMemo } from 'react';
import type { BlockStep } from '../../../resnext/model';
import type { BlockSpec } from '../../../resnext/spec';
import { isGrouped, isSigned } from '../../../resnext/stepKinds';
import { gridScale } from '../../../viz/activations/gridLayout';
import { nhwcSource } from '../../../viz/activations/mapSource';
import { channelScales, type Normalisation } from '../../../viz/activations/normalise';
import { useT } from '../../i18n/useT';
import { ColorLegend } from './ColorLegend';
import { MapCanvas } from './MapCanvas';
import type { TraceReader } from './traceReader';

interface TensorMapsProps {
  reader: TraceReader;
  tensor: BlockStep;
  spec: BlockSpec;
  normalisation: Normalisation;
  /** frame this group of a grouped tensor */
  highlightGroup?: number;
  /** overrides the default caption */
  caption?: string;
}

/** Every channel of one trace tensor as a grid of maps (framed by group where the block groups them), with its legend. */
export function TensorMaps({
  reader,
  tensor,
  spec,
  normalisation,
  highlightGroup,
  caption,
}: TensorMapsProps) {
  const t = useT();
  const values = reader.peek(tensor);
  const [, h, w, c] = reader.shape(tensor);
  const grouped = isGrouped(tensor);
  const d = spec.width / spec.groups;
  const kind = isSigned(tensor, spec) ? 'diverging' : 'sequential';
  const source = useMemo(() => (values ? nhwcSource(values, h, w, c) : null), [values, h, w, c]);
  const scales = useMemo(
    () => (source ? channelScales(source, kind, normalisation) : null),
    [source, kind, normalisation],
  );
  const name = t(`step.tensor.${tensor}`);
  const params = { name, channels: c, h, w, c: spec.groups, d };
  const title = caption ?? t(grouped ? 'step.maps.captionGrouped' : 'step.maps.caption', params);

  if (!source || !scales) return <p className="loading">{t('app.loading')}</p>;
  return (
    <figure className="st-figure" data-tensor={tensor}>
      <figcaption>{title}</figcaption>
      <MapCanvas
        source={source}
        kind={kind}
        normalisation={normalisation}
        scales={scales}
        scale={gridScale(c, h, w)}
        groupSize={grouped ? d : 1}
        highlightGroup={grouped ? highlightGroup : undefined}
        label={t('step.maps.label', params)}
        caption={title}
        testId={`maps-${tensor}`}
      />
      <ColorLegend
        kind={kind}
        normalisation={normalisation}
        max={scales.reduce((a, b) => Math.max(a, b), 0)}
      />
    </figure>
  );
}
