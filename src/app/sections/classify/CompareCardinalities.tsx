import { useEffect, useRef, useState } from 'react';
import { loadProjectMetrics } from '../../../data/metrics';
import { FAMILY, SHIPPED_MODELS, settingLabel, useModelStore, type CurrentImage } from '../../model';
import { toStoreError } from '../../model/modelLoader';
import { formatBytes, formatMs, formatProbability } from './format';
import { runComparison, type CompareResult } from './compareRunner';
import { topK } from './ranking';
import { useClassifyText } from './useClassifyText';

interface Props {
  image: CurrentImage | null;
  backendReady: boolean;
}

interface Run {
  image: CurrentImage;
  results: CompareResult[];
  step: { i: number; n: number } | null;
  progress: { loaded: number; total: number | null } | null;
  error: string | null;
  running: boolean;
}

/** Test accuracy of each family model, by `C×d`, from the project's measured metrics. */
function useFamilyAccuracy(): Map<string, number> | null {
  const [acc, setAcc] = useState<Map<string, number> | null>(null);
  useEffect(() => {
    let live = true;
    loadProjectMetrics()
      .then((m) => {
        if (live)
          setAcc(
            new Map(m.family.models.map((x) => [`${x.cardinality}x${x.bottleneck_width_d}`, x.test_acc])),
          );
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return acc;
}

/**
 * The five equal-complexity models on the current picture, side by side. The model store keeps them built
 * while this panel is open (and their weights for the page's lifetime), so a second comparison downloads and
 * builds nothing.
 */
export function CompareCardinalities({ image, backendReady }: Props) {
  const { t, locale, message, className } = useClassifyText();
  const accuracy = useFamilyAccuracy();
  const [run, setRun] = useState<Run | null>(null);
  const abort = useRef<AbortController | null>(null);
  const { compared } = useModelStore();
  const { borrow, close } = compared;

  // Closing the panel stops a comparison under way and lets the kept models go (their weights stay).
  useEffect(
    () => () => {
      abort.current?.abort();
      close();
    },
    [close],
  );

  // comparisons finished so far on this page (tests tell a second run from the first by it)
  const [finished, setFinished] = useState(0);

  const start = () => {
    if (!image) return;
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    const live = () => abort.current === controller;
    setRun({ image, results: [], step: null, progress: null, error: null, running: true });
    runComparison(
      image.pixels,
      { borrow },
      {
        signal: controller.signal,
        onModel: (i, n) => live() && setRun((r) => r && { ...r, step: { i, n }, progress: null }),
        onProgress: (loaded, total) => live() && setRun((r) => r && { ...r, progress: { loaded, total } }),
        onResult: (results) => live() && setRun((r) => r && { ...r, results }),
      },
    ).then(
      () => {
        if (!live()) return;
        setRun((r) => r && { ...r, running: false, step: null, progress: null });
        setFinished((n) => n + 1);
      },
      (err: unknown) => {
        if (!live()) return;
        const aborted = controller.signal.aborted;
        setRun(
          (r) =>
            r && {
              ...r,
              running: false,
              step: null,
              progress: null,
              error: aborted ? null : message(toStoreError(err)),
            },
        );
      },
    );
  };

  const stop = () => {
    abort.current?.abort();
    setRun((r) => r && { ...r, running: false, step: null, progress: null });
  };

  const current = run?.step ? FAMILY[run.step.i] : null;
  const family = {
    count: FAMILY.length,
    epochs: SHIPPED_MODELS.find((m) => m.kind === 'family')?.epochs ?? 0,
    low: FAMILY[0].cardinality,
    high: FAMILY[FAMILY.length - 1].cardinality,
  };
  return (
    <section className="classify-compare" aria-labelledby="classify-compare-heading">
      <h2 id="classify-compare-heading">{t('classify.compare.heading')}</h2>
      <p>{t('classify.compare.intro', family)}</p>
      <div className="classify-compare-actions">
        <button
          type="button"
          data-testid="compare-run"
          onClick={start}
          disabled={!image || !backendReady || !!run?.running}
        >
          {t('classify.compare.run')}
        </button>
        {run?.running && (
          <button type="button" onClick={stop}>
            {t('classify.compare.stop')}
          </button>
        )}
      </div>
      {run?.running && run.step && current && (
        <div className="classify-progress" data-testid="compare-progress">
          <progress
            aria-label={t('classify.compare.progressLabel')}
            max={run.step.n}
            value={run.step.i + (run.progress?.total ? run.progress.loaded / run.progress.total : 0)}
          />
          <span>
            {t('classify.compare.progress', {
              i: run.step.i + 1,
              n: run.step.n,
              setting: settingLabel(current),
            })}
            {run.progress && ` · ${formatBytes(run.progress.loaded, locale)}`}
          </span>
        </div>
      )}
      {run && run.results.length > 0 && (
        <div
          className="classify-table-wrap"
          tabIndex={0}
          role="region"
          aria-label={t('classify.compare.caption', { ...family, name: run.image.name })}
        >
          <table
            className="classify-compare-table"
            data-testid="compare-table"
            data-finished={finished}
            data-built={run.results.filter((r) => r.built).length}
            data-kept-models={compared.models}
            data-kept-bytes={compared.bytes}
          >
            <caption>{t('classify.compare.caption', { ...family, name: run.image.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('classify.compare.colModel')}</th>
                <th scope="col">{t('classify.compare.colAccuracy')}</th>
                <th scope="col">{t('classify.compare.colPrediction')}</th>
                <th scope="col">{t('classify.compare.colTime')}</th>
              </tr>
            </thead>
            <tbody>
              {run.results.map((r) => {
                const top = topK(r.probs, r.classes, 1)[0];
                const acc = accuracy?.get(`${r.cardinality}x${r.d}`);
                return (
                  <tr
                    key={r.id}
                    data-testid="compare-row"
                    data-model={r.id}
                    data-class={top.id}
                    data-built={r.built}
                  >
                    <th scope="row">{settingLabel(r)}</th>
                    <td>{acc === undefined ? '–' : formatProbability(acc, locale)}</td>
                    <td>
                      <span className="classify-compare-pred">
                        {className(r.classes, top.index)} · {formatProbability(top.p, locale)}
                      </span>
                      <span className="classify-minibar" aria-hidden="true">
                        <span style={{ width: `${Math.round(top.p * 100)}%` }} />
                      </span>
                    </td>
                    <td>{t('classify.unit.ms', { v: formatMs(r.ms, locale) })}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {compared.models > 0 && !run?.running && (
        <p className="classify-fineprint" data-testid="compare-kept">
          {t('classify.compare.kept', { count: compared.models, size: formatBytes(compared.bytes, locale) })}
        </p>
      )}
      {run && !run.running && run.image !== image && run.results.length > 0 && (
        <p className="classify-fineprint">{t('classify.compare.stale')}</p>
      )}
      {run?.error && (
        <p role="alert" className="classify-error">
          {t('classify.compare.error', { message: run.error })}
        </p>
      )}
      <p className="classify-note">{t('classify.compare.noise', family)}</p>
    </section>
  );
}
