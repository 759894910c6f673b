import { useT } from '../i18n/useT';
import { HeaderSettings } from './HeaderSettings';
import { SectionContents } from './SectionContents';
import { SectionNav } from './SectionNav';
import { TourButton } from '../tour/TourButton';

export function Header() {
  const t = useT();
  return (
    <header className="site-header">
      <div className="brand">
        <img src={`${import.meta.env.BASE_URL}favicon.svg`} alt="" width="32" height="32" />
        <div>
          <p className="brand-title">{t('app.title')}</p>
          <p className="brand-tagline">{t('app.tagline')}</p>
        </div>
      </div>
      <SectionNav />
      <SectionContents />
      <div className="header-controls">
        <TourButton />
        <HeaderSettings />
      </div>
    </header>
  );
}
