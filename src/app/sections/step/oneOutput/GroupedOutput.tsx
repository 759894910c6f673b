import { useCallback, useMemo, useState } from 'react';
import {
  bnArithmetic,
  groupedArithmetic,
  type GroupedGeometry,
  type GroupedPick,
} from '../../../../resnext/oneOutput';
import type { BlockSpec } from '../../../../resnext/spec';
import { renderChannelStrip, type ChannelStripData } from '../../../../viz/oneOutput/channelStrip';
import { formatFixed, formatInt } from '../../../block/format';
import { useD3 } from '../../../block/useD3';
import { usePrefersReducedMotion } from '../../../block/usePrefersReducedMotion';
import { useT } from '../../../i18n/useT';
import { Figure } from '../../../layout/Figure';
import { useAppState } from '../../../state/AppStateContext';
import { formatAt } from '../../../state/appState';
import type { TraceReader } from '../traceReader';
import { WindowGrids } from './WindowGrids';
import { WindowSlide } from './WindowSlide';

interface Props {
  reader: TraceReader;
  spec: BlockSpec;
  pick: GroupedPick;
}

/**
 * One output value of the grouped 3×3 followed: which d of the C·d input channels it reads, the window on
 * them, the weights, the products and their sum, then bn2 and ReLU; beside the values the trace holds.
 */
export function GroupedOutput({ reader, spec, pick }: Props) {
  const t = useT();
  const [{ lang }, update] = useAppState();
  const reduced = usePrefersReducedMotion();
  const [playing, setPlaying] = useState(false);
  const [moved, setMoved] = useState<{ y: number; x: number } | null>(null);
  const relu1 = reader.peek('relu1');
  const conv2 = reader.peek('conv2');
  const relu2 = reader.peek('relu2');
  const kernel = reader.peek('kernel');
  const weights = reader.peekWeights();
  const [, hi, wi] = reader.shape('relu1');
  const [, ho, wo] = reader.shape('conv2');
  const geo: GroupedGeometry = useMemo(
    () => ({
      inHeight: hi,
      inWidth: wi,
      outHeight: ho,
      outWidth: wo,
      width: spec.width,
      groups: spec.groups,
      stride: spec.stride,
    }),
    [hi, wi, ho, wo, spec],
  );
  // While the window plays, it moves here; the pick in the URL changes when it stops.
  const at = useMemo(() => (playing && moved ? { ...pick, ...moved } : pick), [playing, moved, pick]);
  const a = useMemo(
    () => (relu1 && kernel ? groupedArithmetic(relu1, kernel, geo, at) : null),
    [relu1, kernel, geo, at],
  );
  const strip: ChannelStripData = useMemo(
    () => ({ groups: spec.groups, group: at.group, width: 320, reducedMotion: reduced }),
    [spec.groups, at.group, reduced],
  );
  const stripRef = useD3<SVGSVGElement>(useCallback((el) => renderChannelStrip(el, strip), [strip]));
  const onMove = useCallback((y: number, x: number) => setMoved({ y, x }), []);
  const onPlaying = useCallback(
    (on: boolean) => {
      if (on) setMoved({ y: pick.y, x: pick.x });
      else if (moved) update({ at: formatAt(moved.y, moved.x) });
      setPlaying(on);
    },
    [pick.y, pick.x, moved, update],
  );
  if (!a || !conv2 || !relu2 || !relu1 || !weights) return null;

  const d = a.reads;
  const cd = a.channels;
  const i = (a.pick.y * wo + a.pick.x) * spec.width + a.outChannel;
  const value = conv2[i];
  const bn = bnArithmetic(a.sum, weights.bn2, a.outChannel);
  const f4 = (v: number) => formatFixed(v, 4, lang);
  return (
    <Figure
      id="fig-one-output"
      kind="one-output"
      className="oo-figure"
      label={t('one.title', {
        o: a.outChannel + 1,
        j: a.pick.channel + 1,
        g: a.pick.group + 1,
        x: a.pick.x,
        y: a.pick.y,
      })}
      data={{
        'data-sum': String(a.sum),
        'data-value': String(value),
        'data-reads': String(d),
        'data-channels': String(cd),
        'data-at': formatAt(a.pick.y, a.pick.x),
      }}
    >
      <h3 className="oo-title">
        {t('one.title', {
          o: a.outChannel + 1,
          j: a.pick.channel + 1,
          g: a.pick.group + 1,
          x: a.pick.x,
          y: a.pick.y,
        })}
      </h3>
      <div className="oo-reads">
        <svg
          ref={stripRef}
          className="oo-strip"
          role="img"
          aria-label={t('one.strip.label', { cd, c: spec.groups, d, g: a.pick.group + 1 })}
        />
        <p>
          {t('one.reads', {
            d: formatInt(d, lang),
            cd: formatInt(cd, lang),
            w: formatInt(a.weights, lang),
            dense: formatInt(a.denseWeights, lang),
          })}
        </p>
      </div>
      <WindowSlide
        input={relu1}
        inHeight={hi}
        inWidth={wi}
        inChannels={spec.width}
        channel={a.pick.group * d}
        output={conv2}
        outChannel={a.outChannel}
        outHeight={ho}
        outWidth={wo}
        stride={spec.stride}
        y={a.pick.y}
        x={a.pick.x}
        onMove={onMove}
        playing={playing}
        onPlaying={onPlaying}
      />
      <WindowGrids a={a} />
      <div className="oo-chain">
        <p data-testid="one-output-sum">
          {t('one.sum', { n: a.terms.length, sum: f4(a.sum), value: f4(value) })}
        </p>
        <p>
          {t('one.bn', {
            name: 'bn2',
            gamma: f4(bn.gamma),
            s: f4(bn.input),
            mean: f4(bn.mean),
            std: f4(bn.std),
            beta: f4(bn.beta),
            out: f4(bn.output),
          })}
        </p>
        <p>{t('one.relu', { v: f4(bn.output), out: f4(Math.max(0, bn.output)), shown: f4(relu2[i]) })}</p>
      </div>
    </Figure>
  );
}
