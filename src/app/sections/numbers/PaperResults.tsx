import { useMemo } from 'react';
import { CIFAR_RESULTS, PAPER_TRAINING_SPEED, paperSpeedRatio } from '../../../data/paperResults';
import { countNetwork } from '../../../resnext/counting';
import { resnext29Spec } from '../../../resnext/spec';
import { useProjectMetrics } from '../../story/useProjectMetrics';
import { Figure } from '../../layout/Figure';
import { Rows, Table3Legend, useWhyTables } from '../overview/whyTables';
import { useNumbersText } from './useNumbersText';
import '../overview/overview.css';

/** The paper's ImageNet and CIFAR figures, quoted with their source. */
export function PaperResults() {
  const { t, fmt } = useNumbersText();
  const source = t('numbers.source', { source: t('numbers.paperCitation') });

  // Tables 3 and 4 drawn as in the Overview (zoomed dot plots), so one data set is one picture
  const why = useWhyTables(null, 'paper');
  const t3Title = t('numbers.paper.t3.title');
  const t4Title = t('numbers.paper.t4.title');
  return (
    <section className="numbers-block" aria-labelledby="numbers-paper-title">
      <h3 id="numbers-paper-title">{t('numbers.paper.title')}</h3>
      <p>{t('numbers.paper.intro')}</p>
      <Figure id="fig-paper-table3" kind="paper-table3" className="numbers-figure" label={t3Title}>
        <figcaption className="numbers-figure-title">{t3Title}</figcaption>
        <Table3Legend />
        <Rows data={why.t3} testId="paper-t3" />
        <p className="numbers-note">{t('numbers.paper.t3.note', { depth50: 50, depth101: 101 })}</p>
        <p className="numbers-source">{source}</p>
      </Figure>

      <Figure id="fig-paper-table4" kind="paper-table4" className="numbers-figure" label={t4Title}>
        <figcaption className="numbers-figure-title">{t4Title}</figcaption>
        <Rows data={why.top1} testId="paper-t4-top1" />
        <Rows data={why.top5} testId="paper-t4-top5" />
        <p className="numbers-note">{why.t4Caption}</p>
        <p className="numbers-source">{source}</p>
      </Figure>

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
                <td className="num">
                  {t('numbers.paper.cifar.params', { n: fmt.compact(r.paramsM * 1e6) })}
                </td>
                <td className="num">{fmt.fixed(r.cifar10Error, 2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="numbers-source">{source}</p>
      <OursAgainstPaper />

      <h4>{t('numbers.paper.speed.title')}</h4>
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

/** C and d of a setting written "8×64d" (in a model name such as "ResNeXt-29, 8×64d"). */
function parseSetting(text: string): { c: number; d: number } | null {
  const m = /(\d+)×(\d+)d/.exec(text);
  return m ? { c: Number(m[1]), d: Number(m[2]) } : null;
}

/** One sentence under the paper's CIFAR table: our ResNeXt-29 is not the paper's, with both counted the same way. */
function OursAgainstPaper() {
  const { t, fmt } = useNumbersText();
  const metrics = useProjectMetrics();
  // the paper's smaller ResNeXt-29 (its first in Table 7)
  const paper = useMemo(
    () =>
      CIFAR_RESULTS.map((r) => ({ r, s: parseSetting(r.model) })).find(
        (x) => x.s && x.r.model.startsWith('ResNeXt-29'),
      ),
    [],
  );
  const counts = useMemo(
    () =>
      paper?.s && metrics
        ? {
            ours: countNetwork(
              resnext29Spec(metrics.run80.models[0].cardinality, metrics.run80.models[0].bottleneck_width_d),
            ).params,
            paper: countNetwork(resnext29Spec(paper.s.c, paper.s.d)).params,
          }
        : null,
    [paper?.s, metrics],
  );
  if (!paper?.s || !metrics || !counts) return null;
  const m = metrics.run80.models[0];
  return (
    <p className="numbers-note" data-note="ours-vs-paper">
      {t('numbers.paper.cifar.ours', {
        ours: `${m.cardinality}×${m.bottleneck_width_d}d`,
        c: m.cardinality,
        d: m.bottleneck_width_d,
        oursParams: fmt.compact(counts.ours),
        epochs: metrics.run80.epochs,
        oursErr: fmt.fixed(100 * (1 - m.test_acc), 2),
        paper: `${paper.s.c}×${paper.s.d}d`,
        paperC: paper.s.c,
        paperD: paper.s.d,
        paperParams: fmt.compact(counts.paper),
        times: fmt.fixed(counts.paper / counts.ours, 1),
        paperErr: fmt.fixed(paper.r.cifar10Error, 2),
      })}
    </p>
  );
}
