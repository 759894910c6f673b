import { describe, expect, it } from 'vitest';
import { translate, type MessageKey, type Params } from '../../i18n';
import {
  backendDetails,
  backendReason,
  canarySwitchText,
  describeBackend,
  describeCanary,
  formatLogitDiff,
} from './describeBackend';
import type { BackendInfo } from './types';

const en = (key: MessageKey, params?: Params) => translate('en', key, params);
const zh = (key: MessageKey, params?: Params) => translate('zh', key, params);

const softwareSkipped: BackendInfo = {
  name: 'wasm',
  reason: 'software-gpu',
  fallbacks: [
    { name: 'webgpu', error: 'software', message: 'google swiftshader' },
    { name: 'webgl', error: 'software', message: 'SwiftShader Device' },
  ],
  threads: 2,
};

describe('describeBackend', () => {
  it('names the backend and the software GPU that was skipped', () => {
    const text = describeBackend(softwareSkipped, en);
    expect(text).toContain('WebAssembly');
    expect(text).toContain('WebGPU, WebGL');
    expect(text).toContain(translate('en', 'backend.reason.software-gpu', { failed: 'WebGPU, WebGL' }));
  });

  it('names only the backends that failed after a fallback', () => {
    const info: BackendInfo = {
      name: 'wasm',
      reason: 'fallback',
      fallbacks: [
        { name: 'webgpu', error: 'software' },
        { name: 'webgl', error: 'init-failed', message: 'context lost' },
      ],
    };
    expect(backendReason(info, en)).toBe(translate('en', 'backend.reason.fallback', { failed: 'WebGL' }));
  });

  it('marks a software renderer in the backend name', () => {
    const info: BackendInfo = { name: 'webgl', reason: 'requested', fallbacks: [], software: true };
    expect(describeBackend(info, en)).toContain(translate('en', 'backend.software', { backend: 'WebGL' }));
  });

  it('speaks Chinese with Chinese list punctuation', () => {
    const text = describeBackend(softwareSkipped, zh);
    expect(text).toContain('WebGPU、WebGL');
    expect(text).not.toMatch(/[{}]/);
    expect(text).not.toBe(describeBackend(softwareSkipped, en));
  });

  it('lists the browser messages for the tooltip', () => {
    const lines = backendDetails(softwareSkipped, en).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('google swiftshader');
    expect(lines[2]).toBe(translate('en', 'backend.threads', { n: 2 }));
  });

  it('says when a backend restarted or took over after a GPU loss, in both languages', () => {
    const recovered: BackendInfo = { name: 'webgl', reason: 'recovered', fallbacks: [], lost: 'webgl' };
    expect(describeBackend(recovered, en)).toContain(translate('en', 'backend.reason.recovered'));
    expect(describeBackend(recovered, zh)).toContain(translate('zh', 'backend.reason.recovered'));
    const switched: BackendInfo = {
      name: 'wasm',
      reason: 'gpu-lost',
      fallbacks: [{ name: 'webgl', error: 'lost' }],
      lost: 'webgl',
    };
    expect(backendReason(switched, en)).toBe(translate('en', 'backend.reason.gpu-lost', { lost: 'WebGL' }));
    expect(describeBackend(switched, en)).toContain('WebAssembly');
    expect(describeBackend(switched, zh)).not.toMatch(/[{}]/);
    expect(backendDetails(switched, en)).toBe(`WebGL: ${translate('en', 'backend.error.lost')}`);
  });

  it('lists the thread count and what runs grouped convolutions, in both languages', () => {
    const wasm: BackendInfo = {
      name: 'wasm',
      reason: 'auto',
      fallbacks: [],
      threads: 2,
      groupedConvKernel: true,
    };
    expect(backendDetails(wasm, en).split('\n')).toEqual([
      translate('en', 'backend.threads', { n: 2 }),
      translate('en', 'backend.groupedConv.kernel', { backend: translate('en', 'backend.name.wasm') }),
    ]);
    expect(backendDetails({ ...wasm, groupedConvKernel: false }, zh)).toContain(
      translate('zh', 'backend.groupedConv.ops'),
    );
  });

  it('names the backend that failed the canary and the difference measured, in both languages', () => {
    const info: BackendInfo = {
      name: 'cpu',
      reason: 'canary',
      fallbacks: [
        { name: 'webgpu', error: 'unsupported' },
        { name: 'wasm', error: 'canary', maxAbsDiff: 0.8312, message: 'max |logit − PyTorch| = 0.831' },
      ],
    };
    expect(backendReason(info, en)).toBe(
      translate('en', 'backend.reason.canary', { failed: 'WebAssembly', diff: '0.83' }),
    );
    expect(describeBackend(info, en)).toMatch(/^Running on CPU \(JavaScript\) — WebAssembly failed .*0\.83/);
    expect(describeBackend(info, zh)).toContain('0.83');
    expect(describeBackend(info, zh)).not.toMatch(/[{}]/);
    expect(backendDetails(info, en)).toContain(
      `WebAssembly: ${translate('en', 'backend.error.canary')} (max |logit − PyTorch| = 0.831)`,
    );
  });
});

describe('canarySwitchText', () => {
  it('says which backend failed, by how much, while the next one starts', () => {
    const distrusted = [{ name: 'webgl' as const, error: 'canary' as const, maxAbsDiff: 0.304 }];
    expect(canarySwitchText('webgl', distrusted, en)).toBe(
      translate('en', 'canary.switching', { failed: 'WebGL', diff: '0.3' }),
    );
    expect(canarySwitchText('webgl', distrusted, zh)).toMatch(/^WebGL 未通过.*0\.3/);
  });
});

describe('describeCanary', () => {
  it('gives the time and the difference once passed', () => {
    const text = describeCanary(
      { status: 'passed', backend: 'wasm', maxAbsDiff: 2.4e-6, top1Matches: true, ms: 84.4 },
      en,
    );
    expect(text).toBe(translate('en', 'canary.passed', { ms: 84, diff: '2.4 × 10⁻⁶' }));
    expect(describeCanary({ status: 'passed', backend: 'wasm', ms: 84, maxAbsDiff: 0 }, zh)).toContain('84');
  });

  it('says why it has not run, or what went wrong, in both languages', () => {
    for (const t of [en, zh]) {
      for (const status of ['pending', 'running', 'skipped'] as const)
        expect(describeCanary({ status, backend: 'webgl' }, t)).toBe(t(`canary.${status}`));
      expect(describeCanary({ status: 'failed', backend: 'cpu', maxAbsDiff: 1.5 }, t)).toContain('1.5');
      expect(describeCanary({ status: 'error', backend: 'cpu', message: 'boom' }, t)).toContain('boom');
    }
  });

  it('writes differences briefly', () => {
    expect(formatLogitDiff(0.012345)).toBe('0.012');
    expect(formatLogitDiff(3.21)).toBe('3.2');
    expect(formatLogitDiff(2.44e-6)).toBe('2.4 × 10⁻⁶');
    expect(formatLogitDiff(8.1e-7)).toBe('8.1 × 10⁻⁷');
    expect(formatLogitDiff(3e-7)).toBe('3 × 10⁻⁷');
    expect(formatLogitDiff(0)).toBe('0');
    expect(formatLogitDiff(NaN)).toBe('NaN');
    expect(formatLogitDiff(Infinity)).toBe('∞');
  });

  it('formats the mantissa in the language’s own number format', () => {
    // German writes a decimal comma: the mantissa comes from Intl, not from toExponential.
    expect(formatLogitDiff(8.1e-7, 'de-DE')).toBe('8,1 × 10⁻⁷');
    expect(formatLogitDiff(0.012345, 'de-DE')).toBe('0,012');
    expect(formatLogitDiff(8.1e-7, 'zh-CN')).toBe('8.1 × 10⁻⁷');
  });

  it('writes the canary’s difference in each language’s format, with no “e-” notation', () => {
    for (const t of [en, zh]) {
      const text = describeCanary({ status: 'passed', backend: 'wasm', ms: 84, maxAbsDiff: 8.1e-7 }, t);
      expect(text).toContain(`8.1 × 10⁻⁷`);
      expect(text).not.toMatch(/\de-\d/);
    }
    expect(en('app.locale')).toBe('en-US');
    expect(zh('app.locale')).toBe('zh-CN');
  });
});
