/**
 * The shared model and picture. This module loads no TensorFlow.js; `makeInput` and `useModelInput`
 * (which do) are in ./makeInput and ./useModelInput, for sections that already run the model.
 */
export { ModelProvider } from './ModelProvider';
export { useModel, useModelStore, type ModelState, type ModelStatus, type ByteProgress } from './ModelStore';
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
