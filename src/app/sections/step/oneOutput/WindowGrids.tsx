import { Fragment } from 'react';
import { summariseTerms, type GroupedArithmetic, type WindowTerm } from '../../../../resnext/oneOutput';
import { formatFixed } from '../../../block/format';
import { useT } from '../../../i18n/useT';
import { useAppState } from '../../../state/AppStateContext';

/** Every channel's 3×3 grids are drawn up to this d; beyond it, the largest products and the rest summed. */
const GRID_MAX_D = 8;
const SUMMARY_ROWS = 12;

interface GridProps {
  terms: WindowTerm[];
  value: (t: WindowTerm) => string;
  caption: string;
  /** write "pad" in the padding cells instead of their value */
  padText?: string;
}

function Grid({ terms, value, caption, padText }: GridProps) {
  return (
    <table className="oo-grid">
      <caption>{caption}</caption>
      <tbody>
        {[0, 1, 2].map((ky) => (
          <tr key={ky}>
            {terms
              .filter((w) => w.ky === ky)
              .map((w) => (
                <td key={w.kx} className={w.padding ? 'is-pad' : undefined}>
                  {w.padding && padText ? padText : value(w)}
                </td>
              ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The window sum written out: per input channel, input × weight = products and their subtotal; or a summary. */
export function WindowGrids({ a }: { a: GroupedArithmetic }) {
  const t = useT();
  const [{ lang }] = useAppState();
  const f = (v: number) => formatFixed(v, 3, lang);
  if (a.reads > GRID_MAX_D) {
    const s = summariseTerms(a.terms, SUMMARY_ROWS, (w) => w.product);
    return (
      <div className="oo-summary" data-testid="one-output-summary">
        <p>{t('one.summary', { n: SUMMARY_ROWS, total: a.terms.length })}</p>
        <ol>
          {s.largest.map((w) => (
            <li key={`${w.local}.${w.ky}.${w.kx}`}>
              {t('one.summary.row', {
                c: w.inChannel + 1,
                ky: w.ky,
                kx: w.kx,
                input: f(w.input),
                weight: f(w.weight),
                product: f(w.product),
              })}
            </li>
          ))}
        </ol>
        <p>{t('one.summary.rest', { n: s.restCount, v: formatFixed(s.restSum, 4, lang) })}</p>
      </div>
    );
  }
  const channels = Array.from({ length: a.reads }, (_, i) => a.terms.filter((w) => w.local === i));
  return (
    <div className="oo-rows" data-testid="one-output-grids">
      {channels.map((terms) => {
        const subtotal = terms.reduce((s, w) => s + w.product, 0);
        return (
          <Fragment key={terms[0].inChannel}>
            <p className="oo-row-name">{t('one.channelRow', { c: terms[0].inChannel + 1 })}</p>
            <div className="oo-row">
              <Grid
                terms={terms}
                value={(w) => f(w.input)}
                caption={t('one.grid.input')}
                padText={t('one.grid.pad')}
              />
              <span className="oo-op" aria-hidden="true">
                ×
              </span>
              <Grid terms={terms} value={(w) => f(w.weight)} caption={t('one.grid.weight')} />
              <span className="oo-op" aria-hidden="true">
                =
              </span>
              <Grid terms={terms} value={(w) => f(w.product)} caption={t('one.grid.product')} />
              <span className="oo-subtotal">{t('one.subtotal', { v: formatFixed(subtotal, 4, lang) })}</span>
            </div>
          </Fragment>
        );
      })}
    </div>
  );
}
