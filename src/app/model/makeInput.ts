import * as tf from '@tensorflow/tfjs-core';
import type { ModelMeta } from '../../resnext/modelMeta';
import { centerCropResize, normalize, toImageTensor } from '../../resnext/preprocess';
import { shrinkToShorterSide, type Pixels } from './image/pixels';

export type InputMeta = Pick<ModelMeta, 'arch' | 'inputSize' | 'mean' | 'std'>;

/**
 * Shorter side the engine's preprocessing starts from: the input size for CIFAR (centre square, then
 * resize), 256 for a 224 ImageNet input (torchvision's Resize(256) + CenterCrop(224)).
 */
export const startingSide = (meta: InputMeta): number =>
  meta.arch === 'cifar' ? meta.inputSize : Math.round((meta.inputSize * 256) / 224);

/**
 * The picture shrunk (antialiased) to the size the preprocessing starts from, so the engine's bilinear resize
 * only crops. Without it a photo would reach 32×32 by sampling a handful of its pixels.
 */
export const shrinkForNetwork = (pixels: Pixels, meta: InputMeta): Pixels =>
  shrinkToShorterSide(pixels, startingSide(meta));

/** What the network sees, before normalisation: float32 [size, size, 3] in 0..255. Caller disposes. */
export function networkCrop(pixels: Pixels, meta: InputMeta): tf.Tensor3D {
  const small = shrinkForNetwork(pixels, meta);
  return tf.tidy(() =>
    centerCropResize(
      toImageTensor(small),
      meta.inputSize,
      meta.arch === 'cifar' ? {} : { resizeShorter: startingSide(meta) },
    ),
  );
}

/** The normalised network input [1, size, size, 3] for a picture. Caller disposes. */
export function makeInput(model: { meta: InputMeta }, pixels: Pixels): tf.Tensor4D {
  return tf.tidy(() => {
    const crop = networkCrop(pixels, model.meta);
    return normalize(crop, model.meta.mean, model.meta.std);
  });
}
