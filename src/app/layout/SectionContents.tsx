import { ContentsList } from './ContentsList';
import { useDisclosure } from './useDisclosure';
import { useSectionContents } from './useSectionContents';
import { useT } from '../i18n/useT';
import { useAppState } from '../state/AppStateContext';
import './sectionContents.css';

/**
 * The contents of a long section (Overview, Numbers) as a menu in the header, which stays on screen: the
 * section's figures, under its parts where it has them; choosing one scrolls to it (its `#id` in the address).
 * Escape or a click elsewhere closes it. On wide screens the side column (SectionSideContents) replaces it.
 */
export function SectionContents() {
  const t = useT();
  const [{ section, lang }] = useAppState();
  const { long, groups } = useSectionContents(section, lang);
  const { open, setOpen, panelId: listId, root, button } = useDisclosure<HTMLElement>();

  if (!long || groups.length === 0) return null;
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
      <ContentsList
        groups={groups}
        id={listId}
        className="section-contents-list"
        hidden={!open}
        onChoose={() => setOpen(false)}
      />
    </nav>
  );
}
