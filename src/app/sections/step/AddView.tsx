import { useMemo } from 'react';
import type { BlockSpec } from '../../../resnext/spec';
import { gridScale } from '../../../viz/activations/gridLayout';
import { nhwcSource } from '../../../viz/activations/mapSource';
import { channelScales, type Normalisation } from '../../../viz/activations/normalise';
import { useT } from '../../i18n/useT';
import { ChannelPicker } from './ChannelPicker';
import { ColorLegend } from './ColorLegend';
import { MapCanvas } from './MapCanvas';
import { TensorMaps } from './TensorMaps';
import type { TraceReader } from './traceReader';

interface AddViewProps {
  reader: TraceReader;
  spec: BlockSpec;
  /** output channel, 0-based */
  channel: number;
  onChannel: (k: number) => void;
  normalisation: Normalisation;
}

/** The residual addition of one channel, side by side on one colour scale: x | F(x) | x + F(x). */
export function AddView({ reader, spec, channel, onChannel, normalisation }: AddViewProps) {
  const t = useT();
  const out = spec.outChannels;
  const k = Math.min(out - 1, Math.max(0, channel));
  const [, h, w] = reader.shape('add');
  const x = reader.peek('shortcut');
  const f = reader.peek('bn3');
  const z = reader.peek('add');
  const sources = useMemo(
    () => (x && f && z ? [x, f, z].map((v) => nhwcSource(v, h, w, out, k, 1)) : null),
    [x, f, z, h, w, out, k],
  );
  // one scale for the three maps, so that the sum visibly is the two others added
  const scale = useMemo(
    () =>
      sources
        ? Float32Array.of(Math.max(...sources.map((s) => channelScales(s, 'diverging', 'channel')[0])))
        : null,
    [sources],
  );
  if (!sources || !scale) return <p className="loading">{t('app.loading')}</p>;

  const projection = spec.projection;
  const captions = [
    t(projection ? 'step.add.xProjection' : 'step.add.x'),
    t('step.add.f'),
    t(projection ? 'step.add.sumProjection' : 'step.add.sum'),
  ];
  const ids = ['add-x', 'add-f', 'add-sum'];
  return (
    <div className="st-merge" data-testid="add-view" data-channel={k}>
      <div className="st-row">
        <ChannelPicker count={out} value={k} onChange={onChannel} />
      </div>
      <figure className="st-figure">
        <figcaption>{t('step.add.caption', { k: k + 1 })}</figcaption>
        <div className="st-pair st-add">
          {sources.map((source, i) => [
            i > 0 && (
              <span className="st-add-op" aria-hidden="true" key={`op-${i}`}>
                {i === 1 ? '+' : '='}
              </span>
            ),
            <figure className="st-figure st-part" key={ids[i]} data-testid={ids[i]}>
              <figcaption>{captions[i]}</figcaption>
              <MapCanvas
                source={source}
                kind="diverging"
                normalisation="channel"
                scales={scale}
                scale={gridScale(1, h, w, 128)}
                label={`${captions[i]}. ${t('step.maps.label', { name: captions[i], channels: 1, h, w })}`}
                caption={captions[i]}
                firstChannel={k}
              />
            </figure>,
          ])}
        </div>
        <ColorLegend kind="diverging" normalisation="shared" max={scale[0]} />
      </figure>
      <TensorMaps
        reader={reader}
        tensor="add"
        spec={spec}
        normalisation={normalisation}
        caption={t('step.add.all', { out })}
      />
    </div>
  );
}
