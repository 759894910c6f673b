import type { MouseEvent } from 'react';
import { useT } from '../i18n/useT';
import { sectionEntries } from '../sectionRegistry';
import { useAppState } from '../state/AppStateContext';
import { stateHref } from '../state/locationState';
import type { SectionId } from '../state/appState';

/** Links to the five sections; real hrefs, so they also open in a new tab. */
export function SectionNav() {
  const t = useT();
  const [state, update] = useAppState();

  const go = (event: MouseEvent<HTMLAnchorElement>, section: SectionId) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    update({ section });
    document.getElementById('main')?.focus({ preventScroll: true });
    window.scrollTo({ top: 0 });
  };

  return (
    <nav className="section-nav" aria-label={t('nav.label')}>
      <ul>
        {sectionEntries.map(({ id, navKey }) => (
          <li key={id}>
            <a
              href={stateHref({ ...state, section: id })}
              aria-current={state.section === id ? 'page' : undefined}
              data-section={id}
              onClick={(event) => go(event, id)}
            >
              {t(navKey)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
