import { useEffect, type ReactNode } from 'react';
import { useBackend } from '../backend/BackendContext';
import { useCanary } from '../backend/CanaryContext';
import { LAST_RESORT } from '../backend/canaryVerdict';
import { useModelStore } from '../model';
import { inferenceClient } from './inference';
import { useInference } from './useInference';

/**
 * Hands the page's model to the inference worker once a part of the page that uses it is shown (Classify, the
 * step-through: useWantInference) and the page's canary on its backend has passed (or is not run, for another
 * model, or could not run): the worker's start, its checks and its own canary then do not
 * compete with the page's for the processor. A backend that failed the canary is being replaced, so the
 * worker waits for the next one (CPU, the last resort, keeps its worker). Until then the page computes.
 * Goes inside <CanaryProvider>.
 */
export function InferenceGate({ children }: { children: ReactNode }) {
  const { model } = useModelStore();
  const backend = useBackend();
  const name = backend.status === 'ready' ? (backend.info?.name ?? null) : null;
  const canary = useCanary();
  const settled =
    canary !== null &&
    canary.backend === name &&
    (canary.status === 'passed' ||
      canary.status === 'skipped' ||
      canary.status === 'error' ||
      // a failure anywhere but on the last resort starts the next backend: the worker waits for that one
      (canary.status === 'failed' && name === LAST_RESORT));
  const { wanted } = useInference();
  useEffect(() => {
    if (model && settled && name && wanted) inferenceClient().attach(model, name);
  }, [model, settled, name, wanted]);
  return children;
}
