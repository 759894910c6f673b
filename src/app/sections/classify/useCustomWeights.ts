import { useCallback, useRef, useState } from 'react';
import { useModelStore, type ByteProgress, type StoreError } from '../../model';
import { toStoreError } from '../../model/modelLoader';
import type { Variant } from '../../model/variant';

export interface CustomWeightsState {
  status: 'idle' | 'reading' | 'done' | 'error';
  name: string | null;
  progress: ByteProgress | null;
  variant: Variant | null;
  error: StoreError | null;
}

/** Loading the reader's own weights (from a file or an address), with progress and a translated error. */
export function useCustomWeights() {
  const { loadCustom } = useModelStore();
  const [state, setState] = useState<CustomWeightsState>({
    status: 'idle',
    name: null,
    progress: null,
    variant: null,
    error: null,
  });
  const run = useRef(0);

  const load = useCallback(
    async (source: File | string) => {
      const id = ++run.current;
      const name =
        typeof source === 'string'
          ? source.replace(/[?#].*$/, '').replace(/^.*\//, '') || source
          : source.name;
      setState({ status: 'reading', name, progress: { loaded: 0, total: null }, variant: null, error: null });
      let last = 0;
      try {
        const variant = await loadCustom(source, (loaded, total) => {
          const now = performance.now();
          if (id !== run.current || (now - last < 80 && loaded !== total)) return;
          last = now;
          setState((s) => ({ ...s, progress: { loaded, total } }));
        });
        if (id === run.current) setState({ status: 'done', name, progress: null, variant, error: null });
      } catch (err) {
        if (id === run.current)
          setState({ status: 'error', name, progress: null, variant: null, error: toStoreError(err) });
      }
    },
    [loadCustom],
  );

  /** Forgets the last error (a newer problem is shown instead). */
  const clearError = useCallback(() => {
    run.current++;
    setState((s) => (s.status === 'error' ? { ...s, status: 'idle', error: null } : s));
  }, []);

  return { state, load, clearError };
}
