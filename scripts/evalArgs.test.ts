import { describe, expect, it } from 'vitest';
import { parseEvalArgs } from './evalArgs';

describe('npm run eval arguments', () => {
  it('has the defaults with none', () => {
    expect(parseEvalArgs([])).toEqual({
      data: '',
      model: '',
      backend: 'wasm',
      limit: Infinity,
      batch: 50,
      write: false,
      compare: '',
      repeat: [],
    });
  });

  it('reads every option, as separate or inline values, and repeats those that change the figure in order', () => {
    const o = parseEvalArgs([
      '--limit',
      '1000',
      '--data=/tmp/test_batch.bin',
      '--model',
      'public/models/m.safetensors',
      '--batch=10',
      '--backend=cpu',
      '--write',
      '--compare',
      'public/models/f32.safetensors',
    ]);
    expect(o).toEqual({
      data: '/tmp/test_batch.bin',
      model: 'public/models/m.safetensors',
      backend: 'cpu',
      limit: 1000,
      batch: 10,
      write: true,
      compare: 'public/models/f32.safetensors',
      repeat: [
        '--limit',
        '1000',
        '--model',
        'public/models/m.safetensors',
        '--backend',
        'cpu',
        '--compare',
        'public/models/f32.safetensors',
      ],
    });
  });

  it('keeps an equals sign inside an inline value', () => {
    expect(parseEvalArgs(['--model=a=b.safetensors']).model).toBe('a=b.safetensors');
  });

  it.each([
    [['--backend', 'webgl'], /--backend must be wasm or cpu/],
    [['--limit', '0'], /--limit must be a positive number/],
    [['--limit', 'many'], /--limit must be a positive number/],
    [['--batch', '2.5'], /--batch must be a positive integer/],
    [['--frobnicate'], /Unknown option '--frobnicate'/],
    [['--model'], /argument missing/],
    [['stray'], /Unexpected argument 'stray'/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseEvalArgs(argv)).toThrow(message);
  });
});
