import { describe, expect, it } from 'vitest';
import { compareLine } from './evalRecord';

describe('compareLine', () => {
  it('prints the evaluated and the compared model with the command that measured them', () => {
    expect(
      compareLine({
        command: 'npm run eval -- --compare public/models/m.i8.safetensors',
        model: 'public/models/m.safetensors',
        accuracy: 0.9,
        compare: {
          model: 'public/models/m.i8.safetensors',
          accuracy: 0.8991,
          agreement: 0.9925,
          images: 10000,
        },
      }),
    ).toBe(
      'public/models/m.safetensors accuracy 0.9000, ' +
        'compared weights public/models/m.i8.safetensors: accuracy 0.8991, top-1 agreement 0.9925 against ' +
        'public/models/m.safetensors on 10000 images (npm run eval -- --compare public/models/m.i8.safetensors)',
    );
  });

  it('prints nothing without a comparison', () => {
    expect(compareLine(null)).toBeNull();
    expect(compareLine({ command: 'npm run eval', accuracy: 0.9 })).toBeNull();
  });
});
