import { AppError } from '../../../resnext/errors';

/**
 * Which addresses the bring-your-own-weights form may fetch. The built app's Content-Security-Policy allows
 * connections to its own origin only (connect-src 'self'), so an address on another site would fail as a
 * bare network error; it is refused here, before any request, with a message that says what to do instead.
 */

export type WeightsUrlCheck =
  | { ok: true; url: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'cross-origin'; origin: string };

/** Checks what the reader typed against the page's address (`base`, e.g. document.baseURI). */
export function checkWeightsUrl(text: string, base: string): WeightsUrlCheck {
  const typed = text.trim();
  if (!typed) return { ok: false, reason: 'invalid' };
  let url: URL;
  try {
    url = new URL(typed, base);
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'invalid' };
  if (url.origin !== new URL(base).origin) return { ok: false, reason: 'cross-origin', origin: url.origin };
  return { ok: true, url: url.href };
}

/**
 * Checks a response to "Load from address" before its body is parsed: a missing file is "not found" (a
 * server's own 404 page is not a safetensors file with a broken header), any other failure status says so,
 * and a web page (a site that answers every address with its index.html) is named as one.
 */
export function checkWeightsResponse(res: Pick<Response, 'ok' | 'status' | 'headers'>, url: string): void {
  if (res.status === 404 || res.status === 410) throw new AppError('not-found', { url, status: res.status });
  if (!res.ok) throw new AppError('http-status', { url, status: res.status });
  const type = (res.headers.get('content-type') ?? '').toLowerCase();
  if (/^(text\/html|application\/xhtml\+xml)\b/.test(type)) throw new AppError('web-page', { url });
}
