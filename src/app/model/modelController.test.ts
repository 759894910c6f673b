import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { WeightsError } from '../../resnext/errors';
import type { ModelManifest } from '../../resnext/modelManifest';
import type { SafetensorsFile } from '../../resnext/safetensors';
import type { BackendName } from '../backend/types';
import { CUSTOM_MODEL_ID, DEFAULT_MODEL_ID, FAMILY } from './modelCatalog';
import { ModelController, type ModelControllerDeps } from './modelController';
import type { OnProgress } from './modelLoader';
import type { Variant } from './variant';

/** A model holding one real tensor, so that a model never disposed shows in tf.memory(). */
class FakeModel {
  readonly weights = tf.ones([16]);
  disposals = 0;
  constructor(
    readonly file: SafetensorsFile,
    readonly backend: string,
  ) {}
  dispose(): void {
    this.disposals++;
    this.weights.dispose();
  }
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(err: unknown): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

interface Download {
  id: string;
  onProgress: OnProgress;
  signal: AbortSignal;
  done: Deferred<SafetensorsFile>;
}

const fileOf = (source: string): SafetensorsFile => ({ source, metadata: {}, tensors: new Map() });

const DEFAULT_FILE = 'resnext29_32x4d.i8.safetensors';
const MANIFEST: ModelManifest = {
  default: DEFAULT_FILE,
  files: [{ path: DEFAULT_FILE, bytes: 1000, sha256: 'ab'.repeat(32) }],
};
const VARIANT = { label: 'ResNeXt-29 (8×14d)' } as Variant;
const SECOND = FAMILY[1].id;

/** Lets every promise that can settle settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A controller with fake downloads, builds, manifest, worker and clock, and what they were asked. */
function setup(requested = DEFAULT_MODEL_ID) {
  const clock = { now: 0 };
  const firstFigure = deferred<void>();
  const downloads: Download[] = [];
  const built: FakeModel[] = [];
  const offered: { model: FakeModel; backend: BackendName; canary: boolean }[] = [];
  const detached: FakeModel[] = [];
  const engine = { backend: 'cpu', hold: null as Promise<void> | null };
  const deps: ModelControllerDeps<FakeModel> = {
    fetchShipped: (id, onProgress, signal) => {
      const done = deferred<SafetensorsFile>();
      signal.addEventListener('abort', () => done.reject(new DOMException('aborted', 'AbortError')));
      downloads.push({ id, onProgress, signal, done });
      return done.promise;
    },
    build: async (file) => {
      const backend = engine.backend;
      await engine.hold;
      const model = new FakeModel(file, backend);
      built.push(model);
      return { model, bytes: 64, backend };
    },
    readCustom: (source) => Promise.resolve(fileOf(typeof source === 'string' ? source : source.name)),
    checkCustom: (file) =>
      file.source.includes('bad')
        ? Promise.reject(new WeightsError('truncated', { file: file.source, expected: 10, actual: 5 }))
        : Promise.resolve(VARIANT),
    loadedManifest: () => null,
    loadManifest: () => Promise.resolve(MANIFEST),
    mayDownload: () => firstFigure.promise,
    inference: () => ({
      offer: (model, _file, backend, canary) => offered.push({ model, backend, canary }),
      detach: (model) => detached.push(model),
    }),
    now: () => clock.now,
  };
  const c = new ModelController(deps, requested);
  const view = () => c.getSnapshot().view;
  /** the download under way of `id`, answered with its weights */
  const finish = async (id: string) => {
    const d = downloads.findLast((x) => x.id === id && !x.signal.aborted);
    if (!d) throw new Error(`no download of ${id}`);
    d.done.resolve(fileOf(id));
    await settle();
  };
  /** the page shows the current state (the provider's effect) */
  const show = () => c.release(c.getSnapshot());
  /** the first figure painted, a backend runs and a section needs the model */
  const start = async () => {
    firstFigure.resolve();
    c.setBackend('cpu');
    const release = c.acquire();
    await settle();
    return release;
  };
  return { c, view, clock, downloads, built, offered, detached, engine, finish, show, start, firstFigure };
}

describe('ModelController', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('downloads nothing until a section needs the model and the first figure has painted', async () => {
    const t = setup();
    t.c.setBackend('cpu');
    await settle();
    expect(t.downloads).toHaveLength(0);
    expect(t.view().status).toBe('idle');

    t.c.acquire();
    await settle();
    expect(t.view().status).toBe('loading');
    expect(t.downloads).toHaveLength(0);

    t.firstFigure.resolve();
    await settle();
    expect(t.downloads.map((d) => d.id)).toEqual([DEFAULT_MODEL_ID]);
  });

  it('reports progress at most every 80 ms, but the first, a restart and the last at once', async () => {
    const t = setup();
    await t.start();
    const [d] = t.downloads;
    // the manifest gives the total before the response does
    expect(t.view().progress).toEqual({ loaded: 0, total: 1000 });

    d.onProgress(100, null);
    expect(t.view().progress).toEqual({ loaded: 100, total: 1000 });
    t.clock.now = 40;
    d.onProgress(200, 1000);
    expect(t.view().progress?.loaded).toBe(100);
    t.clock.now = 50;
    d.onProgress(200, 1000, 1);
    expect(t.view().progress).toEqual({ loaded: 200, total: 1000, restarts: 1 });
    t.clock.now = 60;
    d.onProgress(300, 1000, 1);
    expect(t.view().progress?.loaded).toBe(200);
    t.clock.now = 140;
    d.onProgress(400, 1000, 1);
    expect(t.view().progress?.loaded).toBe(400);
    t.clock.now = 150;
    d.onProgress(1000, 1000, 1);
    expect(t.view().progress).toEqual({ loaded: 1000, total: 1000, restarts: 1 });
  });

  it('builds the downloaded weights, offers the model to the worker and publishes it', async () => {
    const t = setup();
    const before = tf.memory().numTensors;
    await t.start();
    await t.finish(DEFAULT_MODEL_ID);

    expect(t.built).toHaveLength(1);
    const [model] = t.built;
    expect(t.view()).toMatchObject({ status: 'ready', model, modelId: DEFAULT_MODEL_ID, progress: null });
    expect(t.offered).toEqual([{ model, backend: 'cpu', canary: true }]);

    t.c.dispose();
    expect(model.disposals).toBe(1);
    expect(t.detached).toEqual([model]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('keeps the same snapshot object while nothing changes', async () => {
    const t = setup();
    await t.start();
    const s = t.c.getSnapshot();
    t.c.setBackend('cpu');
    t.c.request(DEFAULT_MODEL_ID);
    expect(t.c.getSnapshot()).toBe(s);
  });

  it('disposes a replaced model once the state without it is shown, and never twice', async () => {
    const t = setup();
    const before = tf.memory().numTensors;
    await t.start();
    await t.finish(DEFAULT_MODEL_ID);
    const [first] = t.built;

    expect(t.c.request(SECOND)).toBe(SECOND);
    expect(t.view()).toMatchObject({ status: 'loading', model: null, modelId: SECOND });
    // still held by whatever showed it, until the new state is on screen
    expect(first.disposals).toBe(0);
    const shown = t.c.getSnapshot();
    t.c.release(shown);
    expect(first.disposals).toBe(1);
    expect(t.detached).toEqual([first]);
    // an effect run twice (React's strict mode) releases the same state again
    t.c.release(shown);
    t.c.dispose();
    expect(first.disposals).toBe(1);

    // the second model's weights are downloaded, its model built and offered without the canary
    await t.start();
    await t.finish(SECOND);
    const second = t.built[1];
    expect(t.view().model).toBe(second);
    expect(t.offered.at(-1)).toEqual({ model: second, backend: 'cpu', canary: false });
    t.c.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('cancels the download of a model no longer chosen, but not for a change of backend', async () => {
    const t = setup();
    await t.start();
    const [first] = t.downloads;

    t.c.setBackend(null);
    t.c.setBackend('wasm');
    await settle();
    expect(first.signal.aborted).toBe(false);
    expect(t.downloads).toHaveLength(1);

    t.c.request(SECOND);
    await settle();
    expect(first.signal.aborted).toBe(true);
    expect(t.downloads.map((d) => d.id)).toEqual([DEFAULT_MODEL_ID, SECOND]);
    expect(t.view().status).toBe('loading');
  });

  it('does not interrupt the download when one section replaces another', async () => {
    const t = setup();
    const release = await t.start();
    // the release and the acquire of one commit
    release();
    release();
    t.c.acquire();
    await settle();
    expect(t.downloads).toHaveLength(1);
    expect(t.downloads[0].signal.aborted).toBe(false);
  });

  it('cancels the download once no section needs the model any more', async () => {
    const t = setup();
    const release = await t.start();
    release();
    await settle();
    expect(t.downloads[0].signal.aborted).toBe(true);
  });

  it('rebuilds on a new backend from the kept weights, and disposes a build the backend change left behind', async () => {
    const t = setup();
    const before = tf.memory().numTensors;
    await t.start();
    const hold = deferred<void>();
    t.engine.hold = hold.promise;
    await t.finish(DEFAULT_MODEL_ID);
    expect(t.view().status).toBe('loading');

    // the backend changes while the first build runs
    t.engine.backend = 'wasm';
    t.c.setBackend('wasm');
    hold.resolve();
    await settle();
    const [stale, fresh] = t.built;
    expect(stale.disposals).toBe(1);
    expect(t.view().model).toBe(fresh);
    expect(fresh.backend).toBe('wasm');
    expect(t.offered.map((o) => o.model)).toEqual([fresh]);
    // no second download: the weights were kept
    expect(t.downloads).toHaveLength(1);

    t.engine.hold = null;
    t.c.setBackend('cpu');
    await settle();
    t.show();
    expect(fresh.disposals).toBe(1);
    expect(t.view().model).toBe(t.built[2]);
    t.c.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('disposes a model whose build finishes after the page has gone', async () => {
    const t = setup();
    const before = tf.memory().numTensors;
    await t.start();
    const hold = deferred<void>();
    t.engine.hold = hold.promise;
    await t.finish(DEFAULT_MODEL_ID);
    t.c.dispose();
    hold.resolve();
    await settle();
    expect(t.built[0].disposals).toBe(1);
    expect(t.offered).toHaveLength(0);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('reports a failed download through the catalogs, and downloads again on retry', async () => {
    const t = setup();
    await t.start();
    t.downloads[0].done.reject(new WeightsError('network', { file: DEFAULT_FILE }));
    await settle();
    expect(t.view().status).toBe('error');
    expect(t.view().error).toEqual({ key: 'error.weights.network', params: { file: DEFAULT_FILE } });

    t.c.retry();
    await settle();
    expect(t.downloads).toHaveLength(2);
    await t.finish(DEFAULT_MODEL_ID);
    expect(t.view()).toMatchObject({ status: 'ready', error: null });
    t.c.dispose();
  });

  it('reports a failed build, and builds again on retry', async () => {
    const t = setup();
    await t.start();
    const hold = deferred<void>();
    t.engine.hold = hold.promise;
    await t.finish(DEFAULT_MODEL_ID);
    hold.reject(new Error('out of memory'));
    await settle();
    expect(t.view().error).toEqual({
      key: 'classify.model.error.generic',
      params: { message: 'out of memory' },
    });
    t.engine.hold = null;
    t.c.retry();
    await settle();
    await t.finish(DEFAULT_MODEL_ID);
    expect(t.view().status).toBe('ready');
    t.c.dispose();
  });

  it("switches to the reader's weights, keeps them on a change of backend, and refuses unknown ones", async () => {
    const t = setup();
    const before = tf.memory().numTensors;
    await t.start();
    await t.finish(DEFAULT_MODEL_ID);
    const [shipped] = t.built;

    await expect(t.c.loadCustom('models/bad.safetensors', () => undefined)).rejects.toThrow(WeightsError);
    expect(t.view()).toMatchObject({ model: shipped, customName: null, modelId: DEFAULT_MODEL_ID });

    const file = new File([new Uint8Array(4)], 'mine.safetensors');
    await expect(t.c.loadCustom(file, () => undefined)).resolves.toBe(VARIANT);
    expect(t.view()).toMatchObject({ modelId: CUSTOM_MODEL_ID, customName: 'mine.safetensors' });
    await settle();
    t.show();
    const custom = t.built[1];
    expect(custom.file.source).toBe('mine.safetensors');
    expect(t.view().model).toBe(custom);
    expect(shipped.disposals).toBe(1);
    expect(t.downloads).toHaveLength(1);

    t.c.setBackend('wasm');
    await settle();
    t.show();
    expect(t.view()).toMatchObject({ modelId: CUSTOM_MODEL_ID, model: t.built[2] });
    expect(t.built[2].file.source).toBe('mine.safetensors');

    t.c.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it("falls back to the default for the reader's weights it does not hold, or an unknown id", () => {
    const t = setup(CUSTOM_MODEL_ID);
    expect(t.view().modelId).toBe(DEFAULT_MODEL_ID);
    expect(t.c.request(CUSTOM_MODEL_ID)).toBe(DEFAULT_MODEL_ID);
    expect(t.c.request('no-such-model')).toBe(DEFAULT_MODEL_ID);
    expect(t.c.request(SECOND)).toBe(SECOND);
  });

  it('lends the comparison models, reuses them, and disposes them once closed and given back', async () => {
    const t = setup();
    const before = tf.memory().numTensors;
    await t.start();
    await t.finish(DEFAULT_MODEL_ID);
    const signal = new AbortController().signal;

    // the menu's weights are borrowed without a download
    const loan = await t.c.borrow(DEFAULT_MODEL_ID, () => undefined, signal);
    expect(loan.built).toBe(true);
    expect(loan.model).not.toBe(t.view().model);
    expect(t.downloads).toHaveLength(1);
    expect(t.view()).toMatchObject({ comparedModels: 1, comparedBytes: 64 });

    // another model's weights are downloaded for the comparison
    const other = t.c.borrow(SECOND, () => undefined, signal);
    await settle();
    await t.finish(SECOND);
    const otherLoan = await other;
    expect(t.view()).toMatchObject({ comparedModels: 2, comparedBytes: 128 });

    loan.giveBack();
    otherLoan.giveBack();
    const again = await t.c.borrow(DEFAULT_MODEL_ID, () => undefined, signal);
    expect(again).toMatchObject({ model: loan.model, built: false });

    t.c.closeCompared();
    t.show();
    expect(otherLoan.model.disposals).toBe(1);
    // still lent out: disposed once given back
    expect(loan.model.disposals).toBe(0);
    again.giveBack();
    t.show();
    expect(loan.model.disposals).toBe(1);
    expect(t.view()).toMatchObject({ comparedModels: 0, comparedBytes: 0 });

    t.c.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('disposes the models lent out when the page goes', async () => {
    const t = setup();
    const before = tf.memory().numTensors;
    await t.start();
    await t.finish(DEFAULT_MODEL_ID);
    const loan = await t.c.borrow(DEFAULT_MODEL_ID, () => undefined, new AbortController().signal);
    t.c.dispose();
    expect(loan.model.disposals).toBe(1);
    expect(t.built.every((m) => m.disposals === 1)).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('tells subscribers of each change until they unsubscribe', async () => {
    const t = setup();
    let calls = 0;
    const stop = t.c.subscribe(() => calls++);
    await t.start();
    expect(calls).toBeGreaterThan(0);
    const seen = calls;
    stop();
    await t.finish(DEFAULT_MODEL_ID);
    expect(calls).toBe(seen);
    t.c.dispose();
  });
});
