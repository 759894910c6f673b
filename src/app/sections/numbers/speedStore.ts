import type { SpeedBlock } from './speedBlocks';

export interface SpeedResult {
  block: SpeedBlock;
  /** input side */
  size: number;
  medianMs: number;
  runs: number;
}

export interface SpeedRun {
  /** tfjs backend name, as tf.getBackend() reports it */
  backend: string;
  results: SpeedResult[];
}

/**
 * Results of this visit, one run per backend (a rerun on the same backend replaces it). Module-level so
 * they survive the section unmounting; nothing is persisted.
 */
const runs = new Map<string, SpeedRun>();
let snapshot: readonly SpeedRun[] = [];
const listeners = new Set<() => void>();

export function saveSpeedRun(run: SpeedRun): void {
  runs.set(run.backend, run);
  snapshot = [...runs.values()];
  listeners.forEach((l) => l());
}

export const getSpeedRuns = (): readonly SpeedRun[] => snapshot;

export function subscribeSpeedRuns(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Median time of `block` at `size` in a run, if measured. */
export const medianOf = (run: SpeedRun, block: SpeedBlock, size: number): number | undefined =>
  run.results.find((r) => r.block === block && r.size === size)?.medianMs;
