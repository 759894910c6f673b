import { useEffect, useState } from 'react';
import type { Thumbnail } from '../../../../resnext/thumbnail';
import type { ResNeXtModel } from '../../../../resnext/model';
import { nextTask } from '../../../../resnext/nextTask';
import { errorMessage, type ErrorMessage } from '../../../errors/errorMessage';
import type { Pixels } from '../../../model';

type ThumbnailStatus = 'idle' | 'computing' | 'ready' | 'error';

export interface ThumbnailState {
  status: ThumbnailStatus;
  /** by `stem` and block name; null until computed */
  thumbs: ReadonlyMap<string, Thumbnail> | null;
  error: ErrorMessage | null;
}

interface Outcome {
  model: ResNeXtModel;
  pixels: Pixels;
  thumbs: ReadonlyMap<string, Thumbnail> | null;
  error: ErrorMessage | null;
}

/**
 * The map of the stem's and every block's output for the current picture, computed on the page once per
 * (model, picture), a block per task; a newer model or picture cancels the work under way (its tensors freed).
 */
export function useBlockThumbnails(model: ResNeXtModel | null, pixels: Pixels | null): ThumbnailState {
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useEffect(() => {
    if (!model || !pixels) return;
    let live = true;
    const run = async () => {
      // The step-through's own block goes first; the maps follow in the tasks after it.
      await nextTask();
      if (!live) return null;
      // TensorFlow.js loads with the model, not with the section's first figure
      const [{ blockThumbnails }, { makeInput }] = await Promise.all([
        import('../../../../resnext/blockThumbnails'),
        import('../../../model/makeInput'),
      ]);
      if (!live) return null;
      const input = makeInput(model, pixels);
      try {
        return await blockThumbnails(model, input, { cancelled: () => !live });
      } finally {
        input.dispose();
      }
    };
    run()
      .then((list) => {
        if (live && list)
          setOutcome({ model, pixels, thumbs: new Map(list.map((t) => [t.name, t])), error: null });
      })
      .catch((e: unknown) => {
        if (live) setOutcome({ model, pixels, thumbs: null, error: errorMessage(e) });
      });
    return () => {
      live = false;
    };
  }, [model, pixels]);

  if (!model || !pixels) return { status: 'idle', thumbs: null, error: null };
  if (!outcome || outcome.model !== model || outcome.pixels !== pixels)
    return { status: 'computing', thumbs: null, error: null };
  if (outcome.error) return { status: 'error', thumbs: null, error: outcome.error };
  return { status: 'ready', thumbs: outcome.thumbs, error: null };
}
