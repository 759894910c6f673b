import { useEffect, useRef, useState } from 'react';
import { errorMessage, type ErrorMessage } from '../../errors/errorMessage';
import type { ResNeXtModel } from '../../../resnext/model';
import type { Pixels } from '../../model';
import { makeInput } from '../../model/makeInput';
import * as tf from '@tensorflow/tfjs-core';
import { computeBlockTrace, traceFromBlockInput } from '../../../resnext/stepThrough';
import { inferenceClient } from '../../worker/inference';
import { tensorData } from '../../worker/tensorData';
import { useWantInference } from '../../worker/useInference';
import { TraceHolder } from './traceHolder';
import { TraceGoneError, TraceReader } from './traceReader';

export type TraceStatus = 'idle' | 'computing' | 'ready' | 'error';

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

  // One holder per mount, so a remount (StrictMode) starts with a fresh one.
  useEffect(() => {
    const h = new TraceHolder();
    holder.current = h;
    return () => {
      h.release();
      if (holder.current === h) holder.current = null;
    };
  }, []);

  useEffect(() => {
    const h = holder.current;
    if (!model || !pixels || !h) return;
    let live = true;
    h.load(async () => {
      const input = makeInput(model, pixels);
      try {
        // The network up to the block runs in the inference worker when it can; the block itself here.
        const worker = inferenceClient();
        const remote = worker.has(model)
          ? await worker.blockInput(model, await tensorData(input), block)
          : null;
        if (!remote) return await computeBlockTrace(model, input, block);
        const x = tf.tensor4d(remote.values, remote.shape as [number, number, number, number]);
        try {
          return await traceFromBlockInput(model, x, block);
        } finally {
          x.dispose();
        }
      } finally {
        input.dispose();
      }
    })
      .then(async (trace) => {
        if (!trace) return;
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
  }, [model, pixels, block]);

  const current = outcome && outcome.model === model && outcome.pixels === pixels && outcome.block === block;
  if (!model || !pixels) return { status: 'idle', reader: null, error: null };
  if (!current) return { status: 'computing', reader: null, error: null };
  if (outcome.error) return { status: 'error', reader: null, error: outcome.error };
  return { status: 'ready', reader: outcome.reader, error: null };
}
