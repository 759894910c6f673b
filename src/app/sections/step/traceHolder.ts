import { disposeTrace, type BlockTrace } from '../../../resnext/stepThrough';

/**
 * Keeps the one trace on show. A newer load supersedes an older one still running (its result is freed on
 * arrival); a trace is freed when a newer one replaces it and when the holder is released.
 */
export class TraceHolder {
  private current: BlockTrace | null = null;
  private latest = 0;
  private released = false;

  get trace(): BlockTrace | null {
    return this.current;
  }

  /** Runs compute; resolves to its trace, or null when a newer load or release came first. */
  async load(compute: () => Promise<BlockTrace>): Promise<BlockTrace | null> {
    const id = ++this.latest;
    const trace = await compute();
    if (id !== this.latest || this.released) {
      disposeTrace(trace);
      return null;
    }
    if (this.current) disposeTrace(this.current);
    this.current = trace;
    return trace;
  }

  /** Frees the trace on show and any still being computed. */
  release(): void {
    this.released = true;
    this.latest++;
    if (this.current) disposeTrace(this.current);
    this.current = null;
  }
}
