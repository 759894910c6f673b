/**
 * The page's share of keeping weights for offline use. The service worker does not precache weights (the page
 * downloads them anyway, and a second download would compete with the first prediction); it serves them from
 * a runtime cache named after the weights manifest (offlinePlan.ts). On a visit where the worker did not yet
 * handle the download (the first one), the page puts the bytes it downloaded into that same cache, so the
 * next visit, online or not, reads them from there without another request.
 */

/** The runtime weights cache of this build (vite.config.ts); undefined outside a build (unit tests). */
const weightsCacheName = (): string | undefined => import.meta.env.VITE_WEIGHTS_CACHE as string | undefined;

/**
 * Deletes the copy of the weights at `url` from the weights cache: the page calls it when the bytes it got
 * failed their hash. The service worker keeps any complete 200 response before anything is checked, and
 * serves it first from then on, so a bad copy (a disk error, a proxy that changed the body) would fail every
 * retry until the next release. Returns whether there was a copy to delete; never throws.
 */
export async function evictFromOffline(url: string, cacheName = weightsCacheName()): Promise<boolean> {
  if (!cacheName || typeof caches === 'undefined') return false;
  try {
    const href = typeof document === 'undefined' ? url : new URL(url, document.baseURI).href;
    const cache = await caches.open(cacheName);
    return await cache.delete(href, { ignoreVary: true });
  } catch {
    return false;
  }
}

/**
 * Stores the downloaded bytes of the weights at `url` in the weights cache, unless they are there already
 * (the worker cached them when it handled the request). Never throws: a browser without Cache Storage, or
 * one out of quota, still has the online app.
 */
export async function keepForOffline(
  url: string,
  bytes: Uint8Array,
  cacheName = weightsCacheName(),
): Promise<boolean> {
  if (!cacheName || typeof caches === 'undefined') return false;
  try {
    const href = typeof document === 'undefined' ? url : new URL(url, document.baseURI).href;
    // the response copies the bytes now, whatever later becomes of the array
    const response = new Response(bytes as Uint8Array<ArrayBuffer>, {
      status: 200,
      headers: {
        'Content-Type': 'application/octet-stream',
        'Content-Length': String(bytes.byteLength),
      },
    });
    const cache = await caches.open(cacheName);
    if (await cache.match(href)) return false;
    await cache.put(href, response);
    return true;
  } catch {
    return false;
  }
}
