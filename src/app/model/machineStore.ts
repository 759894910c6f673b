/**
 * A state machine's state held outside React, so that code outside a render (the comparison borrowing a
 * kept model) can send an event and read the outcome at once; `subscribe` tells of each change.
 */
export class MachineStore<S, E> {
  private readonly listeners = new Set<() => void>();

  constructor(
    private state: S,
    private readonly reducer: (s: S, e: E) => S,
  ) {}

  readonly get = (): S => this.state;

  /** Applies `e` and returns the new state (the same object when nothing changed). */
  readonly send = (e: E): S => {
    const next = this.reducer(this.state, e);
    if (next !== this.state) {
      this.state = next;
      for (const l of [...this.listeners]) l();
    }
    return next;
  };

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The first state (this one, or a later one) for which `test` holds; rejects when `signal` aborts. */
  until(test: (s: S) => boolean, signal?: AbortSignal): Promise<S> {
    if (test(this.state)) return Promise.resolve(this.state);
    return new Promise((resolve, reject) => {
      const stop = () => {
        unsubscribe();
        signal?.removeEventListener('abort', onAbort);
      };
      const onAbort = () => {
        stop();
        reject(signal?.reason);
      };
      const unsubscribe = this.subscribe(() => {
        if (!test(this.state)) return;
        stop();
        resolve(this.state);
      });
      if (signal?.aborted) onAbort();
      else signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}
