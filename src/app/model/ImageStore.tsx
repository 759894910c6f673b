import { createContext, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useAppState } from '../state/AppStateContext';
import type { DecodedImage, ImageOrigin } from './image/decodeImage';
import { ImageError } from './image/imageError';
import { DEFAULT_SAMPLE, sampleById, sampleUrl } from './image/samples';
import type { StoreError } from './modelLoader';
import { storeHooks } from './storeHooks';

// The decoder (header checks, resampling) loads with the first picture, not with the first paint.
const decode = async (blob: Blob): Promise<DecodedImage> =>
  (await import('./image/decodeImage')).decodeImageBlob(blob);

export type { ImageOrigin };

/** The picture the sections work on: RGBA pixels composited on white, at most about a megapixel. */
export interface CurrentImage extends DecodedImage {
  name: string;
  origin: ImageOrigin;
}

export interface ImageStoreValue {
  /** null only until the first sample has been decoded */
  image: CurrentImage | null;
  /** the sample shown, or null when the picture is the reader's own */
  sampleId: string | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** why the last sample asked for could not be shown (the previous picture stays) */
  error: StoreError | null;
  setImage(image: CurrentImage): void;
  /** Decodes a file (upload, paste, drop) and makes it current; rejects with ImageError and keeps the old one. */
  openFile(blob: Blob, name: string, origin: ImageOrigin): Promise<void>;
  /** Shows a sample (and records it in the URL). */
  selectSample(id: string): void;
  clearError(): void;
  acquire(): () => void;
}

const ImageContext = createContext<ImageStoreValue | null>(null);

/** A sample, fetched and decoded. */
async function fetchSample(id: string): Promise<CurrentImage> {
  const sample = sampleById(id);
  const res = await fetch(sampleUrl(sample));
  if (!res.ok) throw new ImageError('decode-failed', { format: 'JPEG' });
  const decoded = await decode(await res.blob());
  return { ...decoded, name: sample.file, origin: 'sample' };
}

/** The sample started ahead of the first render (prefetchSample), until the store takes it. */
let early: { id: string; image: Promise<CurrentImage>; done?: CurrentImage } | null = null;

/**
 * Fetches and decodes the sample the address names before the app's first render (main.tsx does, where the
 * section's first figure is the picture): the store starts with it when it is decoded by then (the section's
 * first render shows it), else takes the download under way when a section asks for the picture. Resolves when
 * decoded or failed (a failure is reported by the store, as for any sample).
 */
export function prefetchSample(id: string): Promise<void> {
  const sampleId = sampleById(id).id;
  const image = fetchSample(sampleId);
  const entry: NonNullable<typeof early> = { id: sampleId, image };
  early = entry;
  return image.then(
    (done) => {
      entry.done = done;
    },
    () => undefined, // a failure is the store's to report, when it takes the picture
  );
}

/**
 * The prefetched sample, if it is the one `sample` names and decoded already: the store starts with it, and its
 * first render shows it.
 */
function takeDecoded(sample: string): { id: string; image: CurrentImage } | null {
  const id = sampleById(sample).id;
  const image = early?.id === id ? (early.done ?? null) : null;
  if (!image) return null;
  early = null;
  return { id, image };
}

function takeEarly(id: string): Promise<CurrentImage> | null {
  const taken = early && early.id === id ? early.image : null;
  early = null;
  return taken;
}

function toError(err: unknown): StoreError {
  if (err instanceof ImageError) return { key: err.messageKey, params: err.params };
  return { key: 'classify.image.error.decode-failed', params: { format: '?' } };
}

export function ImageStoreProvider({ children }: { children: ReactNode }) {
  const [state, update] = useAppState();
  const [users, setUsers] = useState(0);
  const [decoded] = useState(() => takeDecoded(state.sample));
  const [image, setImageState] = useState<CurrentImage | null>(decoded?.image ?? null);
  const [sampleId, setSampleId] = useState<string | null>(decoded?.id ?? null);
  const [status, setStatus] = useState<ImageStoreValue['status']>(decoded ? 'ready' : 'idle');
  const [error, setError] = useState<StoreError | null>(null);
  // Each request takes a number; a slow decode that finishes after a newer request is dropped.
  const requests = useRef(0);

  /**
   * Runs one picture request. A failed sample is reported through `error`; a failed file only rejects (its
   * caller shows why) and the store stays as it was.
   */
  const show = useCallback(async (load: () => Promise<CurrentImage>, sample: string | null) => {
    const id = ++requests.current;
    setStatus('loading');
    try {
      const next = await load();
      if (id !== requests.current) return;
      setImageState(next);
      setSampleId(sample);
      setError(null);
      setStatus('ready');
    } catch (err) {
      if (id !== requests.current) return;
      if (sample) {
        setError(toError(err));
        setStatus('error');
      } else {
        setStatus((s) => (s === 'loading' ? 'ready' : s));
      }
      throw err;
    }
  }, []);

  const wantedSample = sampleById(state.sample).id;
  const wanted = users > 0;

  const loadSample = useCallback(
    (id: string) => {
      const sampleId = sampleById(id).id;
      return show(() => takeEarly(sampleId) ?? fetchSample(sampleId), sampleId).catch(() => undefined);
    },
    [show],
  );

  // The sample the URL names (the first by default), on first use and whenever the URL changes it.
  const seenSample = useRef<string | null>(sampleId);
  useEffect(() => {
    if (!wanted || seenSample.current === wantedSample) return;
    seenSample.current = wantedSample;
    void loadSample(wantedSample);
  }, [wanted, wantedSample, loadSample]);

  const selectSample = useCallback(
    (id: string) => {
      const sample = sampleById(id);
      update({ sample: sample.id === DEFAULT_SAMPLE.id ? '' : sample.id });
      // The URL already names it (the reader's own picture replaced it): show it again now.
      if (sample.id === wantedSample) void loadSample(sample.id);
    },
    [wantedSample, update, loadSample],
  );

  const openFile = useCallback(
    (blob: Blob, name: string, origin: ImageOrigin) =>
      show(async () => ({ ...(await decode(blob)), name, origin }), null),
    [show],
  );

  const setImage = useCallback((next: CurrentImage) => {
    requests.current++;
    setImageState(next);
    setSampleId(null);
    setError(null);
    setStatus('ready');
  }, []);

  const clearError = useCallback(() => setError(null), []);
  const acquire = useCallback(() => {
    setUsers((n) => n + 1);
    return () => setUsers((n) => n - 1);
  }, []);

  const value = useMemo<ImageStoreValue>(
    () => ({ image, sampleId, status, error, setImage, openFile, selectSample, clearError, acquire }),
    [image, sampleId, status, error, setImage, openFile, selectSample, clearError, acquire],
  );
  return <ImageContext.Provider value={value}>{children}</ImageContext.Provider>;
}

const imageHooks = storeHooks(ImageContext, 'useImageStore');

export const useImageStore: () => ImageStoreValue = imageHooks.useStore;

/** The current picture (the first sample until the reader picks another). */
export const useCurrentImage: () => ImageStoreValue = imageHooks.useAcquired;
