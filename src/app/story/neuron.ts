/** The neuron of the story: fixed inputs, weights the reader moves, the inner product they add up to. */

export const NEURON_INPUTS: readonly number[] = [0.8, -0.5, 0.3, 1];
export const NEURON_WEIGHTS: readonly number[] = [0.5, 0.9, -0.7, 0.4];
export const WEIGHT_RANGE = { min: -1, max: 1, step: 0.1 } as const;

/** wᵢxᵢ for each i. */
export const neuronTerms = (x: readonly number[], w: readonly number[]): number[] =>
  x.map((xi, i) => xi * (w[i] ?? 0));

/** Σᵢ wᵢxᵢ. */
export const neuronSum = (x: readonly number[], w: readonly number[]): number =>
  neuronTerms(x, w).reduce((s, v) => s + v, 0);

/** A slider value as a weight: on the slider's grid, inside its range, never -0. */
export function clampWeight(raw: number): number {
  if (!Number.isFinite(raw)) return 0;
  const { min, max, step } = WEIGHT_RANGE;
  const v = Math.round(Math.min(max, Math.max(min, raw)) / step) * step;
  return Number(v.toFixed(1)) + 0;
}
