import { Figure } from '../../layout/Figure';
import { useCallback, useMemo, useRef } from 'react';
import type { MessageKey } from '../../../i18n';
import { renderProbabilityBars } from '../../../viz/classify/probabilityBars';
import { useD3 } from '../../block/useD3';
import { usePrefersReducedMotion } from '../../block/usePrefersReducedMotion';
import { formatMs, formatProbability } from './format';
import { isCifarClasses, topK } from './ranking';
import type { ClassificationState } from './useClassification';
import { useClassifyText } from './useClassifyText';
import { useElementWidth } from './useElementWidth';

interface Props {
  classification: ClassificationState;
  /** true when the result is not for the current model and picture (a newer run is pending) */
  waiting: boolean;
}

/** All ten CIFAR-10 classes; the five most likely of a larger (ImageNet) model. */
const shownCount = (classes: readonly string[]) => (classes.length <= 10 ? classes.length : 5);

/** Top-1 (announced), a bar per class, the same numbers as a table, and the measured time. */
export function PredictionPanel({ classification, waiting }: Props) {
  const { t, locale, className } = useClassifyText();
  const reduceMotion = usePrefersReducedMotion();
  const box = useRef<HTMLDivElement>(null);
  const width = useElementWidth(box);
  const { result, running, error } = classification;

  const ranked = useMemo(() => {
    if (!result) return [];
    const k = shownCount(result.classes);
    // CIFAR-10: every class in its usual order, so the bars do not jump about; else the top k.
    return isCifarClasses(result.classes)
      ? topK(result.probs, result.classes, result.classes.length).sort((a, b) => a.index - b.index)
      : topK(result.probs, result.classes, k);
  }, [result]);
  const top = useMemo(() => (result ? topK(result.probs, result.classes, 1)[0] : null), [result]);

  const draw = useCallback(
    (el: HTMLDivElement) => {
      if (!result || !top) return;
      renderProbabilityBars(
        el,
        ranked.map((r) => ({
          key: r.id,
          label: className(result.classes, r.index),
          value: r.p,
          valueText: formatProbability(r.p, locale),
        })),
        {
          width,
          highlightKey: top.id,
          animate: !reduceMotion,
          labelWidth: isCifarClasses(result.classes) ? undefined : Math.min(220, width * 0.45),
        },
      );
    },
    [result, top, ranked, width, className, locale, reduceMotion],
  );
  const chart = useD3<HTMLDivElement>(draw);

  return (
    <Figure id="fig-classify-result" kind="classify-result" label={t('classify.result.heading')}>
      <div className="classify-result" ref={box}>
        <div aria-live="polite" aria-atomic="true" className="classify-live">
          {result && top ? (
            <p
              className="classify-top1"
              data-testid="top1"
              data-class={top.id}
              data-origin={result.image.origin}
              data-image={result.image.name}
              data-classes={result.classes.length}
            >
              {t('classify.result.top1', {
                label: className(result.classes, top.index),
                p: formatProbability(top.p, locale),
              })}
            </p>
          ) : (
            <p className="loading">{t('classify.result.waiting')}</p>
          )}
        </div>
        {result && (
          <>
            <div ref={chart} className={`classify-bars${waiting || running ? ' is-stale' : ''}`} />
            <table className="visually-hidden">
              <caption>
                {shownCount(result.classes) < result.classes.length
                  ? t('classify.result.topK', { k: shownCount(result.classes), n: result.classes.length })
                  : t('classify.result.chartLabel')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('classify.result.colClass')}</th>
                  <th scope="col">{t('classify.result.colProb')}</th>
                </tr>
              </thead>
              <tbody>
                {ranked.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{className(result.classes, r.index)}</th>
                    <td>{formatProbability(r.p, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {!isCifarClasses(result.classes) && (
              <p className="classify-fineprint">{t('classify.result.imagenetNames')}</p>
            )}
            <p
              className="classify-time"
              data-testid="inference-time"
              data-ms={result.ms.toFixed(2)}
              data-backend={result.backend}
              data-site={result.site}
            >
              {t(result.site === 'worker' ? 'classify.result.timeWorker' : 'classify.result.time', {
                ms: t('classify.unit.ms', { v: formatMs(result.ms, locale) }),
                backend: t(`backend.name.${result.backend}` as MessageKey),
              })}{' '}
              {result.firstRun && <span className="classify-fineprint">{t('classify.result.firstRun')}</span>}
            </p>
          </>
        )}
        <p className="classify-status" role="status">
          {running ? t('classify.result.running') : ''}
        </p>
        {error && (
          <p role="alert" className="classify-error">
            {t('classify.result.error', { message: t(error.key, error.params) })}
          </p>
        )}
      </div>
    </Figure>
  );
}
