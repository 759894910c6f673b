import { useMemo } from 'react';
import { modelSetting } from '../../data/metrics';
import { formatFixed } from '../block/format';
import { showPanel } from '../tour/findPanel';
import { useT } from '../i18n/useT';
import { useAppState } from '../state/AppStateContext';
import { Chapter } from './Chapter';
import { familySummary, paperSpeed } from './storyFigures';
import { useProjectMetrics } from './useProjectMetrics';

const SPEED_TEST = '[data-speed-test]';

export function CatchChapter() {
  const t = useT();
  const [{ lang }] = useAppState();
  const metrics = useProjectMetrics();
  const paper = paperSpeed();
  const family = useMemo(() => (metrics ? familySummary(metrics.family) : null), [metrics]);
  const goToTest = () => {
    const el = document.querySelector<HTMLElement>(SPEED_TEST);
    if (!el) return;
    showPanel(el);
    const run = el.querySelector<HTMLButtonElement>('[data-action="speed-test"]');
    if (run && !run.disabled) run.focus({ preventScroll: true });
  };
  return (
    <Chapter id="catch" heading={t('story.catch.heading')}>
      <p>
        {t('story.catch.p1', {
          grouped: formatFixed(paper.grouped, 2, lang),
          dense: formatFixed(paper.dense, 2, lang),
          gpus: paper.gpus,
          ratio: formatFixed(paper.ratio, 2, lang),
        })}
      </p>
      {family && (
        <p data-testid="story-catch-ours">
          {t('story.catch.ours', {
            device: family.device,
            grouped: modelSetting(family.grouped),
            groupedMs: formatFixed(family.grouped.train_step_ms, 1, lang),
            dense: modelSetting(family.dense),
            denseMs: formatFixed(family.dense.train_step_ms, 1, lang),
            ratio: formatFixed(family.stepRatio, 2, lang),
          })}
        </p>
      )}
      <p>
        {t('story.catch.p2')}{' '}
        <button type="button" className="sty-link" onClick={goToTest}>
          {t('story.catch.go')}
        </button>
      </p>
    </Chapter>
  );
}
