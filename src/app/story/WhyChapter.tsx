import { useId } from 'react';
import { useT } from '../i18n/useT';
import { useAppState } from '../state/AppStateContext';
import { Chapter } from './Chapter';

/** The opening: a short lead before the pictures, the longer argument folded behind "read more" (in the URL). */
export function WhyChapter() {
  const t = useT();
  const [{ more }, update] = useAppState();
  const foldId = useId();
  return (
    <Chapter id="why" heading={t('story.why.heading')}>
      <p className="sty-lead">
        {t('story.why.lead')}{' '}
        <button
          type="button"
          className="sty-more"
          aria-expanded={more}
          aria-controls={foldId}
          data-testid="story-more"
          onClick={() => update({ more: !more })}
        >
          {more ? t('story.less') : t('story.more')}
        </button>
      </p>
      <div id={foldId} hidden={!more} data-testid="story-fold">
        <p>{t('story.why.p1')}</p>
        <p>{t('story.why.p2')}</p>
        <ul className="sty-dims">
          <li>{t('story.why.depth')}</li>
          <li>{t('story.why.width')}</li>
          <li className="sty-dims-new">{t('story.why.cardinality')}</li>
        </ul>
      </div>
    </Chapter>
  );
}
