import { describe, expect, it } from 'vitest';
import { checkWeightsResponse, checkWeightsUrl } from './weightsUrl';

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

describe('checkWeightsResponse', () => {
  const res = (status: number, type: string | null) => {
    const headers = new Headers();
    if (type) headers.set('content-type', type);
    return { ok: status >= 200 && status < 300, status, headers };
  };
  const code = (r: ReturnType<typeof res>) => {
    try {
      checkWeightsResponse(r, 'w.safetensors');
      return 'ok';
    } catch (e) {
      return (e as { code: string }).code;
    }
  };

  it('says "not found" for 404 and 410, names other failing statuses', () => {
    expect(code(res(404, 'text/html'))).toBe('not-found');
    expect(code(res(410, null))).toBe('not-found');
    expect(code(res(500, 'text/plain'))).toBe('http-status');
    expect(code(res(403, null))).toBe('http-status');
  });

  it('recognises a web page answered in place of the file', () => {
    expect(code(res(200, 'text/html; charset=utf-8'))).toBe('web-page');
    expect(code(res(200, 'application/xhtml+xml'))).toBe('web-page');
  });

  it('lets binary and untyped answers through to the safetensors checks', () => {
    expect(code(res(200, 'application/octet-stream'))).toBe('ok');
    expect(code(res(200, null))).toBe('ok');
    expect(code(res(206, 'binary/octet-stream'))).toBe('ok');
  });
});
