/** The worker's side of the boundary: calls in turn, buffers handed over, the browser tests' hang. */
import { wrap } from 'comlink';
import { describe, expect, it } from 'vitest';
import { installErrorTransfer } from './errorTransfer';
import { memoryChannel } from './memoryChannel';
import type { InferenceApi } from './protocol';
import { serveInference } from './serveInference';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A service whose calls end when the test says, recording when each starts and ends. */
function served() {
  const log: string[] = [];
  const ends: (() => void)[] = [];
  const step = <T>(name: string, value: T) =>
    new Promise<T>((resolve) => {
      log.push(`${name}…`);
      ends.push(() => {
        log.push(`…${name}`);
        resolve(value);
      });
    });
  const service: Pick<InferenceApi, 'start' | 'classify' | 'memory'> = {
    start: ({ backend }) => step('start', { backend, groupedConvKernel: true }),
    classify: () => step('classify', { logits: new Float32Array(2), ms: 1 }),
    memory: () => step('memory', { numTensors: 0, numBytes: 0 }),
  };
  const [page, worker] = memoryChannel();
  serveInference(service as InferenceApi, worker);
  installErrorTransfer();
  return { remote: wrap<InferenceApi>(page), log, ends };
}

describe('serveInference', () => {
  it('runs one call at a time, in the order they came', async () => {
    const { remote, log, ends } = served();
    const start = remote.start({ backend: 'wasm', fault: null });
    const memory = remote.memory();
    await settle();
    expect(log).toEqual(['start…']);
    ends[0]();
    await start;
    await settle();
    expect(log).toEqual(['start…', '…start', 'memory…']);
    ends[1]();
    expect(await memory).toEqual({ numTensors: 0, numBytes: 0 });
  });

  it('asked to hang (browser tests), never answers a classification, nor anything after it', async () => {
    const { remote, log, ends } = served();
    const start = remote.start({ backend: 'wasm', fault: null, hang: true });
    await settle();
    ends[0]();
    await start;
    let answered = false;
    void remote
      .classify(1, { values: new Float32Array(3), shape: [1, 1, 1, 3] })
      .then(() => (answered = true));
    void remote.memory().then(() => (answered = true));
    await settle();
    await settle();
    expect(log).toEqual(['start…', '…start']);
    expect(answered).toBe(false);
  });
});
