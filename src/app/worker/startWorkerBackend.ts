import { startBackend } from '../backend/startSequence';
import type { StartBackend } from './inferenceService';

/**
 * Starts a backend inside the inference worker with the page's own sequence and checks (startSequence.ts).
 * WebGL draws on an OffscreenCanvas there, WebGPU asks for its own device; GPU-loss recovery stays the
 * page's: a worker whose GPU goes away fails its next call, and the page computes from then on. The fault a
 * test asked for (tests of the safety net only, faultInjection.ts) is the one the page handed over.
 */
export const startWorkerBackend: StartBackend = async (name, fault) => {
  const { threads, groupedConvKernel = false } = await startBackend(name, { site: 'worker', fault });
  return threads ? { backend: name, threads, groupedConvKernel } : { backend: name, groupedConvKernel };
};
