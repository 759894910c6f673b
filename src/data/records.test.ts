/**
 * The recorded figures name the bytes they were measured on: the tfjs evaluation (`npm run eval -- --write`)
 * and the calibration (training/calibration.py) each carry the sha256 of their weights file, and those must
 * be the bytes the app serves by default. A new default model fails here until it is measured again.
 */
import { describe, expect, it } from 'vitest';
import manifest from '../../public/models/manifest.json';
import calibration from './calibration.json';
import tfjsEval from './tfjsEval.json';

const MODELS = 'public/models/';
const shaOf = (file: string) => manifest.files.find((f) => `${MODELS}${f.path}` === file)?.sha256;
const DEFAULT = `${MODELS}${manifest.default}`;

describe('src/data/tfjsEval.json', () => {
  const AGAIN = `run \`${tfjsEval.command} --write\` again`;

  it('was measured on the default model’s bytes', () => {
    expect(tfjsEval.model, AGAIN).toBe(DEFAULT);
    expect(shaOf(DEFAULT), `manifest lists ${DEFAULT}`).toMatch(/^[0-9a-f]{64}$/);
    expect(tfjsEval.modelSha256, `the default model changed: ${AGAIN}`).toBe(shaOf(DEFAULT));
  });

  it('names the compared file’s bytes and the day of the measurement', () => {
    expect(tfjsEval.compare.modelSha256, AGAIN).toBe(shaOf(tfjsEval.compare.model));
    expect(tfjsEval.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(tfjsEval.testFileSha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('src/data/calibration.json', () => {
  it('was measured on the default model’s bytes', () => {
    const again =
      `run \`/usr/bin/python3 training/calibration.py --weights ${DEFAULT} --test-file <the CIFAR-10 ` +
      `test_batch.bin> --out src/data/calibration.json --records ${calibration.records}\` again`;
    expect(calibration.weights, again).toBe(DEFAULT);
    expect(calibration.weights_sha256, `the default model changed: ${again}`).toBe(shaOf(DEFAULT));
  });
});
