import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n';
import { backendText } from './backendText';

describe('backendText', () => {
  it('names each backend from the catalog, never by its raw id', () => {
    const zh = (id: string | null) => backendText((k, p) => translate('zh', k, p), id);
    expect(zh('wasm')).toBe('WebAssembly');
    expect(zh('cpu')).toBe(translate('zh', 'backend.name.cpu'));
    expect(zh('webgl')).toBe('WebGL');
    expect(zh(null)).toBe('…');
    expect(backendText((k, p) => translate('en', k, p), 'tensorflow')).toBe('tensorflow');
  });
});
