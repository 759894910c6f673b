import type { KernelCheckReport } from '../../resnext/kernels/checkGroupedConvKernel';
import { wasmPaths } from './wasmPaths';
import { wasmThreadsSafe } from './wasmThreads';
import { BackendError, type BackendName } from './types';

/*
 * Starting a TensorFlow.js backend, the part the page and the inference worker (src/app/worker/) share: no
 * DOM, no React. The page adds GPU-loss tracking and probes (tfjsDriver.ts).
 */

export type Tf = typeof import('@tensorflow/tfjs-core');

// tfjs and its backends are loaded on demand, so the first paint does not wait for them.
export const loadCore = (): Promise<Tf> => import('@tensorflow/tfjs-core');

let wasmConfigured = false;

/** Loads a backend package, which registers the backend with tfjs-core. Returns the WASM thread count getter. */
export async function loadBackendPackage(tf: Tf, name: BackendName): Promise<(() => number) | undefined> {
  switch (name) {
    case 'webgpu':
      await import('@tensorflow/tfjs-backend-webgpu');
      return undefined;
    case 'webgl':
      await import('@tensorflow/tfjs-backend-webgl');
      return undefined;
    case 'cpu':
      await import('@tensorflow/tfjs-backend-cpu');
      return undefined;
    case 'wasm': {
      const wasm = await import('@tensorflow/tfjs-backend-wasm');
      if (!wasmConfigured) {
        wasm.setWasmPaths(wasmPaths);
        if (!wasmThreadsSafe()) {
          console.warn(
            'WASM backend: worker threads disabled, this build lacks the tfjsWasmThreads Vite plugin',
          );
          tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
        }
        wasmConfigured = true;
      }
      return wasm.getThreadsCount;
    }
  }
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Runs one small op and reads it back: a backend that starts but computes wrongly is no use. */
export async function checkBackend(tf: Tf): Promise<void> {
  const y = tf.tidy(() => tf.add(tf.tensor1d([1, 2, 3]), tf.scalar(4)));
  try {
    const values = await y.data();
    if (values[0] !== 5 || values[1] !== 6 || values[2] !== 7) {
      throw new BackendError('check-failed', `1+4, 2+4, 3+4 gave ${Array.from(values).join(', ')}`);
    }
  } finally {
    y.dispose();
  }
}

/** What startGroupedConvKernel decided when a backend last started here (kept in the tests' build only). */
export interface GroupedConvStartup {
  backend: BackendName;
  /** whether the backend has a kernel of ours that was registered */
  registered: boolean;
  /** the start-up check: what it ran and its verdict (null when it did not run) */
  check: KernelCheckReport | null;
  /** whether the kernel stays: the model runs it */
  kept: boolean;
}

let startup: GroupedConvStartup | null = null;
/** The last start-up decision in this context (page or worker); null outside the tests' build. */
export const groupedConvStartup = (): GroupedConvStartup | null => startup;

/** Registers and checks the project's grouped-conv kernel; without it the model uses tfjs ops (slower, equal). */
export async function startGroupedConvKernel(name: BackendName): Promise<boolean> {
  let registered = false;
  let kept = false;
  let check: GroupedConvStartup['check'] = null;
  try {
    const { registerBackendKernels } = await import('../../resnext/kernels/registerBackendKernels');
    const { checkGroupedConvKernel, lastKernelCheck } =
      await import('../../resnext/kernels/checkGroupedConvKernel');
    registered = await registerBackendKernels(name);
    kept = registered && (await checkGroupedConvKernel());
    if (registered) check = lastKernelCheck();
  } catch {
    // an import or registration that throws leaves the model on tfjs ops
  }
  if (__TEST_HOOKS__) startup = { backend: name, registered, check, kept };
  return kept;
}
