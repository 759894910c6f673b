import { useEffect, useId, useMemo, useRef, useState } from 'react';
import {
  createSplitMerge,
  type SplitMergeController,
  type SplitMergeData,
} from '../../../viz/block/splitMerge';
import { SM_PHASES } from '../../../viz/block/splitMergeLayout';
import type { BlockConfig } from '../../block/blockConfig';
import { usePrefersReducedMotion } from '../../block/usePrefersReducedMotion';
import { useT } from '../../i18n/useT';
import { SplitMergeFormula } from './SplitMergeFormula';

const SPEEDS = [0.5, 1, 2] as const;

/**
 * The split-transform-merge animation beside F(x) = Σᵢ Tᵢ(x), with play, pause, replay and speed; when the
 * reader prefers reduced motion it shows discrete states with a Next button instead.
 */
export function SplitMergePanel({ config }: { config: BlockConfig }) {
  const t = useT();
  const reduced = usePrefersReducedMotion();
  const host = useRef<HTMLDivElement>(null);
  const ctrl = useRef<SplitMergeController | null>(null);
  const [phase, setPhase] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<number>(1);
  const speedRef = useRef(speed);
  const speedId = useId();
  const { cardinality: c, d } = config;
  const { inChannels, outChannels: out } = config.stage;

  const data = useMemo<SplitMergeData>(
    () => ({
      idBase: 'stm',
      cardinality: c,
      d,
      labels: {
        title: t('overview.stm.title', { c }),
        description: t('overview.stm.desc', { c, d, out }),
        input: t('overview.stm.input'),
        output: t('overview.stm.output'),
        relu: t('overview.stm.relu'),
        embed: t('overview.stm.embed', { d }),
        transform: t('overview.stm.transform'),
        project: t('overview.stm.project', { out }),
        pathsNote: c > 8 ? t('overview.stm.paths', { c }) : null,
      },
    }),
    [t, c, d, out],
  );

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const controller = createSplitMerge(el, data, {
      reducedMotion: reduced,
      speed: speedRef.current,
      onPhase: setPhase,
      onPlayingChange: setPlaying,
    });
    ctrl.current = controller;
    return () => {
      controller.destroy();
      ctrl.current = null;
      setPlaying(false);
    };
  }, [data, reduced]);

  const changeSpeed = (s: number) => {
    speedRef.current = s;
    setSpeed(s);
    ctrl.current?.setSpeed(s);
  };

  const name = SM_PHASES[phase];
  const caption = t(`overview.stm.phase.${name}`, { c, d, in: inChannels, out });
  const last = phase === SM_PHASES.length - 1;

  return (
    <div className="ov-stm">
      <div className="ov-stm-body">
        <div ref={host} className="ov-stm-svg" data-testid="stm-svg" data-phase={name} />
        <SplitMergeFormula phase={name} />
      </div>
      <p className="ov-stm-caption" aria-live={playing ? 'off' : 'polite'} data-testid="stm-caption">
        <span className="blk-note">{t('overview.stm.step', { n: phase + 1, total: SM_PHASES.length })}</span>{' '}
        {caption}
      </p>
      {reduced && <p className="blk-note">{t('overview.stm.reduced')}</p>}
      <div className="ov-stm-controls" role="group" aria-label={t('overview.stm.heading')}>
        {!reduced && (
          <button
            type="button"
            data-testid="stm-play"
            onClick={() => (playing ? ctrl.current?.pause() : ctrl.current?.play())}
          >
            {playing ? t('overview.stm.pause') : t('overview.stm.play')}
          </button>
        )}
        <button type="button" data-testid="stm-next" disabled={last} onClick={() => ctrl.current?.next()}>
          {t('overview.stm.next')}
        </button>
        <button type="button" data-testid="stm-replay" onClick={() => ctrl.current?.replay()}>
          {reduced ? t('overview.stm.restart') : t('overview.stm.replay')}
        </button>
        {!reduced && (
          <span className="ov-stm-speed">
            <label htmlFor={speedId}>{t('overview.stm.speed')}</label>
            <select id={speedId} value={speed} onChange={(e) => changeSpeed(Number(e.target.value))}>
              {SPEEDS.map((s) => (
                <option key={s} value={s}>
                  {s}×
                </option>
              ))}
            </select>
          </span>
        )}
      </div>
    </div>
  );
}
