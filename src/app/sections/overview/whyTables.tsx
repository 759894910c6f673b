import { useCallback, useEffect, useMemo, useState } from 'react';
import { DOT_ROWS_COMPACT_BELOW, renderDotRows, type DotRowsData } from '../../../viz/why/dotRows';
import { formatFixed } from '../../block/format';
import { useLiveD3 } from '../../block/useLiveD3';
import { usePrefersReducedMotion } from '../../block/usePrefersReducedMotion';
import { useT } from '../../i18n/useT';
import { useAppState } from '../../state/AppStateContext';
import { BLOCK_TRANSITION_MS } from './BlockComparison';
import { errorOf, gain, table3Rows, table4Directions, ticksIn, zoomedDomain, type Metric } from './whyData';

/**
 * The paper's Tables 3 and 4 drawn one way, as zoomed dot plots: used by the Overview's "why cardinality" and by
 * the Numbers section's paper results, so the same data is one picture wherever it appears.
 */
/** Table 3's legend: the swatches of the depth-50 and depth-101 rows. */
export function Table3Legend() {
  const t = useT();
  return (
    <ul className="ov-cost-legend">
      <li>
        <span className="ov-swatch ov-swatch--r50" aria-hidden="true" />
        {t('ovfig.why.t3.r50')}
      </li>
      <li>
        <span className="ov-swatch ov-swatch--r101" aria-hidden="true" />
        {t('ovfig.why.t3.r101')}
      </li>
    </ul>
  );
}

export function Rows({ data, testId }: { data: DotRowsData; testId: string }) {
  const reduced = usePrefersReducedMotion();
  const [compact, setCompact] = useState(false);
  const draw = useCallback(
    (el: HTMLDivElement) =>
      renderDotRows(el, { ...data, compact }, { duration: reduced ? 0 : BLOCK_TRANSITION_MS }),
    [data, reduced, compact],
  );
  const ref = useLiveD3(draw);
  // Drawn small (a phone), the rows make room for larger text: redrawn when the width crosses the limit.
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(() => {
      const width = el.getBoundingClientRect().width;
      if (width > 0) setCompact(width < DOT_ROWS_COMPACT_BELOW);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return <div ref={ref} className="ov-why-svg" data-testid={testId} />;
}

export function useWhyTables(highlightC: number | null, idPrefix: string) {
  const t = useT();
  const [{ lang }] = useAppState();
  const f1 = useCallback((v: number) => formatFixed(v, 1, lang), [lang]);

  const table4 = useCallback(
    (metric: Metric): DotRowsData => {
      const { base, moves } = table4Directions();
      const m = t(`ovfig.why.metric.${metric}`);
      const values = TABLE4_VALUES(metric);
      const step = metric === 'top1' ? 0.5 : 0.2;
      const domain = zoomedDomain(values, step);
      const dir = (r: (typeof moves)[number]) =>
        t(`ovfig.why.dir.${r.direction === 'baseline' ? 'cardinality' : r.direction}`);
      return {
        idBase: `${idPrefix}-t4-${metric}`,
        title: t('ovfig.why.t4.title', { metric: m }),
        description: t('ovfig.why.t4.desc', {
          base: f1(errorOf(base, metric)),
          list: moves
            .map((r) =>
              t('ovfig.why.t4.item', {
                direction: dir(r),
                model: r.model,
                setting: r.setting,
                value: f1(errorOf(r, metric)),
              }),
            )
            .join(t('app.listSemicolon')),
        }),
        domain,
        ticks: ticksIn(domain, step),
        tickFormat: f1,
        axisLabel: t('ovfig.why.axis', { metric: m }),
        baseline: {
          value: errorOf(base, metric),
          label: t('ovfig.why.base', { v: f1(errorOf(base, metric)) }),
        },
        rows: moves.map((r) => ({
          id: `${r.model}-${r.setting}`,
          label: dir(r),
          sub: `${r.model}, ${r.setting}`,
          highlight: r.direction === 'cardinality',
          arrow: true,
          dots: [{ series: metric, value: errorOf(r, metric), label: f1(errorOf(r, metric)) }],
        })),
      };
    },
    [t, f1, idPrefix],
  );
  const top1 = useMemo(() => table4('top1'), [table4]);
  const top5 = useMemo(() => table4('top5'), [table4]);

  const t3 = useMemo<DotRowsData>(() => {
    const rows = table3Rows();
    const values = rows.flatMap((r) => [r.r50, r.r101]);
    const domain = zoomedDomain(values, 0.5);
    return {
      idBase: `${idPrefix}-t3`,
      title: t('ovfig.why.t3.title'),
      description: t('ovfig.why.t3.desc', {
        list: rows
          .map((r) => t('ovfig.why.t3.item', { c: r.cardinality, d: r.d, r50: f1(r.r50), r101: f1(r.r101) }))
          .join(t('app.listSemicolon')),
      }),
      domain,
      ticks: ticksIn(domain, 0.5),
      tickFormat: f1,
      axisLabel: t('ovfig.why.axis', { metric: t('ovfig.why.metric.top1') }),
      baseline: null,
      rows: rows.map((r) => ({
        id: `c${r.cardinality}`,
        label: t('ovfig.why.t3.row', { c: r.cardinality }),
        sub: t('ovfig.why.t3.sub', { c: r.cardinality, d: r.d }),
        highlight: r.cardinality === highlightC,
        arrow: false,
        dots: [
          { series: 'r50', value: r.r50, label: f1(r.r50) },
          { series: 'r101', value: r.r101, label: f1(r.r101) },
        ],
      })),
    };
  }, [t, f1, highlightC, idPrefix]);

  const { base, moves } = table4Directions();
  const gains = moves.map((r) => gain(base, r, 'top1'));
  const paths = moves.filter((r) => r.direction === 'cardinality').map((r) => f1(gain(base, r, 'top1')));
  const span = t3.domain[0] - t3.domain[1];
  const t4Caption = t('ovfig.why.t4.caption', {
    deeper: f1(gains[0]),
    wider: f1(gains[1]),
    paths: paths.join(t('app.listSeparator')),
  });
  return { top1, top5, t3, span, t4Caption, f1, lang };
}

function TABLE4_VALUES(metric: Metric): number[] {
  const { base, moves } = table4Directions();
  return [base, ...moves].map((r) => errorOf(r, metric));
}
