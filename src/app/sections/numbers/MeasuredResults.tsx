import { useEffect, useState } from 'react';
import { byCardinality, loadProjectMetrics, modelSetting, type ProjectMetrics } from '../../../data/metrics';
import { useNumbersText } from './useNumbersText';
import { FamilyCharts } from './FamilyCharts';
import { LongRun } from './LongRun';

/** Loads the training metrics (a separate chunk) and shows the project's own measurements. */
export function MeasuredResults() {
  const { t } = useNumbersText();
  const [metrics, setMetrics] = useState<ProjectMetrics | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    loadProjectMetrics().then(
      (m) => live && setMetrics(m),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, []);

  return (
    <section className="numbers-block" aria-labelledby="numbers-ours-title">
      <h3 id="numbers-ours-title">{t('numbers.ours.title')}</h3>
      {error && <p role="alert">{t('numbers.ours.loadError', { message: error })}</p>}
      {!metrics && !error && <p aria-busy="true">{t('numbers.loading')}</p>}
      {metrics && (
        <>
          <p>
            {t('numbers.ours.intro', {
              count: metrics.family.models.length,
              first: modelSetting(byCardinality(metrics.family)[0]),
              last: modelSetting(byCardinality(metrics.family).at(-1)!),
              long: modelSetting(metrics.run80.models[0]),
              epochsFamily: metrics.family.epochs,
              epochsLong: metrics.run80.epochs,
              device: metrics.family.device,
              batch: metrics.family.batch_size,
            })}
          </p>
          <FamilyCharts family={metrics.family} />
          <LongRun run80={metrics.run80} tfjsEval={metrics.tfjsEval} />
        </>
      )}
    </section>
  );
}
