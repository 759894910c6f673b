import { describe, expect, it } from 'vitest';
import { pickTarget, roomAbove, tourLayout, TOUR_MARGIN } from './placement';

describe('tour card placement', () => {
  it('docks beside the page on wide screens and at the bottom on narrow ones', () => {
    expect(tourLayout(1280)).toBe('side');
    expect(tourLayout(1024)).toBe('side');
    expect(tourLayout(1023)).toBe('bottom');
    expect(tourLayout(375)).toBe('bottom');
  });

  it('leaves room above a docked card, less the gaps', () => {
    expect(roomAbove(250, 812)).toBe(812 - 250 - 3 * TOUR_MARGIN);
  });

  it('points at the first candidate that fits, else the first', () => {
    expect(pickTarget([900, 400, 100], 500)).toBe(1);
    expect(pickTarget([300, 100], 500)).toBe(0);
    expect(pickTarget([900, 800], 500)).toBe(0);
    expect(pickTarget([], 500)).toBe(-1);
  });
});
