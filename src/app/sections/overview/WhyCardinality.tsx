import { useT } from '../../i18n/useT';
import { Figure } from '../../layout/Figure';
import { useAppState } from '../../state/AppStateContext';
import { Rows, Table3Legend, useWhyTables } from './whyTables';

/**
 * Why cardinality: the paper's Table 4 as three directions taken from ResNet-101 (deeper, wider, more paths), each
 * at about twice the complexity, on a zoomed error axis; and Table 3 as a dot plot with the current C highlighted.
 */
export function WhyCardinality() {
  const t = useT();
  const [{ cardinality }] = useAppState();
  const { top1, top5, t3, span, t4Caption, f1 } = useWhyTables(cardinality, 'why');
  return (
    <Figure id="fig-why-cardinality" kind="why-cardinality" className="ov-why" label={t('ovfig.why.heading')}>
      <div className="ov-why-grid">
        <div>
          <h3 className="ov-cost-h3">{top1.title}</h3>
          <Rows data={top1} testId="why-t4-top1" />
          <h3 className="ov-cost-h3">{top5.title}</h3>
          <Rows data={top5} testId="why-t4-top5" />
          <p className="blk-note">{t4Caption}</p>
        </div>
        <div>
          <h3 className="ov-cost-h3">{t3.title}</h3>
          <Table3Legend />
          <Rows data={t3} testId="why-t3" />
          <p className="blk-note">{t('ovfig.why.t3.caption', { span: f1(span) })}</p>
          <p className="blk-note" data-testid="why-train">
            {t('ovfig.why.train')}
          </p>
        </div>
      </div>
    </Figure>
  );
}
