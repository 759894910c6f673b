import { useEffect, useState } from 'react';
import { useBackend } from '../../backend/BackendContext';
import type { BlockConfig } from '../../block/blockConfig';
import type { ProofResult, ProofSource } from './proofRunner';

export type ProofState =
  | { status: 'waiting' }
  | { status: 'running' }
  | { status: 'done'; result: ProofResult }
  | { status: 'error'; message: string };

/** Seed of the random weights and input, so a reader can reproduce the numbers. */
export const PROOF_SEED = 1;
/** Timed runs per form (after one warm-up run); fewer on the plain-JavaScript backend, which is slow. */
export const proofRuns = (backend: string | null): number => (backend === 'cpu' ? 3 : 5);
/**
 * Largest input side the proof uses, so it stays quick: the plain-JavaScript backend computes on the page's
 * main thread, so it gets a smaller input.
 */
export const proofMaxSide = (backend: string | null): number => (backend === 'cpu' ? 16 : 32);
const DEBOUNCE_MS = 350;

/** The random-weights proof for the current block. */
export function randomProofSource(
  cfg: BlockConfig,
  backend: string | null,
): Extract<ProofSource, { kind: 'random' }> {
  return {
    kind: 'random',
    inChannels: cfg.stage.inChannels,
    outChannels: cfg.stage.outChannels,
    cardinality: cfg.cardinality,
    d: cfg.d,
    spatial: Math.min(cfg.stage.spatial, proofMaxSide(backend)),
    seed: PROOF_SEED,
  };
}

/**
 * Runs the proof for `source` whenever it or the backend changes (debounced), and again when `nonce` changes.
 * A run that is overtaken or unmounted is cancelled and frees its tensors.
 */
export function useFormsProof(source: ProofSource, sourceKey: string, nonce: number): ProofState {
  const backend = useBackend();
  const ready = backend.status === 'ready';
  const backendName = backend.info?.name ?? null;
  const [state, setState] = useState<ProofState>({ status: 'waiting' });

  useEffect(() => {
    if (!ready) {
      setState({ status: 'waiting' });
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
            if (!cancelled)
              setState({ status: 'error', message: err instanceof Error ? err.message : String(err) });
          },
        );
    }, DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
    // sourceKey stands for the source's content; the object itself may be rebuilt on each render
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sourceKey, ready, backendName, nonce]);

  return state;
}
