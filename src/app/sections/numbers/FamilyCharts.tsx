import { useCallback, useMemo } from 'react';
import { familyErrorCurves, familyStepTimes, familyThroughput, stepTimeRatio } from '../../../data/chartData';
import { byCardinality, modelSetting, type MetricsFile } from '../../../data/metrics';
import { paperSpeedRatio } from '../../../data/paperResults';
import { renderBarChart } from '../../../viz/numbers/barChart';
import { renderLineChart } from '../../../viz/numbers/lineChart';
import { ChartFigure } from './ChartFigure';
import { FamilySeeds } from './FamilySeeds';
import { useNumbersText } from './useNumbersText';

/** The equal-complexity family: curves, accuracy and time per epoch against C (every seed), step time, throughput. */
export function FamilyCharts({ family }: { family: MetricsFile }) {
  const { t, fmt } = useNumbersText();
  const models = useMemo(() => byCardinality(family), [family]);
  const source = t('numbers.source', {
    source: t('numbers.ours.sourceText', { device: family.device, torch: family.torch }),
  });

  const curves = useMemo(() => familyErrorCurves(family), [family]);
  const drawCurves = useCallback(
    (el: HTMLDivElement, width: number) =>
      renderLineChart(el, curves, {
        width,
        height: 300,
        xLabel: t('numbers.axis.epoch'),
        yLabel: t('numbers.ours.curves.y'),
        yFormat: (v) => fmt.pct(v, 0),
        showPoints: false,
      }),
    [curves, t, fmt],
  );

  const steps = useMemo(() => familyStepTimes(family, t('numbers.ours.step.series')), [family, t]);
  const drawSteps = useCallback(
    (el: HTMLDivElement, width: number) =>
      renderBarChart(el, steps, {
        width,
        yLabel: t('numbers.ours.step.y', { batch: family.batch_size }),
        valueFormat: (v) => fmt.fixed(v, 1),
        showValues: true,
      }),
    [steps, family, t, fmt],
  );

  const thr = useMemo(
    () => familyThroughput(family, { bf16: t('numbers.ours.thr.bf16'), fp32: t('numbers.ours.thr.fp32') }),
    [family, t],
  );
  const drawThr = useCallback(
    (el: HTMLDivElement, width: number) =>
      renderBarChart(el, thr, {
        width,
        yLabel: t('numbers.ours.thr.y'),
        valueFormat: (v) => fmt.int(v),
      }),
    [thr, t, fmt],
  );

  const titles = {
    curves: t('numbers.ours.curves.title'),
    step: t('numbers.ours.step.title'),
    thr: t('numbers.ours.thr.title'),
  };
  const alt = (title: string, columns: string[], rows: (string | number)[][]) => ({
    caption: t('numbers.chartAlt', { title }),
    columns,
    rows,
  });
  return (
    <>
      <ChartFigure
        id="ours-curves"
        title={titles.curves}
        draw={drawCurves}
        alt={alt(
          titles.curves,
          [t('numbers.ours.col.epoch'), ...curves.map((s) => s.label)],
          curves[0].points.map((p, i) => [p.x, ...curves.map((s) => fmt.pct(s.points[i].y, 2))]),
        )}
      >
        <p className="numbers-source">{source}</p>
      </ChartFigure>

      <FamilySeeds family={family} />

      <ChartFigure
        id="ours-step"
        title={titles.step}
        draw={drawSteps}
        alt={alt(
          titles.step,
          [t('numbers.ours.col.model'), t('numbers.ours.col.stepMs')],
          models.map((m) => [modelSetting(m), fmt.fixed(m.train_step_ms, 2)]),
        )}
      >
        <p data-note="step-ratio">
          {t('numbers.ours.step.ratio', {
            ours: fmt.fixed(stepTimeRatio(family), 2),
            paper: fmt.fixed(paperSpeedRatio(), 2),
          })}
        </p>
        <p className="numbers-source">{source}</p>
      </ChartFigure>

      <ChartFigure
        id="ours-throughput"
        title={titles.thr}
        draw={drawThr}
        alt={alt(
          titles.thr,
          [t('numbers.ours.col.model'), t('numbers.ours.thr.bf16'), t('numbers.ours.thr.fp32')],
          models.map((m) => [
            modelSetting(m),
            fmt.int(m.infer_imgs_per_s_b1024.bf16),
            fmt.int(m.infer_imgs_per_s_b1024.fp32),
          ]),
        )}
      >
        <p className="numbers-source">{source}</p>
      </ChartFigure>
    </>
  );
}
