import { useCallback, useMemo } from 'react';
import { table3Series, table4Bars } from '../../../data/chartData';
import {
  CIFAR_RESULTS,
  PAPER_TRAINING_SPEED,
  TABLE3,
  TABLE4,
  paperSpeedRatio,
} from '../../../data/paperResults';
import { renderBarChart } from '../../../viz/numbers/barChart';
import { renderLineChart } from '../../../viz/numbers/lineChart';
import { ChartFigure } from './ChartFigure';
import { useNumbersText } from './useNumbersText';

const CARDINALITY_TICKS = [1, 2, 4, 8, 32];

/** The paper's ImageNet and CIFAR figures, quoted with their source. */
export function PaperResults() {
  const { t, fmt } = useNumbersText();
  const source = t('numbers.source', { source: t('numbers.paperCitation') });

  const t3 = useMemo(() => table3Series((depth) => t('numbers.paper.t3.series', { depth })), [t]);
  const drawT3 = useCallback(
    (el: HTMLDivElement, width: number) =>
      renderLineChart(el, t3, {
        width,
        xScale: 'log2',
        xTicks: CARDINALITY_TICKS,
        xLabel: t('numbers.axis.cardinality'),
        yLabel: t('numbers.paper.t3.y'),
        yFormat: (v) => fmt.fixed(v, 1),
        showPoints: true,
      }),
    [t3, t, fmt],
  );

  const t4 = useMemo(
    () => table4Bars({ top1: t('numbers.paper.t4.top1'), top5: t('numbers.paper.t4.top5') }),
    [t],
  );
  const drawT4 = useCallback(
    (el: HTMLDivElement, width: number) =>
      renderBarChart(el, t4, {
        width,
        height: 300,
        xLabel: t('numbers.paper.t4.x'),
        yLabel: t('numbers.paper.t4.y'),
        valueFormat: (v) => fmt.fixed(v, 1),
        showValues: true,
      }),
    [t4, t, fmt],
  );

  const t3Title = t('numbers.paper.t3.title');
  const t4Title = t('numbers.paper.t4.title');
  return (
    <section className="numbers-block" aria-labelledby="numbers-paper-title">
      <h2 id="numbers-paper-title">{t('numbers.paper.title')}</h2>
      <p>{t('numbers.paper.intro')}</p>
      <ChartFigure
        id="paper-table3"
        title={t3Title}
        draw={drawT3}
        alt={{
          caption: t('numbers.chartAlt', { title: t3Title }),
          columns: [
            t('numbers.paper.col.model'),
            t('numbers.paper.col.setting'),
            t('numbers.paper.col.top1'),
          ],
          rows: TABLE3.map((r) => [
            `${r.cardinality === 1 ? 'ResNet' : 'ResNeXt'}-${r.depth}`,
            `${r.cardinality}×${r.width}d`,
            fmt.fixed(r.top1Error, 1),
          ]),
        }}
      >
        <p className="numbers-note">{t('numbers.paper.t3.note', { depth50: 50, depth101: 101 })}</p>
        <p className="numbers-source">{source}</p>
      </ChartFigure>

      <ChartFigure
        id="paper-table4"
        title={t4Title}
        draw={drawT4}
        alt={{
          caption: t('numbers.chartAlt', { title: t4Title }),
          columns: [
            t('numbers.paper.col.model'),
            t('numbers.paper.col.direction'),
            t('numbers.paper.col.top1'),
            t('numbers.paper.col.top5'),
          ],
          rows: TABLE4.map((r) => [
            `${r.model} ${r.setting}`,
            t(`numbers.paper.dir.${r.direction}`),
            fmt.fixed(r.top1Error, 1),
            fmt.fixed(r.top5Error, 1),
          ]),
        }}
      >
        <p className="numbers-source">{source}</p>
      </ChartFigure>

      <div className="numbers-table-wrap">
        <table className="numbers-table" data-table="paper-cifar">
          <caption>{t('numbers.paper.cifar.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('numbers.paper.col.model')}</th>
              <th scope="col">{t('numbers.paper.col.params')}</th>
              <th scope="col">{t('numbers.paper.col.cifar10')}</th>
            </tr>
          </thead>
          <tbody>
            {CIFAR_RESULTS.map((r) => (
              <tr key={r.model}>
                <th scope="row">{r.model}</th>
                <td className="num">{t('numbers.paper.cifar.params', { m: fmt.fixed(r.paramsM, 1) })}</td>
                <td className="num">{fmt.fixed(r.cifar10Error, 2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="numbers-source">{source}</p>

      <h3>{t('numbers.paper.speed.title')}</h3>
      <p data-paper="speed">
        {t('numbers.paper.speed.text', {
          gpus: PAPER_TRAINING_SPEED.gpus,
          resnext: fmt.fixed(PAPER_TRAINING_SPEED.resnext101_32x4d_s, 2),
          resnet: fmt.fixed(PAPER_TRAINING_SPEED.resnet101_s, 2),
          ratio: fmt.fixed(paperSpeedRatio(), 2),
        })}
      </p>
      <p className="numbers-source">{source}</p>
    </section>
  );
}
