import { describe, expect, it } from 'vitest';
import type { SafetensorsFile } from '../../resnext/safetensors';
import type { OnProgress } from './modelLoader';
import { WeightDownloads } from './weightDownloads';

/** A fetcher whose downloads finish (or fail) when the test says. */
function controlledFetcher() {
  const calls: {
    id: string;
    onProgress: OnProgress;
    signal: AbortSignal;
    resolve(): void;
    reject(e: Error): void;
  }[] = [];
  const fetchWeights = (id: string, onProgress: OnProgress, signal: AbortSignal) =>
    new Promise<SafetensorsFile>((resolve, reject) => {
      signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      calls.push({
        id,
        onProgress,
        signal,
        resolve: () => resolve({ source: id } as unknown as SafetensorsFile),
        reject,
      });
    });
  return { calls, fetchWeights };
}

describe('WeightDownloads', () => {
  it('joins a download under way instead of starting another', async () => {
    const f = controlledFetcher();
    const d = new WeightDownloads(f.fetchWeights);
    const a = d.get('m');
    const b = d.get('m');
    expect(f.calls).toHaveLength(1);
    f.calls[0].resolve();
    expect(await a).toBe(await b);
    expect(d.isDownloading('m')).toBe(false);
  });

  it('sends progress to the listener of the moment', () => {
    const f = controlledFetcher();
    const d = new WeightDownloads(f.fetchWeights);
    const seen: string[] = [];
    d.listen((l, t) => seen.push(`first ${l}/${t}`));
    void d.get('m');
    f.calls[0].onProgress(10, 100);
    d.listen((l, t) => seen.push(`second ${l}/${t}`));
    f.calls[0].onProgress(50, 100);
    d.listen(null);
    f.calls[0].onProgress(100, 100);
    expect(seen).toEqual(['first 10/100', 'second 50/100']);
  });

  it('forgets a failed download, so the next request starts afresh', async () => {
    const f = controlledFetcher();
    const d = new WeightDownloads(f.fetchWeights);
    const first = d.get('m');
    f.calls[0].reject(new Error('network down'));
    await expect(first).rejects.toThrow('network down');
    expect(d.isDownloading('m')).toBe(false);
    void d.get('m');
    expect(f.calls).toHaveLength(2);
  });

  it('cancels by aborting the request; a later request starts a new one', async () => {
    const f = controlledFetcher();
    const d = new WeightDownloads(f.fetchWeights);
    const first = d.get('m');
    d.cancel('m');
    expect(f.calls[0].signal.aborted).toBe(true);
    await expect(first).rejects.toThrow('aborted');
    void d.get('m');
    expect(f.calls).toHaveLength(2);
    expect(f.calls[1].signal.aborted).toBe(false);
    d.cancel('other');
  });
});
