import { useEffect, useId, useRef } from 'react';
import type { ColorScaleKind } from '../../../viz/activations/colorScale';
import { renderLegend } from '../../../viz/activations/legend';
import type { Normalisation } from '../../../viz/activations/normalise';
import { useT } from '../../i18n/useT';

/** Significant digits that suit a legend tick. */
const tick = (v: number) => (v === 0 ? '0' : Number(v.toPrecision(3)).toString());

/** The colour bar of a grid: ±max per map, or the shared value range. */
export function ColorLegend({
  kind,
  normalisation,
  max,
}: {
  kind: ColorScaleKind;
  normalisation: Normalisation;
  max: number;
}) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const idBase = `st-legend-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const caption = t(kind === 'diverging' ? 'step.legend.diverging' : 'step.legend.sequential');
  const perMap = normalisation === 'channel';
  const hi = perMap ? t('step.legend.max') : tick(max);
  const lo = perMap ? t('step.legend.negMax') : tick(-max);
  const ticks = kind === 'diverging' ? [lo, '0', hi] : ['0', hi];
  const tickKey = ticks.join('|');

  useEffect(() => {
    if (ref.current) renderLegend(ref.current, { idBase, kind, caption, ticks: tickKey.split('|') });
  }, [idBase, kind, caption, tickKey]);

  return (
    <figure className="st-legend">
      <div ref={ref} />
      <figcaption>{caption}</figcaption>
    </figure>
  );
}
