import { describe, expect, it } from 'vitest';
import { lazyConnection } from './lazyConnection';
import { InferenceWorkerError, type StartOptions } from './protocol';
import { ScriptedWorker } from './scriptedWorker';

const START: [StartOptions] = [{ backend: 'cpu', fault: null }];

describe('lazyConnection', () => {
  it('answers a call made before Comlink has loaded, through the real boundary', async () => {
    const worker = new ScriptedWorker();
    const crashes: InferenceWorkerError[] = [];
    const connection = lazyConnection(worker, (err) => crashes.push(err));
    await expect(connection.call('memory', [], 5_000)).resolves.toEqual({ numTensors: 7, numBytes: 28 });
    await expect(connection.call('start', START, 5_000)).resolves.toMatchObject({ backend: 'cpu' });
    expect(worker.received.map((r) => r.method)).toEqual(['memory', 'start']);
    expect(crashes).toEqual([]);
    connection.stop();
    expect(worker.terminated).toBe(true);
  });

  it('hears the worker fail before the connection is made', () => {
    const worker = new ScriptedWorker();
    const crashes: InferenceWorkerError[] = [];
    lazyConnection(worker, (err) => crashes.push(err));
    worker.onerror?.({ message: 'the script did not load' } as ErrorEvent);
    expect(crashes.map((e) => [e.failure.code, e.message])).toEqual([['crashed', 'the script did not load']]);
  });

  it('stopped before the connection is made: the worker ends and the calls made so far reject', async () => {
    const worker = new ScriptedWorker();
    const connection = lazyConnection(worker, () => {});
    const owed = connection.call('memory', [], 5_000);
    connection.stop();
    expect(worker.terminated).toBe(true);
    expect(worker.onerror).toBeNull();
    await expect(owed).rejects.toMatchObject({ failure: { code: 'crashed' } });
    expect(worker.received).toEqual([]);
  });
});
