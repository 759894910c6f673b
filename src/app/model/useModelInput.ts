import type * as tf from '@tensorflow/tfjs-core';
import { useEffect, useState } from 'react';
import type { ResNeXtModel } from '../../resnext/model';
import { useCurrentImage, type CurrentImage } from './ImageStore';
import { makeInput } from './makeInput';
import { useModel } from './ModelStore';

interface Made {
  model: ResNeXtModel;
  image: CurrentImage;
  input: tf.Tensor4D;
}

/**
 * The current picture as the current model's input [1, size, size, 3], or null while either is missing or
 * the input for a new one is being made. The hook owns the tensor and disposes it when the model or
 * picture changes: never dispose it, and clone it to keep it past that.
 */
export function useModelInput(): tf.Tensor4D | null {
  const { model } = useModel();
  const { image } = useCurrentImage();
  const [made, setMade] = useState<Made | null>(null);
  useEffect(() => {
    if (!model || !image) return;
    const input = makeInput(model, image.pixels);
    setMade({ model, image, input });
    return () => input.dispose();
  }, [model, image]);
  // A render with a new model or picture returns null, never the input about to be disposed.
  return made && made.model === model && made.image === image ? made.input : null;
}
