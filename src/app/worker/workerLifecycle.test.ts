/** The worker's generations on the page: what a generation that has ended owes or answers changes nothing. */
import { describe, expect, it } from 'vitest';
import { InferenceStateStore } from './inferenceState';
import { InferenceWorkerError } from './protocol';
import { ScriptedWorker } from './scriptedWorker';
import { WorkerLifecycle } from './workerLifecycle';

function lifecycle(...workers: ScriptedWorker[]) {
  const store = new InferenceStateStore();
  const phases: string[] = [];
  store.subscribe(() => {
    if (phases.at(-1) !== store.getState().phase) phases.push(store.getState().phase);
  });
  let spawned = 0;
  const spawn = () => {
    const w = workers[spawned++];
    if (!w) throw new Error('no worker here');
    return w;
  };
  const life = new WorkerLifecycle(spawn, store, () => ({ fault: null }));
  return { life, store, phases };
}

const crashed = (message: string) => new InferenceWorkerError({ code: 'crashed', message });

describe('the worker lifecycle', () => {
  it('starts a worker on a backend: starting, then its threads and start time', async () => {
    const worker = new ScriptedWorker();
    const { life, store, phases } = lifecycle(worker);
    life.start('wasm');
    expect(store.getState()).toMatchObject({ phase: 'starting', backend: 'wasm' });
    expect(await life.started).toBe(true);
    expect(worker.received).toEqual([{ method: 'start', args: [{ backend: 'wasm', fault: null }] }]);
    expect(phases).toEqual(['starting']);
    expect(life.running).toBe(true);
  });

  it('fails when no worker can be made, with the reason', async () => {
    const { life, store, phases } = lifecycle();
    life.start('webgl');
    expect(await life.started).toBe(false);
    expect(store.getState()).toMatchObject({
      phase: 'failed',
      backend: 'webgl',
      failure: { code: 'crashed', message: 'no worker here' },
    });
    expect(phases).toEqual(['starting', 'failed']);
  });

  it('a new start ends the generation: its owed calls reject at once, its failures are ignored', async () => {
    const old = new ScriptedWorker((m) => (m === 'memory' ? 'hang' : null));
    const next = new ScriptedWorker();
    const { life, store } = lifecycle(old, next);
    life.start('webgpu');
    await life.started;
    const first = life.generation;
    const owed = life.call(first, 'memory', [], 60_000);
    life.start('wasm');
    expect(old.terminated).toBe(true);
    await expect(owed).rejects.toMatchObject({ failure: { code: 'crashed' } });
    // a late failure of the old generation changes nothing
    life.fail(crashed('late'), first);
    expect(store.getState()).toMatchObject({ phase: 'starting', backend: 'wasm', failure: null });
    await expect(life.call(first, 'memory', [], 1000)).rejects.toMatchObject({
      failure: { code: 'crashed' },
    });
    expect(await life.call(life.generation, 'memory', [], 1000)).toEqual({ numTensors: 7, numBytes: 28 });
    expect(next.methods()).toEqual(['start', 'memory']);
  });

  it('a failure of the current generation is final: the worker is terminated, the first reason kept', async () => {
    const worker = new ScriptedWorker();
    const { life, store } = lifecycle(worker);
    life.start('wasm');
    await life.started;
    const generation = life.generation;
    life.fail(crashed('first'), generation);
    life.fail(crashed('second'), generation);
    expect(worker.terminated).toBe(true);
    expect(life.running).toBe(false);
    expect(store.getState()).toMatchObject({ phase: 'failed', failure: { message: 'first' } });
    expect(await life.attempt(generation, 'memory', [], 1000)).toBeNull();
  });
});
