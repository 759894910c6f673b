import { useMemo } from 'react';
import { useT } from '../i18n/useT';
import { useAppState } from '../state/AppStateContext';
import { Chapter } from './Chapter';
import { architectureFigures } from './storyFigures';
import { formatCompact } from './storyFormat';

export function ArchChapter() {
  const t = useT();
  const [{ lang }] = useAppState();
  const { resnet, resnext } = useMemo(architectureFigures, []);
  return (
    <Chapter id="arch" heading={t('story.arch.heading')}>
      <p>
        {t('story.arch.p1', {
          c: resnext.groups,
          resnetWidth: resnet.conv2Width,
          resnextWidth: resnext.conv2Width,
        })}
      </p>
      <p data-testid="story-arch-counts">
        {t('story.arch.p2', {
          resnetParams: formatCompact(resnet.params, lang),
          resnetMacs: formatCompact(resnet.macs, lang),
          resnextParams: formatCompact(resnext.params, lang),
          resnextMacs: formatCompact(resnext.macs, lang),
        })}
      </p>
    </Chapter>
  );
}
