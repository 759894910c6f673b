import { useId } from 'react';
import { STAGE_IDS, stagePreset, type StageId } from '../../resnext/stages';
import { useT, type T } from '../i18n/useT';
import { useAppState } from '../state/AppStateContext';

/** A stage's name with its block's channels and feature-map size, e.g. "ResNeXt-50 conv2 — 256-d, 56×56". */
function stageName(t: T, id: StageId): string {
  const p = stagePreset(id);
  const params = { row: p.tableRow, n: Number(p.tableRow.slice(4)) - 1, ch: p.inChannels, s: p.spatial };
  return p.family === 'resnext50' ? t('block.stage.r50', params) : t('block.stage.c29', params);
}

export function StageSelect() {
  const t = useT();
  const [{ stage }, update] = useAppState();
  const id = useId();
  const groups: [string, StageId[]][] = [
    [t('block.stage.group.r50'), STAGE_IDS.filter((s) => stagePreset(s).family === 'resnext50')],
    [t('block.stage.group.c29'), STAGE_IDS.filter((s) => stagePreset(s).family === 'resnext29')],
  ];
  return (
    <div className="blk-control blk-stage">
      <label htmlFor={id}>{t('block.stage.label')}</label>
      <select
        id={id}
        value={stage}
        data-testid="stage-select"
        onChange={(e) => update({ stage: e.target.value as StageId })}
      >
        {groups.map(([label, ids]) => (
          <optgroup key={label} label={label}>
            {ids.map((s) => (
              <option key={s} value={s}>
                {stageName(t, s)}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
