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
 * model, or could not run): the worker's start, its checks and its own canary then do not compete with the
 * page's for the processor. A backend that failed the canary is being replaced, so the worker waits for the next
 * one (CPU, the last resort, keeps its worker). Until then the page computes, and always on a GPU backend that
 * runs on a software renderer. Goes inside <CanaryProvider>.
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
  // A GPU backend on a software renderer computes in the browser's GPU process, off the page's main thread
  // already; a second context in the worker would only double the emulation's work on the same processors.
  const software = backend.status === 'ready' && Boolean(backend.info?.software);
  useEffect(() => {
    if (software) inferenceClient().close();
    else if (model && settled && name && wanted) inferenceClient().attach(model, name);
  }, [model, settled, name, wanted, software]);
  return children;
}
