import { Fragment } from 'react';
import { blockMacs, SPEED_BLOCKS, SPEED_SIZES } from './speedBlocks';
import { medianOf, type SpeedRun } from './speedStore';
import { useNumbersText } from './useNumbersText';
import { backendText } from '../../block/backendText';

/** Medians per block and backend, their ratio to the dense block, and the MACs that say they should match. */
export function SpeedTable({ runs }: { runs: readonly SpeedRun[] }) {
  const { t, fmt } = useNumbersText();
  return (
    <div className="numbers-table-wrap">
      <table className="numbers-table" data-table="speed">
        <thead>
          <tr>
            <th scope="col">{t('numbers.speed.col.block')}</th>
            <th scope="col">{t('numbers.speed.col.macs')}</th>
            {runs.map((r) => (
              <Fragment key={r.backend}>
                <th scope="col">{t('numbers.speed.col.median', { backend: backendText(t, r.backend) })}</th>
                <th scope="col">{t('numbers.speed.col.ratio', { backend: backendText(t, r.backend) })}</th>
              </Fragment>
            ))}
          </tr>
        </thead>
        {SPEED_SIZES.map((size) => (
          <tbody key={size}>
            <tr>
              <th scope="colgroup" colSpan={2 + 2 * runs.length} className="numbers-table-group">
                {t('numbers.speed.input', { size })}
              </th>
            </tr>
            {SPEED_BLOCKS.map((b) => (
              <tr key={b} data-block={b} data-size={size}>
                <th scope="row">{t(`numbers.speed.block.${b}`)}</th>
                <td className="num">{fmt.int(blockMacs(b, size))}</td>
                {runs.map((r) => {
                  const ms = medianOf(r, b, size);
                  const dense = medianOf(r, 'resnet', size);
                  return (
                    <Fragment key={r.backend}>
                      <td className="num" data-timing={b} data-backend={r.backend}>
                        {ms === undefined ? '—' : fmt.fixed(ms, 2)}
                      </td>
                      <td className="num">
                        {ms === undefined || !dense ? '—' : `${fmt.fixed(ms / dense, 2)}×`}
                      </td>
                    </Fragment>
                  );
                })}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
      <p className="numbers-note">{t('numbers.speed.macsNote')}</p>
    </div>
  );
}
