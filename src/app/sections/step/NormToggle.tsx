import { useId } from 'react';
import type { Normalisation } from '../../../viz/activations/normalise';
import { useT } from '../../i18n/useT';

const MODES: readonly Normalisation[] = ['channel', 'shared'];

/** Radio buttons: each map on its own colour scale, or one scale for all. */
export function NormToggle({
  value,
  onChange,
}: {
  value: Normalisation;
  onChange: (v: Normalisation) => void;
}) {
  const t = useT();
  const name = useId();
  return (
    <fieldset className="st-radios" data-testid="norm-toggle">
      <legend>{t('step.norm.label')}</legend>
      {MODES.map((mode) => (
        <label key={mode}>
          <input
            type="radio"
            name={name}
            value={mode}
            checked={value === mode}
            onChange={() => onChange(mode)}
          />
          {t(mode === 'channel' ? 'step.norm.channel' : 'step.norm.shared')}
        </label>
      ))}
    </fieldset>
  );
}
