import { crc32 } from './crc32';
import { ImageError } from './imageError';

/**
 * Reads an image file's type and size from its bytes alone, before any decoder sees it: a renamed text file,
 * an SVG (which may carry scripts), a format browsers cannot decode, a damaged or truncated file, or a
 * picture too large to decode safely is refused here with an ImageError.
 */

export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'webp' | 'bmp' | 'avif';

/** Facts about the file worth telling the reader (alpha is found from the decoded pixels instead). */
export type ImageNote = 'grayscale' | 'sixteen-bit' | 'cmyk' | 'animated';

export interface ImageHeader {
  format: ImageFormat;
  mime: string;
  width: number;
  height: number;
  notes: ImageNote[];
  /** EXIF orientation 1–8 (JPEG only; 1 = as stored). 5–8 swap width and height when shown. */
  orientation: number;
}

export const FORMAT_NAMES: Record<ImageFormat, string> = {
  png: 'PNG',
  jpeg: 'JPEG',
  gif: 'GIF',
  webp: 'WebP',
  bmp: 'BMP',
  avif: 'AVIF',
};

const MIME: Record<ImageFormat, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  bmp: 'image/bmp',
  avif: 'image/avif',
};

const u16be = (b: Uint8Array, i: number) => (b[i] << 8) | b[i + 1];
const u16le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32be = (b: Uint8Array, i: number) =>
  ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0;
const u32le = (b: Uint8Array, i: number) =>
  (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
const i32le = (b: Uint8Array, i: number) => u32le(b, i) | 0;
const ascii = (b: Uint8Array, i: number, n: number) =>
  String.fromCharCode(...b.subarray(i, Math.min(b.length, i + n)));
const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) =>
  b.length >= at + sig.length && sig.every((v, k) => b[at + k] === v);

const truncated = (format: ImageFormat) => new ImageError('truncated', { format: FORMAT_NAMES[format] });
const corrupt = (format: ImageFormat) => new ImageError('corrupt', { format: FORMAT_NAMES[format] });

/** Identifies the image and reads its size; throws ImageError for anything that should not be decoded. */
export function sniffImage(bytes: Uint8Array): ImageHeader {
  if (bytes.length === 0) throw new ImageError('empty');
  const b = bytes;
  let header: Omit<ImageHeader, 'mime'>;
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) header = readPng(b);
  else if (startsWith(b, [0xff, 0xd8, 0xff])) header = readJpeg(b);
  else if (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a') header = readGif(b);
  else if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') header = readWebp(b);
  else if (ascii(b, 0, 2) === 'BM' && b.length >= 26) header = readBmp(b);
  else if (ascii(b, 4, 4) === 'ftyp') header = readIsoBmff(b);
  else throw otherFile(b);
  if (
    !Number.isInteger(header.width) ||
    !Number.isInteger(header.height) ||
    header.width < 1 ||
    header.height < 1
  ) {
    throw corrupt(header.format);
  }
  return { ...header, mime: MIME[header.format] };
}

/** Largest picture decoded: 40 megapixels, and no side over 30,000 pixels. */
const MAX_PIXELS = 40_000_000;
const MAX_SIDE = 30_000;

/** Throws 'too-large' for a picture whose decoded pixels alone would need hundreds of megabytes. */
export function checkDimensions(
  h: Pick<ImageHeader, 'width' | 'height'>,
  maxPixels = MAX_PIXELS,
  maxSide = MAX_SIDE,
): void {
  if (h.width * h.height > maxPixels || Math.max(h.width, h.height) > maxSide) {
    throw new ImageError('too-large', {
      width: h.width,
      height: h.height,
      megapixels: Math.round(maxPixels / 1e6),
    });
  }
}

/** Not one of the decodable formats: say what it is when we can tell. */
function otherFile(b: Uint8Array): ImageError {
  if (ascii(b, 0, 4) === 'II*\0' || ascii(b, 0, 4) === 'MM\0*')
    return new ImageError('unsupported', { format: 'TIFF' });
  if (ascii(b, 0, 4) === '8BPS') return new ImageError('unsupported', { format: 'PSD' });
  if (startsWith(b, [0xff, 0x0a]) || ascii(b, 4, 8) === 'JXL \r\n\x87\n')
    return new ImageError('unsupported', { format: 'JPEG XL' });
  if (startsWith(b, [0, 0, 1, 0]) && b.length > 6) return new ImageError('unsupported', { format: 'ICO' });
  if (looksLikeSvg(b)) return new ImageError('svg');
  return new ImageError('not-image');
}

function looksLikeSvg(b: Uint8Array): boolean {
  const head = new TextDecoder('utf-8', { fatal: false })
    .decode(b.subarray(0, 4096))
    .replace(/^\uFEFF/, '')
    .trimStart();
  return head.startsWith('<') && /<svg[\s>/]/i.test(head);
}

function readPng(b: Uint8Array): Omit<ImageHeader, 'mime'> {
  let at = 8;
  let width = 0;
  let height = 0;
  let bitDepth = 0;
  let colorType = -1;
  let sawData = false;
  let animated = false;
  for (let first = true; ; first = false) {
    if (at + 8 > b.length) throw truncated('png');
    const length = u32be(b, at);
    const type = ascii(b, at + 4, 4);
    if (length > 0x7fffffff || !/^[A-Za-z]{4}$/.test(type)) throw corrupt('png');
    const dataEnd = at + 8 + length;
    if (dataEnd + 4 > b.length) throw truncated('png');
    if (crc32(b, at + 4, dataEnd) !== u32be(b, dataEnd)) throw corrupt('png');
    if (first) {
      if (type !== 'IHDR' || length !== 13) throw corrupt('png');
      width = u32be(b, at + 8);
      height = u32be(b, at + 12);
      bitDepth = b[at + 16];
      colorType = b[at + 17];
    } else if (type === 'IDAT') sawData = true;
    else if (type === 'acTL') animated = true;
    else if (type === 'IEND') break;
    at = dataEnd + 4;
  }
  if (!sawData) throw corrupt('png');
  const notes: ImageNote[] = [];
  if (colorType === 0 || colorType === 4) notes.push('grayscale');
  if (bitDepth === 16) notes.push('sixteen-bit');
  if (animated) notes.push('animated');
  return { format: 'png', width, height, notes, orientation: 1 };
}

const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

function readJpeg(b: Uint8Array): Omit<ImageHeader, 'mime'> {
  let at = 2;
  let frame: { width: number; height: number; components: number } | null = null;
  let orientation = 1;
  for (;;) {
    if (at >= b.length) throw truncated('jpeg');
    if (b[at] !== 0xff) throw corrupt('jpeg');
    while (at < b.length && b[at] === 0xff) at++;
    if (at >= b.length) throw truncated('jpeg');
    const marker = b[at++];
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue;
    if (marker === 0xd9) throw corrupt('jpeg'); // end of image before any scan
    if (at + 2 > b.length) throw truncated('jpeg');
    const length = u16be(b, at);
    if (length < 2) throw corrupt('jpeg');
    const end = at + length;
    if (end > b.length) throw truncated('jpeg');
    if (isSof(marker)) {
      if (length < 8) throw corrupt('jpeg');
      frame = { height: u16be(b, at + 3), width: u16be(b, at + 5), components: b[at + 7] };
    } else if (marker === 0xe1 && ascii(b, at + 2, 6) === 'Exif\0\0') {
      orientation = exifOrientation(b, at + 8, end);
    }
    at = end;
    if (marker === 0xda) break;
  }
  if (!frame) throw corrupt('jpeg');
  // Inside entropy-coded data 0xFF is always followed by 0x00 or a restart marker, so FF D9 is the end.
  if (!hasEndOfImage(b, at)) throw truncated('jpeg');
  const notes: ImageNote[] = [];
  if (frame.components === 1) notes.push('grayscale');
  if (frame.components === 4) notes.push('cmyk');
  return { format: 'jpeg', width: frame.width, height: frame.height, notes, orientation };
}

function hasEndOfImage(b: Uint8Array, from: number): boolean {
  for (let i = b.length - 2; i >= from; i--) if (b[i] === 0xff && b[i + 1] === 0xd9) return true;
  return false;
}

/** Orientation tag (0x0112) of IFD0 in the TIFF structure at [start, end); 1 when absent or unreadable. */
export function exifOrientation(b: Uint8Array, start: number, end: number): number {
  if (end - start < 8) return 1;
  const order = ascii(b, start, 2);
  if (order !== 'II' && order !== 'MM') return 1;
  const le = order === 'II';
  const u16 = (i: number) => (le ? u16le(b, i) : u16be(b, i));
  const u32 = (i: number) => (le ? u32le(b, i) : u32be(b, i));
  if (u16(start + 2) !== 42) return 1;
  const ifd = start + u32(start + 4);
  if (ifd + 2 > end) return 1;
  const count = u16(ifd);
  for (let k = 0; k < count; k++) {
    const e = ifd + 2 + 12 * k;
    if (e + 12 > end) return 1;
    if (u16(e) === 0x0112) {
      const v = u16(e + 8);
      return v >= 1 && v <= 8 ? v : 1;
    }
  }
  return 1;
}

function readGif(b: Uint8Array): Omit<ImageHeader, 'mime'> {
  if (b.length < 13) throw truncated('gif');
  const width = u16le(b, 6);
  const height = u16le(b, 8);
  const flags = b[10];
  let at = 13 + (flags & 0x80 ? 3 * 2 ** ((flags & 7) + 1) : 0);
  let frames = 0;
  const skipSubBlocks = () => {
    for (;;) {
      if (at >= b.length) throw truncated('gif');
      const n = b[at++];
      if (n === 0) return;
      at += n;
    }
  };
  for (;;) {
    // A file that ends cleanly between blocks after a whole frame decodes everywhere; accept it.
    if (at >= b.length) {
      if (frames > 0) break;
      throw truncated('gif');
    }
    const block = b[at++];
    if (block === 0x3b) break;
    if (block === 0x21) {
      at++; // extension label
      skipSubBlocks();
    } else if (block === 0x2c) {
      if (at + 9 > b.length) throw truncated('gif');
      const local = b[at + 8];
      at += 9 + (local & 0x80 ? 3 * 2 ** ((local & 7) + 1) : 0) + 1; // + LZW minimum code size
      skipSubBlocks();
      frames++;
    } else throw corrupt('gif');
  }
  if (frames === 0) throw corrupt('gif');
  return { format: 'gif', width, height, notes: frames > 1 ? ['animated'] : [], orientation: 1 };
}

function readWebp(b: Uint8Array): Omit<ImageHeader, 'mime'> {
  if (u32le(b, 4) + 8 > b.length || b.length < 30) throw truncated('webp');
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8 ') {
    if (!startsWith(b, [0x9d, 0x01, 0x2a], 23)) throw corrupt('webp');
    return {
      format: 'webp',
      width: u16le(b, 26) & 0x3fff,
      height: u16le(b, 28) & 0x3fff,
      notes: [],
      orientation: 1,
    };
  }
  if (chunk === 'VP8L') {
    if (b[20] !== 0x2f) throw corrupt('webp');
    const bits = u32le(b, 21);
    return {
      format: 'webp',
      width: (bits & 0x3fff) + 1,
      height: ((bits >>> 14) & 0x3fff) + 1,
      notes: [],
      orientation: 1,
    };
  }
  if (chunk === 'VP8X') {
    const u24 = (i: number) => b[i] | (b[i + 1] << 8) | (b[i + 2] << 16);
    return {
      format: 'webp',
      width: u24(24) + 1,
      height: u24(27) + 1,
      notes: b[20] & 0x02 ? ['animated'] : [],
      orientation: 1,
    };
  }
  throw corrupt('webp');
}

function readBmp(b: Uint8Array): Omit<ImageHeader, 'mime'> {
  if (u32le(b, 2) > b.length) throw truncated('bmp');
  const dib = u32le(b, 14);
  const [width, height] = dib === 12 ? [u16le(b, 18), u16le(b, 20)] : [i32le(b, 18), Math.abs(i32le(b, 22))];
  return { format: 'bmp', width, height, notes: [], orientation: 1 };
}

const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'msf1']);

/** ISO base media (ftyp) files: AVIF decodes in browsers; HEIC/HEIF and videos do not. */
function readIsoBmff(b: Uint8Array): Omit<ImageHeader, 'mime'> {
  const size = Math.min(u32be(b, 0), b.length, 1024);
  const brands: string[] = [ascii(b, 8, 4)];
  for (let i = 16; i + 4 <= size; i += 4) brands.push(ascii(b, i, 4));
  if (brands.includes('avif') || brands.includes('avis')) {
    let best: [number, number] | null = null;
    for (let i = 4; i + 16 <= b.length; i++) {
      if (b[i] === 0x69 && ascii(b, i, 4) === 'ispe') {
        const w = u32be(b, i + 8);
        const h = u32be(b, i + 12);
        if (!best || w * h > best[0] * best[1]) best = [w, h];
      }
    }
    if (!best) throw corrupt('avif');
    return { format: 'avif', width: best[0], height: best[1], notes: [], orientation: 1 };
  }
  if (brands.some((brand) => HEIF_BRANDS.has(brand)))
    throw new ImageError('unsupported', { format: 'HEIC/HEIF' });
  throw new ImageError('not-image');
}
