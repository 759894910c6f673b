import { useEffect } from 'react';

/** Calls tick every `ms` while playing; restarts the wait whenever `index` changes. */
export function usePlayback(playing: boolean, index: number, tick: () => void, ms = 2500): void {
  useEffect(() => {
    if (!playing) return;
    const id = window.setTimeout(tick, ms);
    return () => window.clearTimeout(id);
  }, [playing, index, tick, ms]);
}
