import { useEffect, useState, type MouseEvent } from 'react';
import { useT } from '../i18n/useT';
import { useAppState } from '../state/AppStateContext';
import { figureAddress } from '../state/locationState';

/** How long "Address copied" stays beside the link. */
const NOTE_MS = 2500;

/**
 * A figure's "link" control: an anchor holding the figure's full address (the state it shows, the language,
 * `#id`). A click copies the address and stays on the page; where the clipboard is unavailable the note says
 * to copy it from the link, which still works as a link (a new tab, the context menu).
 */
export function FigureLink({ id }: { id: string }) {
  const t = useT();
  const [state] = useAppState();
  const [note, setNote] = useState<'copied' | 'failed' | null>(null);
  const href = figureAddress(state, id);

  useEffect(() => {
    if (!note) return;
    const timer = window.setTimeout(() => setNote(null), NOTE_MS);
    return () => window.clearTimeout(timer);
  }, [note]);

  const copy = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
    if (!clipboard?.writeText) {
      setNote('failed');
      return;
    }
    clipboard.writeText(href).then(
      () => setNote('copied'),
      () => setNote('failed'),
    );
  };

  return (
    <span className="app-figure-link-wrap">
      <a
        className="app-figure-link"
        href={href}
        data-figure-link=""
        title={t('figure.linkTitle')}
        onClick={copy}
      >
        {t('figure.link')}
      </a>
      <span className="app-figure-link-note" role="status" data-testid="figure-link-note">
        {note === 'copied' ? t('figure.linkCopied') : note === 'failed' ? t('figure.linkCopyFailed') : ''}
      </span>
    </span>
  );
}
