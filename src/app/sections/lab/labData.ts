import { verifySha256 } from '../../../resnext/integrity';
import type { LabImages } from '../../../resnext/train/labRun';

/** The subset's description, public/lab/cifar10-train-subset.json (scripts/make-lab-data.py). */
export interface LabDataMeta {
  file: string;
  bytes: number;
  sha256: string;
  tile: number;
  columns: number;
  count: number;
  train: number;
  heldOut: number;
  classes: string[];
  labels: string;
  citation: string;
}

const LAB_DATA_FILE = 'cifar10-train-subset.json';

export class LabDataError extends Error {
  constructor(
    readonly code: 'data' | 'integrity',
    message: string,
  ) {
    super(message);
  }
}

async function fetchOk(url: string): Promise<Response> {
  const res = await fetch(url);
  if (!res.ok) throw new LabDataError('data', `${url}: HTTP ${res.status}`);
  return res;
}

/**
 * Downloads the sprite, checks its sha256 and cuts it into the first `train` pictures of the training pool
 * and the first `heldOut` of the held-out pool (RGB bytes).
 */
export async function loadLabData(
  baseUrl: string,
  train: number,
  heldOut: number,
): Promise<{ train: LabImages; heldOut: LabImages; meta: LabDataMeta }> {
  const meta = (await (await fetchOk(new URL(LAB_DATA_FILE, baseUrl).href)).json()) as LabDataMeta;
  if (train > meta.train || heldOut > meta.heldOut) {
    throw new LabDataError('data', `the subset holds ${meta.train} + ${meta.heldOut} pictures`);
  }
  const bytes = new Uint8Array(await (await fetchOk(new URL(meta.file, baseUrl).href)).arrayBuffer());
  try {
    await verifySha256(bytes, meta.sha256, meta.file);
  } catch (e) {
    throw new LabDataError('integrity', e instanceof Error ? e.message : String(e));
  }
  const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/jpeg' }));
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new LabDataError('data', 'no 2-D canvas');
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  const { tile, columns } = meta;
  const cut = (from: number, n: number): LabImages => {
    const pixels = new Uint8Array(n * tile * tile * 3);
    const labels = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const k = from + i;
      const rgba = ctx.getImageData((k % columns) * tile, Math.floor(k / columns) * tile, tile, tile).data;
      for (let p = 0; p < tile * tile; p++) {
        pixels[(i * tile * tile + p) * 3] = rgba[p * 4];
        pixels[(i * tile * tile + p) * 3 + 1] = rgba[p * 4 + 1];
        pixels[(i * tile * tile + p) * 3 + 2] = rgba[p * 4 + 2];
      }
      labels[i] = meta.labels.charCodeAt(k) - 48;
    }
    return { pixels, labels };
  };
  return { train: cut(0, train), heldOut: cut(meta.train, heldOut), meta };
}
