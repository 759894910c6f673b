import { useEffect, useState } from 'react';

const QUERY = '(prefers-color-scheme: dark)';

/** 'dark' or 'light', following the system setting, so canvases redraw with the theme's colours. */
export function useColorScheme(): 'dark' | 'light' {
  const [dark, setDark] = useState(() => typeof matchMedia !== 'undefined' && matchMedia(QUERY).matches);
  useEffect(() => {
    if (typeof matchMedia === 'undefined') return;
    const mq = matchMedia(QUERY);
    const onChange = () => setDark(mq.matches);
    mq.addEventListener('change', onChange);
    return () => mq.removeEventListener('change', onChange);
  }, []);
  return dark ? 'dark' : 'light';
}
