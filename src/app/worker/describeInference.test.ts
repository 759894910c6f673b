import { describe, expect, it } from 'vitest';
import { translate, type MessageKey, type Params } from '../../i18n';
import { describeInference } from './describeInference';
import type { InferenceState } from './inferenceClient';
import type { InferenceFailureCode } from './protocol';

const en = (key: MessageKey, params?: Params) => translate('en', key, params);
const zh = (key: MessageKey, params?: Params) => translate('zh', key, params);

const failed = (code: InferenceFailureCode, maxAbsDiff?: number): InferenceState => ({
  wanted: true,
  phase: 'failed',
  backend: 'webgl',
  failure: { code, message: 'technical detail', ...(maxAbsDiff === undefined ? {} : { maxAbsDiff }) },
});

describe('where the network runs, in words', () => {
  it('says nothing before a model is built, then where it runs', () => {
    expect(describeInference({ phase: 'off', backend: null, failure: null }, en)).toBeNull();
    expect(describeInference({ phase: 'off', backend: null, failure: null }, zh, true)).toBe(
      zh('inference.software'),
    );
    expect(describeInference({ phase: 'starting', backend: 'wasm', failure: null }, en)).toBe(
      en('inference.starting'),
    );
    expect(describeInference({ phase: 'ready', backend: 'wasm', failure: null }, zh)).toBe(
      zh('inference.ready'),
    );
  });

  it('says why the page computes, in the reader’s language, never with the technical detail', () => {
    expect(describeInference(failed('start'), en)).toBe(
      'Network: runs on the page, because its background thread could not start WebGL',
    );
    expect(describeInference(failed('canary', 0.31), en)).toMatch(
      /failed the correctness check \(logits off by 0\.3/,
    );
    expect(
      describeInference(
        { ...failed('timeout'), failure: { code: 'timeout', message: 'technical detail', seconds: 12 } },
        en,
      ),
    ).toBe('Network: runs on the page, because its background thread did not answer within 12 s');
    for (const code of ['start', 'canary', 'error', 'crashed', 'timeout'] as const) {
      const text = describeInference(failed(code, 0.3), zh)!;
      expect(text).toMatch(/[\u4e00-\u9fff]/);
      expect(text).not.toMatch(/technical detail|background|\{/);
      expect(describeInference(failed(code, 0.3), en)).not.toMatch(/technical detail|\{/);
    }
  });
});
