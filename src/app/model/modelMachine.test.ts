import { describe, expect, it } from 'vitest';
import { CUSTOM_MODEL_ID } from './modelCatalog';
import {
  currentFile,
  initialState,
  modelReducer,
  publicStatus,
  type MachineEvent,
  type MachineState,
} from './modelMachine';

/** Weights and models as plain objects: the machine only keeps and compares them. */
interface File {
  name: string;
}
interface Model {
  from: string;
}
type S = MachineState<File, Model, string>;
type E = MachineEvent<File, Model, string>;

const A = 'resnext29_32x4d';
const B = 'family_1x64d';
const file = (name: string): File => ({ name });

const run = (s: S, ...events: E[]): S => events.reduce(modelReducer<File, Model, string>, s);
const start = (id = A): S => initialState<File, Model, string>(id);

/** Needed, on WASM, with `id`'s weights downloaded and its model built. */
function ready(id = A): { s: S; model: Model } {
  let s = run(start(id), { type: 'backend', backend: 'wasm' }, { type: 'need', wanted: true });
  s = run(s, { type: 'downloaded', id, file: file(id) });
  const model = { from: id };
  s = run(s, { type: 'built', run: s.run, model });
  return { s, model };
}

describe('modelMachine', () => {
  it('does nothing until a section needs the model, then downloads, builds and hands it out', () => {
    let s = run(start(), { type: 'backend', backend: 'wasm' });
    expect(s.phase).toBe('idle');
    expect(publicStatus(s.phase)).toBe('idle');

    s = run(s, { type: 'need', wanted: true });
    expect(s.phase).toBe('downloading');
    expect(publicStatus(s.phase)).toBe('loading');
    // the bar shows from the start; its total comes later
    expect(s.progress).toEqual({ loaded: 0, total: null });
    s = run(s, { type: 'progress', run: s.run, loaded: 10, total: 100 });
    expect(s.progress).toEqual({ loaded: 10, total: 100 });

    s = run(s, { type: 'downloaded', id: A, file: file(A) });
    expect(s.phase).toBe('building');
    expect(currentFile(s)).toEqual(file(A));

    const model = { from: A };
    s = run(s, { type: 'built', run: s.run, model });
    expect(s.phase).toBe('ready');
    expect(s.model).toBe(model);
    expect(s.progress).toBeNull();
    expect(s.retired).toEqual([]);
  });

  it('downloads while the backend starts and builds once it is ready', () => {
    let s = run(start(), { type: 'need', wanted: true });
    expect(s.phase).toBe('downloading');
    s = run(s, { type: 'downloaded', id: A, file: file(A) });
    expect(s.phase).toBe('building');
    expect(s.backend).toBeNull();
    s = run(s, { type: 'backend', backend: 'webgl' });
    expect(s.phase).toBe('building');
    expect(s.backend).toBe('webgl');
  });

  it('rebuilds on another backend from the cached weights, retiring the old model', () => {
    const { s: r, model } = ready();
    let s = run(r, { type: 'backend', backend: null });
    expect(s.phase).toBe('building');
    expect(s.model).toBeNull();
    expect(s.retired).toEqual([model]);
    expect(s.progress).toBeNull();
    s = run(s, { type: 'backend', backend: 'cpu' }, { type: 'disposed', models: [model] });
    expect(s.retired).toEqual([]);
    expect(currentFile(s)).toEqual(file(A));
    const next = { from: A };
    s = run(s, { type: 'built', run: s.run, model: next });
    expect(s.phase).toBe('ready');
    expect(s.model).toBe(next);
  });

  it('retires a model built for a load that is no longer current', () => {
    let s = run(start(), { type: 'backend', backend: 'wasm' }, { type: 'need', wanted: true });
    s = run(s, { type: 'downloaded', id: A, file: file(A) });
    const stale = s.run;
    s = run(s, { type: 'backend', backend: 'cpu' });
    const late = { from: 'wasm' };
    s = run(s, { type: 'built', run: stale, model: late });
    expect(s.phase).toBe('building');
    expect(s.model).toBeNull();
    expect(s.retired).toEqual([late]);
    // and a late failure of that build changes nothing
    expect(run(s, { type: 'failed', run: stale, error: 'x' })).toBe(s);
  });

  it('keeps the current shipped model and the custom weights, no other', () => {
    let { s } = ready(A);
    s = run(s, { type: 'custom', id: CUSTOM_MODEL_ID, file: file('mine') });
    // custom weights under another id wait for the model to change
    expect(s.phase).toBe('ready');
    s = run(s, { type: 'model', modelId: CUSTOM_MODEL_ID });
    expect(s.phase).toBe('building');
    expect([...s.files.keys()].sort()).toEqual([CUSTOM_MODEL_ID, A].sort());

    s = run(s, { type: 'model', modelId: B });
    expect(s.phase).toBe('downloading');
    // the previous shipped weights stay until the new ones arrive (switching back needs no download)
    expect(s.files.has(A)).toBe(true);
    s = run(s, { type: 'downloaded', id: B, file: file(B) });
    expect([...s.files.keys()].sort()).toEqual([CUSTOM_MODEL_ID, B].sort());
  });

  it('switching back to a model whose weights are cached builds without downloading', () => {
    let { s } = ready(A);
    s = run(s, { type: 'model', modelId: B }, { type: 'model', modelId: A });
    expect(s.phase).toBe('building');
    // B's download, finishing late, is not kept
    s = run(s, { type: 'downloaded', id: B, file: file(B) });
    expect(s.files.has(B)).toBe(false);
    expect(s.phase).toBe('building');
  });

  it('new custom weights under the id in use are another model', () => {
    let { s } = ready(A);
    s = run(s, { type: 'custom', id: CUSTOM_MODEL_ID, file: file('one') });
    s = run(s, { type: 'model', modelId: CUSTOM_MODEL_ID });
    const first = { from: 'one' };
    s = run(s, { type: 'built', run: s.run, model: first });
    s = run(s, { type: 'custom', id: CUSTOM_MODEL_ID, file: file('two') });
    expect(s.phase).toBe('building');
    expect(currentFile(s)).toEqual(file('two'));
    expect(s.retired).toContain(first);
  });

  it('reports a failed download and a retry downloads only the failed model again', () => {
    let { s } = ready(A);
    s = run(s, { type: 'custom', id: CUSTOM_MODEL_ID, file: file('mine') });
    s = run(s, { type: 'model', modelId: B });
    s = run(s, { type: 'downloadFailed', id: B, error: 'network' });
    expect(s.phase).toBe('error');
    expect(publicStatus(s.phase)).toBe('error');
    expect(s.error).toBe('network');
    expect(s.progress).toBeNull();
    s = run(s, { type: 'retry' });
    expect(s.phase).toBe('downloading');
    expect(s.error).toBeNull();
    // A's weights and the reader's own are kept
    expect(s.files.has(A)).toBe(true);
    expect(s.files.has(CUSTOM_MODEL_ID)).toBe(true);
  });

  it('a failed download stays reported when a backend starts meanwhile, until the reader retries', () => {
    let s = run(start(), { type: 'need', wanted: true });
    expect(s.phase).toBe('downloading');
    s = run(s, { type: 'downloadFailed', id: A, error: 'network' });
    s = run(s, { type: 'backend', backend: 'wasm' });
    expect(s.phase).toBe('error');
    expect(s.error).toBe('network');
    expect(s.backend).toBe('wasm');
    s = run(s, { type: 'retry' });
    expect(s.phase).toBe('downloading');
  });

  it('a retry after a failed build forgets that model’s weights, and only those', () => {
    let s = run(start(), { type: 'backend', backend: 'wasm' }, { type: 'need', wanted: true });
    s = run(s, { type: 'custom', id: CUSTOM_MODEL_ID, file: file('mine') });
    s = run(s, { type: 'downloaded', id: A, file: file(A) });
    s = run(s, { type: 'failed', run: s.run, error: 'bad weights' });
    expect(s.phase).toBe('error');
    s = run(s, { type: 'retry' });
    expect(s.phase).toBe('downloading');
    expect(s.files.has(A)).toBe(false);
    expect(s.files.has(CUSTOM_MODEL_ID)).toBe(true);
  });

  it('a retry on custom weights builds them again from memory', () => {
    let s = run(start(), { type: 'backend', backend: 'wasm' }, { type: 'need', wanted: true });
    s = run(s, { type: 'custom', id: CUSTOM_MODEL_ID, file: file('mine') });
    s = run(s, { type: 'model', modelId: CUSTOM_MODEL_ID });
    s = run(s, { type: 'failed', run: s.run, error: 'out of memory' });
    s = run(s, { type: 'retry' });
    expect(s.phase).toBe('building');
    expect(currentFile(s)).toEqual(file('mine'));
  });

  it('ignores a retry when nothing failed, stale progress and a failure of another model’s download', () => {
    const { s } = ready();
    expect(run(s, { type: 'retry' })).toBe(s);
    let d = run(s, { type: 'model', modelId: B });
    expect(run(d, { type: 'progress', run: d.run - 1, loaded: 5, total: 9 })).toBe(d);
    expect(run(d, { type: 'downloadFailed', id: A, error: 'x' })).toBe(d);
    d = run(d, { type: 'downloadFailed', id: B, error: 'x' });
    expect(d.phase).toBe('error');
  });

  it('keeps the model when no section needs it any more, and starts again only when asked', () => {
    const { s: r, model } = ready();
    let s = run(r, { type: 'need', wanted: false });
    expect(s.model).toBe(model);
    s = run(s, { type: 'need', wanted: true });
    expect(s.phase).toBe('ready');
    expect(s.model).toBe(model);
    // a change of model while no one needs it drops the model and loads nothing
    s = run(s, { type: 'need', wanted: false }, { type: 'model', modelId: B });
    expect(s.phase).toBe('idle');
    expect(s.retired).toEqual([model]);
    s = run(s, { type: 'need', wanted: true });
    expect(s.phase).toBe('downloading');
  });

  it('a change of backend while downloading keeps the download and its progress going', () => {
    let s = run(start(), { type: 'backend', backend: 'wasm' }, { type: 'need', wanted: true });
    s = run(s, { type: 'backend', backend: null });
    expect(s.phase).toBe('downloading');
    s = run(s, { type: 'progress', run: s.run, loaded: 3, total: 9 });
    expect(s.progress).toEqual({ loaded: 3, total: 9 });
    s = run(s, { type: 'downloaded', id: A, file: file(A) });
    expect(s.phase).toBe('building');
  });

  it('dispose retires the model in use and empties the cache', () => {
    const { s: r, model } = ready();
    const s = run(r, { type: 'dispose' });
    expect(s.retired).toEqual([model]);
    expect(s.model).toBeNull();
    expect(s.files.size).toBe(0);
    expect(s.phase).toBe('idle');
  });

  it('over a long random session, every model built is retired exactly once and none while in use', () => {
    let seed = 12345;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
    let s = start();
    const built: Model[] = [];
    const disposed = new Set<Model>();
    const pendingBuilds: { run: number; model: Model }[] = [];
    for (let i = 0; i < 5_000; i++) {
      const kind = pick([
        'need',
        'backend',
        'model',
        'custom',
        'download',
        'build',
        'finishBuild',
        'fail',
        'retry',
        'dispose-retired',
      ]);
      let e: E | null = null;
      if (kind === 'need') e = { type: 'need', wanted: next() < 0.8 };
      else if (kind === 'backend') e = { type: 'backend', backend: pick(['wasm', 'cpu', null]) };
      else if (kind === 'model') e = { type: 'model', modelId: pick([A, B, CUSTOM_MODEL_ID]) };
      else if (kind === 'custom') e = { type: 'custom', id: CUSTOM_MODEL_ID, file: file(`c${i}`) };
      else if (kind === 'download') e = { type: 'downloaded', id: pick([A, B]), file: file(`f${i}`) };
      else if (kind === 'build' && s.phase === 'building') {
        // the store starts a build; it may finish after other events
        const model = { from: `m${i}` };
        built.push(model);
        pendingBuilds.push({ run: s.run, model });
      } else if (kind === 'finishBuild' && pendingBuilds.length) {
        const b = pendingBuilds.splice(Math.floor(next() * pendingBuilds.length), 1)[0];
        e = { type: 'built', run: b.run, model: b.model };
      } else if (kind === 'fail') e = { type: 'failed', run: s.run, error: 'x' };
      else if (kind === 'retry') e = { type: 'retry' };
      else if (kind === 'dispose-retired' && s.retired.length) {
        for (const m of s.retired) {
          expect(disposed.has(m), 'disposed twice').toBe(false);
          disposed.add(m);
        }
        e = { type: 'disposed', models: s.retired };
      }
      if (e) s = run(s, e);
      if (s.model) {
        expect(disposed.has(s.model), 'a disposed model in use').toBe(false);
        expect(s.retired).not.toContain(s.model);
        expect(s.phase).toBe('ready');
      }
      expect(new Set(s.retired).size).toBe(s.retired.length);
      // at most the current shipped weights (or the last ones, while another model downloads) and custom ones
      expect([...s.files.keys()].filter((id) => id !== CUSTOM_MODEL_ID).length).toBeLessThanOrEqual(1);
    }
    // the builds still under way finish, then the store goes away
    for (const b of pendingBuilds) s = run(s, { type: 'built', run: b.run, model: b.model });
    s = run(s, { type: 'dispose' });
    for (const m of s.retired) {
      expect(disposed.has(m)).toBe(false);
      disposed.add(m);
    }
    expect(built.length).toBeGreaterThan(50);
    expect(built.every((m) => disposed.has(m))).toBe(true);
  });
});
