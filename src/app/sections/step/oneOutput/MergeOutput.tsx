import { useCallback, useMemo } from 'react';
import { outputChain, type BlockValues, type MergeGeometry } from '../../../../resnext/oneOutput';
import type { BlockSpec } from '../../../../resnext/spec';
import { renderWaterfall, type WaterfallData } from '../../../../viz/oneOutput/waterfall';
import { formatFixed } from '../../../block/format';
import { useD3 } from '../../../block/useD3';
import { usePrefersReducedMotion } from '../../../block/usePrefersReducedMotion';
import { useT } from '../../../i18n/useT';
import { Figure } from '../../../layout/Figure';
import { useAppState } from '../../../state/AppStateContext';
import { formatAt } from '../../../state/appState';
import type { TraceReader } from '../traceReader';

interface Props {
  reader: TraceReader;
  spec: BlockSpec;
  /** output channel, 0-based */
  channel: number;
  y: number;
  x: number;
}

/**
 * One output value of the merge followed to the end of the block: the C contributions Tᵢ(x) adding up to
 * conv3's value, then bn3 → F(x), + shortcut(x) → z, ReLU → y, each beside the value the trace holds.
 */
export function MergeOutput({ reader, spec, channel, y: row, x: col }: Props) {
  const t = useT();
  const [{ lang }] = useAppState();
  const reduced = usePrefersReducedMotion();
  const [, h, w] = reader.shape('conv3');
  const [, hin, win] = reader.shape('in');
  const y = Math.min(h - 1, row);
  const x = Math.min(w - 1, col);
  const input = reader.peek('in');
  const relu2 = reader.peek('relu2');
  const weights = reader.peekWeights();
  const chain = useMemo(() => {
    if (!input || !relu2 || !weights) return null;
    const values: BlockValues = {
      input,
      inHeight: hin,
      inWidth: win,
      inChannels: spec.inChannels,
      relu2,
      conv3: weights.conv3,
      bn3: weights.bn3,
      stride: spec.stride,
      projection: weights.projection,
    };
    const geo: MergeGeometry = {
      height: h,
      width: w,
      channels: spec.width,
      groups: spec.groups,
      out: spec.outChannels,
    };
    return outputChain(values, geo, channel, y, x);
  }, [input, relu2, weights, hin, win, h, w, spec, channel, y, x]);

  const f4 = (v: number) => formatFixed(v, 4, lang);
  const i = (y * w + x) * spec.outChannels + channel;
  const shown = (name: 'conv3' | 'add' | 'out') => reader.peek(name)?.[i] ?? NaN;
  const waterfall: WaterfallData | null = useMemo(
    () =>
      chain && {
        terms: chain.merge.terms,
        value: reader.peek('conv3')?.[i] ?? chain.merge.sum,
        width: 560,
        height: 180,
        reducedMotion: reduced,
        totalLabel: t('one.merge.total'),
        format: (v: number) => formatFixed(v, 2, lang),
      },
    [chain, reader, i, reduced, t, lang],
  );
  const ref = useD3<SVGSVGElement>(
    useCallback(
      (el) => {
        if (waterfall) renderWaterfall(el, waterfall);
      },
      [waterfall],
    ),
  );
  if (!chain) return null;
  const C = spec.groups;
  const value = shown('conv3');
  const title = t('one.merge.title', { k: channel + 1, x, y, c: C });
  const bnText = (b: typeof chain.bn3, name: string) =>
    t('one.bn', {
      name,
      gamma: f4(b.gamma),
      s: f4(b.input),
      mean: f4(b.mean),
      std: f4(b.std),
      beta: f4(b.beta),
      out: f4(b.output),
    });
  const p = chain.shortcut.projection;
  return (
    <Figure
      id="fig-one-merge"
      kind="one-merge"
      className="oo-figure"
      label={title}
      data={{
        'data-sum': String(chain.merge.sum),
        'data-value': String(value),
        'data-terms': String(chain.merge.terms.length),
        'data-at': formatAt(y, x),
      }}
    >
      <h3 className="oo-title">{title}</h3>
      <svg
        ref={ref}
        className="oo-waterfall"
        role="img"
        data-testid="merge-waterfall"
        aria-label={t('one.merge.chart', { c: C })}
      />
      <div className="oo-chain">
        <p>{t('one.merge.sum', { c: C, sum: f4(chain.merge.sum), value: f4(value) })}</p>
        <p>
          {bnText(chain.bn3, 'bn3')} · {t('one.merge.f', { v: f4(chain.bn3.output) })}
        </p>
        <p>
          {p
            ? t('one.merge.projection', {
                n: p.count,
                ix: x * spec.stride,
                iy: y * spec.stride,
                sum: f4(p.sum),
                bn: bnText(p.bn, 'BN'),
              })
            : t('one.merge.identity', { v: f4(chain.shortcut.value) })}
        </p>
        <p>
          {t('one.merge.add', {
            f: f4(chain.bn3.output),
            s: f4(chain.shortcut.value),
            z: f4(chain.z),
            shown: f4(shown('add')),
          })}
        </p>
        <p>{t('one.merge.relu', { z: f4(chain.z), y: f4(chain.y), shown: f4(shown('out')) })}</p>
      </div>
    </Figure>
  );
}
