import { formCounts } from '../../../resnext/blockCounts';
import type { BlockConfig } from '../../block/blockConfig';
import { formatInt } from '../../block/format';
import { ColumnHeads, NumberCells, ScrollTable } from '../../block/ScrollTable';
import { useT } from '../../i18n/useT';
import { useAppState } from '../../state/AppStateContext';
import { FORMS } from './formDiagramData';

/** Weights and multiply-adds of each form, counted separately, so their equality is there to read. */
export function FormTotals({ config }: { config: BlockConfig }) {
  const t = useT();
  const [{ lang }] = useAppState();
  return (
    <ScrollTable caption={t('forms.totals.caption')} className="blk-table fm-totals">
      <ColumnHeads
        heads={[
          { label: t('forms.totals.form') },
          { label: t('forms.totals.params'), className: 'num' },
          { label: t('forms.totals.macs'), className: 'num' },
        ]}
      />
      <tbody>
        {FORMS.map((f) => {
          const c = formCounts(f, config.shape);
          return (
            <tr key={f}>
              <th scope="row">{t(`forms.${f}.title`)}</th>
              <NumberCells
                cells={[
                  { text: formatInt(c.params, lang), testId: `form-params-${f}` },
                  { text: formatInt(c.macs, lang), testId: `form-macs-${f}` },
                ]}
              />
            </tr>
          );
        })}
      </tbody>
    </ScrollTable>
  );
}
