import { useEffect, useMemo, useState } from 'react';
import { HowMeasured } from './HowMeasured';
import { loadProjectMetrics, type MetricsFile } from '../../../data/metrics';
import { readSlowdown, type SettingTimes } from '../../../resnext/groupedCost';
import type { MessageKey } from '../../../i18n';
import { formatFixed } from '../../block/format';
import { useGroupedCostText } from './GroupedCostText';
import { THROUGHPUT_BATCH } from './throughput';

/** The measurements of the family's metrics file that give a time per image for every setting. */
type Measurement = 'step' | 'bf16' | 'fp32';
const LABEL: Record<Measurement, MessageKey> = {
  step: 'gcost.steps.m.step',
  bf16: 'gcost.steps.m.bf16',
  fp32: 'gcost.steps.m.fp32',
};
const SHORT: Record<Measurement, MessageKey> = {
  step: 'gcost.steps.short.step',
  bf16: 'gcost.steps.short.bf16',
  fp32: 'gcost.steps.short.fp32',
};

/** Time per image of each setting: the training step over its batch, and the inverse of each throughput. */
function familyTimes(family: MetricsFile): SettingTimes[] {
  return family.models.map((m) => ({
    c: m.cardinality,
    d: m.bottleneck_width_d,
    times: {
      step: m.train_step_ms / family.batch_size,
      bf16: 1 / m.infer_imgs_per_s_b1024.bf16,
      fp32: 1 / m.infer_imgs_per_s_b1024.fp32,
    },
  }));
}

/** The project's measured times per C (the family of equal-complexity models), read with the byte count. */
export function GroupedCostSteps() {
  const x = useGroupedCostText();
  const { t } = x;
  const [family, setFamily] = useState<MetricsFile | null>(null);

  useEffect(() => {
    let live = true;
    // The file MeasuredResults also loads (the browser's cache answers the second request); no error shown here.
    loadProjectMetrics().then(
      (m) => live && setFamily(m.family),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);

  const reading = useMemo(() => (family ? readSlowdown(familyTimes(family)) : null), [family]);
  if (!family || !reading) return null;

  const unit = t('gcost.unit.flopPerByte');
  const rows = reading.rows;
  const first = rows[0];
  const upTo = rows.find((r) => r.c === reading.monotoneUpTo)!;
  const ms = reading.measurements as Measurement[];
  const label = (m: Measurement) => t(LABEL[m]);
  const rises = x.list(
    ms.map((m) => t('gcost.steps.riseItem', { what: label(m), ratio: x.times(upTo.relative[m]) })),
  );

  return (
    <div className="gcost-steps" data-gcost-steps data-same-order={String(reading.sameOrder)}>
      <h4 className="gcost-panel-title">{t('gcost.steps.title')}</h4>
      <p>
        {upTo.c > first.c
          ? t('gcost.steps.rise', {
              c: upTo.c,
              d0: first.d,
              d: upTo.d,
              i0: x.flop(first.flopPerByte),
              i: x.flop(upTo.flopPerByte),
              unit,
              rises,
            })
          : t('gcost.steps.noRise', { c: rows[Math.min(1, rows.length - 1)].c })}
      </p>
      {reading.breaks.map((b) => (
        <p key={b.c} data-gcost-break={b.c}>
          {t('gcost.steps.break', {
            c: b.c,
            d: rows.find((r) => r.c === b.c)!.d,
            others: x.list(b.fasterThan.map(String)),
          })}
        </p>
      ))}
      <p className="numbers-honest">
        {t(reading.sameOrder ? 'gcost.steps.noise.same' : 'gcost.steps.noise.differ', {
          n: ms.length,
          k: rows.length,
          list: x.list(ms.map(label)),
        })}
      </p>
      <div className="gcost-table-wrap" role="region" tabIndex={0} aria-label={t('gcost.steps.table')}>
        <table className="numbers-table gcost-table">
          <caption className="visually-hidden">{t('gcost.steps.table')}</caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                {t('gcost.steps.col.setting')}
              </th>
              <th scope="col" rowSpan={2}>
                {unit}
              </th>
              <th scope="colgroup" colSpan={ms.length}>
                {t('gcost.steps.col.relative')}
              </th>
            </tr>
            <tr>
              {ms.map((m) => (
                <th scope="col" key={m}>
                  {t(SHORT[m])}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.c}>
                <th scope="row">{`${r.c}×${r.d}d`}</th>
                <td>{x.flop(r.flopPerByte)}</td>
                {ms.map((m) => (
                  <td key={m}>{formatFixed(r.relative[m], 2, x.lang)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <HowMeasured id="gcost-steps">
        <p>{t('numbers.how.precision')}</p>
        <p>
          {t('gcost.steps.source', {
            device: family.device,
            torch: family.torch,
            batch: family.batch_size,
            inferBatch: x.int(THROUGHPUT_BATCH),
          })}
        </p>
      </HowMeasured>
    </div>
  );
}
