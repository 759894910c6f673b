import { lazy, Suspense } from 'react';
import { useDocumentLang } from './i18n/useDocumentLang';
import { useT } from './i18n/useT';
import { Header } from './layout/Header';
import { SectionSideContents } from './layout/SectionSideContents';
import { SectionView } from './layout/SectionView';
import { SkipLink } from './layout/SkipLink';
import { useAnchorScroll } from './layout/useAnchorScroll';
import { sectionEntry } from './sectionRegistry';
import { useAppState } from './state/AppStateContext';
import { UpdateNotice } from './layout/UpdateNotice';

/** The guided tour loads when it opens (most readers never do). */
const TourOverlay = lazy(() => import('./tour/TourOverlay').then((m) => ({ default: m.TourOverlay })));

export function App() {
  const t = useT();
  const [{ lang, section, tour }] = useAppState();
  useDocumentLang(lang, `${t(sectionEntry(section).titleKey)} · ${t('app.title')}`);
  useAnchorScroll(section);

  return (
    <>
      <SkipLink />
      <Header />
      <main id="main" tabIndex={-1}>
        <SectionView id={section} />
        <SectionSideContents />
      </main>
      {tour >= 0 && (
        <Suspense fallback={null}>
          <TourOverlay />
        </Suspense>
      )}
      <UpdateNotice />
    </>
  );
}
