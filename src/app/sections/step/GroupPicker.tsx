import { useId } from 'react';
import { useT } from '../../i18n/useT';

/** Chooses one of the block's C groups (groups and channels shown 1-based, as in the paper's i = 1 … C). */
export function GroupPicker({
  groups,
  d,
  value,
  onChange,
}: {
  groups: number;
  d: number;
  value: number;
  onChange: (g: number) => void;
}) {
  const t = useT();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('step.group.label')}</label>
      <select
        id={id}
        data-testid="group-select"
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
      >
        {Array.from({ length: groups }, (_, g) => (
          <option key={g} value={g}>
            {t('step.group.option', { n: g + 1, first: g * d + 1, last: g * d + d })}
          </option>
        ))}
      </select>
    </div>
  );
}
