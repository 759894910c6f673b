import { describe, expect, it } from 'vitest';
import { nextMorphForm } from './morphPlay';

describe('nextMorphForm', () => {
  it('walks a → b → c and stops after c', () => {
    expect(nextMorphForm('a')).toBe('b');
    expect(nextMorphForm('b')).toBe('c');
    expect(nextMorphForm('c')).toBeNull();
  });
});
