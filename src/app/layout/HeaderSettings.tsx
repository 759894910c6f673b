import { useDisclosure } from './useDisclosure';
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
  const { open, setOpen, panelId, root, button: toggle } = useDisclosure();

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
