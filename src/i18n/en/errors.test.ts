import { describe, expect, it } from 'vitest';
import { errors as en } from './errors';
import { errors as zh } from '../zh/errors';
import {
  appErrorCodes,
  appErrorTemplates,
  weightsErrorCodes,
  weightsErrorTemplates,
  WeightsError,
} from '../../resnext/errors';
import { errorMessage } from '../../app/errors/errorMessage';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('weights error messages', () => {
  it('has an English catalog entry equal to the engine message for every code, and no others', () => {
    const keys = Object.keys(en).filter((k) => k.startsWith('error.weights.'));
    expect(keys.sort()).toEqual(weightsErrorCodes.map((c) => `error.weights.${c}`).sort());
    for (const code of weightsErrorCodes) {
      expect(en[`error.weights.${code}`]).toBe(weightsErrorTemplates[code]);
    }
  });

  it('has an English catalog entry equal to the template of every app error code, and no others', () => {
    const keys = Object.keys(en).filter((k) => k.startsWith('error.app.'));
    expect(keys.sort()).toEqual(appErrorCodes.map((c) => `error.app.${c}`).sort());
    for (const code of appErrorCodes) expect(en[`error.app.${code}`]).toBe(appErrorTemplates[code]);
  });

  it('uses the same placeholders in Chinese as in English', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(zh[key]), key).toEqual(placeholders(en[key]));
      expect(zh[key]).not.toBe(en[key]);
    }
  });

  it('fills placeholders in the error message and names its catalog key', () => {
    const e = new WeightsError('missing-tensor', { file: 'w.safetensors', tensor: 'fc.bias' });
    expect(e.message).toBe('w.safetensors: tensor fc.bias is missing.');
    expect(errorMessage(e).key).toBe('error.weights.missing-tensor');
  });
});
