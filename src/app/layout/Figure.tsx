import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useT } from '../i18n/useT';

export interface FigureProps {
  /** Stable, linkable id (`?section=…#id`). Unique on the page. */
  id: string;
  /** What the figure shows (`data-figure`): tests, anchors and the tour find figures by it. */
  kind: string;
  className?: string;
  /** Accessible name of the figure when it has no visible caption of its own. */
  label?: string;
  children: ReactNode;
}

/**
 * Every figure's root: `<figure id data-figure>` with a "present" button that shows the figure (and the
 * controls inside it) full-screen; Escape or the button leaves.
 */
export function Figure({ id, kind, className, label, children }: FigureProps) {
  const t = useT();
  const [presenting, setPresenting] = useState(false);
  const toggle = useCallback(() => setPresenting((p) => !p), []);

  useEffect(() => {
    if (!presenting) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setPresenting(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [presenting]);

  return (
    <figure
      id={id}
      data-figure={kind}
      data-presenting={presenting ? 'true' : undefined}
      aria-label={label}
      className={['app-figure', className, presenting ? 'is-presenting' : ''].filter(Boolean).join(' ')}
    >
      <button type="button" className="app-figure-present" aria-pressed={presenting} onClick={toggle}>
        {presenting ? t('figure.presentExit') : t('figure.present')}
      </button>
      {children}
    </figure>
  );
}
