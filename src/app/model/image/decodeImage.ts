import { ImageError } from './imageError';
import { compositeOnWhite, fitPixelBudget, type Pixels } from './pixels';
import { FORMAT_NAMES, checkDimensions, sniffImage, type ImageFormat, type ImageNote } from './sniffImage';

/** Largest file read (a 40-megapixel photo is rarely over 30 MB). */
export const MAX_IMAGE_FILE_BYTES = 64 * 1024 * 1024;
/** Pictures are kept at most this large (about 1024×1024): plenty for a 32×32 or 224×224 network input. */
export const MAX_KEPT_PIXELS = 1 << 20;

export type ImageOrigin = 'sample' | 'upload' | 'paste' | 'drop' | 'camera';

/** What the app keeps of a picture: RGBA pixels composited on white, and what was learnt on the way. */
export interface DecodedImage {
  pixels: Pixels;
  /** the file's format, or null for camera frames */
  format: ImageFormat | null;
  /** size of the picture as stored in the file (after EXIF rotation) */
  originalWidth: number;
  originalHeight: number;
  notes: ImageNote[];
  /** some pixels were transparent and now stand on white */
  hadAlpha: boolean;
}

/**
 * Decodes an image file entirely in the browser. The bytes are checked first (sniffImage): only PNG, JPEG,
 * GIF (first frame), WebP, BMP and AVIF reach the decoder, never SVG, and never a picture over the
 * pixel limit. The decoder downsizes while decoding, so large photos cost little memory.
 */
export async function decodeImageBlob(blob: Blob): Promise<DecodedImage> {
  if (blob.size === 0) throw new ImageError('empty');
  if (blob.size > MAX_IMAGE_FILE_BYTES) {
    throw new ImageError('file-too-large', { size: blob.size, max: MAX_IMAGE_FILE_BYTES });
  }
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const header = sniffImage(bytes);
  checkDimensions(header);
  const rotated = header.orientation >= 5;
  const originalWidth = rotated ? header.height : header.width;
  const originalHeight = rotated ? header.width : header.height;
  const size = fitPixelBudget(originalWidth, originalHeight, MAX_KEPT_PIXELS);
  const resize =
    size.width !== originalWidth || size.height !== originalHeight
      ? { resizeWidth: size.width, resizeHeight: size.height, resizeQuality: 'high' as const }
      : {};
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(new Blob([bytes], { type: header.mime }), {
      ...resize,
      premultiplyAlpha: 'none',
      colorSpaceConversion: 'default',
      imageOrientation: 'from-image',
    });
  } catch {
    throw new ImageError('decode-failed', { format: FORMAT_NAMES[header.format] });
  }
  try {
    const rgba = readPixels(bitmap, bitmap.width, bitmap.height);
    const { data, hadAlpha } = compositeOnWhite(rgba);
    return {
      pixels: { data, width: bitmap.width, height: bitmap.height },
      format: header.format,
      originalWidth,
      originalHeight,
      notes: header.notes,
      hadAlpha,
    };
  } finally {
    bitmap.close();
  }
}

/** One frame of a playing video (a camera), composited like a file. */
export function captureVideoFrame(video: HTMLVideoElement): DecodedImage {
  const w = video.videoWidth;
  const h = video.videoHeight;
  if (!w || !h) throw new ImageError('camera');
  const size = fitPixelBudget(w, h, MAX_KEPT_PIXELS);
  const { data } = compositeOnWhite(readPixels(video, size.width, size.height));
  return {
    pixels: { data, width: size.width, height: size.height },
    format: null,
    originalWidth: w,
    originalHeight: h,
    notes: [],
    hadAlpha: false,
  };
}

function readPixels(source: CanvasImageSource, width: number, height: number): Uint8ClampedArray {
  const canvas =
    typeof OffscreenCanvas !== 'undefined'
      ? new OffscreenCanvas(width, height)
      : Object.assign(document.createElement('canvas'), { width, height });
  const ctx = canvas.getContext('2d', { willReadFrequently: true }) as
    CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
  if (!ctx) throw new ImageError('decode-failed', { format: '?' });
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(source, 0, 0, width, height);
  return ctx.getImageData(0, 0, width, height).data;
}
