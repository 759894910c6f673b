import { useDocumentLang } from './i18n/useDocumentLang';
import { useT } from './i18n/useT';
import { Header } from './layout/Header';
import { SectionView } from './layout/SectionView';
import { SkipLink } from './layout/SkipLink';
import { useAnchorScroll } from './layout/useAnchorScroll';
import { sectionEntry } from './sectionRegistry';
import { useAppState } from './state/AppStateContext';
import { TourOverlay } from './tour/TourOverlay';
import { UpdateNotice } from './layout/UpdateNotice';

export function App() {
  const t = useT();
  const [{ lang, section }] = useAppState();
  useDocumentLang(lang, `${t(sectionEntry(section).titleKey)} · ${t('app.title')}`);
  useAnchorScroll(section);

  return (
    <>
      <SkipLink />
      <Header />
      <main id="main" tabIndex={-1}>
        <SectionView id={section} />
      </main>
      <TourOverlay />
      <UpdateNotice />
    </>
  );
}
