import { requestedFault } from './faultInjection';
import { replaceLostBackend, trackGpu } from './gpuLoss';
import { probeBackend } from './probes';
import { startBackend } from './startSequence';
import type { ActivateResult, BackendDriver, BackendName } from './types';

/** Starts `name` on the page: the shared sequence, with GPU-loss recovery around it. */
const activate = (name: BackendName): Promise<ActivateResult> =>
  startBackend(name, {
    site: 'page',
    fault: requestedFault(),
    beforeSetBackend: (tf) => replaceLostBackend(tf, name),
    afterChecks: (tf) => trackGpu(tf, name),
  });

export const tfjsDriver: BackendDriver = { probe: probeBackend, activate };
