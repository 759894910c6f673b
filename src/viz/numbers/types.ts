/** Data and option shapes of the Numbers charts. Labels arrive already translated. */

interface Point {
  x: number;
  y: number;
}

export interface LineSeries {
  id: string;
  label: string;
  points: Point[];
}

export interface LineChartOptions {
  width: number;
  height?: number;
  xLabel: string;
  yLabel: string;
  xScale?: 'linear' | 'log2';
  /** explicit tick values (e.g. the cardinalities 1, 2, 4, 8, 32) */
  xTicks?: number[];
  xTickFormat?: (x: number) => string;
  yFormat?: (y: number) => string;
  /** draw a dot at each point (default: when a series has ≤ 12 points) */
  showPoints?: boolean;
}

interface BarSeries {
  id: string;
  label: string;
}

interface BarGroup {
  id: string;
  label: string;
  /** value per series id; a missing or null value draws no bar */
  values: Record<string, number | null | undefined>;
}

export interface BarChartData {
  series: BarSeries[];
  groups: BarGroup[];
}

export interface BarChartOptions {
  width: number;
  height?: number;
  xLabel?: string;
  yLabel: string;
  valueFormat?: (v: number) => string;
  /** y tick labels (default: valueFormat) */
  yTickFormat?: (v: number) => string;
  /** print each bar's value above it */
  showValues?: boolean;
  /** y axis starts at this value instead of 0 (for error rates in a narrow band) */
  yMin?: number;
}
