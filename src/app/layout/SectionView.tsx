import { Suspense } from 'react';
import { errorMessage } from '../errors/errorMessage';
import { useT } from '../i18n/useT';
import { sectionEntry } from '../sectionRegistry';
import type { SectionId } from '../state/appState';
import { SectionErrorBoundary } from './SectionErrorBoundary';
import { StoryPanel } from '../story/StoryPanel';

/** The current section: its title, then its body, loaded on demand. */
export function SectionView({ id }: { id: SectionId }) {
  const t = useT();
  const { Component, titleKey } = sectionEntry(id);
  const errorText = (e: unknown) => {
    const m = errorMessage(e);
    return t(m.key, m.params);
  };
  return (
    <article className="section" data-section={id} aria-labelledby="section-title">
      <h1 id="section-title">{t(titleKey)}</h1>
      <StoryPanel section={id} />
      <SectionErrorBoundary
        key={id}
        fallback={(error, retry) => (
          <div role="alert" className="notice notice-error">
            <p>{t('app.sectionError', { message: errorText(error) })}</p>
            <button type="button" onClick={retry}>
              {t('app.retry')}
            </button>
          </div>
        )}
      >
        <Suspense
          fallback={
            <p className="loading" role="status">
              {t('app.loading')}
            </p>
          }
        >
          <Component />
        </Suspense>
      </SectionErrorBoundary>
    </article>
  );
}
