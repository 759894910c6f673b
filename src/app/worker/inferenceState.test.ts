import { describe, expect, it } from 'vitest';
import { InferenceStateStore } from './inferenceState';

describe('the inference state store', () => {
  it('starts off, and replaces the state on each change, telling every listener', () => {
    const store = new InferenceStateStore();
    const first = store.getState();
    expect(first).toEqual({ phase: 'off', wanted: false, backend: null, failure: null });
    let heard = 0;
    const stop = store.subscribe(() => heard++);
    store.patch({ phase: 'starting', backend: 'wasm' });
    expect(heard).toBe(1);
    // a new object (React's useSyncExternalStore compares by identity), the old one untouched
    expect(store.getState()).not.toBe(first);
    expect(first.phase).toBe('off');
    expect(store.getState()).toMatchObject({ phase: 'starting', backend: 'wasm', failure: null });
    stop();
    store.patch({ phase: 'ready' });
    expect(heard).toBe(1);
  });

  it('reset goes back to off and keeps nothing of the last worker but whether it is wanted', () => {
    const store = new InferenceStateStore();
    const done = store.want();
    store.patch({ phase: 'ready', backend: 'wasm', threads: 4, startMs: 120 });
    store.reset();
    expect(store.getState()).toEqual({ phase: 'off', wanted: true, backend: null, failure: null });
    done();
    expect(store.getState().wanted).toBe(false);
  });

  it('counts the parts of the page that want the worker, each release once', () => {
    const store = new InferenceStateStore();
    const seen: boolean[] = [];
    store.subscribe(() => seen.push(store.getState().wanted));
    const a = store.want();
    const b = store.want();
    a();
    a();
    expect(store.getState().wanted).toBe(true);
    b();
    expect(seen).toEqual([true, false]);
  });
});
