import type { MachineStore } from './machineStore';
import type { MachineEvent, MachineState } from './modelMachine';
import type { OnProgress } from './modelLoader';

/** A kept model lent to a comparison: use it, then give it back (once; later calls do nothing). */
export interface Loan<M> {
  model: M;
  /** whether it was built for this loan (false: it was kept from an earlier comparison) */
  built: boolean;
  giveBack(): void;
}

export interface ComparedModelDeps<F, M> {
  /** downloads (and checks) a shipped model's weights */
  fetchWeights(id: string, onProgress: OnProgress, signal: AbortSignal): Promise<F>;
  /** builds a model on the active backend: the model, its tensors' bytes and the backend's name */
  build(file: F): Promise<{ model: M; bytes: number; backend: string }>;
}

/**
 * Lends the comparison the model `id`, on the backend the model machine knows: the one kept from an earlier
 * comparison, else one built now from the kept weights, else from the model menu's weights of `id` or
 * weights downloaded now (either kept). Waits while no backend is ready. A model built for a backend the machine has since left is retired by the
 * machine, and the model is built again on the new one.
 */
export async function borrowComparedModel<F, M, E>(
  store: MachineStore<MachineState<F, M, E>, MachineEvent<F, M, E>>,
  deps: ComparedModelDeps<F, M>,
  id: string,
  onProgress: OnProgress,
  signal: AbortSignal,
): Promise<Loan<M>> {
  const lend = (model: M, built: boolean): Loan<M> => {
    let held = true;
    return {
      model,
      built,
      giveBack: () => {
        if (held) store.send({ type: 'giveBack', model });
        held = false;
      },
    };
  };
  for (;;) {
    signal.throwIfAborted();
    const s = await store.until((x) => x.backend !== null, signal);
    const kept = s.kept.get(id);
    if (kept?.model) {
      store.send({ type: 'borrow', id });
      return lend(kept.model, false);
    }
    if (!kept) {
      // the weights the model menu downloaded, else a download of their own
      const file = s.files.get(id) ?? (await deps.fetchWeights(id, onProgress, signal));
      store.send({ type: 'keepWeights', id, file });
      continue;
    }
    const started = s.backend;
    const { model, bytes, backend } = await deps.build(kept.file);
    const at = store.get().backend;
    const after = store.send({ type: 'keepModel', id, backend, model, bytes });
    if (after.kept.get(id)?.model === model) {
      const loan = lend(model, true);
      if (signal.aborted) loan.giveBack();
      signal.throwIfAborted();
      return loan;
    }
    // Not kept, so retired. Built on a backend that started before the machine heard of it: wait until it
    // has. (Otherwise the machine has moved on, and the next turn builds there; or another build of `id`
    // got there first, and the next turn borrows that one.)
    if (backend !== started && at === started) await store.until((x) => x.backend !== at, signal);
  }
}
