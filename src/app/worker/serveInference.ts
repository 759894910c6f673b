import { expose, transfer, type Endpoint } from 'comlink';
import { installErrorTransfer } from './errorTransfer';
import type { InferenceApi } from './protocol';

/**
 * The worker's side of the boundary: exposes `service` through Comlink on `endpoint` (the worker's own scope
 * when none is given; the unit tests pass one end of an in-memory channel).
 */
export function serveInference(service: InferenceApi, endpoint?: Endpoint): void {
  installErrorTransfer();
  // Comlink runs each call as it arrives; the service takes one at a time, in the order they came: chain them.
  let queue: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(run: () => Promise<T>): Promise<T> => {
    const next = queue.then(run);
    queue = next.catch(() => undefined);
    return next;
  };
  /** browser tests only (src/app/backend/testHooks.ts): the page asked this worker to hang on a classification */
  let hang = false;

  const api: InferenceApi = {
    start: (options) => {
      if (__TEST_HOOKS__ && options.hang) hang = true;
      return inTurn(() => service.start(options));
    },
    load: (model, file, canary) => inTurn(() => service.load(model, file, canary)),
    classify: (model, input) => {
      if (__TEST_HOOKS__ && hang) {
        // no answer, to this call or any after it, as a kernel that never ends would leave the worker
        return inTurn(() => new Promise<never>(() => {}));
      }
      // The answer's buffer is handed over, not copied: Comlink does so only for what `transfer` lists.
      return inTurn(async () => {
        const result = await service.classify(model, input);
        return transfer(result, [result.logits.buffer]);
      });
    },
    blockInput: (model, input, block) =>
      inTurn(async () => {
        const result = await service.blockInput(model, input, block);
        return transfer(result, [result.values.buffer]);
      }),
    unload: (model) => inTurn(() => service.unload(model)),
    memory: () => inTurn(() => service.memory()),
  };
  expose(api, endpoint);
}
