import type { BackendName } from '../backend/types';
import type { InferenceFailure, LoadResult } from './protocol';

/**
 * 'off': no model has been handed to the worker yet (or this browser has no workers); 'starting': its backend
 * starts, or the model loads there; 'ready': the worker runs the network; 'failed': it cannot, and the page
 * computes instead (`failure` says why).
 */
type InferencePhase = 'off' | 'starting' | 'ready' | 'failed';

export interface InferenceState {
  phase: InferencePhase;
  /** whether a part of the page that uses the worker (Classify, the step-through) is shown */
  wanted: boolean;
  /** the backend the worker runs (always the page's) */
  backend: BackendName | null;
  failure: InferenceFailure | null;
  /** WASM only: the worker's threads */
  threads?: number;
  /** how long the worker's backend took to start, its checks included */
  startMs?: number;
  /** the canary in the worker, once the default model has loaded there */
  canary?: LoadResult['canary'];
}

/** The inference worker's state as the page shows it: a value that is replaced, never changed, and its listeners. */
export class InferenceStateStore {
  private state: InferenceState = { phase: 'off', wanted: false, backend: null, failure: null };
  private wanting = 0;
  private readonly listeners = new Set<() => void>();

  getState = (): InferenceState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Changes the fields in `patch`, keeping the others. */
  patch(patch: Partial<InferenceState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  /** Back to 'off', with nothing of the last worker kept. */
  reset(): void {
    this.state = { phase: 'off', wanted: this.state.wanted, backend: null, failure: null };
    this.patch({});
  }

  /** Counts a part of the page that wants the worker until the returned function is called (once). */
  want(): () => void {
    this.wanting++;
    if (this.wanting === 1) this.patch({ wanted: true });
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.wanting--;
      if (this.wanting === 0) this.patch({ wanted: false });
    };
  }
}
