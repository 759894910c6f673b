import { useCallback, useMemo } from 'react';
import { run80Curves } from '../../../data/chartData';
import type { MetricsFile, TfjsEval } from '../../../data/metrics';
import { renderLineChart } from '../../../viz/numbers/lineChart';
import { ChartFigure } from './ChartFigure';
import { HowMeasured } from './HowMeasured';
import { useNumbersText } from './useNumbersText';

/** The 80-epoch ResNeXt-29 32×4d: its curves, its GPU accuracy and the browser evaluation's accuracy. */
/** CIFAR-10's test set, on which PyTorch measured the accuracy after training. */
const CIFAR10_TEST_IMAGES = 10_000;

export function LongRun({ run80, tfjsEval }: { run80: MetricsFile; tfjsEval: TfjsEval }) {
  const { t, fmt } = useNumbersText();
  const model = run80.models[0];
  const series = useMemo(
    () => run80Curves(run80, { train: t('numbers.ours.run80.train'), test: t('numbers.ours.run80.test') }),
    [run80, t],
  );
  const draw = useCallback(
    (el: HTMLDivElement, width: number) =>
      renderLineChart(el, series, {
        width,
        height: 300,
        xLabel: t('numbers.axis.epoch'),
        yLabel: t('numbers.ours.run80.y'),
        yFormat: (v) => fmt.pct(v, 0),
        showPoints: false,
      }),
    [series, t, fmt],
  );
  const title = t('numbers.ours.run80.title', { epochs: run80.epochs });
  const tfjsValue =
    tfjsEval.accuracy === null || tfjsEval.images === null
      ? t('numbers.ours.notMeasured')
      : t('numbers.ours.tfjsValue', { acc: fmt.pct(tfjsEval.accuracy, 2), images: fmt.int(tfjsEval.images) });

  return (
    <ChartFigure
      id="ours-run80"
      title={title}
      draw={draw}
      alt={{
        caption: t('numbers.chartAlt', { title }),
        columns: [t('numbers.ours.col.epoch'), ...series.map((s) => s.label)],
        rows: series[0].points.map((p, i) => [p.x, ...series.map((s) => fmt.pct(s.points[i].y, 2))]),
      }}
    >
      <p data-note="run80-acc">
        {t('numbers.ours.run80.acc', {
          acc: fmt.pct(model.test_acc, 2),
          images: fmt.int(CIFAR10_TEST_IMAGES),
        })}
      </p>
      <p data-note="tfjs-eval">{t('numbers.ours.tfjs', { value: tfjsValue })}</p>
      <HowMeasured id="run80">
        <p>{t('numbers.how.precision')}</p>
        <p>{t('numbers.how.testCopy')}</p>
        <p>
          {t('numbers.how.tfjsCommand')} <code>{tfjsEval.command}</code>
        </p>
        <p>
          {t('numbers.source', {
            source: t('numbers.ours.sourceText', { device: run80.device, torch: run80.torch }),
          })}
        </p>
      </HowMeasured>
    </ChartFigure>
  );
}
