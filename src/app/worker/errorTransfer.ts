import { transferHandlers, type TransferHandler } from 'comlink';
import { failureOf, InferenceWorkerError, type InferenceFailure } from './protocol';

/** Comlink's own handler for what a call throws: it recognises the thrown value (by a symbol it keeps). */
const comlinkThrow = transferHandlers.get('throw')!;

/**
 * Comlink sends a thrown Error as its message, name and stack only, so the page would lose the failure's code:
 * this handler sends the failure itself and throws it on the other side as the same typed InferenceWorkerError
 * (anything else thrown arrives as code 'error' with its message). Installed in the worker and on the page.
 */
const throwFailure: TransferHandler<{ value: unknown }, InferenceFailure> = {
  canHandle: (value): value is { value: unknown } => comlinkThrow.canHandle(value),
  serialize: ({ value }) => [failureOf(value), []],
  deserialize: (failure) => {
    throw new InferenceWorkerError(failure);
  },
};

export function installErrorTransfer(): void {
  transferHandlers.set('throw', throwFailure as TransferHandler<unknown, unknown>);
}
