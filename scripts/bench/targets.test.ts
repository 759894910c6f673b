import { describe, expect, it } from 'vitest';
import { recordTarget, targetLine } from './targets';

describe('targets', () => {
  it('records the value in its unit and whether it is within the limit', () => {
    expect(recordTarget({ target: 'a ≤ 3 s', v: 2.996, limit: 3, unit: ' s' })).toEqual({
      target: 'a ≤ 3 s',
      value: '3.00 s',
      met: true,
    });
    expect(recordTarget({ target: 'b', v: 400.05, limit: 400, unit: ' KB', digits: 1 })).toEqual({
      target: 'b',
      value: '400.1 KB',
      met: false,
    });
    expect(recordTarget({ target: 'c', v: 0, limit: 0, unit: '', digits: 0 }).met).toBe(true);
  });

  it('records a value the run did not measure as n/a, neither met nor missed', () => {
    expect(recordTarget({ target: 'd', v: undefined, limit: 1, unit: '×' })).toEqual({
      target: 'd',
      value: 'n/a',
      met: null,
    });
  });

  it('prints a single-part run’s target with its mark, or n/a alone', () => {
    expect(targetLine({ target: 'first prediction at 10 Mbit/s ≤ 3 s', v: 7.96, limit: 3, unit: ' s' })).toBe(
      'target: first prediction at 10 Mbit/s ≤ 3 s: 7.96 s ✗',
    );
    expect(targetLine({ target: 'phone: JS ≤ 150 KB', v: 147.9, limit: 150, unit: ' KB' })).toBe(
      'target: phone: JS ≤ 150 KB: 147.90 KB ✓',
    );
    expect(targetLine({ target: 'x', v: undefined, limit: 1, unit: ' s' })).toBe('target: x: n/a');
  });
});
