import type { BackendName } from './types';

type Tf = typeof import('@tensorflow/tfjs-core');

/**
 * A deliberate kernel bug, for the browser test of the canary only: a test sets `window.__resnextInjectFault`
 * (page.addInitScript) before the app loads, and when the named backend starts, its FusedConv2D kernel (on the
 * page, in the inference worker, or both: `where`) applies a ReLU nobody asked for to the 1×1 convolutions
 * with 1024 output channels: the last stage's expand convs and projection shortcut of ResNeXt-29. The start-up checks (1+4 and the grouped-conv kernel against
 * tf.conv2d) never run that kernel at that shape; only the model does, so only the canary can notice. The app
 * itself never sets the switch, and the production build holds none of this (src/app/backend/testHooks.ts).
 */
export interface InjectedFault {
  backend: BackendName;
  /**
   * Where the kernel breaks: on the page, in the inference worker (src/app/worker/), or in both (the
   * default), as a faulty driver would break both.
   */
  where?: 'page' | 'worker' | 'both';
}

export type FaultSite = 'page' | 'worker';

/** The fault a test asked for on this page (read on the page, and handed to the worker when it starts). */
export function requestedFault(): InjectedFault | null {
  if (!__TEST_HOOKS__) return null;
  return (typeof window !== 'undefined' && window.__resnextInjectFault) || null;
}

/**
 * Whether a test asked the inference worker to stop answering classifications (a hung driver, a kernel that
 * never ends): `window.__resnextHangInferenceWorker = true` before the app loads. The page must time it out.
 */
export function requestedHang(): boolean {
  if (!__TEST_HOOKS__) return false;
  return typeof window !== 'undefined' && window.__resnextHangInferenceWorker === true;
}

declare global {
  interface Window {
    __resnextInjectFault?: InjectedFault;
    __resnextHangInferenceWorker?: boolean;
  }
}

const FAULTY_KERNEL = 'FusedConv2D';
const FAULTY_OUT_CHANNELS = 1024;

const injected = new Set<BackendName>();

/** Whether `fault` breaks `name` at `site`. */
function applies(fault: InjectedFault | null, name: BackendName, site: FaultSite): boolean {
  return (
    !!fault && fault.backend === name && (fault.where ?? 'both') !== (site === 'page' ? 'worker' : 'page')
  );
}

/**
 * Breaks `name`'s FusedConv2D as described above when a test asked for it (once per page). Returns whether
 * the kernel is broken now.
 */
export function injectRequestedFault(
  tf: Tf,
  name: BackendName,
  site: FaultSite = 'page',
  fault: InjectedFault | null = requestedFault(),
): boolean {
  if (!__TEST_HOOKS__) return false;
  if (injected.has(name)) return true;
  if (!applies(fault, name, site)) return false;
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
  console.warn(
    `Test fault injected (${site}): ${name} ${FAULTY_KERNEL} applies a ReLU to 1×1 convs with 1024 outputs`,
  );
  return true;
}
