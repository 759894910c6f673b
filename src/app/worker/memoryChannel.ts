import type { Endpoint } from 'comlink';

type Listener = (event: MessageEvent) => void;

/** One end of a memoryChannel. */
class MemoryPort implements Endpoint {
  peer: MemoryPort | null = null;
  closed = false;
  private readonly listeners = new Set<Listener>();

  postMessage(message: unknown, transfer: Transferable[] = []): void {
    if (this.closed) return;
    // as between threads: a structured clone, and what `transfer` lists is moved (detached here)
    const data: unknown = structuredClone(message, { transfer });
    const peer = this.peer;
    queueMicrotask(() => {
      if (!peer || peer.closed) return;
      for (const listener of peer.listeners) listener({ data } as MessageEvent);
    });
  }

  // Comlink listens with functions only.
  addEventListener(_type: string, listener: EventListenerOrEventListenerObject): void {
    this.listeners.add(listener as Listener);
  }

  removeEventListener(_type: string, listener: EventListenerOrEventListenerObject): void {
    this.listeners.delete(listener as Listener);
  }

  close(): void {
    this.closed = true;
  }
}

/**
 * Two connected Comlink endpoints in one thread, for the unit tests of the worker's boundary: each message is
 * cloned and delivered in a microtask, as a worker's would be in a task, so that fake timers can drive them.
 */
export function memoryChannel(): [MemoryPort, MemoryPort] {
  const a = new MemoryPort();
  const b = new MemoryPort();
  a.peer = b;
  b.peer = a;
  return [a, b];
}
