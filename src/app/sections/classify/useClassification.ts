import { useEffect, useRef, useState } from 'react';
import { errorMessage, type ErrorMessage } from '../../errors/errorMessage';
import type { ResNeXtModel } from '../../../resnext/model';
import type { CurrentImage } from '../../model';
import { useWantInference } from '../../worker/useInference';

interface ClassifyResult {
  probs: Float64Array;
  classes: string[];
  ms: number;
  backend: string;
  /** where the network ran: the inference worker, or the page */
  site: 'worker' | 'page';
  /** the first run of this model (it includes one-time work such as compiling shaders) */
  firstRun: boolean;
  image: CurrentImage;
  model: ResNeXtModel;
}

export interface ClassificationState {
  /** the latest finished result; kept while a newer run is in progress or after one fails */
  result: ClassifyResult | null;
  running: boolean;
  error: ErrorMessage | null;
}

/** Classifies the current picture with the current model whenever either changes. */
export function useClassification(
  model: ResNeXtModel | null,
  image: CurrentImage | null,
  backend: string | null,
): ClassificationState {
  useWantInference();
  const [state, setState] = useState<ClassificationState>({ result: null, running: false, error: null });
  const warm = useRef(new WeakSet<ResNeXtModel>());

  useEffect(() => {
    if (!model || !image || !backend) return;
    let cancelled = false;
    setState((s) => ({ ...s, running: true }));
    // TensorFlow.js loads with the model, after the section's first figure
    import('./classifyImage')
      .then(({ classifyImage }) => classifyImage(model, image.pixels))
      .then(
        ({ probs, ms, site }) => {
          const firstRun = !warm.current.has(model);
          warm.current.add(model);
          if (cancelled) return;
          setState({
            result: { probs, classes: model.meta.classes, ms, backend, site, firstRun, image, model },
            running: false,
            error: null,
          });
        },
        (err: unknown) => {
          if (cancelled) return;
          setState((s) => ({ ...s, running: false, error: errorMessage(err) }));
        },
      );
    return () => {
      cancelled = true;
    };
  }, [model, image, backend]);

  return state;
}
