import { injectRequestedFault } from './faultInjection';
import { replaceLostBackend, trackGpu } from './gpuLoss';
import { probeBackend } from './probes';
import {
  checkBackend,
  errorMessage,
  loadBackendPackage,
  loadCore,
  startGroupedConvKernel,
  type Tf,
} from './startTfjs';
import { BackendError, type ActivateResult, type BackendDriver, type BackendName } from './types';

async function activate(name: BackendName): Promise<ActivateResult> {
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
    replaceLostBackend(tf, name);
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
  trackGpu(tf, name);
  const groupedConvKernel = await startGroupedConvKernel(name);
  // Tests of the canary only: a kernel bug the checks above cannot see (nothing happens unless one asks).
  if (__TEST_HOOKS__) injectRequestedFault(tf, name);
  return threadsCount ? { threads: threadsCount(), groupedConvKernel } : { groupedConvKernel };
}

export const tfjsDriver: BackendDriver = { probe: probeBackend, activate };
