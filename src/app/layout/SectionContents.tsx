import { useEffect, useState } from 'react';
import { useDisclosure } from './useDisclosure';
import { useT } from '../i18n/useT';
import { useAppState } from '../state/AppStateContext';
import type { SectionId } from '../state/appState';

/** The long sections, whose figures the header lists. */
const LONG_SECTIONS: readonly SectionId[] = ['overview', 'numbers'];

interface Entry {
  id: string;
  label: string;
}

/** A figure's name: its accessible name, else its first heading or caption. */
function figureName(el: Element): string {
  const named = el.getAttribute('aria-label');
  if (named?.trim()) return named.trim();
  const heading = el.querySelector('h2, h3, h4, figcaption, .numbers-figure-title');
  return heading?.textContent?.trim() || el.id;
}

/** The section's top-level figures, in page order. */
function collect(section: SectionId): Entry[] {
  const body = document.querySelector(`article[data-section="${section}"]`);
  if (!body) return [];
  return [...body.querySelectorAll('[data-figure][id]')]
    .filter((el) => !el.parentElement?.closest('[data-figure]'))
    .map((el) => ({ id: el.id, label: figureName(el) }));
}

const same = (a: Entry[], b: Entry[]) =>
  a.length === b.length && a.every((e, i) => e.id === b[i].id && e.label === b[i].label);

/**
 * The contents of a long section (Overview, Numbers): a menu in the header, which stays on screen, listing
 * the section's figures; choosing one scrolls to it (its `#id` in the address). Escape or a click elsewhere
 * closes it.
 */
export function SectionContents() {
  const t = useT();
  const [{ section, lang }] = useAppState();
  const [entries, setEntries] = useState<Entry[]>([]);
  const { open, setOpen, panelId: listId, root, button } = useDisclosure<HTMLElement>();
  const long = LONG_SECTIONS.includes(section);

  // The figures render after the section (lazily, some after data): the list follows the page.
  useEffect(() => {
    if (!long) return;
    let frame = 0;
    const update = () => {
      frame = 0;
      const next = collect(section);
      setEntries((prev) => (same(prev, next) ? prev : next));
    };
    update();
    const main = document.getElementById('main');
    if (!main) return;
    const observer = new MutationObserver(() => {
      if (!frame) frame = requestAnimationFrame(update);
    });
    observer.observe(main, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [long, section, lang]);

  if (!long || entries.length === 0) return null;
  return (
    <nav
      ref={root}
      className="section-contents"
      aria-label={t('contents.label')}
      data-open={open ? 'true' : undefined}
    >
      <button
        ref={button}
        type="button"
        className="section-contents-toggle"
        aria-expanded={open}
        aria-controls={listId}
        data-testid="section-contents"
        onClick={() => setOpen((o) => !o)}
      >
        <span className="section-contents-icon" aria-hidden="true">
          ☰
        </span>
        <span className="section-contents-text">{t('contents.button')}</span>
      </button>
      <ol id={listId} className="section-contents-list" hidden={!open}>
        {entries.map((e) => (
          <li key={e.id}>
            <a href={`#${encodeURIComponent(e.id)}`} onClick={() => setOpen(false)}>
              {e.label}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
