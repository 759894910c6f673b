import type { MessageKey, Params } from '../../i18n';
import { backendLabelKey } from '../backend/describeBackend';
import { BACKEND_NAMES, type BackendName } from '../backend/types';

type Translate = (key: MessageKey, params?: Params) => string;

/**
 * A tfjs backend id ("wasm", "webgl", …) as the reader's catalog names it ("WebAssembly", "WebGL", …), for the
 * texts that say where a measurement ran; '…' while there is none, and an unknown id as it is.
 */
export function backendText(t: Translate, id: string | null | undefined): string {
  if (!id) return '…';
  return (BACKEND_NAMES as readonly string[]).includes(id) ? t(backendLabelKey(id as BackendName)) : id;
}
