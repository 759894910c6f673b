import { useEffect, useRef, useState } from 'react';
import { renderReliability } from '../../../viz/classify/reliabilityChart';
import { usePrefersReducedMotion } from '../../block/usePrefersReducedMotion';
import { Figure } from '../../layout/Figure';
import { useClassifyText } from './useClassifyText';
import { useElementWidth } from './useElementWidth';
import type { CalibrationFile } from './calibration';
import { numberFormat } from '../../../i18n/numberFormat';
import './reliability.css';

/**
 * What the probabilities mean (ten classes, label smoothing, pictures unlike CIFAR-10), and on request a
 * reliability diagram of the shipped model on the test set (accuracy per confidence bin, from
 * src/data/calibration.json, which training/calibration.py writes).
 */
export function Reliability() {
  const { t } = useClassifyText();
  const [open, setOpen] = useState(false);
  const [data, setData] = useState<CalibrationFile | null>(null);
  const reduced = usePrefersReducedMotion();
  const box = useRef<HTMLDivElement>(null);
  const width = useElementWidth(box);
  const locale = t('classify.locale');

  useEffect(() => {
    if (!open || data) return;
    let live = true;
    import('../../../data/calibration.json').then((m) => live && setData(m.default as CalibrationFile));
    return () => {
      live = false;
    };
  }, [open, data]);

  useEffect(() => {
    if (!open || !data || !box.current || width <= 0) return;
    const pct = (v: number) => numberFormat(locale, { style: 'percent' }).format(v);
    renderReliability(box.current, data.bins, {
      width,
      xLabel: t('reliability.x'),
      yLabel: t('reliability.y'),
      diagonalLabel: t('reliability.diagonal'),
      pct,
      duration: reduced ? 0 : 400,
    });
  }, [open, data, width, t, locale, reduced]);

  const pct1 = (v: number) =>
    numberFormat(locale, {
      style: 'percent',
      maximumFractionDigits: 1,
      minimumFractionDigits: 1,
    }).format(v);
  const int = (v: number) => numberFormat(locale).format(v);
  const title = t('reliability.chartTitle');
  return (
    <Figure
      id="fig-reliability"
      kind="reliability"
      label={t('reliability.title')}
      className="classify-reliability"
    >
      <h3>{t('reliability.title')}</h3>
      <p data-note="probabilities">{t('reliability.explain')}</p>
      <button type="button" aria-expanded={open} onClick={() => setOpen((o) => !o)} data-action="reliability">
        {open ? t('reliability.hide') : t('reliability.show')}
      </button>
      <div className="classify-reliability-body" hidden={!open}>
        {open && <p className="classify-reliability-title">{title}</p>}
        <div ref={box} className="classify-reliability-chart" />
        {open && data && (
          <>
            <p data-note="calibration-summary">
              {t('reliability.summary', {
                records: int(data.records),
                total: int(data.total_records),
                acc: pct1(data.accuracy),
                conf: pct1(data.mean_confidence),
                ece: pct1(data.ece),
              })}
            </p>
            {data.records < data.total_records && (
              <p data-note="calibration-prefix">{t('reliability.prefix', { records: int(data.records) })}</p>
            )}
            <div className="visually-hidden">
              <table>
                <caption>{title}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('reliability.col.bin')}</th>
                    <th scope="col">{t('reliability.col.count')}</th>
                    <th scope="col">{t('reliability.col.acc')}</th>
                    <th scope="col">{t('reliability.col.conf')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.bins
                    .filter((b) => b.count > 0)
                    .map((b) => (
                      <tr key={b.lo}>
                        <th scope="row">{`${pct1(b.lo)}–${pct1(b.hi)}`}</th>
                        <td>{int(b.count)}</td>
                        <td>{b.accuracy == null ? '' : pct1(b.accuracy)}</td>
                        <td>{b.mean_confidence == null ? '' : pct1(b.mean_confidence)}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </div>
            <details className="classify-reliability-source" data-how="calibration">
              <summary>{t('numbers.how.summary')}</summary>
              <p>
                {t('reliability.source', { command: '' })}
                <code>{data.command}</code>
              </p>
            </details>
          </>
        )}
      </div>
    </Figure>
  );
}
