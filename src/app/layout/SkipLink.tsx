import type { MouseEvent } from 'react';
import { useT } from '../i18n/useT';

/** First stop for keyboard users: jumps to the main area without adding '#main' to the shared URL. */
export function SkipLink() {
  const t = useT();
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    const main = document.getElementById('main');
    if (!main) return;
    event.preventDefault();
    main.focus();
  };
  return (
    <a className="skip-link" href="#main" onClick={skip}>
      {t('app.skipToContent')}
    </a>
  );
}
