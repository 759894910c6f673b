import { describe, expect, it } from 'vitest';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { WEIGHTS_CONTENT_TYPE, weightsContentTypeMiddleware } from './weightsContentType';

function typeFor(url: string): string | undefined {
  const headers = new Map<string, string>();
  const res = {
    setHeader: (k: string, v: string) => headers.set(k.toLowerCase(), v),
  } as unknown as ServerResponse;
  let nextCalls = 0;
  weightsContentTypeMiddleware({ url } as IncomingMessage, res, () => nextCalls++);
  expect(nextCalls).toBe(1);
  return headers.get('content-type');
}

describe('weights content type', () => {
  it('types weights files as binary, with or without a query, and leaves every other file to the server', () => {
    expect(typeFor('/models/resnext29_32x4d.f16.safetensors')).toBe(WEIGHTS_CONTENT_TYPE);
    expect(typeFor('/resnext-explorer/models/family/resnext29_8x14d.safetensors?v=2')).toBe(
      WEIGHTS_CONTENT_TYPE,
    );
    expect(typeFor('/models/manifest.json')).toBeUndefined();
    expect(typeFor('/assets/index.js')).toBeUndefined();
    expect(typeFor('/safetensors/')).toBeUndefined();
  });
});
