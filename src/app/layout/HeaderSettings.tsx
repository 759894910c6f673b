import { useEffect, useId, useRef, useState } from 'react';
import { useBackend } from '../backend/BackendContext';
import { useT } from '../i18n/useT';
import { BackendControl } from './BackendControl';
import { LanguageSwitch } from './LanguageSwitch';

/**
 * The language and the compute backend. On wide screens they sit in the header; on phones they fold into a
 * compact menu behind one button (a disclosure: Escape or a click elsewhere closes it), whose dot still
 * says whether the backend runs.
 */
export function HeaderSettings() {
  const t = useT();
  const { status } = useBackend();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      setOpen(false);
      toggle.current?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      if (e.target instanceof Node && !root.current?.contains(e.target)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return (
    <div ref={root} className="header-settings" data-open={open ? 'true' : undefined}>
      <button
        ref={toggle}
        type="button"
        className="header-settings-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        data-testid="header-settings-toggle"
        onClick={() => setOpen((o) => !o)}
      >
        <span className="header-settings-icon" aria-hidden="true">
          ⚙
        </span>
        <span className="backend-dot" data-status={status} aria-hidden="true" />
        <span className="visually-hidden">{t('header.settings')}</span>
      </button>
      <div id={panelId} className="header-settings-panel">
        <LanguageSwitch />
        <BackendControl />
      </div>
    </div>
  );
}
