import type * as tf from '@tensorflow/tfjs-core';
import type { ModelMeta } from '../../resnext/modelMeta';
import { cropForNetwork, preprocess } from '../../resnext/preprocess';
import type { Pixels } from './image/pixels';

export type InputMeta = Pick<ModelMeta, 'arch' | 'inputSize' | 'mean' | 'std'>;

/**
 * What the network sees, before normalisation: float32 [size, size, 3] in 0..255, computed as PIL computes
 * it (CIFAR: centre square, then an antialiased bilinear resize). Caller disposes.
 */
export const networkCrop = (pixels: Pixels, meta: InputMeta): tf.Tensor3D => cropForNetwork(pixels, meta);

/** The normalised network input [1, size, size, 3] for a picture. Caller disposes. */
export const makeInput = (model: { meta: InputMeta }, pixels: Pixels): tf.Tensor4D =>
  preprocess(pixels, model.meta);
