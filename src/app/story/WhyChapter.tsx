import { useT } from '../i18n/useT';
import { Chapter } from './Chapter';

export function WhyChapter() {
  const t = useT();
  return (
    <Chapter id="why" heading={t('story.why.heading')}>
      <p>{t('story.why.p1')}</p>
      <p>{t('story.why.p2')}</p>
      <ul className="sty-dims">
        <li>{t('story.why.depth')}</li>
        <li>{t('story.why.width')}</li>
        <li className="sty-dims-new">{t('story.why.cardinality')}</li>
      </ul>
      <p>{t('story.why.p3')}</p>
    </Chapter>
  );
}
