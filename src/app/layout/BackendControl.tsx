import {
  backendDetails,
  backendFailureText,
  backendLabelKey,
  canaryExplanation,
  canarySwitchText,
  describeBackend,
  describeCanary,
} from '../backend/describeBackend';
import { useBackend } from '../backend/BackendContext';
import { useCanary } from '../backend/CanaryContext';
import { BACKEND_NAMES } from '../backend/types';
import { useT } from '../i18n/useT';
import { describeInference } from '../worker/describeInference';
import { useInference } from '../worker/useInference';
import type { BackendPreference } from '../state/appState';
import { StatusChip } from './StatusChip';

/**
 * The backend chooser and a status chip whose details say which backend actually runs, and why, the
 * canary's result on it (its time and difference from PyTorch, or why it has not run), and where the
 * network runs (the inference worker, or the page and why).
 */
export function BackendControl() {
  const t = useT();
  const { status, info, error, preference, setPreference, distrusted } = useBackend();
  const canary = useCanary();
  const inference = useInference();
  const inferenceText = describeInference(inference, t, status === 'ready' && Boolean(info?.software));

  let text: string;
  if (status === 'failed') text = t('backend.failed', { message: backendFailureText(error, t) });
  else if (status === 'starting' && info && distrusted.some((a) => a.name === info.name))
    text = canarySwitchText(info.name, distrusted, t);
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
      {/* The lines behind the status chip: the backend and why, its details, the canary, the worker. */}
      <StatusChip>
        <div className="backend-status">
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
          {status === 'ready' && info && (
            <p className="backend-canary backend-details" data-testid="backend-details">
              {backendDetails(info, t)}
            </p>
          )}
          {status === 'ready' && canary && (
            <p
              className="backend-canary"
              data-testid="backend-canary"
              data-status={canary.status}
              data-backend={canary.backend}
              data-ms={canary.ms?.toFixed(1) ?? ''}
              data-max-abs-diff={canary.maxAbsDiff ?? ''}
              data-top1-matches={canary.top1Matches === undefined ? '' : String(canary.top1Matches)}
              title={canaryExplanation(t)}
            >
              {describeCanary(canary, t)}
            </p>
          )}
          {status === 'ready' && inferenceText && (
            <p
              className="backend-canary backend-inference"
              data-testid="inference-site"
              data-phase={inference.phase}
              data-backend={inference.backend ?? ''}
              data-failure={inference.failure?.code ?? ''}
              title={t('inference.explain')}
            >
              {inferenceText}
            </p>
          )}
        </div>
      </StatusChip>
    </div>
  );
}
