import { useCallback, useMemo } from 'react';
import { familyErrorCurves, familyStepTimes, familyThroughput, stepTimeRatio } from '../../../data/chartData';
import { byCardinality, modelSetting, type MetricsFile } from '../../../data/metrics';
import { paperSpeedRatio } from '../../../data/paperResults';
import { renderBarChart } from '../../../viz/numbers/barChart';
import { renderLineChart } from '../../../viz/numbers/lineChart';
import type { LineSeries } from '../../../viz/numbers/types';
import { ChartFigure } from './ChartFigure';
import { FamilySeeds } from './FamilySeeds';
import { HowMeasured } from './HowMeasured';
import { THROUGHPUT_BATCH } from './throughput';
import { useNumbersText } from './useNumbersText';

/** Training error (on the augmented training batches) per epoch, one line per model. */
function familyTrainErrorCurves(family: MetricsFile): LineSeries[] {
  return byCardinality(family).map((m) => ({
    id: m.name,
    label: modelSetting(m),
    points: m.curve.map((e) => ({ x: e.epoch, y: e.train_err })),
  }));
}

/** Whether the last epoch's training error falls with every step up in C (the paper's Figure 5 pattern). */
function trainErrorFallsWithC(family: MetricsFile): boolean {
  const last = byCardinality(family).map((m) => m.curve[m.curve.length - 1].train_err);
  return last.every((e, i) => i === 0 || e < last[i - 1]);
}

/** The equal-complexity family: curves, accuracy and time per epoch against C (every seed), step time, throughput. */
export function FamilyCharts({ family }: { family: MetricsFile }) {
  const { t, fmt } = useNumbersText();
  const models = useMemo(() => byCardinality(family), [family]);
  const familyParams = { count: models.length, epochs: family.epochs };
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

  const train = useMemo(() => familyTrainErrorCurves(family), [family]);
  const drawTrain = useCallback(
    (el: HTMLDivElement, width: number) =>
      renderLineChart(el, train, {
        width,
        height: 300,
        xLabel: t('numbers.axis.epoch'),
        yLabel: t('numbers.ours.train.y'),
        yFormat: (v) => fmt.pct(v, 0),
        showPoints: false,
      }),
    [train, t, fmt],
  );
  const trainList = models
    .map((m) =>
      t('numbers.ours.train.item', {
        setting: modelSetting(m),
        err: fmt.pct(m.curve[m.curve.length - 1].train_err, 1),
      }),
    )
    .join(t('app.listSeparator'));

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
    curves: t('numbers.ours.curves.title', familyParams),
    step: t('numbers.ours.step.title'),
    thr: t('numbers.ours.thr.title', { batch: fmt.int(THROUGHPUT_BATCH) }),
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
        <HowMeasured id="curves">
          <p>{t('numbers.how.precision')}</p>
          <p>{source}</p>
        </HowMeasured>
      </ChartFigure>

      <ChartFigure
        id="ours-train"
        title={t('numbers.ours.train.title', familyParams)}
        draw={drawTrain}
        alt={alt(
          t('numbers.ours.train.title', familyParams),
          [t('numbers.ours.col.epoch'), ...train.map((s) => s.label)],
          train[0].points.map((p, i) => [p.x, ...train.map((s) => fmt.pct(s.points[i].y, 2))]),
        )}
      >
        <p className="numbers-note">{t('numbers.ours.train.paper')}</p>
        <p className="numbers-note" data-note="train-error">
          {t(trainErrorFallsWithC(family) ? 'numbers.ours.train.falls' : 'numbers.ours.train.mixed', {
            epochs: family.epochs,
            list: trainList,
          })}
        </p>
        <HowMeasured id="train">
          <p>{t('numbers.how.trainError')}</p>
          <p>{source}</p>
        </HowMeasured>
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
        <HowMeasured id="step">
          <p>{t('numbers.how.precision')}</p>
          <p>{source}</p>
        </HowMeasured>
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
        <HowMeasured id="thr">
          <p>{t('numbers.how.precision')}</p>
          <p>{source}</p>
        </HowMeasured>
      </ChartFigure>
    </>
  );
}
