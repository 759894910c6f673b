/**
 * The page's side of the inference worker against a scripted worker behind the real Comlink boundary: when it
 * answers, when the page must compute instead (null), and that a failure stops the worker for good on that
 * backend.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SafetensorsFile } from '../../resnext/safetensors';
import { InferenceClient } from './inferenceClient';
import type { InferenceFailure, TensorData } from './protocol';
import { REQUEST_FLOOR_MS, requestTimeoutMs, SLOW_REQUEST_MS } from './requestTimeout';
import { ScriptedWorker } from './scriptedWorker';

const file: SafetensorsFile = { source: 'test.safetensors', metadata: {}, tensors: new Map() };
const input: TensorData = { values: new Float32Array([1, 2, 3]), shape: [1, 1, 1, 3] };
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function clientWith(...workers: ScriptedWorker[]) {
  const spawned: ScriptedWorker[] = [];
  const client = new InferenceClient(
    () => {
      const w = workers[spawned.length];
      if (!w) throw new Error('no more workers');
      spawned.push(w);
      return w;
    },
    () => null,
    () => false,
  );
  return { client, spawned };
}

/** A worker that answers until `method` comes, then never again (a driver hang). */
const hangingOn = (method: string) => {
  let hung = false;
  return new ScriptedWorker((m) => {
    hung ||= m === method;
    return hung ? 'hang' : null;
  });
};

describe('the inference client', () => {
  it('without workers, answers nothing: the page computes', async () => {
    const client = new InferenceClient(null);
    const model = {};
    client.offer(model, file, 'wasm', true);
    client.attach(model, 'wasm');
    expect(client.has(model)).toBe(false);
    expect(await client.classify(model, input)).toBeNull();
    expect(client.getState().phase).toBe('off');
    expect(await client.memory()).toBeNull();
  });

  it('says whether a part of the page wants the worker, counting each one once', () => {
    const { client } = clientWith();
    expect(client.getState().wanted).toBe(false);
    const classify = client.want();
    const step = client.want();
    expect(client.getState().wanted).toBe(true);
    classify();
    classify();
    expect(client.getState().wanted).toBe(true);
    step();
    expect(client.getState().wanted).toBe(false);
  });

  it('starts nothing for an offer until it is attached, and nothing for a model never offered', async () => {
    const worker = new ScriptedWorker();
    const { client, spawned } = clientWith(worker);
    const model = {};
    client.attach(model, 'wasm');
    client.offer(model, file, 'wasm', true);
    expect(spawned).toHaveLength(0);
    expect(client.has(model)).toBe(false);
    expect(await client.classify(model, input)).toBeNull();
    // Disposed before its turn: the offer goes with it.
    client.detach(model);
    client.attach(model, 'wasm');
    expect(spawned).toHaveLength(0);
    const next = {};
    client.offer(next, file, 'wasm', false);
    // Built on a backend the page no longer runs: not loaded.
    client.attach(next, 'cpu');
    expect(spawned).toHaveLength(0);
    client.attach(next, 'wasm');
    client.attach(next, 'wasm');
    expect(await client.classify(next, input)).not.toBeNull();
    expect(worker.methods()).toEqual(['start', 'load', 'classify']);
  });

  it('starts the page’s backend in the worker, loads the model, then answers for it: off, starting, ready', async () => {
    const worker = new ScriptedWorker();
    worker.loadResult = { canary: { maxAbsDiff: 1e-6, top1Matches: true, ms: 40 } };
    const { client } = clientWith(worker);
    const seen: string[] = [client.getState().phase];
    client.subscribe(() => {
      if (seen.at(-1) !== client.getState().phase) seen.push(client.getState().phase);
    });
    const model = {};
    client.offer(model, file, 'webgl', true);
    client.attach(model, 'webgl');
    expect(client.getState()).toMatchObject({ phase: 'starting', backend: 'webgl' });
    expect(client.has(model)).toBe(true);
    expect(await client.classify(model, input)).toEqual({ logits: new Float32Array([0.5]), ms: 3 });
    expect(seen).toEqual(['off', 'starting', 'ready']);
    expect(client.getState()).toMatchObject({ canary: { ms: 40 }, failure: null });
    expect(worker.methods()).toEqual(['start', 'load', 'classify']);
    expect(worker.received[0].args).toEqual([{ backend: 'webgl', fault: null }]);
    expect(worker.received[1].args).toMatchObject([expect.any(Number), { source: 'test.safetensors' }, true]);
    expect(await client.blockInput({}, input, 'layer1.0')).toBeNull();
    expect(await client.blockInput(model, input, 'layer1.0')).toEqual(input);
    expect(client.answered()).toEqual({ classify: 1, blockInput: 1 });
    expect(await client.memory()).toEqual({ numTensors: 7, numBytes: 28 });
  });

  it('a failed canary stops the worker for good on that backend; another backend gets a new worker', async () => {
    const canary: InferenceFailure = {
      code: 'canary',
      message: 'max |logit − PyTorch| = 0.3',
      maxAbsDiff: 0.3,
    };
    const broken = new ScriptedWorker((m) => (m === 'load' ? canary : null));
    const next = new ScriptedWorker();
    const { client, spawned } = clientWith(broken, next);
    const seen: string[] = [];
    client.subscribe(() => {
      if (seen.at(-1) !== client.getState().phase) seen.push(client.getState().phase);
    });
    const model = {};
    client.offer(model, file, 'wasm', true);
    client.attach(model, 'wasm');
    expect(await client.classify(model, input)).toBeNull();
    expect(seen).toEqual(['starting', 'failed']);
    // the failure arrives with its code and figures, through the boundary
    expect(client.getState()).toMatchObject({ phase: 'failed', backend: 'wasm', failure: canary });
    expect(broken.terminated).toBe(true);
    expect(client.has(model)).toBe(false);
    expect(await client.memory()).toBeNull();
    // The next model on the same backend stays on the page.
    const again = {};
    client.offer(again, file, 'wasm', true);
    client.attach(again, 'wasm');
    expect(spawned).toHaveLength(1);
    expect(await client.classify(again, input)).toBeNull();
    // Another backend: a new worker.
    const onCpu = {};
    client.offer(onCpu, file, 'cpu', true);
    client.attach(onCpu, 'cpu');
    expect(spawned).toHaveLength(2);
    expect(await client.classify(onCpu, input)).not.toBeNull();
    expect(client.getState()).toMatchObject({ phase: 'ready', backend: 'cpu', failure: null });
  });

  it('an error thrown in the worker arrives as code "error" with its message', async () => {
    const worker = new ScriptedWorker();
    const { client } = clientWith(worker);
    const model = {};
    client.offer(model, file, 'wasm', false);
    client.attach(model, 'wasm');
    expect(await client.classify(model, input)).not.toBeNull();
    worker.script = (m) => (m === 'classify' ? Promise.reject(new RangeError('out of memory')) : null);
    expect(await client.classify(model, input)).toBeNull();
    expect(client.getState().failure).toEqual({ code: 'error', message: 'out of memory' });
  });

  it('a backend change replaces the worker, and models of the old one are no longer answered for', async () => {
    const first = new ScriptedWorker();
    const second = new ScriptedWorker();
    const { client } = clientWith(first, second);
    const old = {};
    client.offer(old, file, 'webgpu', true);
    client.attach(old, 'webgpu');
    expect(await client.classify(old, input)).not.toBeNull();
    const model = {};
    client.offer(model, file, 'wasm', false);
    client.attach(model, 'wasm');
    expect(first.terminated).toBe(true);
    expect(client.has(old)).toBe(false);
    expect(await client.classify(old, input)).toBeNull();
    expect(await client.classify(model, input)).not.toBeNull();
    expect(second.received[1]).toMatchObject({ method: 'load', args: [expect.any(Number), file, false] });
  });

  it('ignores what a replaced worker still owed: its failure does not fail the next one', async () => {
    // the first worker never finishes loading; the backend changes meanwhile
    const slow = hangingOn('load');
    const next = new ScriptedWorker();
    const { client } = clientWith(slow, next);
    const old = {};
    client.offer(old, file, 'webgl', true);
    client.attach(old, 'webgl');
    const oldAnswer = client.classify(old, input);
    await settle();
    expect(slow.methods()).toEqual(['start', 'load']);
    const model = {};
    client.offer(model, file, 'wasm', true);
    client.attach(model, 'wasm');
    // the old load is cut off ('crashed', the worker was stopped) and its classification comes back null…
    expect(await oldAnswer).toBeNull();
    expect(slow.terminated).toBe(true);
    // …but that was another generation: the new worker is not given up on
    expect(client.getState()).toMatchObject({ backend: 'wasm', failure: null });
    expect(await client.classify(model, input)).not.toBeNull();
    expect(client.getState().phase).toBe('ready');
  });

  it('detach unloads the model in the worker', async () => {
    const worker = new ScriptedWorker();
    const { client } = clientWith(worker);
    const model = {};
    client.offer(model, file, 'wasm', true);
    client.attach(model, 'wasm');
    await client.classify(model, input);
    client.detach(model);
    await settle();
    expect(worker.received.at(-1)).toEqual({ method: 'unload', args: [worker.received[1].args[0]] });
    expect(client.has(model)).toBe(false);
    expect(await client.classify(model, input)).toBeNull();
  });

  it('close terminates the worker and goes back to off; the next model starts a new one', async () => {
    const first = new ScriptedWorker();
    const second = new ScriptedWorker();
    const { client } = clientWith(first, second);
    const stop = client.want();
    const model = {};
    client.offer(model, file, 'wasm', true);
    client.attach(model, 'wasm');
    await client.classify(model, input);
    client.close();
    expect(first.terminated).toBe(true);
    expect(client.getState()).toEqual({ phase: 'off', wanted: true, backend: null, failure: null });
    expect(await client.classify(model, input)).toBeNull();
    const next = {};
    client.offer(next, file, 'wasm', true);
    client.attach(next, 'wasm');
    expect(await client.classify(next, input)).not.toBeNull();
    stop();
  });

  it('a worker that fails to start, dies, or cannot be made leaves the page computing, with the reason', async () => {
    const noStart = new ScriptedWorker((m) =>
      m === 'start' ? { code: 'start', message: 'no WebGPU adapter' } : null,
    );
    const a = clientWith(noStart).client;
    const m1 = {};
    a.offer(m1, file, 'webgpu', true);
    a.attach(m1, 'webgpu');
    expect(await a.classify(m1, input)).toBeNull();
    expect(a.getState()).toMatchObject({
      phase: 'failed',
      failure: { code: 'start', message: 'no WebGPU adapter' },
    });

    // Dies while a classification is under way: the classification comes back null, at once.
    const dying = new ScriptedWorker();
    const b = clientWith(dying).client;
    const m2 = {};
    b.offer(m2, file, 'wasm', true);
    b.attach(m2, 'wasm');
    await b.classify(m2, input);
    dying.script = (m) => {
      if (m !== 'classify') return null;
      queueMicrotask(() => dying.onerror?.({ message: 'out of memory' } as ErrorEvent));
      return 'hang';
    };
    expect(await b.classify(m2, input)).toBeNull();
    expect(b.getState()).toMatchObject({
      phase: 'failed',
      failure: { code: 'crashed', message: 'out of memory' },
    });
    expect(dying.terminated).toBe(true);

    const c = clientWith().client;
    const m3 = {};
    c.offer(m3, file, 'wasm', true);
    c.attach(m3, 'wasm');
    expect(await c.classify(m3, input)).toBeNull();
    expect(c.getState().failure).toMatchObject({ code: 'crashed', message: 'no more workers' });
  });

  describe('a worker that stops answering', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('waits 20 times what a request takes there, at least 10 s, 2 minutes while nothing is measured', () => {
      expect(requestTimeoutMs(null)).toBe(SLOW_REQUEST_MS);
      expect(requestTimeoutMs(80)).toBe(REQUEST_FLOOR_MS);
      expect(requestTimeoutMs(2000)).toBe(40_000);
    });

    it('is timed out on a classification, terminated, and the page computes, with the reason', async () => {
      vi.useFakeTimers();
      const worker = hangingOn('classify');
      worker.loadResult = { canary: { maxAbsDiff: 1e-6, top1Matches: true, ms: 100 } };
      const { client } = clientWith(worker);
      const model = {};
      client.offer(model, file, 'wasm', true);
      client.attach(model, 'wasm');
      let answer: unknown = 'waiting';
      void client.classify(model, input).then((a) => (answer = a));
      await vi.advanceTimersByTimeAsync(0);
      expect(worker.methods()).toEqual(['start', 'load', 'classify']);
      // the canary took 100 ms: the bound is the 10 s floor
      await vi.advanceTimersByTimeAsync(REQUEST_FLOOR_MS - 1);
      expect(answer).toBe('waiting');
      expect(worker.terminated).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(answer).toBeNull();
      expect(worker.terminated).toBe(true);
      expect(client.getState()).toMatchObject({
        phase: 'failed',
        backend: 'wasm',
        failure: { code: 'timeout', seconds: 10 },
      });
      expect(client.has(model)).toBe(false);
      expect(await client.classify(model, input)).toBeNull();
      expect(vi.getTimerCount()).toBe(0);
    });

    it('a slow model gets a bound from its slowest answer', async () => {
      vi.useFakeTimers();
      const worker = new ScriptedWorker();
      const { client } = clientWith(worker);
      const model = {};
      client.offer(model, file, 'wasm', false);
      client.attach(model, 'wasm');
      // the first answer takes 3 s
      worker.script = (m) => (m === 'classify' ? new Promise((r) => setTimeout(r, 3000)) : null);
      const first = client.classify(model, input);
      await vi.advanceTimersByTimeAsync(3000);
      expect(await first).not.toBeNull();
      // then it hangs: 20 × 3 s
      worker.script = () => 'hang';
      let answer: unknown = 'waiting';
      void client.classify(model, input).then((a) => (answer = a));
      await vi.advanceTimersByTimeAsync(59_999);
      expect(answer).toBe('waiting');
      await vi.advanceTimersByTimeAsync(1);
      expect(answer).toBeNull();
      expect(client.getState().failure).toMatchObject({ code: 'timeout', seconds: 60 });
    });

    it('a start that never ends is timed out too: the page computes', async () => {
      vi.useFakeTimers();
      const worker = hangingOn('start');
      const { client } = clientWith(worker);
      const model = {};
      client.offer(model, file, 'webgl', true);
      client.attach(model, 'webgl');
      let answer: unknown = 'waiting';
      void client.classify(model, input).then((a) => (answer = a));
      await vi.advanceTimersByTimeAsync(SLOW_REQUEST_MS - 1);
      expect(answer).toBe('waiting');
      expect(client.getState().phase).toBe('starting');
      await vi.advanceTimersByTimeAsync(1);
      expect(answer).toBeNull();
      expect(worker.terminated).toBe(true);
      expect(client.getState().failure).toMatchObject({ code: 'timeout', seconds: 120 });
    });

    it('answers in time clear their timers', async () => {
      vi.useFakeTimers();
      const { client } = clientWith(new ScriptedWorker());
      const model = {};
      client.offer(model, file, 'wasm', true);
      client.attach(model, 'wasm');
      expect(await client.classify(model, input)).not.toBeNull();
      expect(vi.getTimerCount()).toBe(0);
      await vi.advanceTimersByTimeAsync(10 * SLOW_REQUEST_MS);
      expect(client.getState().phase).toBe('ready');
    });
  });
});
