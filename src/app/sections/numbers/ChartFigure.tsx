import { Figure } from '../../layout/Figure';
import type { ReactNode } from 'react';
import { useChartDraw } from './useChartDraw';

interface AltTable {
  caption: string;
  columns: string[];
  rows: (string | number)[][];
}

interface Props {
  /** stable name for tests and styling (`data-chart`) */
  id: string;
  title: string;
  /** draws the chart into the element at the given width; a new function means a redraw */
  draw: (el: HTMLDivElement, width: number) => void;
  /** the chart's data as a table for screen readers (the svg itself is aria-hidden) */
  alt: AltTable;
  children?: ReactNode;
}

/** A D3 chart in a figure: redrawn when its data, labels or width change, with a hidden data table. */
export function ChartFigure({ id, title, draw, alt, children }: Props) {
  const box = useChartDraw(draw);

  return (
    <Figure id={`fig-${id}`} kind={id} className="numbers-figure" data={{ 'data-chart': id }}>
      <figcaption className="numbers-figure-title">{title}</figcaption>
      <div ref={box} className="numbers-chart" />
      {/* a table ignores width/overflow, so the hiding box is a wrapper */}
      <div className="visually-hidden">
        <table>
          <caption>{alt.caption}</caption>
          <thead>
            <tr>
              {alt.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {alt.rows.map((r, i) => (
              <tr key={i}>
                {r.map((v, j) =>
                  j === 0 ? (
                    <th key={j} scope="row">
                      {v}
                    </th>
                  ) : (
                    <td key={j}>{v}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {children}
    </Figure>
  );
}
