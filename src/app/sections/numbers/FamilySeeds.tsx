import { useCallback, useMemo } from 'react';
import {
  accuracyDomain,
  familyStats,
  familyVerdict,
  type FamilyMetricsInput,
  type SettingStats,
} from '../../../data/familySeeds';
import { renderSeedChart, type SeedSeries } from '../../../viz/numbers/seedChart';
import { usePrefersReducedMotion } from '../../block/usePrefersReducedMotion';
import { Figure } from '../../layout/Figure';
import { ChartFigure } from './ChartFigure';
import { useNumbersText } from './useNumbersText';
import { HowMeasured } from './HowMeasured';
import './family.css';

const DURATION_MS = 450;

const accSeries = (stats: SettingStats[], label: string): SeedSeries[] => [
  {
    id: 'acc',
    label,
    groups: stats.map((s) => ({
      key: s.name,
      x: s.cardinality,
      values: s.seeds.map((v) => ({ key: `seed-${v.seed}`, y: v.acc })),
      mean: s.mean,
      min: s.min,
      max: s.max,
    })),
  },
];

function timeSeries(stats: SettingStats[], labels: { alone: string; together: string }): SeedSeries[] {
  const one = (id: 'alone' | 'together', label: string, pick: (s: SettingStats) => number | null) => ({
    id,
    label,
    groups: stats.flatMap((s) => {
      const v = pick(s);
      return v == null
        ? []
        : [{ key: s.name, x: s.cardinality, values: [{ key: id, y: v }], mean: v, min: v, max: v }];
    }),
  });
  return [
    one('alone', labels.alone, (s) => s.epochSAlone),
    one('together', labels.together, (s) => s.epochSTogether),
  ].filter((s) => s.groups.length > 0);
}

/**
 * The cardinality experiment: accuracy against C with every seed as a dot, the mean and the min–max spread,
 * a verdict computed from the data, and the training time per epoch against C beside it.
 */
export function FamilySeeds({ family }: { family: FamilyMetricsInput }) {
  const { t, fmt } = useNumbersText();
  const reduced = usePrefersReducedMotion();
  const duration = reduced ? 0 : DURATION_MS;
  const stats = useMemo(() => familyStats(family), [family]);
  const verdict = useMemo(() => familyVerdict(stats), [stats]);
  const domain = useMemo(() => accuracyDomain(stats), [stats]);
  const ticks = stats.map((s) => s.cardinality);
  const seeds = Math.max(...stats.map((s) => s.seeds.length));
  const together = family.processes_together ?? stats.reduce((n, s) => n + s.seeds.length, 0);

  const acc = useMemo(() => accSeries(stats, t('family.acc.series')), [stats, t]);
  const drawAcc = useCallback(
    (el: HTMLDivElement, width: number) =>
      renderSeedChart(el, acc, {
        width,
        xLabel: t('numbers.axis.cardinality'),
        yLabel: t('family.acc.y'),
        yDomain: domain,
        yFormat: (v) => fmt.pct(v, 0),
        xTicks: ticks,
        duration,
      }),
    // ticks are derived from stats, which acc already follows
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [acc, domain, t, fmt, duration],
  );

  const time = useMemo(
    () =>
      timeSeries(stats, {
        alone: t('family.time.alone'),
        together: t('family.time.together', { n: together }),
      }),
    [stats, t, together],
  );
  const drawTime = useCallback(
    (el: HTMLDivElement, width: number) =>
      renderSeedChart(el, time, {
        width,
        xLabel: t('numbers.axis.cardinality'),
        yLabel: t('family.time.y'),
        yFormat: (v) => fmt.fixed(v, 1),
        xTicks: ticks,
        duration,
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [time, t, fmt, duration],
  );

  const low = stats[0];
  const high = stats[stats.length - 1];
  const ratio = low.epochSAlone && high.epochSAlone ? fmt.fixed(high.epochSAlone / low.epochSAlone, 2) : null;
  const num = (v: number | null) => (v == null ? t('family.notMeasured') : fmt.fixed(v, 2));
  const titleAcc = t('family.acc.title');
  const titleTime = t('family.time.title');

  return (
    <Figure id="fig-family" kind="family" label={t('family.title')} className="family-figure">
      <h4 className="family-title">{t('family.title')}</h4>
      <p className="family-intro">
        {t('family.intro', {
          count: stats.length,
          epochs: family.epochs,
          seeds: seeds === 1 ? t('family.seeds.one') : t('family.seeds', { n: seeds }),
          span: fmt.fixed((domain[1] - domain[0]) * 100, 0),
        })}
      </p>
      <p className="family-verdict" data-verdict={verdict.kind} role="status">
        {t(`family.verdict.${verdict.kind}`, {
          low: verdict.lowC,
          high: verdict.highC,
          diff: fmt.fixed(Math.abs(verdict.diffPt), 2),
          spread: fmt.fixed(verdict.spreadPt, 2),
        })}
      </p>
      <div className="family-grid">
        <ChartFigure
          id="ours-accuracy"
          title={titleAcc}
          draw={drawAcc}
          alt={{
            caption: t('numbers.chartAlt', { title: titleAcc }),
            columns: [
              t('family.col.setting'),
              t('family.col.seeds'),
              t('family.col.mean'),
              t('family.col.spread'),
            ],
            rows: stats.map((s) => [
              s.label,
              s.seeds.map((v) => fmt.pct(v.acc, 2)).join(t('app.listSeparator')),
              fmt.pct(s.mean, 2),
              `${fmt.pct(s.min, 2)} – ${fmt.pct(s.max, 2)}`,
            ]),
          }}
        />
        <ChartFigure
          id="ours-epoch-time"
          title={titleTime}
          draw={drawTime}
          alt={{
            caption: t('numbers.chartAlt', { title: titleTime }),
            columns: [t('family.col.setting'), t('family.col.alone'), t('family.col.together')],
            rows: stats.map((s) => [s.label, num(s.epochSAlone), num(s.epochSTogether)]),
          }}
        >
          {ratio && (
            <p className="family-note" data-note="epoch-ratio">
              {t('family.time.note', { low: low.cardinality, high: high.cardinality, ratio })}
            </p>
          )}
        </ChartFigure>
      </div>
      <HowMeasured id="family">
        <p>{t('numbers.how.precision')}</p>
        <p>{t('family.source', { device: family.device, torch: family.torch })}</p>
      </HowMeasured>
    </Figure>
  );
}
