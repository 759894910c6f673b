import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { translate } from '../src/i18n';
import type { MessageKey } from '../src/i18n';
import {
  animatedGif,
  cmykJpeg,
  fakeHeic,
  png,
  readSample,
  svgWithScript,
  truncated,
  withBadCrc,
  withGarbageData,
} from './files/images';
import { expect, gotoApp, test } from './harness';

/**
 * Bad and unusual pictures, made at test time. Each one must end in a clear message (and the previous
 * picture and result stay) or in a classification; afterwards the page still classifies a sample.
 */

const samplePath = (name: string) => fileURLToPath(new URL(`../public/samples/${name}`, import.meta.url));

interface Case {
  name: string;
  mimeType: string;
  make(): Buffer;
  /** the error code expected, or null for a picture that must be classified */
  error: string | null;
  /** notes the picture must get (classified cases) */
  notes?: string[];
  /** the message, when it has no parameters */
  key?: MessageKey;
}

const CASES: Case[] = [
  {
    name: 'letter.jpg',
    mimeType: 'image/jpeg',
    make: () => Buffer.from('Dear reader,\nthis is a text file.\n'),
    error: 'not-image',
    key: 'classify.image.error.not-image',
  },
  {
    name: 'empty.png',
    mimeType: 'image/png',
    make: () => Buffer.alloc(0),
    error: 'empty',
    key: 'classify.image.error.empty',
  },
  {
    name: 'half.jpg',
    mimeType: 'image/jpeg',
    make: () => truncated(readSample(samplePath('cat.jpg'))),
    error: 'truncated',
  },
  {
    name: 'scrambled.jpg',
    mimeType: 'image/jpeg',
    make: () => {
      const b = Buffer.from(readSample(samplePath('cat.jpg')));
      b.fill(0x00, 4, 40);
      return b;
    },
    error: 'corrupt',
  },
  {
    name: 'bad-crc.png',
    mimeType: 'image/png',
    make: () =>
      withBadCrc(
        png({ width: 16, height: 16, colorType: 2, bitDepth: 8, pixel: (x, y) => [x * 16, y * 16, 128] }),
      ),
    error: 'corrupt',
  },
  { name: 'garbage.png', mimeType: 'image/png', make: () => withGarbageData(16, 16), error: 'decode-failed' },
  {
    name: 'drawing.svg',
    mimeType: 'image/svg+xml',
    make: svgWithScript,
    error: 'svg',
    key: 'classify.image.error.svg',
  },
  {
    name: 'drawing-as.png',
    mimeType: 'image/png',
    make: svgWithScript,
    error: 'svg',
    key: 'classify.image.error.svg',
  },
  {
    name: 'huge.png',
    mimeType: 'image/png',
    make: () => png({ width: 20000, height: 20000, colorType: 0, bitDepth: 1 }),
    error: 'too-large',
  },
  { name: 'photo.heic', mimeType: 'image/heic', make: fakeHeic, error: 'unsupported' },
  { name: 'animated.gif', mimeType: 'image/gif', make: animatedGif, error: null, notes: ['animated'] },
  {
    name: 'gray.png',
    mimeType: 'image/png',
    make: () =>
      png({ width: 64, height: 48, colorType: 0, bitDepth: 8, pixel: (x, y) => [(x * 4 + y) & 255] }),
    error: null,
    notes: ['grayscale'],
  },
  {
    name: 'gray16.png',
    mimeType: 'image/png',
    make: () =>
      png({
        width: 40,
        height: 40,
        colorType: 0,
        bitDepth: 16,
        pixel: (x, y) => [(x * 1600 + y * 37) & 0xffff],
      }),
    error: null,
    notes: ['grayscale', 'sixteen-bit'],
  },
  {
    name: 'cmyk.jpg',
    mimeType: 'image/jpeg',
    make: () => cmykJpeg(samplePath('cat.jpg')),
    error: null,
    notes: ['cmyk'],
  },
  {
    name: 'alpha.png',
    mimeType: 'image/png',
    make: () =>
      png({
        width: 48,
        height: 48,
        colorType: 6,
        bitDepth: 8,
        pixel: (x, y) => [200, 40, 40, x < 24 ? 0 : y * 5],
      }),
    error: null,
    notes: ['alpha'],
  },
  {
    name: 'one.png',
    mimeType: 'image/png',
    make: () => png({ width: 1, height: 1, colorType: 2, bitDepth: 8, pixel: () => [10, 120, 200] }),
    error: null,
  },
  {
    name: 'panorama.png',
    mimeType: 'image/png',
    make: () =>
      png({
        width: 8000,
        height: 100,
        colorType: 2,
        bitDepth: 8,
        pixel: (x, y) => [x & 255, y * 2, (x >> 5) & 255],
      }),
    error: null,
  },
];

async function upload(page: Page, c: Case) {
  await page
    .getByTestId('file-input')
    .setInputFiles({ name: c.name, mimeType: c.mimeType, buffer: c.make() });
}

/** Uploads each case in turn and checks its message or its result; returns the name of the picture shown. */
async function runBattery(page: Page, lang: 'en' | 'zh', cases: Case[], shown: string): Promise<string> {
  const top1 = page.getByTestId('top1');
  const error = page.getByTestId('image-error');
  for (const c of cases) {
    await test.step(`${c.name} (${lang})`, async () => {
      await upload(page, c);
      if (c.error) {
        await expect(error).toHaveAttribute('data-code', c.error);
        const text = (await error.innerText()).trim();
        expect(text.length).toBeGreaterThan(10);
        if (c.key) expect(text).toContain(translate(lang, c.key));
        expect(text).toContain(translate(lang, 'classify.image.errorKept'));
        // the previous picture and its result stay
        await expect(top1).toHaveAttribute('data-image', shown);
      } else {
        await expect(top1).toHaveAttribute('data-image', c.name);
        await expect(error).toHaveCount(0);
        shown = c.name;
        const notes = await page
          .getByTestId('image-notes')
          .locator('li')
          .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-note')));
        for (const n of c.notes ?? []) expect(notes).toContain(n);
      }
    });
  }
  return shown;
}

// One page: the model loads once and serves both languages. Decoding, checks and cropping run in JavaScript
// whatever the backend, so the battery runs on WASM only; classify.spec.ts classifies on WebGL.
for (const project of ['wasm'] as const) {
  test(`upload battery: every bad or unusual picture gets a message or a result, in English and Chinese @${project}`, async ({
    page,
  }) => {
    test.setTimeout(600_000);
    await gotoApp(page, 'section=classify&lang=en');
    const top1 = page.getByTestId('top1');
    const error = page.getByTestId('image-error');
    await expect(top1).toHaveAttribute('data-class', 'cat', { timeout: 180_000 });

    let shown = await runBattery(page, 'en', CASES, 'cat.jpg');
    // The same uploads in Chinese: the messages are what changes, so every error case and one picture that
    // is classified (the classifications themselves do not depend on the language).
    await page.getByTestId('lang-select').selectOption('zh');
    await expect(page.locator('html')).toHaveAttribute('lang', /^zh/);
    shown = await runBattery(
      page,
      'zh',
      CASES.filter((c) => c.error || c.name === 'gray.png'),
      shown,
    );
    expect(shown).toBe('gray.png');

    // the SVG's script never ran and no SVG from the upload is in the page
    expect(await page.evaluate(() => (window as unknown as { __svgRan?: number }).__svgRan)).toBeUndefined();
    expect(await page.locator('svg script').count()).toBe(0);

    // pasting something that is not a picture says so; pasting a picture classifies it
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', 'just words');
      document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    });
    await expect(error).toHaveAttribute('data-code', 'paste-empty');
    await page.evaluate(async () => {
      const res = await fetch('samples/horse.jpg');
      const data = new DataTransfer();
      data.items.add(new File([await res.blob()], 'image.png', { type: 'image/jpeg' }));
      document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    });
    await expect(top1).toHaveAttribute('data-origin', 'paste');
    await expect(top1).toHaveAttribute('data-class', 'horse');

    // the page still classifies a sample
    await page.locator('button[data-sample="cat"]').click();
    await expect(top1).toHaveAttribute('data-image', 'cat.jpg');
    await expect(top1).toHaveAttribute('data-class', 'cat');
    await expect(error).toHaveCount(0);
  });
}
