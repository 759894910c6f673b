import type { SafetensorsFile } from '../../resnext/safetensors';
import type { LoadResult } from './protocol';
import { requestTimeoutMs, SLOW_REQUEST_MS } from './requestTimeout';
import type { ArgsOf, ResultOf } from './workerConnection';
import type { WorkerLifecycle } from './workerLifecycle';

let nextModel = 1;

/**
 * A page's model loaded into the worker of one generation: its id there, and how long one call for it takes
 * there, as far as the page knows (the canary's time, then the slowest answer), which bounds the next wait.
 */
export class WorkerModel {
  readonly generation: number;
  /** its id in the worker; null when it could not be loaded there */
  readonly id: Promise<number | null>;
  private expectedMs: number | null = null;

  /** Loads `file` once the current worker has started; `loaded` hears when it is there, in that generation. */
  constructor(
    private readonly life: WorkerLifecycle,
    file: SafetensorsFile,
    canary: boolean,
    loaded: (result: LoadResult) => void,
  ) {
    const generation = (this.generation = life.generation);
    const id = nextModel++;
    this.id = life.started.then(async (ok) => {
      const result = ok ? await life.attempt(generation, 'load', [id, file, canary], SLOW_REQUEST_MS) : null;
      if (!result) return null;
      if (result.canary) this.expectedMs = result.canary.ms;
      if (generation === life.generation) loaded(result);
      return id;
    });
  }

  /** Whether the worker it was loaded into is the current one. */
  get current(): boolean {
    return this.generation === this.life.generation;
  }

  /** `method` for this model in its worker, bounded by requestTimeoutMs; null when that worker cannot answer. */
  async ask<K extends 'classify' | 'blockInput'>(
    method: K,
    args: (id: number) => ArgsOf<K>,
  ): Promise<ResultOf<K> | null> {
    const id = await this.id;
    if (id === null || !this.current) return null;
    const t0 = performance.now();
    const result = await this.life.attempt(
      this.generation,
      method,
      args(id),
      requestTimeoutMs(this.expectedMs),
    );
    if (result !== null) this.expectedMs = Math.max(this.expectedMs ?? 0, performance.now() - t0);
    return result;
  }

  /** Frees it in its worker, if that one still runs. */
  unload(): void {
    void this.id.then((id) => {
      if (id !== null)
        this.life.call(this.generation, 'unload', [id], SLOW_REQUEST_MS).catch(() => undefined);
    });
  }
}
