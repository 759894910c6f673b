import { useEffect, useId, useState } from 'react';
import type { NetworkSpec } from '../../../resnext/spec';
import { useT } from '../../i18n/useT';
import { BLOCKS, type BlockId } from '../../state/appState';
import { blockInputSides } from './stepText';

/** Phones: a block's full description does not fit the select, so its options are shorter there. */
const NARROW = '(max-width: 40rem)';

function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => typeof matchMedia !== 'undefined' && matchMedia(NARROW).matches);
  useEffect(() => {
    if (typeof matchMedia === 'undefined') return;
    const mq = matchMedia(NARROW);
    const on = () => setNarrow(mq.matches);
    on();
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);
  return narrow;
}

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
  const narrow = useNarrow();
  // Each stage's blocks with the paper's Table 1 name of the stage: ResNeXt-29's stages are conv2, conv3, conv4.
  const blocks = spec.stages
    .flatMap((stage, i) => stage.map((b) => ({ ...b, row: `conv${i + 2}` })))
    .filter((b) => (BLOCKS as readonly string[]).includes(b.name));
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
            {t(narrow ? 'step.block.optionShort' : 'step.block.option', {
              block: b.name,
              row: b.row,
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
