import { describe, expect, it } from 'vitest';
import { keyAction, stepNav, type NavAction, type NavState } from './stepNav';

const N = 10;
const run = (s: NavState, ...actions: NavAction[]) => actions.reduce((acc, a) => stepNav(acc, a, N), s);
const at = (index: number, playing = false): NavState => ({ index, playing });

describe('step navigation', () => {
  it('moves one step at a time and stops at both ends', () => {
    expect(run(at(0), { type: 'next' })).toEqual(at(1));
    expect(run(at(0), { type: 'prev' })).toEqual(at(0));
    expect(run(at(9), { type: 'next' })).toEqual(at(9));
    expect(run(at(4), { type: 'prev' }, { type: 'prev' })).toEqual(at(2));
    expect(run(at(4), { type: 'first' })).toEqual(at(0));
    expect(run(at(4), { type: 'last' })).toEqual(at(9));
  });

  it('jumps to a scrubber position, clamped', () => {
    expect(run(at(0), { type: 'goto', index: 6 })).toEqual(at(6));
    expect(run(at(0), { type: 'goto', index: 42 })).toEqual(at(9));
    expect(run(at(3), { type: 'goto', index: -1 })).toEqual(at(0));
    expect(run(at(3), { type: 'goto', index: Number.NaN })).toEqual(at(3));
  });

  it('plays to the last step and stops there; a manual move pauses', () => {
    let s = run(at(6), { type: 'play' });
    expect(s).toEqual(at(6, true));
    s = run(s, { type: 'tick' }, { type: 'tick' });
    expect(s).toEqual(at(8, true));
    s = run(s, { type: 'tick' });
    expect(s).toEqual(at(9, false));
    expect(run(s, { type: 'tick' })).toEqual(at(9, false));
    expect(run(at(9), { type: 'play' })).toEqual(at(0, true));
    expect(run(at(2, true), { type: 'next' })).toEqual(at(3, false));
    expect(run(at(2, true), { type: 'pause' })).toEqual(at(2, false));
    expect(run(at(2), { type: 'tick' })).toEqual(at(2, false));
  });

  it('maps the arrow, Home and End keys', () => {
    expect(keyAction('ArrowRight')).toEqual({ type: 'next' });
    expect(keyAction('ArrowLeft')).toEqual({ type: 'prev' });
    expect(keyAction('Home')).toEqual({ type: 'first' });
    expect(keyAction('End')).toEqual({ type: 'last' });
    expect(keyAction('a')).toBeNull();
  });
});
