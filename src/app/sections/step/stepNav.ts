/** Moving through the steps: previous / next / first / last / jump, and play (auto-advance) with pause. */

export interface NavState {
  index: number;
  playing: boolean;
}

export type NavAction =
  | { type: 'next' }
  | { type: 'prev' }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'goto'; index: number }
  | { type: 'play' }
  | { type: 'pause' }
  /** one auto-advance while playing; playback stops on the last step */
  | { type: 'tick' };

const clamp = (i: number, count: number) => Math.min(count - 1, Math.max(0, Math.round(i)));

/** The next navigation state among `count` steps. Manual moves pause playback. */
export function stepNav(state: NavState, action: NavAction, count: number): NavState {
  const last = count - 1;
  const index = clamp(state.index, count);
  switch (action.type) {
    case 'next':
      return { index: Math.min(last, index + 1), playing: false };
    case 'prev':
      return { index: Math.max(0, index - 1), playing: false };
    case 'first':
      return { index: 0, playing: false };
    case 'last':
      return { index: last, playing: false };
    case 'goto':
      return { index: Number.isFinite(action.index) ? clamp(action.index, count) : index, playing: false };
    case 'play':
      // Playing from the last step starts again from the first.
      return { index: index === last ? 0 : index, playing: last > 0 };
    case 'pause':
      return { index, playing: false };
    case 'tick': {
      if (!state.playing) return { index, playing: false };
      const next = Math.min(last, index + 1);
      return { index: next, playing: next < last };
    }
  }
}

/** The action for a key pressed while the section has focus, if any. */
export function keyAction(key: string): NavAction | null {
  switch (key) {
    case 'ArrowRight':
      return { type: 'next' };
    case 'ArrowLeft':
      return { type: 'prev' };
    case 'Home':
      return { type: 'first' };
    case 'End':
      return { type: 'last' };
    default:
      return null;
  }
}
