import { describe, expect, it } from 'vitest';
import { COLOR_STOPS, colorLut, LUT_SIZE, lutIndex } from './colorScale';
import { gridLayout, gridScale, hitTest } from './gridLayout';
import { groupKernelMaps } from './kernelMaps';
import { chwSource, nhwcSource, valueAt } from './mapSource';
import { channelScales } from './normalise';
import { paintMaps } from './paintMaps';

describe('colour scales', () => {
  it('run from the first stop to the last, diverging through white at zero', () => {
    for (const kind of ['diverging', 'sequential'] as const) {
      const lut = colorLut(kind);
      const stops = COLOR_STOPS[kind];
      expect([...lut.slice(0, 3)]).toEqual([...stops[0]]);
      expect([...lut.slice(3 * (LUT_SIZE - 1))]).toEqual([...stops[stops.length - 1]]);
    }
    const mid = lutIndex('diverging', 0, 5);
    expect(Math.abs(mid - (LUT_SIZE - 1) / 2)).toBeLessThanOrEqual(0.5);
    const [r, g, b] = colorLut('diverging').slice(3 * mid, 3 * mid + 3);
    expect(Math.min(r, g, b)).toBeGreaterThan(235);
  });

  it('put negatives on the blue side, positives on the red side, and clamp', () => {
    const lut = colorLut('diverging');
    const at = (v: number) => lut.slice(3 * lutIndex('diverging', v, 2), 3 * lutIndex('diverging', v, 2) + 3);
    expect(at(-1)[2]).toBeGreaterThan(at(-1)[0]);
    expect(at(1)[0]).toBeGreaterThan(at(1)[2]);
    expect(lutIndex('diverging', -10, 2)).toBe(0);
    expect(lutIndex('diverging', 10, 2)).toBe(LUT_SIZE - 1);
    expect(lutIndex('sequential', -1, 2)).toBe(0);
    expect(lutIndex('sequential', 2, 2)).toBe(LUT_SIZE - 1);
    expect(lutIndex('sequential', 1, 0)).toBe(0);
  });
});

describe('map sources and normalisation', () => {
  // 2×2 maps, 3 channels, NHWC: channel c at (y, x) holds (c + 1)·(y·2 + x) − 2·c
  const h = 2;
  const w = 2;
  const c = 3;
  const data = new Float32Array(h * w * c);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      for (let k = 0; k < c; k++) data[(y * w + x) * c + k] = (k + 1) * (y * 2 + x) - 2 * k;

  it('read NHWC and CHW data alike', () => {
    const src = nhwcSource(data, h, w, c);
    const chw = new Float32Array(data.length);
    for (let k = 0; k < c; k++) for (let p = 0; p < h * w; p++) chw[k * h * w + p] = data[p * c + k];
    const other = chwSource(chw, c, h, w);
    for (let k = 0; k < c; k++)
      for (let y = 0; y < h; y++)
        for (let x = 0; x < w; x++) {
          expect(valueAt(src, k, y, x)).toBe((k + 1) * (y * 2 + x) - 2 * k);
          expect(valueAt(other, k, y, x)).toBe(valueAt(src, k, y, x));
        }
    const tail = nhwcSource(data, h, w, c, 1, 2);
    expect(valueAt(tail, 0, 1, 1)).toBe(valueAt(src, 1, 1, 1));
    expect(() => nhwcSource(data, h, w, c, 2, 2)).toThrow();
  });

  it('scale each map by its own extreme or all by the largest', () => {
    const src = nhwcSource(data, h, w, c);
    // channel 0: 0,1,2,3; channel 1: −2,0,2,4; channel 2: −4,−1,2,5
    expect([...channelScales(src, 'sequential', 'channel')]).toEqual([3, 4, 5]);
    expect([...channelScales(src, 'diverging', 'channel')]).toEqual([3, 4, 5]);
    const neg = nhwcSource(
      data.map((v) => -v),
      h,
      w,
      c,
    );
    expect([...channelScales(neg, 'diverging', 'channel')]).toEqual([3, 4, 5]);
    expect([...channelScales(neg, 'sequential', 'channel')]).toEqual([0, 2, 4]);
    expect([...channelScales(src, 'diverging', 'shared')]).toEqual([5, 5, 5]);
  });
});

describe('grid layout', () => {
  it('keeps groups whole on a row and finds every pixel of every map', () => {
    const layout = gridLayout({
      channels: 128,
      height: 8,
      width: 8,
      scale: 2,
      groupSize: 4,
      targetWidth: 500,
    });
    expect(layout.tiles).toHaveLength(128);
    expect(layout.columns % 4).toBe(0);
    expect(layout.width).toBeLessThanOrEqual(500);
    for (const g of layout.groups) {
      const rows = new Set(layout.tiles.slice(g.group * 4, g.group * 4 + 4).map((t) => t.y));
      expect(rows.size).toBe(1);
    }
    for (const t of layout.tiles) {
      expect(t.x + layout.tileWidth).toBeLessThanOrEqual(layout.width);
      expect(t.y + layout.tileHeight).toBeLessThanOrEqual(layout.height);
      expect(hitTest(layout, t.x, t.y)).toEqual({ channel: t.channel, x: 0, y: 0 });
      expect(hitTest(layout, t.x + layout.tileWidth - 1, t.y + 5)).toEqual({
        channel: t.channel,
        x: 7,
        y: 2,
      });
    }
    expect(hitTest(layout, layout.tiles[0].x + layout.tileWidth, layout.tiles[0].y)).toBeNull();
    expect(() => gridLayout({ channels: 10, height: 2, width: 2, scale: 1, groupSize: 4 })).toThrow();
    // A few maps are drawn large, many maps small, within the pixel budget.
    expect(gridScale(4, 32, 32)).toBe(2);
    expect(gridScale(4, 3, 3)).toBe(16);
    expect(gridScale(256, 32, 32)).toBe(1);
    expect(gridScale(1024, 8, 8)).toBe(2);
    expect(1024 * (8 * 2 + 2) ** 2).toBeLessThanOrEqual(450_000);
    expect(1024 * (8 * 3 + 2) ** 2).toBeGreaterThan(450_000);
  });
});

describe('painting', () => {
  it('colours each tensor pixel as a scale×scale square and leaves gaps transparent', () => {
    const data = Float32Array.from([-1, 0.5, 0, 1, 2, -2, 0.25, -0.5]); // 2 channels of 2×2, NHWC
    const src = nhwcSource(data, 2, 2, 2);
    const layout = gridLayout({ channels: 2, height: 2, width: 2, scale: 3 });
    const px = new Uint8ClampedArray(4 * layout.width * layout.height);
    const scales = channelScales(src, 'diverging', 'channel');
    paintMaps(px, layout, src, { kind: 'diverging', scales });
    const lut = colorLut('diverging');
    for (const t of layout.tiles)
      for (let y = 0; y < 2; y++)
        for (let x = 0; x < 2; x++) {
          const k = 3 * lutIndex('diverging', valueAt(src, t.channel, y, x), scales[t.channel]);
          for (const [dy, dx] of [
            [0, 0],
            [2, 2],
            [1, 2],
          ]) {
            const p = 4 * ((t.y + 3 * y + dy) * layout.width + t.x + 3 * x + dx);
            expect([...px.slice(p, p + 4)]).toEqual([lut[k], lut[k + 1], lut[k + 2], 255]);
          }
        }
    const gapX = layout.tiles[0].x + layout.tileWidth;
    expect(px[4 * gapX + 3]).toBe(0);
  });
});

describe('group kernels', () => {
  it('pick group g of a grouped HWIO weight, one map per (output, input)', () => {
    const shape = [3, 3, 2, 6] as const; // d = 2, 3 groups
    const weights = new Float32Array(3 * 3 * 2 * 6);
    for (let y = 0; y < 3; y++)
      for (let x = 0; x < 3; x++)
        for (let i = 0; i < 2; i++)
          for (let o = 0; o < 6; o++)
            weights[((y * 3 + x) * 2 + i) * 6 + o] = 1000 * o + 100 * i + 10 * y + x;
    const maps = groupKernelMaps(weights, shape, 3, 2);
    expect(maps.channels).toBe(4);
    for (let o = 0; o < 2; o++)
      for (let i = 0; i < 2; i++)
        for (let y = 0; y < 3; y++)
          for (let x = 0; x < 3; x++)
            expect(valueAt(maps, o * 2 + i, y, x)).toBe(1000 * (4 + o) + 100 * i + 10 * y + x);
    expect(() => groupKernelMaps(weights, shape, 3, 3)).toThrow();
    expect(() => groupKernelMaps(weights, shape, 2, 0)).toThrow();
  });
});
