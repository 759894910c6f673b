/**
 * Why an image could not be used. `code` selects the message `classify.image.error.<code>`; `params`
 * fill its placeholders.
 */
export type ImageErrorCode =
  | 'empty'
  | 'file-too-large'
  | 'not-image'
  | 'svg'
  | 'unsupported'
  | 'truncated'
  | 'corrupt'
  | 'too-large'
  | 'decode-failed'
  | 'paste-empty'
  | 'camera';

export class ImageError extends Error {
  readonly code: ImageErrorCode;
  readonly params: Record<string, string | number>;

  constructor(code: ImageErrorCode, params: Record<string, string | number> = {}) {
    super(`image error ${code}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ''}`);
    this.name = 'ImageError';
    this.code = code;
    this.params = params;
  }

  get messageKey(): `classify.image.error.${ImageErrorCode}` {
    return `classify.image.error.${this.code}`;
  }
}
