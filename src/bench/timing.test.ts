import { describe, expect, it, vi } from 'vitest';
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

  it('pauses after every run, outside the timed part, and stops when the pause throws', async () => {
    // a clock that a run moves by 1 ms and a pause by 100 ms
    let clock = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => clock);
    const events: string[] = [];
    try {
      const t = await timeIt(
        async () => {
          events.push('run');
          clock += 1;
        },
        {
          warmup: 1,
          runs: 2,
          minRuns: 1,
          budgetMs: 60_000,
          pause: async () => {
            events.push('pause');
            clock += 100;
          },
        },
      );
      expect(events.join(' ')).toBe('run pause run pause run pause');
      expect(t.medianMs).toBe(1);
    } finally {
      now.mockRestore();
    }
    let runs = 0;
    const stopped = timeIt(async () => void runs++, {
      warmup: 1,
      runs: 5,
      minRuns: 5,
      budgetMs: 60_000,
      pause: async () => {
        if (runs === 2) throw new Error('stopped');
      },
    });
    await expect(stopped).rejects.toThrow('stopped');
    expect(runs).toBe(2);
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
