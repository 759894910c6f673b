import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  animatedGif,
  cmykJpeg,
  fakeHeic,
  png,
  svgWithScript,
  truncated,
  withBadCrc,
} from '../../../../e2e/files/images';
import { crc32 } from './crc32';
import { ImageError } from './imageError';
import { checkDimensions, exifOrientation, sniffImage } from './sniffImage';

const CAT = fileURLToPath(new URL('../../../../public/samples/cat.jpg', import.meta.url));
const catJpeg = () => new Uint8Array(readFileSync(CAT));

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof ImageError) return e.code;
    throw e;
  }
  return 'none';
}

const bytes = (b: Buffer | string) => new Uint8Array(typeof b === 'string' ? Buffer.from(b, 'latin1') : b);

describe('crc32', () => {
  it('gives the standard check value', () => {
    expect(crc32(bytes('123456789'))).toBe(0xcbf43926);
  });
});

describe('sniffImage', () => {
  it('reads a PNG and its colour facts from the header', () => {
    const rgb = sniffImage(
      bytes(png({ width: 7, height: 3, colorType: 2, bitDepth: 8, pixel: () => [1, 2, 3] })),
    );
    expect(rgb).toMatchObject({ format: 'png', mime: 'image/png', width: 7, height: 3, notes: [] });
    const gray16 = sniffImage(
      bytes(png({ width: 2, height: 5, colorType: 0, bitDepth: 16, pixel: () => [300] })),
    );
    expect(gray16.notes).toEqual(['grayscale', 'sixteen-bit']);
    expect(
      sniffImage(bytes(png({ width: 1, height: 1, colorType: 4, bitDepth: 8, pixel: () => [5, 6] }))).notes,
    ).toEqual(['grayscale']);
  });

  it('refuses a PNG with a wrong checksum or cut short', () => {
    const good = png({ width: 4, height: 4, colorType: 6, bitDepth: 8, pixel: () => [1, 2, 3, 4] });
    expect(codeOf(() => sniffImage(bytes(withBadCrc(good))))).toBe('corrupt');
    expect(codeOf(() => sniffImage(bytes(good.subarray(0, good.length - 6))))).toBe('truncated');
  });

  it('reads the size of a huge PNG without decoding it, and checkDimensions refuses it', () => {
    const huge = sniffImage(bytes(png({ width: 20000, height: 20000, colorType: 0, bitDepth: 1 })));
    expect([huge.width, huge.height]).toEqual([20000, 20000]);
    expect(codeOf(() => checkDimensions(huge))).toBe('too-large');
    expect(codeOf(() => checkDimensions({ width: 8000, height: 100 }))).toBe('none');
    expect(codeOf(() => checkDimensions({ width: 31000, height: 10 }))).toBe('too-large');
  });

  it('reads a JPEG (the shipped cat photo is 385×256) and refuses it cut in half', () => {
    expect(sniffImage(catJpeg())).toMatchObject({
      format: 'jpeg',
      width: 385,
      height: 256,
      notes: [],
      orientation: 1,
    });
    expect(codeOf(() => sniffImage(bytes(truncated(Buffer.from(catJpeg())))))).toBe('truncated');
    const scrambled = catJpeg();
    scrambled.fill(0, 4, 40);
    expect(codeOf(() => sniffImage(scrambled))).toBe('corrupt');
  });

  it('tells a CMYK JPEG', () => {
    expect(sniffImage(bytes(cmykJpeg(CAT))).notes).toEqual(['cmyk']);
  });

  it('reads GIFs and counts their frames', () => {
    const pixel = bytes(
      'GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;',
    );
    expect(sniffImage(pixel)).toMatchObject({ format: 'gif', width: 1, height: 1, notes: [] });
    expect(sniffImage(bytes(animatedGif()))).toMatchObject({
      format: 'gif',
      width: 48,
      height: 32,
      notes: ['animated'],
    });
    expect(codeOf(() => sniffImage(pixel.subarray(0, 30)))).toBe('truncated');
  });

  it('reads the size of a lossless WebP', () => {
    const b = Buffer.alloc(30);
    b.write('RIFF', 0, 'ascii');
    b.writeUInt32LE(22, 4);
    b.write('WEBPVP8L', 8, 'ascii');
    b.writeUInt32LE(10, 16);
    b[20] = 0x2f;
    b.writeUInt32LE(99 | (49 << 14), 21);
    expect(sniffImage(bytes(b))).toMatchObject({ format: 'webp', width: 100, height: 50 });
  });

  it('refuses SVG (with or without an XML prologue, whatever the name), text, HEIC, TIFF and empty files', () => {
    expect(codeOf(() => sniffImage(bytes(svgWithScript())))).toBe('svg');
    const bomSvg = new TextEncoder().encode('\ufeff  <svg xmlns="http://www.w3.org/2000/svg"></svg>');
    expect(codeOf(() => sniffImage(bomSvg))).toBe('svg');
    expect(codeOf(() => sniffImage(bytes('<html><body>hello</body></html>')))).toBe('not-image');
    expect(codeOf(() => sniffImage(bytes('Dear reader, this is text.')))).toBe('not-image');
    expect(codeOf(() => sniffImage(bytes(fakeHeic())))).toBe('unsupported');
    expect(codeOf(() => sniffImage(bytes('II*\x00\x08\x00\x00\x00')))).toBe('unsupported');
    expect(codeOf(() => sniffImage(new Uint8Array(0)))).toBe('empty');
  });

  it('reads AVIF sizes from the largest ispe box', () => {
    const ftyp = Buffer.alloc(24);
    ftyp.writeUInt32BE(24, 0);
    ftyp.write('ftypavif', 4, 'ascii');
    ftyp.write('mif1miaf', 16, 'ascii');
    const ispe = (w: number, h: number) => {
      const box = Buffer.alloc(20);
      box.writeUInt32BE(20, 0);
      box.write('ispe', 4, 'ascii');
      box.writeUInt32BE(w, 12);
      box.writeUInt32BE(h, 16);
      return box;
    };
    expect(sniffImage(bytes(Buffer.concat([ftyp, ispe(160, 90), ispe(1920, 1080)])))).toMatchObject({
      format: 'avif',
      width: 1920,
      height: 1080,
    });
  });
});

describe('exifOrientation', () => {
  const tiff = (order: 'II' | 'MM', value: number) => {
    const b = Buffer.alloc(26);
    b.write(order, 0, 'ascii');
    const le = order === 'II';
    const u16 = (v: number, at: number) => (le ? b.writeUInt16LE(v, at) : b.writeUInt16BE(v, at));
    const u32 = (v: number, at: number) => (le ? b.writeUInt32LE(v, at) : b.writeUInt32BE(v, at));
    u16(42, 2);
    u32(8, 4);
    u16(1, 8);
    u16(0x0112, 10);
    u16(3, 12);
    u32(1, 14);
    u16(value, 18);
    return new Uint8Array(b);
  };
  it('reads the orientation tag in either byte order', () => {
    expect(exifOrientation(tiff('MM', 6), 0, 26)).toBe(6);
    expect(exifOrientation(tiff('II', 8), 0, 26)).toBe(8);
  });
  it('falls back to 1 for bad values or structures', () => {
    expect(exifOrientation(tiff('II', 42), 0, 26)).toBe(1);
    expect(exifOrientation(tiff('II', 6), 0, 12)).toBe(1);
    expect(exifOrientation(bytes('XX\x00*\x00\x00\x00\x08'), 0, 8)).toBe(1);
  });
});
