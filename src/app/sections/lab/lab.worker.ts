import * as tf from '@tensorflow/tfjs-core';
import { checkBackend, loadBackendPackage } from '../../backend/startTfjs';
import type { BackendName } from '../../backend/types';
import {
  labBudgetMs,
  labHeldOut,
  measureSteps,
  trainRun,
  type LabImages,
  type LabSettings,
  type StepTimes,
} from '../../../resnext/train/labRun';
import { labSpecFor } from '../../../resnext/train/labSpec';
import { LabDataError, loadLabData } from './labData';
import type { LabReply, LabRequest } from './protocol';

/*
 * The lab's training worker: TensorFlow.js on its own thread, so the page stays responsive while the networks
 * train. One experiment at a time; the page stops one by ending the worker.
 */

interface WorkerScope {
  onmessage: ((event: MessageEvent<LabRequest>) => void) | null;
  postMessage(message: LabReply): void;
}
const scope = self as unknown as WorkerScope;
const post = (m: LabReply) => scope.postMessage(m);

let backendStarted: BackendName | null = null;
let paused = false;
let resume: (() => void) | null = null;
let data: { train: LabImages; heldOut: LabImages; images: number; held: number } | null = null;

/** A macrotask between steps lets the worker read pause requests. */
const yieldTask = () => new Promise<void>((r) => setTimeout(r, 0));

const control = {
  async gate() {
    await yieldTask();
    while (paused) await new Promise<void>((r) => (resume = r));
  },
  stopped: () => false,
};

async function startBackend(name: BackendName): Promise<void> {
  if (backendStarted === name) return;
  post({ type: 'phase', phase: 'backend', backend: name });
  await loadBackendPackage(tf, name);
  if (!(await tf.setBackend(name)) || tf.getBackend() !== name)
    throw new Error(`tf.setBackend('${name}') failed`);
  await checkBackend(tf);
  backendStarted = name;
}

async function ensureData(url: string, images: number): Promise<NonNullable<typeof data>> {
  const held = labHeldOut(images);
  if (data && data.images >= images && data.held >= held) {
    return {
      train: {
        pixels: data.train.pixels.subarray(0, images * 3072),
        labels: data.train.labels.subarray(0, images),
      },
      heldOut: {
        pixels: data.heldOut.pixels.subarray(0, held * 3072),
        labels: data.heldOut.labels.subarray(0, held),
      },
      images,
      held,
    };
  }
  post({ type: 'phase', phase: 'data' });
  const loaded = await loadLabData(url, images, held);
  data = { train: loaded.train, heldOut: loaded.heldOut, images, held };
  return data;
}

async function estimate(settings: LabSettings): Promise<void> {
  post({ type: 'phase', phase: 'measuring' });
  const times = new Map<number, StepTimes>();
  for (const c of settings.cs) times.set(c, await measureSteps(c));
  post({ type: 'estimate', times: [...times], ms: labBudgetMs(settings, times) });
}

async function train(settings: LabSettings, url: string): Promise<void> {
  const d = await ensureData(url, settings.images);
  post({ type: 'phase', phase: 'training' });
  const t0 = performance.now();
  for (let seed = 1; seed <= settings.seeds; seed++) {
    for (const c of settings.cs) {
      const result = await trainRun({
        spec: labSpecFor(c),
        seed,
        epochs: settings.epochs,
        train: d.train,
        heldOut: d.heldOut,
        control,
        onStep: (e) => post({ type: 'step', ...e }),
        onEpoch: (e) => post({ type: 'epoch', ...e }),
      });
      if (result) post({ type: 'run', result, numTensors: tf.memory().numTensors });
    }
  }
  post({ type: 'done', numTensors: tf.memory().numTensors, ms: performance.now() - t0 });
}

let queue: Promise<void> = Promise.resolve();

scope.onmessage = (event: MessageEvent<LabRequest>) => {
  const req = event.data;
  if (req.type === 'pause') {
    paused = true;
    return;
  }
  if (req.type === 'resume') {
    paused = false;
    resume?.();
    resume = null;
    return;
  }
  queue = queue.then(async () => {
    try {
      try {
        await startBackend(req.backend);
      } catch (e) {
        post({ type: 'error', code: 'backend', detail: e instanceof Error ? e.message : String(e) });
        return;
      }
      if (req.type === 'estimate') await estimate(req.settings);
      else await train(req.settings, req.dataUrl);
    } catch (e) {
      const code = e instanceof LabDataError ? e.code : 'training';
      post({ type: 'error', code, detail: e instanceof Error ? e.message : String(e) });
    }
  });
};
