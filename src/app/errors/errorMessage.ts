import type { MessageKey, Params } from '../../i18n';
import { AppError, WeightsError } from '../../resnext/errors';
import { ImageError } from '../model/image/imageError';

/** A message of the catalogs with its parameters: what the UI shows for an error. */
export interface ErrorMessage {
  key: MessageKey;
  params: Params;
}

/**
 * The catalog message for anything thrown: the engine's and the app's coded errors by their code; anything
 * else (a browser or tfjs failure) as "something unexpected" with its text as the detail.
 */
export function errorMessage(err: unknown): ErrorMessage {
  if (err instanceof WeightsError) return { key: `error.weights.${err.code}`, params: err.params };
  if (err instanceof AppError) return { key: `error.app.${err.code}`, params: err.params };
  if (err instanceof ImageError) return { key: err.messageKey, params: err.params };
  const detail = err instanceof Error ? err.message : String(err);
  return { key: 'error.app.unexpected', params: { detail } };
}
