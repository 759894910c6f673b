import { useEffect, useState } from 'react';
import { useBackend } from '../../backend/BackendContext';
import type { ProofPlan } from '../../../resnext/budget';
import { proofPlanFor } from '../../../resnext/budgetViews';
import type { BlockConfig } from '../../block/blockConfig';
import { errorMessage, type ErrorMessage } from '../../errors/errorMessage';
import type { ProofResult, ProofSource } from './proofRunner';

export type ProofState =
  | { status: 'waiting' }
  | { status: 'running' }
  | { status: 'done'; result: ProofResult }
  | { status: 'error'; error: ErrorMessage };

/** Seed of the first run's random weights and input, so a reader can reproduce the numbers; each rerun adds 1. */
export const PROOF_SEED = 1;
/** Timed runs per form (after one warm-up run); fewer on the plain-JavaScript backend, which is slow. */
const proofRuns = (backend: string | null): number => (backend === 'cpu' ? 3 : 5);
const DEBOUNCE_MS = 350;

/**
 * The random-weights proof for the current block, planned within the tensor budget before anything is
 * allocated: the block itself, or fewer paths / a smaller input (plan.reduced), or nothing (plan.refused).
 */
export function randomProofSource(
  cfg: BlockConfig,
  backend: string | null,
  seed: number = PROOF_SEED,
): { source: Extract<ProofSource, { kind: 'random' }>; plan: ProofPlan } {
  // the stage's d for the network d, as blockConfig derived it (keepComplexity is already applied)
  const plan = proofPlanFor({
    stage: cfg.stage.id,
    cardinality: cfg.cardinality,
    d: cfg.networkD,
    keepComplexity: false,
    backend,
  });
  const { inChannels, outChannels, cardinality, d, spatial } = plan.block;
  return { source: { kind: 'random', inChannels, outChannels, cardinality, d, spatial, seed }, plan };
}

/**
 * Runs the proof for `source` whenever it or the backend changes (debounced), and again when `nonce` changes.
 * A run that is overtaken or unmounted is cancelled and frees its tensors.
 */
export function useFormsProof(
  source: ProofSource,
  sourceKey: string,
  nonce: number,
  refusal: ErrorMessage | null = null,
): ProofState {
  const backend = useBackend();
  const ready = backend.status === 'ready';
  const backendName = backend.info?.name ?? null;
  const [state, setState] = useState<ProofState>({ status: 'waiting' });

  useEffect(() => {
    if (!ready) {
      setState({ status: 'waiting' });
      return;
    }
    if (refusal) {
      setState({ status: 'error', error: refusal });
      return;
    }
    let cancelled = false;
    setState({ status: 'running' });
    const timer = setTimeout(() => {
      import('./proofRunner')
        .then(({ runProof }) => runProof(source, proofRuns(backendName), () => cancelled))
        .then(
          (result) => {
            if (!cancelled && result) setState({ status: 'done', result });
          },
          (err: unknown) => {
            if (!cancelled) setState({ status: 'error', error: errorMessage(err) });
          },
        );
    }, DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
    // sourceKey stands for the source's content; the object itself may be rebuilt on each render
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sourceKey, ready, backendName, nonce, refusal?.key]);

  return state;
}
