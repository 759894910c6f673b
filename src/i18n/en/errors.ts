/** Messages of the engine's WeightsError codes (src/resnext/errors.ts), filled from its params. */
export const errors = {
  'error.weights.truncated': '{file} is truncated: expected at least {expected} bytes, found {actual}.',
  'error.weights.too-large': '{file} is too large to load ({size} bytes; the limit is {max} bytes).',
  'error.weights.header-length':
    '{file} is not a safetensors file: its header length {length} does not fit the {size}-byte file.',
  'error.weights.header-json': '{file}: the safetensors header is not a valid JSON object ({reason}).',
  'error.weights.metadata': '{file}: metadata entry {key} is not a string.',
  'error.weights.dtype':
    '{file}: tensor {tensor} has unsupported data type {dtype} (expected F32, F16, BF16 or I8).',
  'error.weights.shape': '{file}: tensor {tensor} has an invalid shape {shape}.',
  'error.weights.offsets':
    '{file}: tensor {tensor} has data offsets [{begin}, {end}] but needs {expected} bytes inside a {dataSize}-byte data section.',
  'error.weights.overlap': '{file}: tensors {tensor} and {other} overlap in the data section.',
  'error.weights.scale':
    '{file}: int8 tensor {tensor} needs a float tensor {scale} of {channels} non-negative scales, one per output channel.',
  'error.weights.missing-tensor': '{file}: tensor {tensor} is missing.',
  'error.weights.tensor-shape': '{file}: tensor {tensor} has shape {shape}, expected {expected}.',
  'error.weights.unknown-architecture': '{file} does not hold a supported ResNet/ResNeXt ({detail}).',
  'error.weights.http': 'Could not download {file} (HTTP status {status}).',
  'error.weights.network': 'Could not download {file}: the network request failed.',
  'error.weights.stalled':
    'The download of {file} stopped: no data arrived for {seconds} s, and it stopped again after {restarts} restarts.',
  'error.weights.integrity': '{file} failed its integrity check: SHA-256 {actual}, expected {expected}.',
  'error.weights.unlisted':
    '{file} is not listed in the model manifest, so it cannot be checked; it was not loaded.',
  'error.weights.manifest': '{file} is not a valid model manifest ({reason}).',
  'error.app.over-budget':
    'This view would need about {needed} of tensor memory, more than the {budget} a view may use, so it did not run.',
  'error.app.backend-lost': 'The {backend} backend stopped working (its GPU device or context was lost).',
  'error.app.not-found': 'Nothing was found at {url} (HTTP status {status}).',
  'error.app.web-page': '{url} returned a web page, not a safetensors file.',
  'error.app.http-status': '{url} answered with HTTP status {status}.',
  'error.app.canary-mismatch':
    'The {backend} backend classified the check image wrongly (largest logit difference {diff}, allowed {tolerance}).',
  'error.app.cancelled': 'Stopped.',
  'error.app.unexpected': 'Something unexpected stopped this: {detail}',
} as const;
