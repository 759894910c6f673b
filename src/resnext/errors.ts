/**
 * Errors raised while reading or interpreting a weights file, by code, with the parameters of their message.
 * The app translates them by code (src/app/errors/errorMessage.ts).
 */

/** English message of each code; the catalogs' translations use the same placeholders. */
export const weightsErrorTemplates = {
  truncated: '{file} is truncated: expected at least {expected} bytes, found {actual}.',
  'too-large': '{file} is too large to load ({size} bytes; the limit is {max} bytes).',
  'header-length':
    '{file} is not a safetensors file: its header length {length} does not fit the {size}-byte file.',
  'header-json': '{file}: the safetensors header is not a valid JSON object ({reason}).',
  metadata: '{file}: metadata entry {key} is not a string.',
  dtype: '{file}: tensor {tensor} has unsupported data type {dtype} (expected F32, F16, BF16 or I8).',
  shape: '{file}: tensor {tensor} has an invalid shape {shape}.',
  offsets:
    '{file}: tensor {tensor} has data offsets [{begin}, {end}] but needs {expected} bytes inside a {dataSize}-byte data section.',
  overlap: '{file}: tensors {tensor} and {other} overlap in the data section.',
  scale:
    '{file}: int8 tensor {tensor} needs a float tensor {scale} of {channels} non-negative scales, one per output channel.',
  'missing-tensor': '{file}: tensor {tensor} is missing.',
  'tensor-shape': '{file}: tensor {tensor} has shape {shape}, expected {expected}.',
  'unknown-architecture': '{file} does not hold a supported ResNet/ResNeXt ({detail}).',
  http: 'Could not download {file} (HTTP status {status}).',
  network: 'Could not download {file}: the network request failed.',
  stalled:
    'The download of {file} stopped: no data arrived for {seconds} s, and it stopped again after {restarts} restarts.',
  integrity: '{file} failed its integrity check: SHA-256 {actual}, expected {expected}.',
  unlisted: '{file} is not listed in the model manifest, so it cannot be checked; it was not loaded.',
  manifest: '{file} is not a valid model manifest ({reason}).',
} as const;

export type WeightsErrorCode = keyof typeof weightsErrorTemplates;

export type WeightsErrorParams = { file: string; tensor?: string } & Record<string, string | number>;

export const weightsErrorCodes = Object.keys(weightsErrorTemplates) as WeightsErrorCode[];

/** Fills `{name}` placeholders; unknown ones stay as written. */
function formatWeightsMessage(code: WeightsErrorCode, params: WeightsErrorParams): string {
  return weightsErrorTemplates[code].replace(/\{(\w+)\}/g, (m, name: string) =>
    params[name] !== undefined ? String(params[name]) : m,
  );
}

export class WeightsError extends Error {
  readonly code: WeightsErrorCode;
  readonly params: WeightsErrorParams;

  constructor(code: WeightsErrorCode, params: WeightsErrorParams) {
    super(formatWeightsMessage(code, params));
    this.name = 'WeightsError';
    this.code = code;
    this.params = params;
  }
}

/** Shape as written in messages, e.g. `[128, 4, 3, 3]`. */
export const formatShape = (shape: readonly number[]): string => `[${shape.join(', ')}]`;

/**
 * Errors of the views and the app outside weights files, by code, with the parameters of their message. The
 * English text here is for logs and tests only; the UI translates by code.
 */
export const appErrorTemplates = {
  'over-budget':
    'This view would need about {needed} of tensor memory, more than the {budget} a view may use, so it did not run.',
  'backend-lost': 'The {backend} backend stopped working (its GPU device or context was lost).',
  'not-found': 'Nothing was found at {url} (HTTP status {status}).',
  'web-page': '{url} returned a web page, not a safetensors file.',
  'http-status': '{url} answered with HTTP status {status}.',
  'canary-mismatch':
    'The {backend} backend classified the check image wrongly (largest logit difference {diff}, allowed {tolerance}).',
  cancelled: 'Stopped.',
  unexpected: 'Something unexpected stopped this: {detail}',
} as const;

export type AppErrorCode = keyof typeof appErrorTemplates;

export const appErrorCodes = Object.keys(appErrorTemplates) as AppErrorCode[];

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly params: Record<string, string | number>;

  constructor(code: AppErrorCode, params: Record<string, string | number> = {}) {
    super(
      appErrorTemplates[code].replace(/\{(\w+)\}/g, (m, name: string) =>
        params[name] !== undefined ? String(params[name]) : m,
      ),
    );
    this.name = 'AppError';
    this.code = code;
    this.params = params;
  }
}
