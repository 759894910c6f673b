import { useEffect, useRef, useState } from 'react';
import { errorMessage, type ErrorMessage } from '../../errors/errorMessage';
import type { ResNeXtModel } from '../../../resnext/model';
import type { Pixels } from '../../model';
import { useWantInference } from '../../worker/useInference';
import type { TraceHolder } from './traceHolder';
import { TraceGoneError } from './traceGone';
import type { TraceReader } from './traceReader';

/** The computing half (TensorFlow.js), loaded once there is a model to trace. */
const runner = () => import('./traceRunner');

type TraceStatus = 'idle' | 'computing' | 'ready' | 'error';

export interface BlockTraceState {
  status: TraceStatus;
  /** the trace of the current (model, image, block), read into memory; null until it is */
  reader: TraceReader | null;
  error: ErrorMessage | null;
}

interface Outcome {
  model: ResNeXtModel;
  pixels: Pixels;
  block: string;
  reader: TraceReader | null;
  error: ErrorMessage | null;
}

/**
 * Computes every tensor of one block for one image once per (model, image, block) — the blocks before it in
 * the inference worker when it can — the model is rebuilt on a
 * backend change, so that is covered too — and reads them into memory so that stepping is instant. The old trace
 * is freed when a new one replaces it and when the component goes away.
 */
export function useBlockTrace(
  model: ResNeXtModel | null,
  pixels: Pixels | null,
  block: string,
): BlockTraceState {
  useWantInference();
  const holder = useRef<TraceHolder | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  // One holder per mount, so a remount (StrictMode) starts with a fresh one; made once the runner is loaded.
  const [mounted, setMounted] = useState(0);
  const hasModel = model !== null;
  useEffect(() => {
    if (!hasModel) return;
    let live = true;
    let h: TraceHolder | null = null;
    void runner().then(({ TraceHolder }) => {
      if (!live) return;
      h = new TraceHolder();
      holder.current = h;
      setMounted((n) => n + 1);
    });
    return () => {
      live = false;
      h?.release();
      if (holder.current === h) holder.current = null;
    };
  }, [hasModel]);

  useEffect(() => {
    const h = holder.current;
    if (!model || !pixels || !h) return;
    let live = true;
    // The network up to the block runs in the inference worker when it can; the block itself here.
    h.load(async () => (await runner()).computeTrace(model, pixels, block))
      .then(async (trace) => {
        if (!trace) return;
        const { TraceReader } = await runner();
        const reader = new TraceReader(trace, model.blockParams(block));
        await reader.prefetch();
        // The holder frees a trace only for a newer one, which then becomes the outcome.
        if (h.trace === trace) setOutcome({ model, pixels, block, reader, error: null });
      })
      .catch((e: unknown) => {
        if (live && !(e instanceof TraceGoneError))
          setOutcome({
            model,
            pixels,
            block,
            reader: null,
            error: errorMessage(e),
          });
      });
    return () => {
      live = false;
    };
  }, [model, pixels, block, mounted]);

  const current = outcome && outcome.model === model && outcome.pixels === pixels && outcome.block === block;
  if (!model || !pixels) return { status: 'idle', reader: null, error: null };
  if (!current) return { status: 'computing', reader: null, error: null };
  if (outcome.error) return { status: 'error', reader: null, error: outcome.error };
  return { status: 'ready', reader: outcome.reader, error: null };
}
