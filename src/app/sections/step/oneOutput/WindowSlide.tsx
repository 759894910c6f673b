import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { renderWindowSlide, type WindowSlideData } from '../../../../viz/oneOutput/windowSlide';
import { useD3 } from '../../../block/useD3';
import { usePrefersReducedMotion } from '../../../block/usePrefersReducedMotion';
import { useT } from '../../../i18n/useT';

const SPEEDS = { slow: 900, normal: 450, fast: 150 } as const;
type Speed = keyof typeof SPEEDS;

export interface WindowSlideProps {
  input: Float32Array;
  inHeight: number;
  inWidth: number;
  inChannels: number;
  /** the input channel drawn (0-based, of the whole tensor) */
  channel: number;
  /** the grouped 3×3's output [outH, outW, inChannels] and the channel picked in it (0-based) */
  output: Float32Array;
  outChannel: number;
  outHeight: number;
  outWidth: number;
  stride: number;
  y: number;
  x: number;
  /** while playing, each step moves the picked position here (row by row); paused, the pick stays */
  onMove: (y: number, x: number) => void;
  playing: boolean;
  onPlaying: (playing: boolean) => void;
}

/** The window sliding over the input as the output position moves, with play/pause and a speed control. */
export function WindowSlide(p: WindowSlideProps) {
  const t = useT();
  const reduced = usePrefersReducedMotion();
  const [speed, setSpeed] = useState<Speed>('normal');
  const speedId = useId();
  const { input, inHeight, inWidth, inChannels, channel, onMove, playing, y, x } = p;
  const map = useMemo(() => {
    const m = new Float32Array(inHeight * inWidth);
    for (let i = 0; i < m.length; i++) m[i] = input[i * inChannels + channel];
    return m;
  }, [input, inHeight, inWidth, inChannels, channel]);
  const outMap = useMemo(() => {
    const m = new Float32Array(p.outHeight * p.outWidth);
    for (let i = 0; i < m.length; i++) m[i] = p.output[i * inChannels + p.outChannel];
    return m;
  }, [p.output, p.outHeight, p.outWidth, inChannels, p.outChannel]);

  useEffect(() => {
    if (!playing) return;
    const id = window.setTimeout(() => {
      const next = x + 1 < p.outWidth ? { y, x: x + 1 } : { y: (y + 1) % p.outHeight, x: 0 };
      onMove(next.y, next.x);
    }, SPEEDS[speed]);
    return () => window.clearTimeout(id);
  }, [playing, speed, x, y, p.outWidth, p.outHeight, onMove]);

  const data: WindowSlideData = useMemo(
    () => ({
      inHeight,
      inWidth,
      outHeight: p.outHeight,
      outWidth: p.outWidth,
      stride: p.stride,
      input: map,
      output: outMap,
      y,
      x,
      reducedMotion: reduced,
      duration: Math.min(400, SPEEDS[speed] * 0.8),
      labels: {
        input: t('one.window.input', { h: inHeight, w: inWidth }),
        output: t('one.window.output', { h: p.outHeight, w: p.outWidth }),
      },
    }),
    [inHeight, inWidth, p.outHeight, p.outWidth, p.stride, map, outMap, y, x, reduced, speed, t],
  );
  const ref = useD3<SVGSVGElement>(useCallback((el) => renderWindowSlide(el, data), [data]));
  const y0 = y * p.stride - 1;
  const x0 = x * p.stride - 1;
  return (
    <figure className="oo-slide">
      <figcaption>{t('one.window.caption', { c: channel + 1, s: p.stride, o: p.outChannel + 1 })}</figcaption>
      <svg
        ref={ref}
        className="oo-slide-svg"
        role="img"
        data-testid="window-slide"
        aria-label={t('one.window.label', { y0, y1: y0 + 2, x0, x1: x0 + 2, x, y })}
      />
      <div className="oo-slide-controls">
        <button
          type="button"
          data-testid="window-play"
          aria-pressed={playing}
          onClick={() => p.onPlaying(!playing)}
        >
          {playing ? t('one.pause') : t('one.play')}
        </button>
        <label htmlFor={speedId}>{t('one.speed')}</label>
        <select id={speedId} value={speed} onChange={(e) => setSpeed(e.target.value as Speed)}>
          {(Object.keys(SPEEDS) as Speed[]).map((s) => (
            <option key={s} value={s}>
              {t(`one.speed.${s}`)}
            </option>
          ))}
        </select>
      </div>
    </figure>
  );
}
