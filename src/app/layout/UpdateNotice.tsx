import { useSyncExternalStore } from 'react';
import { useT } from '../i18n/useT';
import { applyUpdate, dismissUpdate, subscribeUpdate, updateWaiting } from '../offline/serviceWorker';
import './updateNotice.css';

/** Says when a new release is waiting (installed by the service worker) and offers to reload into it. */
export function UpdateNotice() {
  const t = useT();
  const waiting = useSyncExternalStore(subscribeUpdate, updateWaiting, () => false);
  if (!waiting) return null;
  return (
    <aside
      className="update-notice"
      role="status"
      aria-label={t('offline.update.label')}
      data-testid="update-notice"
    >
      <span>{t('offline.update.waiting')}</span>
      <button type="button" onClick={() => void applyUpdate()}>
        {t('offline.update.reload')}
      </button>
      <button type="button" onClick={dismissUpdate}>
        {t('offline.update.dismiss')}
      </button>
    </aside>
  );
}
