import type { BackendPreference } from '../state/appState';

export type { BackendPreference };

/** TensorFlow.js backends the app can run on, fastest first. */
export const BACKEND_NAMES = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];

/**
 * Why a backend was not used. Each code has a message 'backend.error.<code>'. 'canary': it started, but the
 * default model's logits on the canary picture were too far from PyTorch's (see src/resnext/canary.ts).
 */
export type FailureCode =
  | 'unsupported'
  | 'no-adapter'
  | 'software'
  | 'import-failed'
  | 'init-failed'
  | 'check-failed'
  | 'lost'
  | 'canary';

export interface BackendAttempt {
  name: BackendName;
  error: FailureCode;
  /** Technical detail (an exception message or a renderer name), not translated. */
  message?: string;
  /** 'canary' only: the largest |logit − PyTorch's| measured on this backend */
  maxAbsDiff?: number;
}

/**
 * Why the active backend was chosen. Each code has a message 'backend.reason.<code>'. 'recovered': the same
 * backend started again after its GPU was lost; 'gpu-lost': another one took over from the lost one;
 * 'canary': another one took over from a backend that failed the canary.
 */
export type ReasonCode =
  'requested' | 'auto' | 'fallback' | 'software-gpu' | 'recovered' | 'gpu-lost' | 'canary';

export interface BackendInfo {
  /** The backend in use, as tf.getBackend() reports it. */
  name: BackendName;
  reason: ReasonCode;
  /** Backends tried or skipped before this one, in order. */
  fallbacks: BackendAttempt[];
  /** True when a GPU backend runs on a software renderer (SwiftShader, llvmpipe…). */
  software?: boolean;
  /** The GPU's renderer or adapter description, where the browser tells it. */
  renderer?: string;
  /** WASM only: worker threads in use (1 when the page is not cross-origin isolated). */
  threads?: number;
  /** The backend whose GPU (WebGL context or WebGPU device) was lost just before this one started. */
  lost?: BackendName;
  /** Whether grouped convolutions run on the project's own kernel (else on tfjs ops). */
  groupedConvKernel?: boolean;
}

/** What starting a backend reports back. */
export interface ActivateResult {
  threads?: number;
  groupedConvKernel?: boolean;
}

/** What a browser offers for one backend, found out without starting it. */
export interface Probe {
  available: boolean;
  software: boolean;
  error?: FailureCode;
  detail?: string;
}

/** Starts backends for real; the selection logic only talks to this. */
export interface BackendDriver {
  probe(name: BackendName): Promise<Probe>;
  /** Makes `name` the active backend and checks it computes correctly; throws BackendError otherwise. */
  activate(name: BackendName): Promise<ActivateResult>;
}

export class BackendError extends Error {
  readonly code: FailureCode;
  constructor(code: FailureCode, message: string) {
    super(message);
    this.name = 'BackendError';
    this.code = code;
  }
}

/**
 * The golden canary on the backend in use (see src/resnext/canary.ts). 'pending': waiting for the default
 * model to be built on this backend (it loads when a section needs it); 'skipped': another model is loaded,
 * and the canary only knows the default one's logits; 'failed': beyond tolerance on CPU, which nothing
 * comes after (elsewhere a failure starts the next backend instead); 'error': the run itself threw.
 */
type CanaryStatus = 'pending' | 'running' | 'passed' | 'failed' | 'skipped' | 'error';

export interface CanaryState {
  status: CanaryStatus;
  /** the backend it concerns */
  backend: BackendName;
  /** 'passed' and 'failed' */
  maxAbsDiff?: number;
  top1Matches?: boolean;
  ms?: number;
  /** 'error': the exception's message */
  message?: string;
}
