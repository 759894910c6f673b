import { formCounts } from '../../resnext/blockCounts';
import { formatInt } from '../block/format';
import { useBlockConfig } from '../block/useBlockConfig';
import { useT } from '../i18n/useT';
import { useAppState } from '../state/AppStateContext';
import { Chapter } from './Chapter';

export function FormsChapter() {
  const t = useT();
  const [{ lang }] = useAppState();
  const { shape } = useBlockConfig();
  const [a, b, c] = (['a', 'b', 'c'] as const).map((form) => formatInt(formCounts(form, shape).params, lang));
  return (
    <Chapter id="forms" heading={t('story.forms.heading')}>
      <p>{t('story.forms.p1')}</p>
      <p data-testid="story-forms-counts">{t('story.forms.p2', { a, b, c })}</p>
      <p>{t('story.forms.p3')}</p>
    </Chapter>
  );
}
