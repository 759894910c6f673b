import { Field, type NumberPickerProps } from '../../block/Field';
import { useT } from '../../i18n/useT';

/** Chooses one of the block's C groups (groups and channels shown 1-based, as in the paper's i = 1 … C). */
export function GroupPicker({
  groups,
  d,
  value,
  onChange,
}: NumberPickerProps & { groups: number; d: number }) {
  const t = useT();
  return (
    <Field label={t('step.group.label')}>
      {(id) => (
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
      )}
    </Field>
  );
}
