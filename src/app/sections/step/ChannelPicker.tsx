import { useId } from 'react';
import { useT } from '../../i18n/useT';

/** Chooses one of `count` output channels; the reader sees and types them numbered from 1. */
export function ChannelPicker({
  count,
  value,
  onChange,
}: {
  count: number;
  /** 0-based */
  value: number;
  onChange: (channel: number) => void;
}) {
  const t = useT();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('step.merge.channel')}</label>
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
    </div>
  );
}
