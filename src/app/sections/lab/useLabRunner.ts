import { useCallback, useEffect, useRef, useState } from 'react';
import type { BackendName } from '../../backend/types';
import type { LabSettings, RunResult, StepTimes } from '../../../resnext/train/labRun';
import type { LabErrorCode, LabReply, LabRequest } from './protocol';

type LabPhase =
  'idle' | 'backend' | 'data' | 'measuring' | 'training' | 'paused' | 'stopped' | 'done' | 'loaded';

export interface LabRunState {
  c: number;
  seed: number;
  step: number;
  steps: number;
  /** training loss per step */
  losses: number[];
  /** held-out accuracy per epoch */
  accs: number[];
  result: RunResult | null;
}

export interface LabExperiment {
  settings: LabSettings;
  backend: string;
  runs: LabRunState[];
  /** median step time per C, from the finished runs or the estimate */
  estimate: { ms: number; times: [number, StepTimes][] } | null;
  totalMs: number | null;
}

export interface LabRunner {
  phase: LabPhase;
  backend: BackendName | null;
  experiment: LabExperiment | null;
  error: { code: LabErrorCode; detail: string } | null;
  /** tensors held by the worker after each finished run, and at the end */
  numTensors: number[];
  estimate(settings: LabSettings): void;
  start(settings: LabSettings): void;
  pause(): void;
  resume(): void;
  stop(): void;
  load(e: LabExperiment): void;
}

const runKey = (c: number, seed: number) => `${c}:${seed}`;

const spawn = (): Worker =>
  new Worker(new URL('./lab.worker.ts', import.meta.url), { type: 'module', name: 'lab' });

/** The lab's training worker, driven from the section: one experiment at a time; Stop ends the worker. */
export function useLabRunner(backend: BackendName | null, dataUrl: string): LabRunner {
  const worker = useRef<Worker | null>(null);
  const [phase, setPhase] = useState<LabPhase>('idle');
  const [experiment, setExperiment] = useState<LabExperiment | null>(null);
  const [error, setError] = useState<LabRunner['error']>(null);
  const [numTensors, setNumTensors] = useState<number[]>([]);
  const pending = useRef<LabReply[]>([]);
  const frame = useRef<number | null>(null);

  const end = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
  }, []);
  useEffect(() => end, [end]);

  /** Replies are applied once per animation frame, so a fast backend does not re-render per step. */
  const flush = useCallback(() => {
    frame.current = null;
    const replies = pending.current;
    pending.current = [];
    setExperiment((prev) => {
      if (!prev) return prev;
      const runs = new Map(prev.runs.map((r) => [runKey(r.c, r.seed), { ...r }]));
      let estimate = prev.estimate;
      let totalMs = prev.totalMs;
      for (const m of replies) {
        if (m.type === 'step' || m.type === 'epoch' || m.type === 'run') {
          const id = m.type === 'run' ? m.result : m;
          const r = runs.get(runKey(id.c, id.seed));
          if (!r) continue;
          if (m.type === 'step') {
            r.losses = [...r.losses, m.loss];
            r.step = m.step;
            r.steps = m.steps;
          } else if (m.type === 'epoch') r.accs = [...r.accs, m.acc];
          else r.result = m.result;
        } else if (m.type === 'estimate') estimate = { ms: m.ms, times: m.times };
        else if (m.type === 'done') totalMs = m.ms;
      }
      return { ...prev, runs: [...runs.values()], estimate, totalMs };
    });
  }, []);

  const connect = useCallback((): Worker => {
    end();
    const w = spawn();
    w.onmessage = (event: MessageEvent<LabReply>) => {
      const m = event.data;
      if (m.type === 'phase') setPhase((p) => (p === 'paused' && m.phase === 'training' ? p : m.phase));
      else if (m.type === 'error') {
        setError({ code: m.code, detail: m.detail });
        setPhase('stopped');
      } else {
        if (m.type === 'run' || m.type === 'done') setNumTensors((n) => [...n, m.numTensors]);
        if (m.type === 'done') setPhase('done');
        if (m.type === 'estimate') setPhase((p) => (p === 'measuring' ? 'idle' : p));
        pending.current.push(m);
        frame.current ??= requestAnimationFrame(flush);
      }
    };
    w.onerror = (e) => {
      setError({ code: 'training', detail: e.message });
      setPhase('stopped');
    };
    worker.current = w;
    return w;
  }, [end, flush]);

  const post = (w: Worker, m: LabRequest) => w.postMessage(m);

  const fresh = useCallback(
    (settings: LabSettings, keepEstimate: boolean) =>
      setExperiment((prev) => ({
        settings,
        backend: backend ?? '',
        runs: Array.from({ length: settings.seeds }, (_, s) =>
          settings.cs.map((c) => ({ c, seed: s + 1, step: 0, steps: 0, losses: [], accs: [], result: null })),
        ).flat(),
        estimate:
          keepEstimate && prev && JSON.stringify(prev.settings) === JSON.stringify(settings)
            ? prev.estimate
            : null,
        totalMs: null,
      })),
    [backend],
  );

  return {
    phase,
    backend,
    experiment,
    error,
    numTensors,
    estimate: (settings) => {
      if (!backend) return;
      setError(null);
      fresh(settings, false);
      setPhase('measuring');
      post(connect(), { type: 'estimate', backend, dataUrl, settings });
    },
    start: (settings) => {
      if (!backend) return;
      setError(null);
      setNumTensors([]);
      fresh(settings, true);
      setPhase('backend');
      post(connect(), { type: 'start', backend, dataUrl, settings });
    },
    pause: () => {
      if (worker.current) post(worker.current, { type: 'pause' });
      setPhase('paused');
    },
    resume: () => {
      if (worker.current) post(worker.current, { type: 'resume' });
      setPhase('training');
    },
    stop: () => {
      end();
      pending.current = [];
      setPhase('stopped');
    },
    load: (e) => {
      end();
      setExperiment(e);
      setError(null);
      setPhase('loaded');
    },
  };
}
