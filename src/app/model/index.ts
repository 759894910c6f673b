/**
 * The shared model and picture. This module loads no TensorFlow.js; `makeInput` (which does) is in
 * ./makeInput, for the parts of sections that run the model.
 */
export { useModel, useModelStore, type ByteProgress } from './ModelStore';
export {
  useCurrentImage,
  useImageStore,
  type CurrentImage,
  type ImageOrigin,
  type ImageStoreValue,
} from './ImageStore';
export type { StoreError } from './modelLoader';
export type { Pixels } from './image/pixels';
export {
  CUSTOM_MODEL_ID,
  DEFAULT_MODEL_ID,
  FAMILY,
  SHIPPED_MODELS,
  shippedModel,
  settingLabel,
} from './modelCatalog';
