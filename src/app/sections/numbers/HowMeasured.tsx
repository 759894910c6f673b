import type { ReactNode } from 'react';
import { useT } from '../../i18n/useT';

/**
 * "How this was measured": the developer's words under a figure (precision, files, commands), closed by default
 * so that the teaching text above it reads without them.
 */
export function HowMeasured({ children, id }: { children: ReactNode; id: string }) {
  const t = useT();
  return (
    <details className="numbers-how" data-how={id}>
      <summary>{t('numbers.how.summary')}</summary>
      <div className="numbers-source">{children}</div>
    </details>
  );
}
