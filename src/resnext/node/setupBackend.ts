import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import path from 'node:path';
import { registerBackendKernels } from '../kernels/registerBackendKernels';

export type NodeBackend = 'cpu' | 'wasm';

let wasmPathsSet = false;

/**
 * Selects a tfjs backend in Node (tests and scripts). The wasm backend loads its .wasm binaries
 * from the package's dist folder, given as a file path.
 */
export async function setupNodeBackend(name: NodeBackend): Promise<void> {
  // Silences the hint to install tfjs-node, which this project does not use.
  tf.env().set('PROD', true);
  if (name === 'wasm' && !wasmPathsSet) {
    const require = createRequire(import.meta.url);
    const pkg = require.resolve('@tensorflow/tfjs-backend-wasm/package.json');
    setWasmPaths(path.join(path.dirname(pkg), 'dist') + path.sep);
    wasmPathsSet = true;
  }
  if (tf.getBackend() === name) return;
  const ok = await tf.setBackend(name);
  if (!ok) throw new Error(`tfjs backend ${name} failed to initialise`);
  await tf.ready();
  // The project's own kernels, as in the browser (registered before any model prepares its layouts).
  if (name === 'wasm') await registerBackendKernels('wasm');
}
