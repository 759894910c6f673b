import type { ModelManifest } from '../../resnext/modelManifest';
import type { SafetensorsFile } from '../../resnext/safetensors';
import type { BackendName } from '../backend/types';
import { borrowComparedModel, type Loan } from './comparedModels';
import { LoadWork, type LoadDeps, type ModelEvent, type ModelMachine } from './loadWork';
import { MachineStore } from './machineStore';
import { CUSTOM_MODEL_ID } from './modelCatalog';
import type { OnProgress } from './modelLoader';
import { initialState, modelReducer } from './modelMachine';
import { resolveModelId, sameView, viewOf, type ModelView } from './modelView';
import type { Variant } from './variant';

/** What the controller needs from the world; tests pass fakes. */
export interface ModelControllerDeps<M> extends LoadDeps<M> {
  /** reads the reader's own weights: a File, or an address on this site */
  readCustom(source: File | string, onProgress: OnProgress): Promise<SafetensorsFile>;
  /** names the network the weights hold; throws (a WeightsError) when it is no known ResNet/ResNeXt */
  checkCustom(file: SafetensorsFile): Promise<Variant>;
  /** the manifest if it has been fetched already (it gives the progress bar its total early) */
  loadedManifest(): ModelManifest | null;
  loadManifest(): Promise<ModelManifest>;
}

/** What subscribers read: a new object whenever the view or the models waiting for disposal change. */
export interface ModelSnapshot<M> {
  view: ModelView<M>;
  /** models let go of in this state: `release` disposes them once it is on screen */
  retired: readonly M[];
}

/**
 * Holds the one model the sections share. It loads when first needed, keeps the parsed weights so a change
 * of backend rebuilds the model there without downloading again, and disposes every model it replaces. What
 * to download, build, keep and dispose is decided by the state machine in ./modelMachine; the controller
 * feeds it events and, after every change, brings the work under way in line with the state: the download,
 * its progress, the build. Models are disposed through `release`, once a state without them is on screen.
 */
export class ModelController<M extends { dispose(): void }> {
  private readonly machine: MachineStore<ModelMachine<M>, ModelEvent<M>>;
  private readonly work: LoadWork<M>;
  private readonly listeners = new Set<() => void>();
  private readonly disposed = new WeakSet<M>();
  private backend: BackendName | null = null;
  private users = 0;
  private manifest: ModelManifest | null;
  private manifestAsked = false;
  private snapshot: ModelSnapshot<M>;
  private steering = false;
  private again = false;

  constructor(
    private readonly deps: ModelControllerDeps<M>,
    requested: string,
  ) {
    this.machine = new MachineStore<ModelMachine<M>, ModelEvent<M>>(
      initialState(resolveModelId(requested, false)),
      modelReducer,
    );
    this.work = new LoadWork(deps, (e) => void this.send(e), this.disposeOnce);
    this.manifest = deps.loadedManifest();
    this.snapshot = { view: viewOf(this.machine.get(), this.manifest), retired: [] };
    this.machine.subscribe(() => this.steer());
  }

  readonly getSnapshot = (): ModelSnapshot<M> => this.snapshot;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The app state names `id`; returns the model id in use (the default when `id` names nothing loadable). */
  readonly request = (id: string): string => {
    const m = this.machine.get();
    return this.send({ type: 'model', modelId: resolveModelId(id, m.files.has(CUSTOM_MODEL_ID)) }).modelId;
  };

  /** The backend models are built on: its name once ready, null while one starts. */
  readonly setBackend = (name: BackendName | null): void => {
    this.backend = name;
    this.send({ type: 'backend', backend: name });
  };

  /**
   * Counts a part of the page that needs the model: nothing loads until one does. The returned function
   * releases it; the last release is acted on a microtask later, so that one part replacing another (the
   * release and the acquire of one commit) does not interrupt the download.
   */
  readonly acquire = (): (() => void) => {
    this.users++;
    this.send({ type: 'need', wanted: true });
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      this.users--;
      if (this.users === 0)
        queueMicrotask(() => {
          if (this.users === 0) this.send({ type: 'need', wanted: false });
        });
    };
  };

  /** Loads again after an error. */
  readonly retry = (): void => {
    if (!this.manifest) this.manifestAsked = false;
    this.send({ type: 'retry' });
  };

  /**
   * Reads the reader's weights, checks they are a known ResNet/ResNeXt and switches to them. Throws (the
   * current model stays) when they cannot be used.
   */
  readonly loadCustom = async (source: File | string, onProgress: OnProgress): Promise<Variant> => {
    const file = await this.deps.readCustom(source, onProgress);
    const variant = await this.deps.checkCustom(file);
    this.send({ type: 'custom', id: CUSTOM_MODEL_ID, file });
    this.request(CUSTOM_MODEL_ID);
    return variant;
  };

  /**
   * Lends the comparison shipped model `id`, built on the active backend: the one kept from an earlier
   * comparison, else built now (its weights kept, or downloaded now). Give it back when done; never dispose it.
   */
  readonly borrow = (id: string, onProgress: OnProgress, signal: AbortSignal): Promise<Loan<M>> =>
    borrowComparedModel(
      this.machine,
      { fetchWeights: this.deps.fetchShipped, build: this.deps.build },
      id,
      onProgress,
      signal,
    );

  /** The comparison is closed: its models are disposed once no one holds them; the weights stay. */
  readonly closeCompared = (): void => void this.send({ type: 'closeKept' });

  /**
   * `shown` is on screen, and every part of the page has let go of the models it no longer holds (React: an
   * effect of the provider, which runs after its children's): they are disposed, and freed in the worker.
   */
  readonly release = (shown: ModelSnapshot<M>): void => {
    if (shown.retired.length === 0) return;
    shown.retired.forEach(this.disposeOnce);
    this.send({ type: 'disposed', models: shown.retired });
  };

  /**
   * The page goes away: the work under way stops, and the model in use, the kept ones and any not yet
   * disposed go. The controller starts again from nothing when it is needed again.
   */
  readonly dispose = (): void => {
    const { retired } = this.send({ type: 'dispose' });
    retired.forEach(this.disposeOnce);
    this.send({ type: 'disposed', models: retired });
  };

  private send(e: ModelEvent<M>): ModelMachine<M> {
    return this.machine.send(e);
  }

  private readonly disposeOnce = (model: M): void => {
    if (this.disposed.has(model)) return;
    this.disposed.add(model);
    this.deps.inference().detach(model);
    model.dispose();
  };

  /** Brings the work under way in line with the machine's state, then publishes it. Never re-entered. */
  private steer(): void {
    if (this.steering) {
      this.again = true;
      return;
    }
    this.steering = true;
    try {
      do {
        this.again = false;
        const m = this.machine.get();
        this.work.steer(m, this.backend);
        this.askManifest(m);
      } while (this.again);
    } finally {
      this.steering = false;
    }
    this.publish();
  }

  /** The manifest lists each file's size: with it the progress bar has its total before the first byte. */
  private askManifest(m: ModelMachine<M>): void {
    this.manifest ??= this.deps.loadedManifest();
    if (!m.wanted || this.manifest || this.manifestAsked) return;
    this.manifestAsked = true;
    // A failure here is reported by the download, which needs the manifest too.
    this.deps.loadManifest().then(
      (found) => {
        this.manifest = found;
        this.publish();
      },
      () => undefined,
    );
  }

  private publish(): void {
    const m = this.machine.get();
    const prev = this.snapshot;
    const next = viewOf(m, this.manifest);
    const view = sameView(prev.view, next) ? prev.view : next;
    const sameRetired =
      prev.retired.length === m.retired.length && prev.retired.every((x, i) => x === m.retired[i]);
    if (view === prev.view && sameRetired) return;
    this.snapshot = { view, retired: m.retired };
    for (const l of [...this.listeners]) l();
  }
}
