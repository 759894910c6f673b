import { useCallback, useMemo } from 'react';
import {
  BYTES_PER_FLOAT32,
  CIFAR_STAGE1,
  FLOPS_PER_MAC,
  groupedCostCurve,
} from '../../../resnext/groupedCost';
import { renderIntensityChart } from '../../../viz/groupedCost/intensityChart';
import { usePrefersReducedMotion } from '../../block/usePrefersReducedMotion';
import { Figure } from '../../layout/Figure';
import { GroupedCostChart } from './GroupedCostChart';
import { GroupedCostMeasure } from './GroupedCostMeasure';
import { GroupedCostSteps } from './GroupedCostSteps';
import { useGroupedCostText } from './GroupedCostText';
import './groupedCost.css';

const DURATION_MS = 450;

/**
 * Why grouped convolutions ran slow: the 3×3 layer's work per byte against C at equal complexity (computed from
 * the shapes), a live measurement of grouped against dense convolutions on the reader's device, and the
 * project's measured times per C read in the same terms.
 */
export function GroupedCost() {
  const x = useGroupedCostText();
  const { t } = x;
  const reduced = usePrefersReducedMotion();
  const duration = reduced ? 0 : DURATION_MS;
  const curve = useMemo(() => groupedCostCurve(), []);
  const first = curve[0];
  const last = curve[curve.length - 1];
  const unit = t('gcost.unit.flopPerByte');

  const drawIntensity = useCallback(
    (el: HTMLDivElement, width: number) =>
      renderIntensityChart(
        el,
        curve.map((p) => ({ c: p.c, d: p.d, grouped: p.grouped.flopPerByte, dense: p.dense.flopPerByte })),
        {
          width,
          xLabel: t('gcost.axis.x'),
          yLabel: t('gcost.intensity.y', { unit }),
          groupedLabel: t('gcost.intensity.grouped'),
          denseLabel: t('gcost.intensity.dense'),
          yFormat: (v) => (Number.isInteger(v) ? x.int(v) : x.flop(v)),
          duration,
        },
      ),
    [curve, t, x, unit, duration],
  );

  return (
    <section className="numbers-block gcost" aria-labelledby="gcost-title">
      <h3 id="gcost-title">{t('gcost.title')}</h3>
      <Figure id="fig-grouped-cost" kind="grouped-cost" label={t('gcost.title')} className="gcost-figure">
        <p className="gcost-intro">{t('gcost.intro', { width: first.width })}</p>
        <div className="gcost-grid">
          <div className="gcost-panel" data-gcost-panel="intensity">
            <h4 className="gcost-panel-title">{t('gcost.intensity.title')}</h4>
            <GroupedCostChart name="grouped-cost-intensity" draw={drawIntensity} />
            <p className="gcost-caption">
              {t('gcost.intensity.caption', {
                side: CIFAR_STAGE1.side,
                channels: CIFAR_STAGE1.channels,
                bytes: BYTES_PER_FLOAT32,
                flops: FLOPS_PER_MAC,
                cMax: last.c,
                d0: first.d,
                dMax: last.d,
                i0: x.flop(first.grouped.flopPerByte),
                iMax: x.flop(last.grouped.flopPerByte),
                unit,
                ratio: x.times(first.grouped.flopPerByte / last.grouped.flopPerByte, 0),
              })}
            </p>
            <div className="visually-hidden">
              <table>
                <caption>{t('numbers.chartAlt', { title: t('gcost.intensity.title') })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('gcost.col.c')}</th>
                    <th scope="col">{t('gcost.col.d')}</th>
                    <th scope="col">{t('gcost.intensity.col.macs')}</th>
                    <th scope="col">{t('gcost.intensity.col.bytes')}</th>
                    <th scope="col">{t('gcost.intensity.col.grouped', { unit })}</th>
                    <th scope="col">{t('gcost.intensity.col.dense', { unit })}</th>
                  </tr>
                </thead>
                <tbody>
                  {curve.map((p) => (
                    <tr key={p.c}>
                      <th scope="row">{p.c}</th>
                      <td>{p.d}</td>
                      <td>{x.int(p.grouped.macs)}</td>
                      <td>{x.int(p.grouped.bytes.total)}</td>
                      <td>{x.flop(p.grouped.flopPerByte)}</td>
                      <td>{x.flop(p.dense.flopPerByte)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
          <GroupedCostMeasure curve={curve} duration={duration} />
        </div>
        <GroupedCostSteps />
      </Figure>
    </section>
  );
}
