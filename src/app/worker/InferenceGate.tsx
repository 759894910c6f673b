import { useEffect, type ReactNode } from 'react';
import { useCanary } from '../backend/CanaryContext';
import { useModelStore } from '../model';
import { inferenceClient } from './inference';

/**
 * Hands the page's model to the inference worker once the page's canary on its backend has settled (or is not
 * run, for another model): the worker's start, its checks and its own canary then do not compete with the
 * page's for the processor. Until then the page computes. Goes inside <CanaryProvider>.
 */
export function InferenceGate({ children }: { children: ReactNode }) {
  const { model } = useModelStore();
  const canary = useCanary();
  const settled = canary !== null && canary.status !== 'pending' && canary.status !== 'running';
  useEffect(() => {
    if (model && settled) inferenceClient().attach(model);
  }, [model, settled]);
  return children;
}
