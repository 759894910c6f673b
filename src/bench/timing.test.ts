import { describe, expect, it } from 'vitest';
import { median, timeIt, timePair } from './timing';

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('timeIt', () => {
  it('runs warm-up plus the wanted runs when they fit the budget', async () => {
    let calls = 0;
    const t = await timeIt(async () => void calls++, { warmup: 2, runs: 7, minRuns: 3, budgetMs: 60_000 });
    expect(calls).toBe(9);
    expect(t.runs).toBe(7);
    expect(t.medianMs).toBeGreaterThanOrEqual(t.minMs);
  });

  it('cuts runs to the budget but never below minRuns', async () => {
    let calls = 0;
    const slow = async (): Promise<void> => {
      calls++;
      await new Promise((r) => setTimeout(r, 20));
    };
    const t = await timeIt(slow, { warmup: 1, runs: 50, minRuns: 2, budgetMs: 1 });
    expect(t.runs).toBe(2);
    expect(calls).toBe(3);
  });
});

describe('timePair', () => {
  it('alternates the two contenders, swapping which goes first, and times each separately', async () => {
    const calls: string[] = [];
    const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const [a, b] = await timePair(
      async () => {
        calls.push('a');
        await wait(1);
      },
      async () => {
        calls.push('b');
        await wait(25);
      },
      { warmup: 1, runs: 4, minRuns: 1, budgetMs: 60_000 },
    );
    expect(calls.join('')).toBe('ab' + 'ab' + 'ba' + 'ab' + 'ba');
    expect(a.runs).toBe(4);
    expect(b.runs).toBe(4);
    expect(b.medianMs).toBeGreaterThan(a.medianMs);
  });
});
