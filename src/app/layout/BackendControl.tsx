import {
  backendDetails,
  backendFailureText,
  backendLabelKey,
  describeBackend,
} from '../backend/describeBackend';
import { useBackend } from '../backend/BackendContext';
import { BACKEND_NAMES } from '../backend/types';
import { useT } from '../i18n/useT';
import type { BackendPreference } from '../state/appState';

/** The backend chooser and a live line saying which backend actually runs, and why. */
export function BackendControl() {
  const t = useT();
  const { status, info, error, preference, setPreference } = useBackend();

  let text: string;
  if (status === 'failed') text = t('backend.failed', { message: backendFailureText(error, t) });
  else if (status === 'starting' || !info) text = t('backend.starting');
  else text = describeBackend(info, t);

  return (
    <div className="backend-control">
      <div className="field">
        <label htmlFor="backend-select">{t('backend.label')}</label>
        <select
          id="backend-select"
          data-testid="backend-select"
          value={preference}
          onChange={(event) => setPreference(event.target.value as BackendPreference)}
        >
          <option value="auto">{t('backend.option.auto')}</option>
          {BACKEND_NAMES.map((name) => (
            <option key={name} value={name}>
              {t(backendLabelKey(name))}
            </option>
          ))}
        </select>
      </div>
      <output
        className="backend-indicator"
        data-testid="backend-indicator"
        data-status={status}
        data-backend={info?.name ?? ''}
        data-reason={info?.reason ?? ''}
        data-software={info?.software ? 'true' : 'false'}
        data-threads={info?.threads ?? ''}
        htmlFor="backend-select"
        aria-live="polite"
        title={info ? backendDetails(info, t) : undefined}
      >
        <span className="backend-dot" data-status={status} aria-hidden="true" />
        {text}
      </output>
    </div>
  );
}
