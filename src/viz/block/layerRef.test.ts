import { describe, expect, it } from 'vitest';
import { holdsSelection, layerId, parseLayerId } from './layerRef';

describe('layer ids', () => {
  it('parses whole layers and single paths (1-based in the id)', () => {
    expect(parseLayerId('conv1', 32)).toEqual({ conv: 1, branch: null });
    expect(parseLayerId('conv3.5', 32)).toEqual({ conv: 3, branch: 4 });
    expect(parseLayerId('conv2.32', 32)).toEqual({ conv: 2, branch: 31 });
  });

  it('rejects malformed ids and paths the block does not have', () => {
    for (const bad of ['', 'conv4', 'conv1.0', 'conv1.33', 'conv', 'conv1.', 'x.conv1', 'conv1.2.3']) {
      expect(parseLayerId(bad, 32)).toBeNull();
    }
    expect(parseLayerId('conv1.3', 2)).toBeNull();
  });

  it('round-trips', () => {
    for (const id of ['conv1', 'conv2.1', 'conv3.64']) expect(layerId(parseLayerId(id, 64)!)).toBe(id);
  });
});

describe('holdsSelection', () => {
  const sel = parseLayerId('conv3.5', 32);
  it('highlights the same path of the same layer only', () => {
    expect(holdsSelection(sel, { conv: 3, from: 4, to: 5 })).toBe(true);
    expect(holdsSelection(sel, { conv: 3, from: 0, to: 1 })).toBe(false);
    expect(holdsSelection(sel, { conv: 1, from: 4, to: 5 })).toBe(false);
  });
  it('highlights an ellipsis that hides the selected path and a whole-layer element', () => {
    expect(holdsSelection(sel, { conv: 3, from: 2, to: 31 })).toBe(true);
    expect(holdsSelection(sel, { conv: 3, whole: true })).toBe(true);
  });
  it('highlights every path when the whole layer is selected, nothing when none is', () => {
    const whole = parseLayerId('conv2', 32);
    expect(holdsSelection(whole, { conv: 2, from: 31, to: 32 })).toBe(true);
    expect(holdsSelection(null, { conv: 2, from: 0, to: 1 })).toBe(false);
  });
});
