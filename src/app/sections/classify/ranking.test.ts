import { describe, expect, it } from 'vitest';
import { CIFAR10_CLASSES, isCifarClasses, softmax, topK } from './ranking';

describe('softmax', () => {
  it('sums to one and keeps the order of the logits', () => {
    const p = softmax([1, 3, 2]);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(p[1]).toBeGreaterThan(p[2]);
    expect(p[2]).toBeGreaterThan(p[0]);
    // e^1 / (e^1 + e^3 + e^2)
    expect(p[0]).toBeCloseTo(Math.E / (Math.E + Math.E ** 3 + Math.E ** 2), 12);
  });
  it('is stable for large logits', () => {
    const p = softmax([1000, 1000]);
    expect(Array.from(p)).toEqual([0.5, 0.5]);
  });
});

describe('topK', () => {
  it('ranks by probability, ties by class order', () => {
    const ranked = topK([0.1, 0.4, 0.1, 0.4], ['a', 'b', 'c', 'd'], 3);
    expect(ranked.map((r) => r.id)).toEqual(['b', 'd', 'a']);
    expect(ranked[0]).toEqual({ index: 1, id: 'b', p: 0.4 });
  });
  it('names classes without a name by index', () => {
    expect(topK([0, 1], ['a'], 1)[0].id).toBe('class 1');
  });
});

describe('isCifarClasses', () => {
  it('recognises the ten CIFAR-10 classes in order only', () => {
    expect(isCifarClasses([...CIFAR10_CLASSES])).toBe(true);
    expect(isCifarClasses([...CIFAR10_CLASSES].reverse())).toBe(false);
    expect(isCifarClasses(['a'])).toBe(false);
  });
});
