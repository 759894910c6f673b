import type { SafetensorsFile } from '../../resnext/safetensors';
import type { OnProgress } from './modelLoader';

export type FetchWeights = (
  id: string,
  onProgress: OnProgress,
  signal: AbortSignal,
) => Promise<SafetensorsFile>;

/**
 * The shipped weights being downloaded, one download per model id. A download can start before the backend
 * is ready (the two then overlap) and be joined later by whoever builds the model; its progress goes to
 * whichever listener is current.
 */
export class WeightDownloads {
  private readonly inFlight = new Map<
    string,
    { promise: Promise<SafetensorsFile>; abort: AbortController }
  >();
  private listener: OnProgress | null = null;

  constructor(private readonly fetchWeights: FetchWeights) {}

  /** Starts the download of `id`, or joins the one under way. A failed or cancelled one is forgotten. */
  get(id: string): Promise<SafetensorsFile> {
    const running = this.inFlight.get(id);
    if (running) return running.promise;
    const abort = new AbortController();
    const promise = this.fetchWeights(
      id,
      (loaded, total, restarts) => this.listener?.(loaded, total, restarts),
      abort.signal,
    );
    const entry = { promise, abort };
    this.inFlight.set(id, entry);
    const forget = () => {
      if (this.inFlight.get(id) === entry) this.inFlight.delete(id);
    };
    promise.then(forget, forget);
    return promise;
  }

  /** Where progress goes from now on (null: nowhere). */
  listen(onProgress: OnProgress | null): void {
    this.listener = onProgress;
  }

  /** Stops the download of `id`, if one is under way; whoever awaits it gets the abort error. */
  cancel(id: string): void {
    const running = this.inFlight.get(id);
    if (!running) return;
    this.inFlight.delete(id);
    running.abort.abort();
  }

  isDownloading(id: string): boolean {
    return this.inFlight.has(id);
  }
}
