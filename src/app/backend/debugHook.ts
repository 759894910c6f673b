import type { MemoryInfo } from '@tensorflow/tfjs-core';
import { loseGpu } from './gpuLoss';
import type { BackendName } from './types';

/**
 * A read-only window onto TensorFlow.js for automated tests and the browser console: tensor and byte
 * counts, and a way to simulate a lost GPU. It exposes nothing about the reader.
 */
export interface ResnextDebug {
  /** tf.memory(): live tensors and bytes on the active backend */
  memory(): MemoryInfo;
  /** tf.getBackend() */
  backend(): string;
  /** Loses the WebGL context or destroys the WebGPU device; returns the backend hit, or null on CPU/WASM. */
  loseGpu(): BackendName | null;
}

declare global {
  interface Window {
    __resnextDebug?: ResnextDebug;
  }
}

/** Puts `window.__resnextDebug` in place once TensorFlow.js is loaded. */
export async function installDebugHook(): Promise<void> {
  if (typeof window === 'undefined' || window.__resnextDebug) return;
  const tf = await import('@tensorflow/tfjs-core');
  window.__resnextDebug = {
    memory: () => tf.memory(),
    backend: () => tf.getBackend(),
    loseGpu: () => loseGpu(tf),
  };
}
