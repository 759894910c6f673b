import { describe, expect, it } from 'vitest';
import { wasmThreadCount } from './wasmThreads';

describe('wasmThreadCount', () => {
  it('uses every core up to four, and at least one', () => {
    expect([undefined, 0, 1, 2, 3, 4, 8, 64].map(wasmThreadCount)).toEqual([1, 1, 1, 2, 3, 4, 4, 4]);
  });
});
