import { useEffect, useMemo, useState } from 'react';
import { errorMessage, type ErrorMessage } from '../../errors/errorMessage';
import type { BlockSpec } from '../../../resnext/spec';
import { gridScale } from '../../../viz/activations/gridLayout';
import { chwSource, nhwcSource } from '../../../viz/activations/mapSource';
import { channelScales, type Normalisation } from '../../../viz/activations/normalise';
import { formatFixed, formatInt, formatSci } from '../../block/format';
import { useT } from '../../i18n/useT';
import { useAppState } from '../../state/AppStateContext';
import { ChannelPicker } from './ChannelPicker';
import { ColorLegend } from './ColorLegend';
import { GroupPicker } from './GroupPicker';
import { MapCanvas, type MapPoint } from './MapCanvas';
import { MergeOutput } from './oneOutput/MergeOutput';
import { TensorMaps } from './TensorMaps';
import { TraceGoneError, type TraceReader } from './traceReader';

interface MergeViewProps {
  reader: TraceReader;
  spec: BlockSpec;
  group: number;
  onGroup: (g: number) => void;
  /** output channel, 0-based */
  channel: number;
  onChannel: (k: number) => void;
  normalisation: Normalisation;
  /** the picked position of output channel `channel`, or none */
  at: { y: number; x: number } | null;
  onPick: (pick: MapPoint) => void;
}

/** The contributions Tᵢ(x) of one output channel, their sum beside conv3's output, and the measured difference. */
export function MergeView({
  reader,
  spec,
  group,
  onGroup,
  channel,
  onChannel,
  normalisation,
  at,
  onPick,
}: MergeViewProps) {
  const t = useT();
  const [{ lang }] = useAppState();
  const [, setLoaded] = useState(0);
  const [error, setError] = useState<ErrorMessage | null>(null);
  const C = spec.groups;
  const out = spec.outChannels;
  const k = Math.min(out - 1, Math.max(0, channel));
  const g = Math.min(Math.max(0, group), C - 1);
  const [, h, w] = reader.shape('conv3');

  const terms = reader.peek(k);
  useEffect(() => {
    if (terms) return;
    let live = true;
    reader.contributions(k).then(
      () => live && setLoaded((n) => n + 1),
      (e: unknown) => {
        if (live && !(e instanceof TraceGoneError)) setError(errorMessage(e));
      },
    );
    return () => {
      live = false;
    };
  }, [reader, k, terms]);

  const sum = reader.peek('sum');
  const conv3 = reader.peek('conv3');
  const termSource = useMemo(() => terms && chwSource(terms, C, h, w), [terms, C, h, w]);
  const termScales = useMemo(
    () => termSource && channelScales(termSource, 'diverging', normalisation),
    [termSource, normalisation],
  );
  const sumSource = useMemo(() => sum && nhwcSource(sum, h, w, out, k, 1), [sum, h, w, out, k]);
  const convSource = useMemo(() => conv3 && nhwcSource(conv3, h, w, out, k, 1), [conv3, h, w, out, k]);
  // Σᵢ Tᵢ and conv3 share one colour scale, so equal maps look equal.
  const pairScale = useMemo(() => {
    if (!sumSource || !convSource) return null;
    const m = Math.max(
      channelScales(sumSource, 'diverging', 'channel')[0],
      channelScales(convSource, 'diverging', 'channel')[0],
    );
    return Float32Array.of(m);
  }, [sumSource, convSource]);

  const trace = reader.trace;
  const count = trace.contributionSum.size;
  const d = spec.width / C;
  const picked = at && { channel: 0, y: Math.min(at.y, h - 1), x: Math.min(at.x, w - 1) };
  return (
    <div className="st-merge" data-testid="merge-view">
      <div className="st-row">
        <ChannelPicker count={out} value={k} onChange={onChannel} />
        <GroupPicker groups={C} d={d} value={g} onChange={onGroup} />
      </div>
      {termSource && termScales ? (
        <figure className="st-figure">
          <figcaption>{t('step.merge.terms', { k: k + 1, c: C, n: g + 1 })}</figcaption>
          <MapCanvas
            source={termSource}
            kind="diverging"
            normalisation={normalisation}
            scales={termScales}
            scale={gridScale(C, h, w, 64, 400_000)}
            framed
            highlightGroup={g}
            maxColumns={16}
            label={`${t('step.merge.terms', { k: k + 1, c: C, n: g + 1 })}. ${t('step.maps.label', { name: 'Tᵢ(x)', channels: C, h, w })}`}
            caption={t('step.merge.terms', { k: k + 1, c: C, n: g + 1 })}
            mapName={(i) => `T${i + 1}`}
            testId="merge-terms"
          />
          <ColorLegend
            kind="diverging"
            normalisation={normalisation}
            max={termScales.reduce((a, b) => Math.max(a, b), 0)}
          />
        </figure>
      ) : error ? (
        <p role="alert" className="notice notice-error">
          {t('step.error.trace', { message: t(error.key, error.params) })}
        </p>
      ) : (
        <p className="loading">{t('app.loading')}</p>
      )}
      {sumSource && convSource && pairScale && (
        <div className="st-pair">
          {[
            { caption: t('step.merge.sum'), source: sumSource, id: 'merge-sum' },
            { caption: t('step.merge.conv3'), source: convSource, id: 'merge-conv3' },
          ].map((p) => (
            <figure className="st-figure st-part" key={p.id}>
              <figcaption>
                {p.caption} · {t('step.probe.channelOnly', { channel: k + 1 })}
              </figcaption>
              <MapCanvas
                source={p.source}
                kind="diverging"
                normalisation="channel"
                scales={pairScale}
                scale={gridScale(1, h, w, 128)}
                label={`${p.caption}. ${t('step.maps.label', { name: p.caption, channels: 1, h, w })}`}
                firstChannel={k}
                testId={p.id}
                onPick={onPick}
                picked={picked}
              />
            </figure>
          ))}
          <ColorLegend kind="diverging" normalisation="shared" max={pairScale[0]} />
        </div>
      )}
      {picked ? (
        <MergeOutput reader={reader} spec={spec} channel={k} y={picked.y} x={picked.x} />
      ) : (
        <p className="oo-prompt" data-testid="one-merge-prompt">
          {t('one.mergePrompt')}
        </p>
      )}
      <p className="st-diff" data-testid="merge-max-diff" data-value={trace.mergeMaxDiff}>
        {t('step.merge.diff', {
          count: formatInt(count, lang),
          diff: formatSci(trace.mergeMaxDiff),
          scale: formatFixed(trace.mergeScale, 3, lang),
        })}
      </p>
      <TensorMaps
        reader={reader}
        tensor="conv3"
        spec={spec}
        normalisation={normalisation}
        caption={t('step.merge.allChannels', { out })}
      />
    </div>
  );
}
