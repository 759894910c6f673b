import type { ReactNode } from 'react';

/**
 * A table named by its caption that scrolls sideways when it is wider than the screen; its wrapper is
 * focusable so that a keyboard can scroll it.
 */
export function ScrollTable({
  caption,
  className,
  testId,
  children,
}: {
  caption: string;
  className: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <div className="blk-table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table className={className} data-testid={testId}>
        <caption>{caption}</caption>
        {children}
      </table>
    </div>
  );
}

/** The column headers: each a label and its cells' class (`num`: numbers, aligned right). */
export function ColumnHeads({ heads }: { heads: readonly { label: string; className?: string }[] }) {
  return (
    <thead>
      <tr>
        {heads.map((h, i) => (
          <th key={i} scope="col" className={h.className}>
            {h.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** Number cells, each its text and test id. */
export function NumberCells({ cells }: { cells: readonly { text: string; testId: string }[] }) {
  return cells.map((c) => (
    <td key={c.testId} className="num" data-testid={c.testId}>
      {c.text}
    </td>
  ));
}
