import { injectRequestedFault } from '../backend/faultInjection';
import { checkBackend, loadBackendPackage, loadCore, startGroupedConvKernel } from '../backend/startTfjs';
import type { StartBackend } from './inferenceService';

/**
 * Starts a backend inside the inference worker with the page's own checks: one small op read back, then the
 * project's grouped-conv kernel against tf.conv2d on every variant the backend has (without it, tfjs ops).
 * WebGL draws on an OffscreenCanvas there, WebGPU asks for its own device; GPU-loss recovery stays the
 * page's: a worker whose GPU goes away fails its next request, and the page computes from then on.
 */
export const startWorkerBackend: StartBackend = async (name, fault) => {
  const tf = await loadCore();
  const threadsCount = await loadBackendPackage(tf, name);
  if (!(await tf.setBackend(name)) || tf.getBackend() !== name) {
    throw new Error(`tf.setBackend('${name}') returned false`);
  }
  await checkBackend(tf);
  const groupedConvKernel = await startGroupedConvKernel(name);
  // Tests of the safety net only (faultInjection.ts): the page hands over the fault it was asked for.
  if (__TEST_HOOKS__) injectRequestedFault(tf, name, 'worker', fault);
  return threadsCount
    ? { backend: name, threads: threadsCount(), groupedConvKernel }
    : { backend: name, groupedConvKernel };
};
