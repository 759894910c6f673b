import { useMemo } from 'react';
import { formatInt } from '../block/format';
import { useT } from '../i18n/useT';
import { useAppState } from '../state/AppStateContext';
import { Chapter } from './Chapter';
import { NeuronDemo } from './NeuronDemo';
import { firstStageBlock } from './storyFigures';

export function BlockChapter() {
  const t = useT();
  const [{ lang }] = useAppState();
  const b = useMemo(firstStageBlock, []);
  return (
    <Chapter id="block" heading={t('story.block.heading')}>
      <p>{t('story.block.p1')}</p>
      <NeuronDemo />
      <p>
        {t('story.block.p2', {
          resnetWidth: b.resnetWidth,
          c: b.c,
          d: b.d,
          params: formatInt(b.params, lang),
          resnetParams: formatInt(b.resnetParams, lang),
        })}
      </p>
      <p>{t('story.block.p3')}</p>
    </Chapter>
  );
}
