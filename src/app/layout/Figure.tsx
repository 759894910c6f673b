import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useT } from '../i18n/useT';
import { FigureLink } from './FigureLink';

export interface FigureProps {
  /** Stable, linkable id (`?section=…#id`). Unique on the page. */
  id: string;
  /** What the figure shows (`data-figure`): tests, anchors and the tour find figures by it. */
  kind: string;
  className?: string;
  /** Accessible name of the figure when it has no visible caption of its own. */
  label?: string;
  /** Further `data-*` attributes of the root (e.g. a chart's own name for its tests). */
  data?: Readonly<Record<`data-${string}`, string>>;
  children: ReactNode;
}

/** The class on <body> while a figure is presented: the page behind it does not scroll. */
const BODY_CLASS = 'is-presenting-figure';

/**
 * Every figure's root: `<figure id data-figure>` with, in a row above it, a "link" control (FigureLink: copies
 * the figure's address) and a "present" button that shows the figure (and the controls inside it) full-screen;
 * Escape or the button leaves, and the focus stays on the button.
 */
export function Figure({ id, kind, className, label, data, children }: FigureProps) {
  const t = useT();
  const [presenting, setPresenting] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const hintId = useId();
  const toggle = useCallback(() => setPresenting((p) => !p), []);

  useEffect(() => {
    if (!presenting) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      setPresenting(false);
    };
    document.body.classList.add(BODY_CLASS);
    // Capture, so that the Escape leaves the presentation before anything else on the page sees it.
    window.addEventListener('keydown', onKey, true);
    const btn = button.current;
    return () => {
      window.removeEventListener('keydown', onKey, true);
      document.body.classList.remove(BODY_CLASS);
      btn?.focus({ preventScroll: true });
      // Back in the page, the figure is where the reader left it.
      document.getElementById(id)?.scrollIntoView({ block: 'nearest' });
    };
  }, [presenting, id]);

  return (
    <figure
      {...data}
      id={id}
      data-figure={kind}
      data-presenting={presenting ? 'true' : undefined}
      aria-label={label}
      className={['app-figure', className, presenting ? 'is-presenting' : ''].filter(Boolean).join(' ')}
    >
      <div className="app-figure-tools">
        <FigureLink id={id} />
        <button
          ref={button}
          type="button"
          className="app-figure-present"
          aria-pressed={presenting}
          aria-describedby={presenting ? hintId : undefined}
          data-testid="figure-present"
          onClick={toggle}
        >
          {presenting ? t('figure.presentExit') : t('figure.present')}
        </button>
      </div>
      {presenting && (
        <p id={hintId} className="visually-hidden">
          {t('figure.presentHint')}
        </p>
      )}
      {children}
    </figure>
  );
}
