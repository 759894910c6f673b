import { useT } from '../i18n/useT';
import { Chapter } from './Chapter';

export function StepChapter() {
  const t = useT();
  return (
    <Chapter id="step" heading={t('story.step.heading')}>
      <p>{t('story.step.p1')}</p>
    </Chapter>
  );
}

export function ClassifyChapter() {
  const t = useT();
  return (
    <Chapter id="classify" heading={t('story.classify.heading')}>
      <p>{t('story.classify.p1')}</p>
    </Chapter>
  );
}
