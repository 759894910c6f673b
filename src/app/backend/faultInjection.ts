import type { BackendName } from './types';

type Tf = typeof import('@tensorflow/tfjs-core');

/**
 * A deliberate kernel bug, for the browser test of the canary only: a test sets `window.__resnextInjectFault`
 * (page.addInitScript) before the app loads, and when the named backend starts, its FusedConv2D kernel
 * applies a ReLU nobody asked for to the 1×1 convolutions with 1024 output channels: the last stage's expand
 * convs and projection shortcut of ResNeXt-29. The start-up checks (1+4 and the grouped-conv kernel against
 * tf.conv2d) never run that kernel at that shape; only the model does, so only the canary can notice. The app
 * itself never sets the switch.
 */
export interface InjectedFault {
  backend: BackendName;
}

declare global {
  interface Window {
    __resnextInjectFault?: InjectedFault;
  }
}

export const FAULTY_KERNEL = 'FusedConv2D';
const FAULTY_OUT_CHANNELS = 1024;

const injected = new Set<BackendName>();

/** The fault a test asked for on `name`, if any. */
function requested(name: BackendName): boolean {
  return typeof window !== 'undefined' && window.__resnextInjectFault?.backend === name;
}

/**
 * Breaks `name`'s FusedConv2D as described above when a test asked for it (once per page). Returns whether
 * the kernel is broken now.
 */
export function injectRequestedFault(tf: Tf, name: BackendName): boolean {
  if (injected.has(name)) return true;
  if (!requested(name)) return false;
  const config = tf.getKernel(FAULTY_KERNEL, name);
  if (!config) return false;
  const right = config.kernelFunc;
  tf.unregisterKernel(FAULTY_KERNEL, name);
  tf.registerKernel({
    ...config,
    kernelFunc: (args) => {
      const filter = (args.inputs as { filter?: { shape: number[] } }).filter;
      const [kh, kw, , cout] = filter?.shape ?? [];
      const hit = kh === 1 && kw === 1 && cout === FAULTY_OUT_CHANNELS && args.attrs?.activation === 'linear';
      return right(hit ? { ...args, attrs: { ...args.attrs, activation: 'relu' } } : args);
    },
  });
  injected.add(name);
  console.warn(`Test fault injected: ${name} ${FAULTY_KERNEL} applies a ReLU to 1×1 convs with 1024 outputs`);
  return true;
}
