import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { DEFAULT_MODEL_ID, useModelStore } from '../model';
import { useBackend } from './BackendContext';
import { canaryVerdict } from './canaryVerdict';
import type { BackendInfo, CanaryState } from './types';

/** The canary of the backend in use; null while a backend starts (or none could). */
const CanaryContext = createContext<CanaryState | null>(null);

interface Outcome {
  /** the backend start it concerns */
  info: BackendInfo;
  state: CanaryState;
}

const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * Runs the golden canary (src/resnext/canary.ts) once on every backend start, when the default model has been
 * built there: the weights download while the backend starts, so the canary waits for the model the store
 * builds, and runs when a section first needs it. A backend beyond tolerance is distrusted and the next one
 * starts (CPU, which nothing comes after, stays with a warning). With another model loaded the canary is
 * 'skipped': its reference logits are the default model's. Goes inside <ModelProvider>.
 */
export function CanaryProvider({ children }: { children: ReactNode }) {
  const backend = useBackend();
  const { distrust } = backend;
  const { status, model, modelId } = useModelStore();
  const info = backend.status === 'ready' ? backend.info : null;
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  /** backend starts the canary has run on (or is running on) */
  const started = useRef(new WeakSet<BackendInfo>());
  /** the model held when each backend start was first seen: built on an earlier backend, never checked here */
  const before = useRef(new WeakMap<BackendInfo, object | null>());

  useEffect(() => {
    if (!info) return;
    if (!before.current.has(info)) before.current.set(info, model);
    if (started.current.has(info) || status !== 'ready' || !model || modelId !== DEFAULT_MODEL_ID) return;
    if (before.current.get(info) === model) return;
    started.current.add(info);
    const settle = (state: CanaryState) => setOutcome({ info, state });
    settle({ status: 'running', backend: info.name });
    (async () => {
      const [tf, { runCanary }] = await Promise.all([
        import('@tensorflow/tfjs-core'),
        import('../../resnext/canary'),
      ]);
      if (tf.getBackend() !== info.name) throw new Error(`${info.name} is no longer the active backend`);
      const result = await runCanary(model);
      const verdict = canaryVerdict(info.name, result);
      console.info(
        `Canary on ${info.name}: max |logit − PyTorch| = ${result.maxAbsDiff.toExponential(1)}, ` +
          `top class ${result.top1Matches ? 'matches' : 'differs'}, ${result.ms.toFixed(1)} ms`,
      );
      settle({ status: verdict.action === 'trust' ? 'passed' : 'failed', backend: info.name, ...result });
      if (verdict.action === 'fall-back') distrust(verdict.attempt);
    })().catch((err: unknown) => settle({ status: 'error', backend: info.name, message: errorText(err) }));
  }, [info, status, model, modelId, distrust]);

  const value = useMemo<CanaryState | null>(() => {
    if (!info) return null;
    if (outcome?.info === info) return outcome.state;
    return { status: modelId === DEFAULT_MODEL_ID ? 'pending' : 'skipped', backend: info.name };
  }, [info, outcome, modelId]);

  return <CanaryContext.Provider value={value}>{children}</CanaryContext.Provider>;
}

/** The canary of the backend in use (null while one starts). */
export function useCanary(): CanaryState | null {
  return useContext(CanaryContext);
}
