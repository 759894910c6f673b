import type { MessageKey, Params } from '../../i18n';
import { backendLabelKey, formatLogitDiff } from '../backend/describeBackend';
import type { InferenceState } from './inferenceClient';

type Translate = (key: MessageKey, params?: Params) => string;

/**
 * Where the network runs, and, when the worker cannot be used, why; null before the worker is first needed.
 */
export function describeInference(
  state: Pick<InferenceState, 'phase' | 'backend' | 'failure'>,
  t: Translate,
  /** the page's backend is a GPU one on a software renderer: no worker is started (InferenceGate.tsx) */
  software = false,
): string | null {
  switch (state.phase) {
    case 'off':
      return software ? t('inference.software') : null;
    case 'starting':
      return t('inference.starting');
    case 'ready':
      return t('inference.ready');
    case 'failed': {
      const failure = state.failure ?? { code: 'crashed' as const, message: '' };
      const backend = state.backend ? t(backendLabelKey(state.backend)) : '';
      const reason =
        failure.code === 'canary'
          ? t('inference.failed.canary', { diff: formatLogitDiff(failure.maxAbsDiff ?? NaN) })
          : failure.code === 'timeout'
            ? t('inference.failed.timeout', { seconds: failure.seconds ?? NaN })
            : t(`inference.failed.${failure.code}`, { backend });
      return t('inference.failed', { reason });
    }
  }
}
