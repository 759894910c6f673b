import { useT } from '../i18n/useT';
import { useAppState } from '../state/AppStateContext';
import type { BlockConfig } from './blockConfig';
import { formatFixed, formatInt, formatShape } from './format';
import { ColumnHeads, NumberCells, ScrollTable } from './ScrollTable';
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
      <ScrollTable caption={t('block.table.caption')} className="blk-table" testId="block-readouts">
        <ColumnHeads
          heads={[
            { label: t('block.table.layer') },
            { label: t('block.table.weightShape'), className: 'blk-col-shape' },
            { label: t('block.table.in'), className: 'blk-col-shape' },
            { label: t('block.table.out'), className: 'blk-col-shape' },
            { label: t('block.table.params'), className: 'num' },
            { label: t('block.table.macs'), className: 'num' },
          ]}
        />
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
              <NumberCells
                cells={[
                  { text: int(r.params), testId: `layer-params-${r.id}` },
                  { text: int(r.macs), testId: `layer-macs-${r.id}` },
                ]}
              />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <TotalRow
            label={t('block.table.total')}
            params={int(counts.params)}
            macs={int(counts.macs)}
            id="block"
          />
          <TotalRow
            label={t('block.table.resnet', { width: config.resnetShape.d })}
            params={int(resnet.params)}
            macs={int(resnet.macs)}
            id="resnet"
          />
        </tfoot>
      </ScrollTable>
      <p className="blk-ratio" data-testid="block-ratio">
        {t('block.ratio', { ratio, macRatio })}
      </p>
      <p className="blk-sr-only" aria-live="polite" aria-atomic="true" data-testid="block-live">
        {announcement}
      </p>
    </div>
  );
}

/** A totals row: its label, the three shape columns left empty, the parameters and the MACs. */
function TotalRow({ label, params, macs, id }: { label: string; params: string; macs: string; id: string }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td className="blk-col-shape" />
      <td className="blk-col-shape" />
      <td className="blk-col-shape" />
      <NumberCells
        cells={[
          { text: params, testId: `${id}-params-total` },
          { text: macs, testId: `${id}-macs-total` },
        ]}
      />
    </tr>
  );
}
