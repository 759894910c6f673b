import type { ReactNode } from 'react';
import { useDisclosure } from './useDisclosure';
import { backendLabel } from '../backend/describeBackend';
import { useBackend } from '../backend/BackendContext';
import { useCanary } from '../backend/CanaryContext';
import { useT } from '../i18n/useT';

/** What the chip says at a glance: 'checking' while the correctness check runs, 'warning' when it did not pass. */
type ChipStatus = 'starting' | 'ready' | 'checking' | 'warning' | 'failed';

/**
 * The backend's state as one short chip (a dot and the backend's name, "· checked" once the correctness
 * check passed); its button opens the details (which backend runs and why, the check's result, where the
 * network runs) in a disclosure below it. Escape or a click elsewhere closes it.
 */
export function StatusChip({ children }: { children: ReactNode }) {
  const t = useT();
  const { status, info } = useBackend();
  const canary = useCanary();
  // Escape closes the chip before the phone menu around it
  const { open, setOpen, panelId, root, button } = useDisclosure({ innermost: true });

  let chip: ChipStatus;
  let text: string;
  const name = info ? backendLabel(info, t) : '';
  if (status === 'failed') {
    chip = 'failed';
    text = t('status.failed');
  } else if (status === 'starting' || !info) {
    chip = 'starting';
    text = t('status.starting');
  } else if (canary?.status === 'running') {
    chip = 'checking';
    text = t('status.checking', { backend: name });
  } else if (canary?.status === 'failed' || canary?.status === 'error') {
    chip = 'warning';
    text = t('status.warning', { backend: name });
  } else if (canary?.status === 'passed') {
    chip = 'ready';
    text = t('status.checked', { backend: name });
  } else {
    chip = 'ready';
    text = t('status.ready', { backend: name });
  }

  return (
    <div ref={root} className="status-chip" data-open={open ? 'true' : undefined}>
      <button
        ref={button}
        type="button"
        className="status-chip-button"
        data-testid="status-chip"
        data-status={chip}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="backend-dot" data-status={chip} aria-hidden="true" />
        <span className="status-chip-text">{text}</span>
        <span className="visually-hidden"> — {t('status.details')}</span>
      </button>
      {/* Announces a change of state (a failure, a check that did not pass) while the details are closed. */}
      <span className="visually-hidden" role="status">
        {chip === 'ready' ? '' : text}
      </span>
      <div id={panelId} className="status-chip-panel" hidden={!open}>
        {children}
      </div>
    </div>
  );
}
