import { useMemo, useState } from 'react';
import { Figure } from '../../layout/Figure';
import type { MessageKey } from '../../../i18n';
import { imagenetSpec, resnext29Spec } from '../../../resnext/spec';
import type { T } from '../../i18n/useT';
import { buildArchTable, stageBlocks, type ArchCell, type ArchTable } from './archTable';
import { useNumbersText } from './useNumbersText';
import { HowMeasured } from './HowMeasured';
import type { NumberFormat } from './format';

const TABLES: { id: string; title: MessageKey; build: () => ArchTable }[] = [
  { id: 'resnet50', title: 'numbers.arch.resnet50', build: () => buildArchTable(imagenetSpec(50, 1, 64)) },
  { id: 'resnext50', title: 'numbers.arch.resnext50', build: () => buildArchTable(imagenetSpec(50, 32, 4)) },
  { id: 'resnext29', title: 'numbers.arch.resnext29', build: () => buildArchTable(resnext29Spec(32, 4)) },
];

function cellText(t: T, c: ArchCell): string {
  switch (c.kind) {
    case 'stem':
      return t('numbers.arch.stem', { k: c.kernel, c: c.channels, s: c.stride });
    case 'maxpool':
      return t('numbers.arch.maxpool', { k: c.kernel, s: c.stride });
    case 'head':
      return t('numbers.arch.head', { n: c.classes });
    case 'blocks':
      return c.text;
  }
}

interface TableProps {
  id: string;
  title: string;
  table: ArchTable;
  hot: string | null;
  setHover: (stage: string | null) => void;
  setFocus: (stage: string | null) => void;
  t: T;
  fmt: NumberFormat;
}

function StageTable({ id, title, table, hot, setHover, setFocus, t, fmt }: TableProps) {
  return (
    // On a narrow screen the table scrolls inside its own region (reachable by keyboard), its totals in reach.
    <div className="numbers-table-wrap" tabIndex={0} role="region" aria-label={title}>
      <table className="numbers-table numbers-arch" data-arch={id}>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('numbers.arch.col.stage')}</th>
            <th scope="col" className="numbers-arch-out">
              {t('numbers.arch.col.output')}
            </th>
            <th scope="col">{t('numbers.arch.col.layers')}</th>
            <th scope="col">{t('numbers.arch.col.params')}</th>
            <th scope="col">{t('numbers.arch.col.macs')}</th>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r) => (
            <tr
              key={r.stage}
              tabIndex={0}
              data-stage={r.stage}
              className={hot === r.stage ? 'is-highlighted' : undefined}
              onMouseEnter={() => setHover(r.stage)}
              onMouseLeave={() => setHover(null)}
              onFocus={() => setFocus(r.stage)}
              onBlur={() => setFocus(null)}
            >
              <th scope="row">
                {r.stage === 'fc' ? t('numbers.arch.stage.output') : r.stage}
                {/* on phones the output size moves under the stage's name, so the totals fit the width */}
                <span className="numbers-arch-out-inline">{`${r.outSize}×${r.outSize}`}</span>
              </th>
              <td className="numbers-arch-out">{`${r.outSize}×${r.outSize}`}</td>
              <td className="numbers-arch-layers">
                {r.cells.flatMap((c, i) =>
                  // the paper stacks a block's three layers; so does this table
                  (c.kind === 'blocks' ? c.text.split('; ') : [cellText(t, c)]).map((line, j) => (
                    <div key={`${i}.${j}`} className={c.kind === 'blocks' ? 'numbers-nowrap' : undefined}>
                      {line}
                    </div>
                  )),
                )}
              </td>
              <td className="num">{fmt.int(r.params)}</td>
              <td className="num">{fmt.int(r.macs)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {t('numbers.arch.total')}
            </th>
            <td className="numbers-arch-out" />
            <td className="num" data-total="params">
              {fmt.int(table.params)}
            </td>
            <td className="num" data-total="macs">
              {fmt.int(table.macs)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** The paper's Table 1 side by side, plus the project's CIFAR model; rows of the same stage light up together. */
export function ArchitectureTables() {
  const { t, fmt } = useNumbersText();
  // The pointer wins over keyboard focus while it rests on a row.
  const [hover, setHover] = useState<string | null>(null);
  const [focus, setFocus] = useState<string | null>(null);
  const hot = hover ?? focus;
  const tables = useMemo(() => TABLES.map((d) => ({ id: d.id, title: d.title, table: d.build() })), []);
  // conv2 and conv3 split into first and repeated blocks, for the note on per block against per stage
  const blocks = useMemo(() => {
    const resnet = imagenetSpec(50, 1, 64);
    const resnext = imagenetSpec(50, 32, 4);
    return {
      r2: stageBlocks(resnet, 0),
      x2: stageBlocks(resnext, 0),
      r3: stageBlocks(resnet, 1),
      x3: stageBlocks(resnext, 1),
    };
  }, []);
  return (
    <section className="numbers-block" aria-labelledby="numbers-arch-title">
      <h3 id="numbers-arch-title">{t('numbers.arch.title')}</h3>
      <p>{t('numbers.arch.intro')}</p>
      <Figure
        id="fig-arch-imagenet"
        kind="arch-table"
        className="numbers-arch-figure"
        label={t('numbers.arch.title')}
      >
        <div className="numbers-arch-pair">
          {tables.slice(0, 2).map((d) => (
            <StageTable
              key={d.id}
              id={d.id}
              title={t(d.title)}
              table={d.table}
              {...{ hot, setHover, setFocus, t, fmt }}
            />
          ))}
        </div>
        <p className="numbers-note">{t('numbers.arch.macsNote', { size: 224 })}</p>
        <p className="numbers-note" data-note="blocks">
          {t('numbers.arch.blocksNote', {
            proj: fmt.int(blocks.x2.projection.weights),
            xRep: fmt.int(blocks.x2.repeated.weights),
            rRep: fmt.int(blocks.r2.repeated.weights),
            firstIn: blocks.x2.firstIn,
            xFirst: fmt.int(blocks.x2.first.weights),
            rFirst: fmt.int(blocks.r2.first.weights),
            side: blocks.x3.firstSide,
            xFirstMacs: fmt.int(blocks.x3.first.macs),
            rFirstMacs: fmt.int(blocks.r3.first.macs),
          })}
        </p>
      </Figure>
      <Figure
        id="fig-arch-cifar"
        kind="arch-table-cifar"
        className="numbers-arch-figure"
        label={t(tables[2].title)}
      >
        <StageTable
          id="resnext29"
          title={t(tables[2].title)}
          table={tables[2].table}
          {...{ hot, setHover, setFocus, t, fmt }}
        />
        <p className="numbers-note">{t('numbers.arch.macsNote', { size: 32 })}</p>
      </Figure>
      <HowMeasured id="arch">
        <p>{t('numbers.source', { source: t('numbers.arch.sourceText') })}</p>
      </HowMeasured>
    </section>
  );
}
