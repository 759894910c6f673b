import { injectRequestedFault, type FaultSite, type InjectedFault } from './faultInjection';
import {
  checkBackend,
  errorMessage,
  loadBackendPackage,
  loadCore,
  startGroupedConvKernel,
  type Tf,
} from './startTfjs';
import { BackendError, type ActivateResult, type BackendName } from './types';

export interface StartSteps {
  /** where it starts: the test fault (faultInjection.ts) applies to one site, or both */
  site: FaultSite;
  /** the fault a test asked for (tests' build only) */
  fault: InjectedFault | null;
  /** right before tf.setBackend (the page: replace a backend whose GPU was lost) */
  beforeSetBackend?: (tf: Tf) => void;
  /** once its checks passed (the page: watch for the GPU's loss) */
  afterChecks?: (tf: Tf) => void;
}

/**
 * Starts a TensorFlow.js backend, the same way on the page (tfjsDriver.ts) and in the inference worker
 * (startWorkerBackend.ts): its package, tf.setBackend, one small op read back, then the project's grouped-conv
 * kernel checked against tf.conv2d (without it, tfjs ops). Throws a BackendError saying which step failed.
 */
export async function startBackend(name: BackendName, steps: StartSteps): Promise<ActivateResult> {
  let tf: Tf;
  let threadsCount: (() => number) | undefined;
  try {
    tf = await loadCore();
    threadsCount = await loadBackendPackage(tf, name);
  } catch (err) {
    throw new BackendError('import-failed', errorMessage(err));
  }
  let started: boolean;
  try {
    steps.beforeSetBackend?.(tf);
    started = await tf.setBackend(name);
  } catch (err) {
    throw new BackendError('init-failed', errorMessage(err));
  }
  if (!started || tf.getBackend() !== name) {
    throw new BackendError('init-failed', `tf.setBackend('${name}') returned false`);
  }
  try {
    await checkBackend(tf);
  } catch (err) {
    throw err instanceof BackendError ? err : new BackendError('check-failed', errorMessage(err));
  }
  steps.afterChecks?.(tf);
  const groupedConvKernel = await startGroupedConvKernel(name);
  // Tests of the canary only: a kernel bug the checks above cannot see (nothing happens unless one asks).
  if (__TEST_HOOKS__) injectRequestedFault(tf, name, steps.site, steps.fault);
  return threadsCount ? { threads: threadsCount(), groupedConvKernel } : { groupedConvKernel };
}
