import { describe, expect, it } from 'vitest';
import { clampWeight, neuronSum, neuronTerms, WEIGHT_RANGE } from './neuron';

describe('the neuron', () => {
  it('splits, scales and sums: Σ wᵢxᵢ', () => {
    expect(neuronTerms([1, 2, -3], [0.5, -1, 2])).toEqual([0.5, -2, -6]);
    expect(neuronSum([1, 2, -3], [0.5, -1, 2])).toBe(-7.5);
    expect(neuronSum([0.8, -0.5], [0, 0])).toBe(0);
  });

  it('keeps weights on the slider grid and inside its range', () => {
    expect(clampWeight(0.34)).toBe(0.3);
    expect(clampWeight(-0.06)).toBe(-0.1);
    expect(clampWeight(5)).toBe(WEIGHT_RANGE.max);
    expect(clampWeight(-5)).toBe(WEIGHT_RANGE.min);
    expect(Object.is(clampWeight(-0.01), 0)).toBe(true);
    expect(clampWeight(Number.NaN)).toBe(0);
  });
});
