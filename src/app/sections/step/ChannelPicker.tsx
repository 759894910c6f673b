import { Field, type NumberPickerProps } from '../../block/Field';
import { useT } from '../../i18n/useT';

/** Chooses one of `count` output channels (`value` 0-based); the reader sees and types them numbered from 1. */
export function ChannelPicker({ count, value, onChange }: NumberPickerProps & { count: number }) {
  const t = useT();
  return (
    <Field label={t('step.merge.channel')}>
      {(id) => (
        <input
          id={id}
          type="number"
          min={1}
          max={count}
          value={value + 1}
          data-testid="merge-channel"
          onChange={(e) => {
            const v = Number(e.target.value);
            if (Number.isInteger(v) && v >= 1) onChange(Math.min(count, v) - 1);
          }}
        />
      )}
    </Field>
  );
}
