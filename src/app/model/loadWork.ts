import type { SafetensorsFile } from '../../resnext/safetensors';
import type { BackendName } from '../backend/types';
import { DEFAULT_MODEL_ID } from './modelCatalog';
import { toStoreError, type OnProgress, type StoreError } from './modelLoader';
import { currentFile, type MachineEvent, type MachineState } from './modelMachine';
import { throttleProgress } from './progressThrottle';
import { WeightDownloads } from './weightDownloads';

export type ModelMachine<M> = MachineState<SafetensorsFile, M, StoreError>;
export type ModelEvent<M> = MachineEvent<SafetensorsFile, M, StoreError>;

/** What loading needs from the world; tests pass fakes. */
export interface LoadDeps<M> {
  /** downloads and checks a shipped model's weights (the menu's download and the comparison's) */
  fetchShipped(id: string, onProgress: OnProgress, signal: AbortSignal): Promise<SafetensorsFile>;
  /** builds a model on the active backend: the model, its tensors' bytes and the backend's name */
  build(file: SafetensorsFile): Promise<{ model: M; bytes: number; backend: string }>;
  /** resolves once downloads may start (src/app/startup/firstFigure.ts) */
  mayDownload(): Promise<void>;
  /** the inference worker: offered each model built for the page, told of each disposed */
  inference(): {
    offer(model: M, file: SafetensorsFile, backend: BackendName, canary: boolean): void;
    detach(model: M): void;
  };
  /** milliseconds, for the progress throttle */
  now(): number;
}

interface Build {
  run: number;
  file: SafetensorsFile;
  backend: BackendName;
  cancel(): void;
}

/** Progress reports closer together than this are dropped (the last one of a download never is). */
const PROGRESS_INTERVAL_MS = 80;

/**
 * The model machine's load under way: the download, its progress and the build that its state asks for.
 * `steer` starts what the state asks for and stops what it no longer does; results go back as events.
 */
export class LoadWork<M> {
  private readonly downloads: WeightDownloads;
  private download: { id: string; stop(): void } | null = null;
  private progressRun: number | null = null;
  private building: Build | null = null;

  constructor(
    private readonly deps: LoadDeps<M>,
    private readonly send: (e: ModelEvent<M>) => void,
    /** disposes a model built for a load no longer under way */
    private readonly discard: (model: M) => void,
  ) {
    this.downloads = new WeightDownloads(deps.fetchShipped);
  }

  /** Brings the work in line with `m`; `backend` is the one running now. */
  steer(m: ModelMachine<M>, backend: BackendName | null): void {
    this.steerProgress(m);
    this.steerDownload(m);
    this.steerBuild(m, backend);
  }

  /** Progress goes to the load under way, thinned out. */
  private steerProgress(m: ModelMachine<M>): void {
    const run = m.phase === 'downloading' ? m.run : null;
    if (run === this.progressRun) return;
    this.progressRun = run;
    this.downloads.listen(
      run === null
        ? null
        : throttleProgress(
            (loaded, total, restarts) => this.send({ type: 'progress', run, loaded, total, restarts }),
            this.deps.now,
            PROGRESS_INTERVAL_MS,
          ),
    );
  }

  /**
   * The weights download as soon as a part of the page needs them (after the first figure), while the backend
   * may still be starting. A change of backend meanwhile does not interrupt the download; a change of model
   * cancels it.
   */
  private steerDownload(m: ModelMachine<M>): void {
    const id = m.wanted && m.phase === 'downloading' ? m.modelId : null;
    if ((this.download?.id ?? null) === id) return;
    this.download?.stop();
    this.download = null;
    if (id === null) return;
    let live = true;
    const downloads = this.downloads;
    this.download = {
      id,
      stop: () => {
        live = false;
        downloads.cancel(id);
      },
    };
    void (async () => {
      await this.deps.mayDownload();
      if (!live) return;
      try {
        const file = await downloads.get(id);
        if (live) this.send({ type: 'downloaded', id, file });
      } catch (err) {
        if (live) this.send({ type: 'downloadFailed', id, error: toStoreError(err) });
      }
    })();
  }

  /**
   * Building: once the weights are here and the backend they are for is running. The worker is offered the
   * same weights on the same backend; the default model is canary-checked there. A build no longer wanted is
   * discarded when it arrives.
   */
  private steerBuild(m: ModelMachine<M>, backend: BackendName | null): void {
    const file = currentFile(m);
    const wanted =
      m.wanted && m.phase === 'building' && file && backend !== null && m.backend === backend
        ? { run: m.run, file, backend }
        : null;
    const b = this.building;
    if (b && wanted && b.run === wanted.run && b.file === wanted.file && b.backend === wanted.backend) return;
    b?.cancel();
    this.building = null;
    if (!wanted) return;
    let cancelled = false;
    this.building = { ...wanted, cancel: () => (cancelled = true) };
    const canary = m.modelId === DEFAULT_MODEL_ID;
    this.deps.build(wanted.file).then(
      ({ model }) => {
        if (cancelled) {
          this.discard(model);
          return;
        }
        this.deps.inference().offer(model, wanted.file, wanted.backend, canary);
        this.send({ type: 'built', run: wanted.run, model });
      },
      (err: unknown) => {
        if (!cancelled) this.send({ type: 'failed', run: wanted.run, error: toStoreError(err) });
      },
    );
  }
}
