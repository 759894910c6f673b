import { describe, expect, it } from 'vitest';
import { checkWeightsUrl } from './weightsUrl';

const BASE = 'https://explorer.example.org/resnext/?section=classify';

describe('checkWeightsUrl', () => {
  it('accepts paths on the same site, relative or absolute, resolved against the page', () => {
    expect(checkWeightsUrl('models/family/a.safetensors', BASE)).toEqual({
      ok: true,
      url: 'https://explorer.example.org/resnext/models/family/a.safetensors',
    });
    expect(checkWeightsUrl('  /weights/b.safetensors ', BASE)).toEqual({
      ok: true,
      url: 'https://explorer.example.org/weights/b.safetensors',
    });
    expect(checkWeightsUrl('https://explorer.example.org/c.safetensors?v=2', BASE).ok).toBe(true);
  });

  it('refuses another origin before any request, naming it: host, scheme or port differs', () => {
    for (const [text, origin] of [
      ['https://huggingface.co/x/resolve/main/model.safetensors', 'https://huggingface.co'],
      ['http://explorer.example.org/c.safetensors', 'http://explorer.example.org'],
      ['https://explorer.example.org:8443/c.safetensors', 'https://explorer.example.org:8443'],
      ['//cdn.example.org/d.safetensors', 'https://cdn.example.org'],
    ])
      expect(checkWeightsUrl(text, BASE), text).toEqual({ ok: false, reason: 'cross-origin', origin });
  });

  it('refuses what is not a web address', () => {
    for (const text of [
      '',
      '   ',
      'http://',
      'ftp://explorer.example.org/a.safetensors',
      'javascript:alert(1)',
    ])
      expect(checkWeightsUrl(text, BASE), text).toEqual({ ok: false, reason: 'invalid' });
  });
});
