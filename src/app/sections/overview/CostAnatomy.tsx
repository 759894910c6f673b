import { useCallback, useMemo } from 'react';
import { renderDChart, type DChartData } from '../../../viz/cost/dChart';
import { renderStackedBars, type StackedBarsData } from '../../../viz/cost/stackedBars';
import type { BlockConfig } from '../../block/blockConfig';
import { formatFixed, formatInt } from '../../block/format';
import { useLiveD3 } from '../../block/useLiveD3';
import { usePrefersReducedMotion } from '../../block/usePrefersReducedMotion';
import { useT } from '../../i18n/useT';
import { Figure } from '../../layout/Figure';
import { useAppState } from '../../state/AppStateContext';
import { costAnatomy, notLevel, type CostPartId } from './costData';
import { BLOCK_TRANSITION_MS } from './BlockComparison';

const PARTS: readonly CostPartId[] = ['conv1', 'conv2', 'conv3'];

function Live<D>({
  data,
  render,
  className,
  testId,
}: {
  data: D;
  render: (el: Element, data: D, opts: { duration: number }) => void;
  className: string;
  testId: string;
}) {
  const reduced = usePrefersReducedMotion();
  const draw = useCallback(
    (el: HTMLDivElement) => render(el, data, { duration: reduced ? 0 : BLOCK_TRANSITION_MS }),
    [data, render, reduced],
  );
  const ref = useLiveD3(draw);
  return <div ref={ref} className={className} data-testid={testId} />;
}

/**
 * Cost anatomy, live: the ResNet and the current ResNeXt block as stacked bars of their three convolutions, the
 * equal-complexity rule with the current numbers, a grouped 3×3 against a dense one, and the d that keeps the cost
 * for every C.
 */
export function CostAnatomy({ config }: { config: BlockConfig }) {
  const t = useT();
  const [{ lang, keepComplexity }] = useAppState();
  const a = useMemo(() => costAnatomy(config), [config]);
  const int = (n: number) => formatInt(n, lang);
  const ratio = (r: number) => formatFixed(r, r >= 1.995 ? 1 : 2, lang);
  const { cardinality: c, d } = config;
  const { resnet, resnext } = a;

  const bars = useMemo<StackedBarsData>(() => {
    const n = (v: number) => formatInt(v, lang);
    const bar = (b: typeof resnet, label: string) => ({
      id: b.id,
      label,
      total: b.total,
      totalLabel: t('ovfig.cost.total', { n: n(b.total) }),
      parts: b.parts.map((p) => ({ id: p.id, kind: p.id, value: p.weights })),
    });
    const v = (b: typeof resnet) => b.parts.map((p) => n(p.weights));
    const [r1, r2, r3] = v(resnet);
    const [x1, x2, x3] = v(resnext);
    return {
      idBase: 'cost-bars',
      title: t('ovfig.cost.bars.title', { c, d }),
      description: t('ovfig.cost.bars.desc', {
        c,
        d,
        r1,
        r2,
        r3,
        rt: n(resnet.total),
        x1,
        x2,
        x3,
        xt: n(resnext.total),
      }),
      width: 420,
      max: Math.max(resnet.total, resnext.total),
      bars: [
        bar(resnet, t('ovfig.cost.bar.resnet', { d: resnet.d })),
        bar(resnext, t('ovfig.cost.bar.resnext', { c, d })),
      ],
    };
  }, [t, lang, c, d, resnet, resnext]);

  const grouped = useMemo<StackedBarsData>(() => {
    const n = (v: number) => formatInt(v, lang);
    return {
      idBase: 'cost-grouped',
      title: t('ovfig.cost.grouped.title', { width: a.width, c }),
      description: t('ovfig.cost.grouped.desc', { dense: n(a.dense3x3), grouped: n(a.grouped3x3), c }),
      width: 420,
      max: a.dense3x3,
      bars: [
        {
          id: 'dense',
          label: t('ovfig.cost.grouped.dense', { width: a.width }),
          total: a.dense3x3,
          totalLabel: n(a.dense3x3),
          parts: [{ id: 'dense', kind: 'dense', value: a.dense3x3 }],
        },
        {
          id: 'grouped',
          label: t('ovfig.cost.grouped.grouped', { c, d }),
          total: a.grouped3x3,
          totalLabel: n(a.grouped3x3),
          parts: [{ id: 'conv2', kind: 'conv2', value: a.grouped3x3 }],
        },
      ],
    };
  }, [t, lang, a, c, d]);

  const chart = useMemo<DChartData>(
    () => ({
      idBase: 'cost-d',
      title: t('ovfig.cost.d.title'),
      description: t('ovfig.cost.d.desc', {
        list: a.dByC
          .map((p) => t('ovfig.cost.d.item', { c: p.cardinality, d: p.d }))
          .join(t('app.listSemicolon')),
      }),
      xLabel: t('ovfig.cost.d.x'),
      points: a.dByC.map((p) => ({
        cardinality: p.cardinality,
        d: p.d,
        offLabel: notLevel(p.ratio) ? `${formatFixed(p.ratio, 2, lang)}×` : null,
        current: p.cardinality === c,
      })),
    }),
    [t, lang, a, c],
  );

  const per = resnext.parts.reduce((s, p) => s + p.weights, 0) / c;
  return (
    <Figure id="fig-cost-anatomy" kind="cost-anatomy" className="ov-cost" label={t('ovfig.cost.heading')}>
      <div className="ov-cost-grid">
        <div className="ov-cost-main">
          <Live data={bars} render={renderStackedBars} className="ov-cost-svg" testId="cost-bars" />
          <ul className="ov-cost-legend">
            {PARTS.map((p) => (
              <li key={p}>
                <span className={`ov-swatch cost-swatch--${p}`} aria-hidden="true" />
                {t(`ovfig.cost.part.${p}`)}
              </li>
            ))}
          </ul>
          <table className="ov-cost-table" data-testid="cost-table">
            <caption className="blk-sr-only">{t('ovfig.cost.table.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ovfig.cost.table.part')}</th>
                <th scope="col" className="num">
                  {t('ovfig.cost.table.resnet')}
                </th>
                <th scope="col" className="num">
                  {t('ovfig.cost.table.resnext', { c, d })}
                </th>
              </tr>
            </thead>
            <tbody>
              {PARTS.map((p, i) => (
                <tr key={p}>
                  <th scope="row">{t(`ovfig.cost.part.${p}`)}</th>
                  <td className="num">{int(resnet.parts[i].weights)}</td>
                  <td className="num" data-testid={`cost-part-${p}`} data-value={resnext.parts[i].weights}>
                    {int(resnext.parts[i].weights)}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('ovfig.cost.table.total')}</th>
                <td className="num">{int(resnet.total)}</td>
                <td className="num" data-testid="cost-total" data-value={resnext.total}>
                  {int(resnext.total)}
                </td>
              </tr>
            </tfoot>
          </table>
          <p data-testid="cost-rule">
            {t('ovfig.cost.rule', {
              c,
              in: a.inChannels,
              out: a.outChannels,
              d,
              per: int(per),
              total: int(resnext.total),
              resnet: int(resnet.total),
              ratio: formatFixed(a.ratio, 3, lang),
            })}
          </p>
          {!keepComplexity ? (
            <p className="ov-cost-note" data-testid="cost-level">
              {t('ovfig.cost.free', { d, ratio: ratio(a.ratio) })}
            </p>
          ) : (
            notLevel(a.ratio) && (
              <p className="ov-cost-note" data-testid="cost-level">
                {t('ovfig.cost.notLevel', { c, d, ratio: formatFixed(a.ratio, 2, lang) })}
              </p>
            )
          )}
          <p className="blk-note" data-testid="cost-repeated">
            {t('ovfig.cost.repeated')}
          </p>
        </div>
        <div className="ov-cost-side">
          <h3 className="ov-cost-h3">{t('ovfig.cost.d.title')}</h3>
          <Live data={chart} render={renderDChart} className="ov-cost-svg" testId="cost-d-chart" />
          <p className="blk-note">{t('ovfig.cost.d.caption')}</p>
          <h3 className="ov-cost-h3">{t('ovfig.cost.grouped.title', { width: a.width, c })}</h3>
          <Live data={grouped} render={renderStackedBars} className="ov-cost-svg" testId="cost-grouped" />
          <p>
            {c === 1
              ? t('ovfig.cost.grouped.one', { width: a.width, dense: int(a.dense3x3) })
              : t('ovfig.cost.grouped.text', {
                  width: a.width,
                  dense: int(a.dense3x3),
                  grouped: int(a.grouped3x3),
                  c,
                  d,
                  resnetWidth: resnet.d,
                })}
          </p>
        </div>
      </div>
    </Figure>
  );
}
