import { useId } from 'react';
import { useT } from '../../i18n/useT';
import type { NavAction } from './stepNav';

interface StepControlsProps {
  index: number;
  count: number;
  playing: boolean;
  /** titles of all steps, for the scrubber's spoken value */
  titles: readonly string[];
  dispatch: (a: NavAction) => void;
}

/** Previous / play–pause / next buttons, a scrubber over the steps and where the reader is. */
export function StepControls({ index, count, playing, titles, dispatch }: StepControlsProps) {
  const t = useT();
  const scrubberId = useId();
  const position = t('step.position', { n: index + 1, total: count, title: titles[index] });
  return (
    <div className="st-controls" role="group" aria-label={t('step.controls.label')}>
      <div className="st-buttons">
        <button
          type="button"
          data-testid="step-prev"
          onClick={() => dispatch({ type: 'prev' })}
          aria-disabled={index === 0}
        >
          <span aria-hidden="true">←</span> {t('step.prev')}
        </button>
        <button
          type="button"
          data-testid="step-play"
          aria-pressed={playing}
          onClick={() => dispatch({ type: playing ? 'pause' : 'play' })}
        >
          {/* the symbols are decoration: the button is named by its word alone */}
          <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span> {playing ? t('step.pause') : t('step.play')}
        </button>
        <button
          type="button"
          data-testid="step-next"
          onClick={() => dispatch({ type: 'next' })}
          aria-disabled={index === count - 1}
        >
          {t('step.next')} <span aria-hidden="true">→</span>
        </button>
      </div>
      <div className="st-scrubber">
        <label htmlFor={scrubberId}>{t('step.scrubber')}</label>
        <input
          id={scrubberId}
          type="range"
          min={1}
          max={count}
          step={1}
          value={index + 1}
          aria-valuetext={position}
          data-testid="step-scrubber"
          onChange={(e) => dispatch({ type: 'goto', index: Number(e.target.value) - 1 })}
        />
      </div>
      <p className="st-position" aria-live="polite" data-testid="step-position" data-step-index={index}>
        {position}
      </p>
    </div>
  );
}
