import { useId } from 'react';
import type { NetworkSpec } from '../../../resnext/spec';
import { useT } from '../../i18n/useT';
import { BLOCKS, type BlockId } from '../../state/appState';
import { blockInputSides } from './stepText';

/** Chooses which of the network's nine blocks to walk through. */
export function BlockPicker({
  spec,
  value,
  onChange,
}: {
  spec: NetworkSpec;
  value: BlockId;
  onChange: (b: BlockId) => void;
}) {
  const t = useT();
  const id = useId();
  const sides = blockInputSides(spec);
  const blocks = spec.stages.flat().filter((b) => (BLOCKS as readonly string[]).includes(b.name));
  return (
    <div className="field">
      <label htmlFor={id}>{t('step.block.label')}</label>
      <select
        id={id}
        data-testid="block-select"
        value={value}
        onChange={(e) => onChange(e.target.value as BlockId)}
      >
        {blocks.map((b) => (
          <option key={b.name} value={b.name}>
            {t('step.block.option', {
              block: b.name,
              in: b.inChannels,
              out: b.outChannels,
              c: b.groups,
              d: b.width / b.groups,
              h: sides.get(b.name) ?? spec.inputSize,
              w: sides.get(b.name) ?? spec.inputSize,
            })}
          </option>
        ))}
      </select>
    </div>
  );
}
