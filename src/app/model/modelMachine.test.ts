import { describe, expect, it } from 'vitest';
import { CUSTOM_MODEL_ID } from './modelCatalog';
import {
  currentFile,
  initialState,
  keptBytes,
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

  it('keeps the compared models: a second comparison borrows them, downloading and building nothing', () => {
    let { s } = ready(A);
    const built: Model[] = [];
    // the first comparison: weights arrive, a model is built, lent to its builder and given back
    for (const id of [B, 'family_2x40d']) {
      s = run(s, { type: 'keepWeights', id, file: file(id) });
      const model = { from: `compare ${id}` };
      built.push(model);
      s = run(s, { type: 'keepModel', id, backend: 'wasm', model, bytes: 50 });
      expect(s.kept.get(id)).toEqual({ file: file(id), model, bytes: 50, users: 1 });
      s = run(s, { type: 'giveBack', model });
      expect(s.kept.get(id)!.users).toBe(0);
    }
    expect(keptBytes(s)).toBe(100);
    // the second: both are there to borrow
    for (const [i, id] of [B, 'family_2x40d'].entries()) {
      s = run(s, { type: 'borrow', id });
      expect(s.kept.get(id)).toMatchObject({ model: built[i], users: 1 });
      s = run(s, { type: 'giveBack', model: built[i] });
    }
    expect(s.retired).toEqual([]);
    // weights that arrive again (a late download) do not replace the kept ones, nor their model
    s = run(s, { type: 'keepWeights', id: B, file: file('again') });
    expect(s.kept.get(B)).toMatchObject({ file: file(B), model: built[0] });
    // the shared model is another matter: untouched throughout
    expect(s.phase).toBe('ready');
    expect([...s.files.keys()]).toEqual([A]);
  });

  it("a model chosen in the menu after a comparison is built from the comparison's weights; a retry downloads", () => {
    const first = ready(A);
    const model = first.model;
    let s = run(first.s, { type: 'keepWeights', id: B, file: file(B) });
    s = run(s, { type: 'model', modelId: B });
    expect(s.retired).toContain(model);
    // no download: built at once from the kept weights, which replace A's in the shared cache
    expect(s.phase).toBe('building');
    expect(s.progress).toBeNull();
    expect(currentFile(s)).toBe(s.kept.get(B)!.file);
    expect([...s.files.keys()]).toEqual([B]);
    // a failed build's retry does not take the same bytes again
    s = run(s, { type: 'failed', run: s.run, error: 'bad' });
    s = run(s, { type: 'retry' });
    expect(s.phase).toBe('downloading');
    expect(s.files.has(B)).toBe(false);
    // the comparison's copy stays for the comparison
    expect(s.kept.get(B)!.file).toEqual(file(B));
  });

  it('a change of backend retires the idle kept models, and a lent one once given back; weights stay', () => {
    let { s } = ready(A);
    const idle = { from: 'idle' };
    const busy = { from: 'busy' };
    s = run(
      s,
      { type: 'keepWeights', id: B, file: file(B) },
      { type: 'keepWeights', id: 'x', file: file('x') },
    );
    s = run(s, { type: 'keepModel', id: B, backend: 'wasm', model: idle, bytes: 10 });
    s = run(s, { type: 'giveBack', model: idle });
    s = run(s, { type: 'keepModel', id: 'x', backend: 'wasm', model: busy, bytes: 10 });
    s = run(s, { type: 'borrow', id: 'x' });
    s = run(s, { type: 'backend', backend: 'cpu' });
    expect(s.retired).toContain(idle);
    expect(s.retired).not.toContain(busy);
    expect(s.lent.get(busy)).toBe(2);
    expect(keptBytes(s)).toBe(0);
    expect(s.kept.get(B)).toEqual({ file: file(B), model: null, bytes: 0, users: 0 });
    // nothing to borrow on the new backend until built there
    expect(run(s, { type: 'borrow', id: B })).toBe(s);
    s = run(s, { type: 'giveBack', model: busy });
    expect(s.retired).not.toContain(busy);
    s = run(s, { type: 'giveBack', model: busy });
    expect(s.retired).toContain(busy);
    expect(s.lent.size).toBe(0);
    // a stray give-back changes nothing
    expect(run(s, { type: 'giveBack', model: busy })).toBe(s);
  });

  it('a model built for a backend since left, or built a second time, is retired at once', () => {
    let { s } = ready(A);
    s = run(s, { type: 'keepWeights', id: B, file: file(B) });
    const stale = { from: 'webgl' };
    s = run(s, { type: 'keepModel', id: B, backend: 'webgl', model: stale, bytes: 10 });
    expect(s.retired).toEqual([stale]);
    expect(s.kept.get(B)!.model).toBeNull();
    const first = { from: 'first' };
    const second = { from: 'second' };
    s = run(s, { type: 'keepModel', id: B, backend: 'wasm', model: first, bytes: 10 });
    s = run(s, { type: 'keepModel', id: B, backend: 'wasm', model: second, bytes: 10 });
    expect(s.kept.get(B)!.model).toBe(first);
    expect(s.retired).toEqual([stale, second]);
    // without kept weights there is nothing to attach a model to
    const orphan = { from: 'orphan' };
    s = run(s, { type: 'keepModel', id: 'nothing', backend: 'wasm', model: orphan, bytes: 1 });
    expect(s.retired).toContain(orphan);
    // nor while no backend is ready
    s = run(s, { type: 'backend', backend: null }, { type: 'keepWeights', id: 'y', file: file('y') });
    const early = { from: 'early' };
    s = run(s, { type: 'keepModel', id: 'y', backend: 'wasm', model: early, bytes: 1 });
    expect(s.retired).toContain(early);
  });

  it('over the budget, the most recently used idle models are retired when one is given back; lent ones wait', () => {
    let s = run(initialState<File, Model, string>(A, 100), { type: 'backend', backend: 'wasm' });
    const m = (id: string) => ({ from: id });
    const models = { a: m('a'), b: m('b'), c: m('c') };
    for (const id of ['a', 'b', 'c'] as const) s = run(s, { type: 'keepWeights', id, file: file(id) });
    s = run(s, { type: 'keepModel', id: 'a', backend: 'wasm', model: models.a, bytes: 40 });
    s = run(s, { type: 'giveBack', model: models.a });
    s = run(s, { type: 'keepModel', id: 'b', backend: 'wasm', model: models.b, bytes: 40 });
    s = run(s, { type: 'giveBack', model: models.b });
    s = run(s, { type: 'borrow', id: 'a' }, { type: 'giveBack', model: models.a });
    // c does not fit beside a and b: it goes once given back, and the two kept first stay
    s = run(s, { type: 'keepModel', id: 'c', backend: 'wasm', model: models.c, bytes: 40 });
    expect(keptBytes(s)).toBe(120);
    expect(s.retired).toEqual([]);
    s = run(s, { type: 'giveBack', model: models.c });
    expect(s.retired).toEqual([models.c]);
    expect(keptBytes(s)).toBe(80);
    expect(s.kept.get('c')).toEqual({ file: file('c'), model: null, bytes: 0, users: 0 });
    // a second pass over a, b and c reuses a and b and builds c again, which goes again
    s = run(s, { type: 'borrow', id: 'a' }, { type: 'giveBack', model: models.a });
    s = run(s, { type: 'borrow', id: 'b' }, { type: 'giveBack', model: models.b });
    const c2 = m('c2');
    s = run(s, { type: 'keepModel', id: 'c', backend: 'wasm', model: c2, bytes: 40 });
    s = run(s, { type: 'giveBack', model: c2 });
    expect(s.retired).toEqual([models.c, c2]);
    expect(keptBytes(s)).toBe(80);
    // lent out, a model is not retired, even over the budget
    s = run(s, { type: 'borrow', id: 'a' });
    const big = m('big');
    s = run(s, { type: 'keepModel', id: 'c', backend: 'wasm', model: big, bytes: 90 });
    expect(keptBytes(s)).toBe(170);
    // a given back: the idle ones go, most recently used first (a, then b); big stays lent
    s = run(s, { type: 'giveBack', model: models.a });
    expect(s.retired).toEqual([models.c, c2, models.a, models.b]);
    expect(keptBytes(s)).toBe(90);
    s = run(s, { type: 'giveBack', model: big });
    expect(keptBytes(s)).toBe(90);
  });

  it('closing the comparison retires its models and keeps their weights; dispose retires lent ones too', () => {
    const { s: r, model } = ready(A);
    let s = r;
    const idle = { from: 'idle' };
    const busy = { from: 'busy' };
    s = run(
      s,
      { type: 'keepWeights', id: B, file: file(B) },
      { type: 'keepWeights', id: 'x', file: file('x') },
    );
    s = run(
      s,
      { type: 'keepModel', id: B, backend: 'wasm', model: idle, bytes: 10 },
      { type: 'giveBack', model: idle },
    );
    s = run(s, { type: 'keepModel', id: 'x', backend: 'wasm', model: busy, bytes: 10 });
    s = run(s, { type: 'closeKept' });
    expect(s.retired).toEqual([idle]);
    expect(s.lent.get(busy)).toBe(1);
    expect([...s.kept.keys()]).toEqual([B, 'x']);
    expect(s.model).toBe(model);
    // closing again changes nothing
    expect(run(s, { type: 'closeKept' })).toBe(s);
    s = run(s, { type: 'keepModel', id: B, backend: 'wasm', model: { from: 'again' }, bytes: 10 });
    s = run(s, { type: 'dispose' });
    expect(s.retired).toEqual([idle, model, { from: 'again' }, busy]);
    expect(s.kept.size).toBe(0);
    expect(s.lent.size).toBe(0);
  });

  /**
   * 5,000 random events, as the store and the comparison may send them: every model built (the shared one
   * and the compared ones) is retired exactly once, none while in use or lent out, and the kept models stay
   * within their budget whenever none of them is lent out.
   */
  function randomSession(seed: number, withComparison: boolean) {
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
    const budget = 100;
    let s = initialState<File, Model, string>(A, budget);
    const built: Model[] = [];
    const disposed = new Set<Model>();
    const pendingBuilds: { run: number; model: Model }[] = [];
    // comparison builds under way (with the backend they started on) and the models lent to a comparison
    const pendingKeeps: { id: string; backend: string | null; model: Model }[] = [];
    const loans: Model[] = [];
    let keptBuilds = 0;
    let borrows = 0;
    const kinds = [
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
    ];
    if (withComparison)
      kinds.push('keepWeights', 'keepBuild', 'finishKeep', 'borrow', 'giveBack', 'closeKept');
    const COMPARED = ['family_1x64d', B, 'family_32x4d'];
    for (let i = 0; i < 5_000; i++) {
      const kind = pick(kinds);
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
      } else if (kind === 'keepWeights') e = { type: 'keepWeights', id: pick(COMPARED), file: file(`k${i}`) };
      else if (kind === 'keepBuild') {
        const id = pick(COMPARED);
        if (s.kept.has(id)) {
          const model = { from: `k${i}` };
          built.push(model);
          pendingKeeps.push({ id, backend: s.backend, model });
        }
      } else if (kind === 'finishKeep' && pendingKeeps.length) {
        const b = pendingKeeps.splice(Math.floor(next() * pendingKeeps.length), 1)[0];
        // the backend the build ran on: usually the one it started on
        const backend = b.backend ?? 'wasm';
        s = run(s, { type: 'keepModel', id: b.id, backend, model: b.model, bytes: pick([20, 40, 60]) });
        // kept: lent to its builder
        if (s.kept.get(b.id)?.model === b.model) {
          loans.push(b.model);
          keptBuilds++;
        }
      } else if (kind === 'borrow') {
        const id = pick(COMPARED);
        const model = s.kept.get(id)?.model;
        e = { type: 'borrow', id };
        if (model) {
          loans.push(model);
          borrows++;
        }
      } else if (kind === 'giveBack' && loans.length) {
        e = { type: 'giveBack', model: loans.splice(Math.floor(next() * loans.length), 1)[0] };
      } else if (kind === 'closeKept') e = { type: 'closeKept' };
      if (e) s = run(s, e);
      if (s.model) {
        expect(disposed.has(s.model), 'a disposed model in use').toBe(false);
        expect(s.retired).not.toContain(s.model);
        expect(s.phase).toBe('ready');
      }
      expect(new Set(s.retired).size).toBe(s.retired.length);
      // at most the current shipped weights (or the last ones, while another model downloads) and custom ones
      expect([...s.files.keys()].filter((id) => id !== CUSTOM_MODEL_ID).length).toBeLessThanOrEqual(1);
      // a model lent out is neither retired nor disposed, and the machine counts every loan
      for (const m of loans) {
        expect(disposed.has(m), 'a lent model disposed').toBe(false);
        expect(s.retired).not.toContain(m);
      }
      const held = new Map<Model, number>();
      for (const m of loans) held.set(m, (held.get(m) ?? 0) + 1);
      const counted = new Map<Model, number>(s.lent);
      for (const k of s.kept.values()) if (k.model && k.users > 0) counted.set(k.model, k.users);
      expect(counted).toEqual(held);
      // kept models live on the current backend, within the budget unless one is lent out
      const keptModels = [...s.kept.values()].filter((k) => k.model);
      if (s.backend === null) expect(keptModels).toEqual([]);
      if (keptModels.every((k) => k.users === 0)) expect(keptBytes(s)).toBeLessThanOrEqual(budget);
    }
    // the builds still under way finish, the comparison gives back what it holds, then the store goes away
    for (const b of pendingBuilds) s = run(s, { type: 'built', run: b.run, model: b.model });
    for (const b of pendingKeeps)
      s = run(s, { type: 'keepModel', id: b.id, backend: 'wasm', model: b.model, bytes: 1 });
    for (const m of loans.splice(0, next() < 0.5 ? loans.length : 0))
      s = run(s, { type: 'giveBack', model: m });
    s = run(s, { type: 'dispose' });
    for (const m of s.retired) {
      expect(disposed.has(m)).toBe(false);
      disposed.add(m);
    }
    expect(built.length).toBeGreaterThan(50);
    expect(built.every((m) => disposed.has(m))).toBe(true);
    return { keptBuilds, borrows };
  }

  it('over a long random session, every model built is retired exactly once and none while in use', () => {
    randomSession(12345, false);
  });

  it('the same with comparisons borrowing kept models: none disposed while lent, the budget kept', () => {
    for (const seed of [12345, 777, 2024]) {
      const { keptBuilds, borrows } = randomSession(seed, true);
      expect(keptBuilds).toBeGreaterThan(20);
      expect(borrows).toBeGreaterThan(20);
    }
  });
});
