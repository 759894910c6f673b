/**
 * Test pictures made at test time, so no binary test files are committed: PNGs written here (zlib from
 * Node), GIF and CMYK JPEG written by Pillow (/usr/bin/python3), and damaged copies of a shipped sample.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { crc32 } from '../../src/app/model/image/crc32';

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export interface PngSpec {
  width: number;
  height: number;
  /** 0 gray, 2 RGB, 4 gray+alpha, 6 RGBA */
  colorType: 0 | 2 | 4 | 6;
  bitDepth: 1 | 8 | 16;
  /** the filtered scanlines (each starting with its filter byte 0), or null for all zeros */
  pixel?: (x: number, y: number) => number[];
}

const CHANNELS = { 0: 1, 2: 3, 4: 2, 6: 4 } as const;

/** A PNG; `pixel` gives each pixel's samples (0–255, or 0–65535 at 16 bits). */
export function png(spec: PngSpec): Buffer {
  const { width, height, colorType, bitDepth } = spec;
  const bytesPerRow = Math.ceil((width * CHANNELS[colorType] * bitDepth) / 8);
  const raw = Buffer.alloc((bytesPerRow + 1) * height);
  if (spec.pixel) {
    for (let y = 0; y < height; y++) {
      let at = y * (bytesPerRow + 1) + 1;
      for (let x = 0; x < width; x++) {
        for (const v of spec.pixel(x, y)) {
          if (bitDepth === 16) {
            raw.writeUInt16BE(v, at);
            at += 2;
          } else raw[at++] = v;
        }
      }
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = bitDepth;
  ihdr[9] = colorType;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Flips one bit of the CRC of the first IDAT chunk. */
export function withBadCrc(file: Buffer): Buffer {
  const out = Buffer.from(file);
  const at = out.indexOf('IDAT');
  const length = out.readUInt32BE(at - 4);
  out[at + 4 + length] ^= 0x01;
  return out;
}

/** A PNG whose IDAT holds garbage with a correct CRC: the structure is fine, the decoder must fail. */
export function withGarbageData(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', Buffer.from('this is not zlib data at all, just text', 'ascii')),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Runs a Pillow script that writes the file's bytes to stdout. */
function pillow(script: string): Buffer {
  return execFileSync(
    '/usr/bin/python3',
    ['-c', `import io, sys\nfrom PIL import Image, ImageDraw\n${script}`],
    {
      maxBuffer: 16 << 20,
    },
  );
}

/** An animated GIF: a red first frame, then a blue one. */
export const animatedGif = (): Buffer =>
  pillow(`frames = [Image.new('RGB', (48, 32), c) for c in ((200, 30, 30), (30, 30, 200), (30, 200, 30))]
b = io.BytesIO(); frames[0].save(b, 'GIF', save_all=True, append_images=frames[1:], duration=100, loop=0)
sys.stdout.buffer.write(b.getvalue())`);

/** A CMYK JPEG of a shipped sample photo. */
export const cmykJpeg = (samplePath: string): Buffer =>
  pillow(`im = Image.open(${JSON.stringify(samplePath)}).convert('CMYK')
b = io.BytesIO(); im.save(b, 'JPEG', quality=90); sys.stdout.buffer.write(b.getvalue())`);

/** A fake HEIC: the ISO-BMFF 'ftyp' box of an iPhone photo followed by junk. */
export function fakeHeic(): Buffer {
  const ftyp = Buffer.alloc(24);
  ftyp.writeUInt32BE(24, 0);
  ftyp.write('ftypheic', 4, 'ascii');
  ftyp.write('mif1heic', 16, 'ascii');
  return Buffer.concat([ftyp, Buffer.alloc(200, 7)]);
}

export const svgWithScript = (): Buffer =>
  Buffer.from(
    `<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" onload="window.__svgRan = 1">` +
      `<script>window.__svgRan = 1;</script><rect width="64" height="64" fill="red"/></svg>`,
  );

/** The first half of a file. */
export const truncated = (file: Buffer): Buffer => file.subarray(0, Math.floor(file.length / 2));

export const readSample = (path: string): Buffer => readFileSync(path);
