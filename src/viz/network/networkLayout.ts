/**
 * Geometry of the whole-network figure. Columns are the paper's Table 1 rows (the stem, each stage, the
 * classifier), each a frame with a header and its cards stacked top to bottom. Where the columns fit side by side
 * the network reads left to right; on a narrow screen it runs down one column, the frames one under the other.
 * Pure: no DOM.
 */

export interface LayoutColumnInput {
  id: string;
  /** ids of the column's cards, in execution order */
  cards: readonly string[];
  /** the least width of the column's frame that holds its header and cards (columnMinWidth) */
  minWidth: number;
}

export interface NetworkLayoutOptions {
  /** width the figure may use, in CSS px */
  width: number;
}

type Orientation = 'horizontal' | 'vertical';

export interface CardBox {
  id: string;
  column: string;
  /** position in execution order over the whole network */
  index: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface ColumnBox {
  id: string;
  /** the frame around the header and the cards */
  x: number;
  y: number;
  w: number;
  h: number;
  /** the header's text box */
  headerX: number;
  headerY: number;
  headerW: number;
}

interface EdgePath {
  /** `from→to` */
  key: string;
  /** SVG path data, ending where the arrowhead goes */
  d: string;
}

export interface NetworkLayout {
  orientation: Orientation;
  width: number;
  height: number;
  columns: ColumnBox[];
  cards: CardBox[];
  edges: EdgePath[];
}

export const CARD_H = 84;
const HEADER_H = 46;
/** gap between two cards of a column */
const ROW_GAP = 16;
/** gap between two columns (or, vertically, two frames) */
const COLUMN_GAP = 24;
/** padding inside a frame */
const PAD = 6;
/** side of a card's thumbnail, and the gap after it */
export const THUMB = 48;
const THUMB_GAP = 8;
/** padding inside a card (left and right), and its borders (both sides, as thick as the current card's) */
const CARD_PAD = 6;
const CARD_BORDER = 4;
/** font sizes of a card's lines and of a header's title, CSS px */
const CARD_FONT = 13;
const TITLE_FONT = 14;
/** the narrowest and widest a column is drawn side by side */
const MIN_COLUMN = 120;
export const MAX_COLUMN = 236;
/** widest the single column of the vertical layout grows */
export const MAX_VERTICAL = 440;

/**
 * Rough width of a line of text: CJK characters square, others 0.6 of the size (a little more than a
 * sans-serif face's digits and lower case take), bold 8 % wider.
 */
export function textWidth(text: string, size: number, bold = false): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? size : size * 0.6;
  return bold ? w * 1.08 : w;
}

export interface ColumnText {
  title: string;
  sub: string;
  /** each card's lines (the first is bold) and whether it holds a thumbnail */
  cards: readonly { lines: readonly string[]; thumbnail: boolean }[];
}

/** The least frame width in which the header and every card's lines fit on one line each. */
export function columnMinWidth(col: ColumnText): number {
  const header = 4 + Math.max(textWidth(col.title, TITLE_FONT, true), textWidth(col.sub, CARD_FONT));
  const cards = col.cards.map(
    (k) =>
      CARD_BORDER +
      2 * CARD_PAD +
      (k.thumbnail ? THUMB + THUMB_GAP : 0) +
      Math.max(0, ...k.lines.map((line, i) => textWidth(line, CARD_FONT, i === 0))),
  );
  return Math.ceil(Math.max(MIN_COLUMN - 2 * PAD, header, ...cards) + 2 * PAD);
}

/** The least width in which the columns stand side by side. */
export function minHorizontalWidth(columns: readonly Pick<LayoutColumnInput, 'minWidth'>[]): number {
  return columns.reduce((s, c) => s + c.minWidth, 0) + Math.max(0, columns.length - 1) * COLUMN_GAP;
}

const frameHeight = (cards: number) => HEADER_H + cards * CARD_H + Math.max(0, cards - 1) * ROW_GAP + PAD;

export function networkLayout(
  columns: readonly LayoutColumnInput[],
  { width }: NetworkLayoutOptions,
): NetworkLayout {
  const horizontal = columns.length > 0 && width >= minHorizontalWidth(columns);
  return horizontal ? horizontalLayout(columns, width) : verticalLayout(columns, width);
}

function horizontalLayout(columns: readonly LayoutColumnInput[], width: number): NetworkLayout {
  const n = columns.length;
  // What is left over is shared out evenly, no column growing past MAX_COLUMN (unless its content needs more).
  const extra = (width - minHorizontalWidth(columns)) / n;
  const widths = columns.map((c) =>
    Math.floor(Math.max(c.minWidth, Math.min(MAX_COLUMN, c.minWidth + extra))),
  );
  const boxes: ColumnBox[] = [];
  const cards: CardBox[] = [];
  const edges: EdgePath[] = [];
  let index = 0;
  let x = 0;
  columns.forEach((col, k) => {
    const colW = widths[k];
    boxes.push({
      id: col.id,
      x,
      y: 0,
      w: colW,
      h: frameHeight(col.cards.length),
      headerX: x + PAD + 2,
      headerY: 6,
      headerW: colW - 2 * PAD - 4,
    });
    col.cards.forEach((id, i) => {
      cards.push({
        id,
        column: col.id,
        index: index++,
        x: x + PAD,
        y: HEADER_H + i * (CARD_H + ROW_GAP),
        w: colW - 2 * PAD,
        h: CARD_H,
      });
    });
    x += colW + COLUMN_GAP;
  });
  for (let i = 0; i + 1 < cards.length; i++) {
    const a = cards[i];
    const b = cards[i + 1];
    let d: string;
    if (a.column === b.column) {
      const cx = a.x + a.w / 2;
      d = `M${cx},${a.y + a.h} V${b.y}`;
    } else {
      // Out of the right side of the column's last card, along the gap, into the left side of the next column.
      const y1 = a.y + a.h / 2;
      const y2 = b.y + b.h / 2;
      const xm = a.x + a.w + PAD + COLUMN_GAP / 2;
      d = y1 === y2 ? `M${a.x + a.w},${y1} H${b.x}` : `M${a.x + a.w},${y1} H${xm} V${y2} H${b.x}`;
    }
    edges.push({ key: `${a.id}→${b.id}`, d });
  }
  const used = x - COLUMN_GAP;
  const height = Math.max(0, ...boxes.map((b) => b.y + b.h));
  return { orientation: 'horizontal', width: used, height, columns: boxes, cards, edges };
}

function verticalLayout(columns: readonly LayoutColumnInput[], width: number): NetworkLayout {
  const w = Math.max(0, Math.min(MAX_VERTICAL, Math.floor(width)));
  // The flow runs down the left, under the thumbnails' centres; the headers start right of it.
  const lineX = PAD + CARD_BORDER / 2 + CARD_PAD + THUMB / 2;
  const boxes: ColumnBox[] = [];
  const cards: CardBox[] = [];
  let y = 0;
  let index = 0;
  for (const col of columns) {
    const h = frameHeight(col.cards.length);
    const headerX = lineX + 16;
    boxes.push({ id: col.id, x: 0, y, w, h, headerX, headerY: y + 6, headerW: w - headerX - PAD });
    col.cards.forEach((id, i) => {
      cards.push({
        id,
        column: col.id,
        index: index++,
        x: PAD,
        y: y + HEADER_H + i * (CARD_H + ROW_GAP),
        w: w - 2 * PAD,
        h: CARD_H,
      });
    });
    y += h + COLUMN_GAP;
  }
  const edges: EdgePath[] = [];
  for (let i = 0; i + 1 < cards.length; i++) {
    const a = cards[i];
    const b = cards[i + 1];
    edges.push({ key: `${a.id}→${b.id}`, d: `M${lineX},${a.y + a.h} V${b.y}` });
  }
  const height = boxes.length ? y - COLUMN_GAP : 0;
  return { orientation: 'vertical', width: w, height, columns: boxes, cards, edges };
}

/** Whether two boxes overlap (touching edges do not count). */
export const overlaps = (
  a: { x: number; y: number; w: number; h: number },
  b: { x: number; y: number; w: number; h: number },
): boolean => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
