import { useT } from '../i18n/useT';
import { useAppState } from '../state/AppStateContext';
import type { BlockConfig } from './blockConfig';
import { formatFixed, formatInt, formatShape } from './format';
import './block.css';

/**
 * Per-layer weight shape, tensor shapes, parameters and MACs of the block as PyTorch stores it (form c), its
 * totals, and its cost relative to the ResNet block of the same stage. A polite live region reads out the
 * totals when they change.
 */
export function BlockReadouts({
  config,
  selectedConv,
}: {
  config: BlockConfig;
  selectedConv?: string | null;
}) {
  const t = useT();
  const [{ lang }] = useAppState();
  const { counts, resnet } = config;
  const int = (n: number) => formatInt(n, lang);
  const ratio = formatFixed(config.paramRatio, 3, lang);
  const macRatio = formatFixed(config.macRatio, 3, lang);
  const announcement = t('block.live', {
    c: config.cardinality,
    d: config.d,
    params: int(counts.params),
    macs: int(counts.macs),
    ratio,
  });
  return (
    <div className="blk-readouts">
      {/* focusable so a keyboard can scroll the table when it is wider than the screen */}
      <div className="blk-table-wrap" tabIndex={0} role="region" aria-label={t('block.table.caption')}>
        <table className="blk-table" data-testid="block-readouts">
          <caption>{t('block.table.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('block.table.layer')}</th>
              <th scope="col" className="blk-col-shape">
                {t('block.table.weightShape')}
              </th>
              <th scope="col" className="blk-col-shape">
                {t('block.table.in')}
              </th>
              <th scope="col" className="blk-col-shape">
                {t('block.table.out')}
              </th>
              <th scope="col" className="num">
                {t('block.table.params')}
              </th>
              <th scope="col" className="num">
                {t('block.table.macs')}
              </th>
            </tr>
          </thead>
          <tbody>
            {counts.rows.map((r) => (
              <tr key={r.id} className={selectedConv === r.id ? 'is-selected' : undefined}>
                <th scope="row">
                  <code>{r.id}</code> <span className="blk-note">{r.label}</span>
                  {r.groups > 1 && (
                    <span className="blk-note"> {t('block.table.groups', { g: r.groups })}</span>
                  )}
                </th>
                <td className="blk-col-shape" data-testid={`layer-weight-shape-${r.id}`}>
                  {formatShape(r.weightShape)}
                </td>
                <td className="blk-col-shape" data-testid={`layer-in-shape-${r.id}`}>
                  {formatShape(r.inShape)}
                </td>
                <td className="blk-col-shape" data-testid={`layer-out-shape-${r.id}`}>
                  {formatShape(r.outShape)}
                </td>
                <td className="num" data-testid={`layer-params-${r.id}`}>
                  {int(r.params)}
                </td>
                <td className="num" data-testid={`layer-macs-${r.id}`}>
                  {int(r.macs)}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('block.table.total')}</th>
              <td className="blk-col-shape" />
              <td className="blk-col-shape" />
              <td className="blk-col-shape" />
              <td className="num" data-testid="block-params-total">
                {int(counts.params)}
              </td>
              <td className="num" data-testid="block-macs-total">
                {int(counts.macs)}
              </td>
            </tr>
            <tr>
              <th scope="row">{t('block.table.resnet', { width: config.resnetShape.d })}</th>
              <td className="blk-col-shape" />
              <td className="blk-col-shape" />
              <td className="blk-col-shape" />
              <td className="num" data-testid="resnet-params-total">
                {int(resnet.params)}
              </td>
              <td className="num" data-testid="resnet-macs-total">
                {int(resnet.macs)}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="blk-ratio" data-testid="block-ratio">
        {t('block.ratio', { ratio, macRatio })}
      </p>
      <p className="blk-sr-only" aria-live="polite" aria-atomic="true" data-testid="block-live">
        {announcement}
      </p>
    </div>
  );
}
