import type { InjectedFault } from '../backend/faultInjection';
import type { BackendName } from '../backend/types';
import type { SafetensorsFile } from '../../resnext/safetensors';

/*
 * What the page may ask of the inference worker (inference.worker.ts), called through Comlink
 * (workerConnection.ts on the page, serveInference.ts in the worker). The worker runs the network where a
 * reader waits on it — a classification, and the blocks before the one the step-through shows — so that the
 * page's main thread only draws.
 */

/** A tensor's values and shape, as they cross between threads. */
export interface TensorData {
  values: Float32Array;
  shape: number[];
}

export interface StartOptions {
  backend: BackendName;
  fault: InjectedFault | null;
  /** browser tests only (src/app/backend/testHooks.ts): never answer a classification */
  hang?: boolean;
}

export interface InferenceApi {
  /** starts `backend` in the worker, with the page's checks (1+4, the grouped-conv kernel variants) */
  start(options: StartOptions): Promise<StartResult>;
  /** builds model `model` from parsed weights; with `canary`, runs the golden canary on it (default model only) */
  load(model: number, file: SafetensorsFile, canary: boolean): Promise<LoadResult>;
  /** logits for a normalised NHWC input */
  classify(model: number, input: TensorData): Promise<ClassifyResult>;
  /** the input of block `block` (the stem and every block before it) for a normalised NHWC input */
  blockInput(model: number, input: TensorData, block: string): Promise<TensorData>;
  unload(model: number): Promise<void>;
  /** tf.memory() in the worker */
  memory(): Promise<MemoryResult>;
}

/**
 * Why the worker cannot be used: each code has a message 'inference.failed.<code>'. 'start': its backend
 * did not start or failed a check; 'canary': the default model's logits there were too far from PyTorch's;
 * 'error': a call threw (a lost GPU, memory); 'crashed': the worker itself failed to load or died;
 * 'timeout': it did not answer in time (a driver hang, a kernel that never ends; workerConnection.ts).
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

export class InferenceWorkerError extends Error {
  readonly failure: InferenceFailure;
  constructor(failure: InferenceFailure) {
    super(failure.message);
    this.name = 'InferenceWorkerError';
    this.failure = failure;
  }
}

/** A worker the page stopped: what it still owed, or is asked after, fails with this. */
export const workerStopped = (): InferenceWorkerError =>
  new InferenceWorkerError({ code: 'crashed', message: 'the worker was stopped' });

/** A worker that failed by itself (its script did not load, or it died), from its error event. */
export const workerCrashed = (event: { message?: string }): InferenceWorkerError =>
  new InferenceWorkerError({ code: 'crashed', message: event.message || 'the worker stopped' });

/** The failure `err` stands for: its own, or 'error' with its message. */
export const failureOf = (err: unknown): InferenceFailure =>
  err instanceof InferenceWorkerError
    ? err.failure
    : { code: 'error', message: err instanceof Error ? err.message : String(err) };
