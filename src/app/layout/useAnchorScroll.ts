import { useEffect } from 'react';
import { hashId, scrollToAnchor } from './scrollToAnchor';

/**
 * Keeps the location's `#id` honest: on load, when the hash changes and when the section changes, the
 * element it names is scrolled into view as soon as it has rendered.
 */
export function useAnchorScroll(section: string): void {
  useEffect(() => {
    let stop = () => {};
    const go = () => {
      stop();
      const id = hashId(window.location.hash);
      stop = id ? scrollToAnchor(id) : () => {};
    };
    go();
    window.addEventListener('hashchange', go);
    return () => {
      stop();
      window.removeEventListener('hashchange', go);
    };
  }, [section]);
}
