import { formCounts } from '../../../resnext/blockCounts';
import type { BlockConfig } from '../../block/blockConfig';
import { formatInt } from '../../block/format';
import { useT } from '../../i18n/useT';
import { useAppState } from '../../state/AppStateContext';
import { FORMS } from './formDiagramData';

/** Weights and multiply-adds of each form, counted separately, so their equality is there to read. */
export function FormTotals({ config }: { config: BlockConfig }) {
  const t = useT();
  const [{ lang }] = useAppState();
  return (
    // focusable so a keyboard can scroll the table when it is wider than the screen
    <div className="blk-table-wrap" tabIndex={0} role="region" aria-label={t('forms.totals.caption')}>
      <table className="blk-table fm-totals">
        <caption>{t('forms.totals.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('forms.totals.form')}</th>
            <th scope="col" className="num">
              {t('forms.totals.params')}
            </th>
            <th scope="col" className="num">
              {t('forms.totals.macs')}
            </th>
          </tr>
        </thead>
        <tbody>
          {FORMS.map((f) => {
            const c = formCounts(f, config.shape);
            return (
              <tr key={f}>
                <th scope="row">{t(`forms.${f}.title`)}</th>
                <td className="num" data-testid={`form-params-${f}`}>
                  {formatInt(c.params, lang)}
                </td>
                <td className="num" data-testid={`form-macs-${f}`}>
                  {formatInt(c.macs, lang)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
