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

function toError(err: unknown): StoreError {
  if (err instanceof ImageError) return { key: err.messageKey, params: err.params };
  return { key: 'classify.image.error.decode-failed', params: { format: '?' } };
}

export function ImageStoreProvider({ children }: { children: ReactNode }) {
  const [state, update] = useAppState();
  const [users, setUsers] = useState(0);
  const [image, setImageState] = useState<CurrentImage | null>(null);
  const [sampleId, setSampleId] = useState<string | null>(null);
  const [status, setStatus] = useState<ImageStoreValue['status']>('idle');
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
      const sample = sampleById(id);
      return show(async () => {
        const res = await fetch(sampleUrl(sample));
        if (!res.ok) throw new ImageError('decode-failed', { format: 'JPEG' });
        const decoded = await decode(await res.blob());
        return { ...decoded, name: sample.file, origin: 'sample' };
      }, sample.id).catch(() => undefined);
    },
    [show],
  );

  // The sample the URL names (the first by default), on first use and whenever the URL changes it.
  const seenSample = useRef<string | null>(null);
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
