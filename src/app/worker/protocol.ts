import type { InjectedFault } from '../backend/faultInjection';
import type { BackendName } from '../backend/types';
import type { SafetensorsFile } from '../../resnext/safetensors';

/*
 * The messages between the page and the inference worker (inference.worker.ts). The worker runs the network
 * where a reader waits on it — a classification, and the blocks before the one the step-through shows — so
 * that the page's main thread only draws. Every request gets exactly one reply with the same `id`.
 */

/** A tensor's values and shape, as they cross between threads. */
export interface TensorData {
  values: Float32Array;
  shape: number[];
}

export type InferenceRequest =
  /** starts `backend` in the worker, with the page's checks (1+4, the grouped-conv kernel variants) */
  | {
      id: number;
      type: 'start';
      backend: BackendName;
      fault: InjectedFault | null;
      /** browser tests only (src/app/backend/testHooks.ts): never answer a classification */
      hang?: boolean;
    }
  /** builds a model from parsed weights; with `canary`, runs the golden canary on it (default model only) */
  | { id: number; type: 'load'; model: number; file: SafetensorsFile; canary: boolean }
  /** logits for a normalised NHWC input */
  | { id: number; type: 'classify'; model: number; input: TensorData }
  /** the input of block `block` (the stem and every block before it) for a normalised NHWC input */
  | { id: number; type: 'blockInput'; model: number; input: TensorData; block: string }
  | { id: number; type: 'unload'; model: number }
  /** tf.memory() in the worker */
  | { id: number; type: 'memory' };

type InferenceRequestType = InferenceRequest['type'];

/**
 * Why the worker cannot be used: each code has a message 'inference.failed.<code>'. 'start': its backend
 * did not start or failed a check; 'canary': the default model's logits there were too far from PyTorch's;
 * 'error': a request threw (a lost GPU, memory); 'crashed': the worker itself failed to load or died;
 * 'timeout': it did not answer in time (a driver hang, a kernel that never ends; inferenceClient.ts).
 */
export type InferenceFailureCode = 'start' | 'canary' | 'error' | 'crashed' | 'timeout';

export interface InferenceFailure {
  code: InferenceFailureCode;
  /** technical detail (an exception message), not translated */
  message: string;
  /** 'canary' only */
  maxAbsDiff?: number;
  /** 'timeout' only: how long the page waited, in seconds */
  seconds?: number;
}

export interface StartResult {
  backend: BackendName;
  /** time the start took in the worker: the backend's package and binaries, its checks */
  ms?: number;
  threads?: number;
  groupedConvKernel: boolean;
}

export interface LoadResult {
  /** the canary's result, when it ran */
  canary?: { maxAbsDiff: number; top1Matches: boolean; ms: number };
}

export interface ClassifyResult {
  logits: Float32Array;
  /** time spent running the network in the worker, reading the logits back included */
  ms: number;
}

export interface MemoryResult {
  numTensors: number;
  numBytes: number;
}

export interface ResultOf {
  start: StartResult;
  load: LoadResult;
  classify: ClassifyResult;
  blockInput: TensorData;
  unload: null;
  memory: MemoryResult;
}

export type InferenceReply =
  | { id: number; ok: true; result: ResultOf[InferenceRequestType] }
  | { id: number; ok: false; failure: InferenceFailure };

export class InferenceWorkerError extends Error {
  readonly failure: InferenceFailure;
  constructor(failure: InferenceFailure) {
    super(failure.message);
    this.name = 'InferenceWorkerError';
    this.failure = failure;
  }
}
