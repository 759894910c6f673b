import { useId } from 'react';
import { useT } from '../i18n/useT';
import { CARDINALITIES, type Cardinality } from '../state/appState';
import { useAppState } from '../state/AppStateContext';

/** C ∈ {1, 2, 4, …, 64} as a range input over the list's index; arrow keys, Home and End work as usual. */
export function CardinalitySlider() {
  const t = useT();
  const [{ cardinality }, update] = useAppState();
  const id = useId();
  const index = Math.max(0, CARDINALITIES.indexOf(cardinality));
  return (
    <div className="blk-control blk-slider">
      <label htmlFor={id}>{t('block.cardinality.label')}</label>
      <div className="blk-slider-row">
        <input
          id={id}
          type="range"
          min={0}
          max={CARDINALITIES.length - 1}
          step={1}
          value={index}
          aria-valuetext={t('block.cardinality.valuetext', { c: cardinality })}
          data-testid="cardinality-slider"
          onChange={(e) => update({ cardinality: CARDINALITIES[Number(e.target.value)] as Cardinality })}
        />
        <output htmlFor={id} className="blk-output" data-testid="cardinality-value">
          {t('block.cardinality.valuetext', { c: cardinality })}
        </output>
      </div>
      <div className="blk-ticks" aria-hidden="true">
        {CARDINALITIES.map((c) => (
          <span key={c} className={c === cardinality ? 'is-current' : undefined}>
            {c}
          </span>
        ))}
      </div>
    </div>
  );
}
