import { useMemo } from 'react';
import { modelSetting } from '../../data/metrics';
import { formatFixed } from '../block/format';
import { useT } from '../i18n/useT';
import { useAppState } from '../state/AppStateContext';
import { Chapter } from './Chapter';
import { familySummary, longRun, paperErrors } from './storyFigures';
import { formatPercent } from './storyFormat';
import { useProjectMetrics } from './useProjectMetrics';

export function ResultsChapter() {
  const t = useT();
  const [{ lang }] = useAppState();
  const metrics = useProjectMetrics();
  const e = useMemo(paperErrors, []);
  const run = useMemo(() => (metrics ? longRun(metrics.run80) : null), [metrics]);
  const family = useMemo(() => (metrics ? familySummary(metrics.family) : null), [metrics]);
  const err = (v: number) => formatFixed(v, 1, lang);
  const pct = (v: number) => formatPercent(v, lang);
  return (
    <Chapter id="results" heading={t('story.results.heading')}>
      <p>
        {t('story.results.paper', {
          resnext: err(e.resnext50),
          resnet: err(e.resnet50),
          base: err(e.base),
          deeper: err(e.deeper),
          wider: err(e.wider),
          cardinality: err(e.cardinality),
          setting: e.cardinalitySetting,
        })}
      </p>
      {run && family ? (
        <p data-testid="story-results-ours">
          {t('story.results.ours', {
            setting: run.setting,
            epochs: run.epochs,
            acc: pct(run.acc),
            familyEpochs: family.epochs,
            base: modelSetting(family.dense),
            baseAcc: pct(family.dense.test_acc),
            grouped: modelSetting(family.grouped),
            groupedAcc: pct(family.grouped.test_acc),
            n: family.count,
            worst: t('story.results.setting', {
              acc: pct(family.worst.test_acc),
              setting: modelSetting(family.worst),
            }),
            best: t('story.results.setting', {
              acc: pct(family.best.test_acc),
              setting: modelSetting(family.best),
            }),
          })}
        </p>
      ) : (
        <p className="sty-pending" role="status">
          {t('story.loading')}
        </p>
      )}
      <p>{t('story.results.p2')}</p>
    </Chapter>
  );
}
