import { describeSvg, fitText, freshSvg, line, scaleBar, text } from '../block/svgBase';
import type { InceptionFigureData } from './inceptionData';
import { inceptionFigureText, type InceptionLabels } from './inceptionText';
import './inception.css';

export interface InceptionRenderOptions {
  /** unique prefix for element ids */
  idBase: string;
  title: string;
  /** text alternative for the whole drawing */
  description: string;
  labels: InceptionLabels;
  /** the multiply-adds at full bar length, shared by figures drawn side by side */
  maxMacs: number;
}

const W = 360;
const H = 262;
const COL_W = W / 4;
const BOX_W = 82;
const BOX_H = 36;
const INPUT_Y = 22;
const ROW_Y = [66, 120] as const;
const CONCAT_Y = 178;
const TOTAL_Y = 226;
const BAR_Y = 240;

/** An Inception module as GoogLeNet's figure draws it: input, four branches in two rows, concatenation, cost. */
export function renderInception(
  host: Element,
  data: InceptionFigureData,
  opts: InceptionRenderOptions,
): void {
  const words = inceptionFigureText(data, opts.labels);
  freshSvg(host, W, H, (svg) => {
    svg.attr('role', 'img').attr('class', 'bv-svg inc-svg');
    describeSvg(svg, opts.idBase, opts.title, opts.description);
    const g = svg.append('g').attr('aria-hidden', 'true');
    text(g, W / 2, 8, opts.title, 'bv-text bv-text--title');

    const inW = 180;
    g.append('rect')
      .attr('class', 'bv-box bv-box--group')
      .attr('x', (W - inW) / 2)
      .attr('y', INPUT_Y)
      .attr('width', inW)
      .attr('height', 24)
      .attr('rx', 4);
    text(g, W / 2, INPUT_Y + 12, words.input);

    data.branches.forEach((branch, bi) => {
      const cx = COL_W * bi + COL_W / 2;
      let fromY = INPUT_Y + 24;
      let fromX = W / 2;
      branch.boxes.forEach((b, li) => {
        const y = ROW_Y[b.row];
        line(g, fromX, fromY, cx, y);
        const kind =
          b.kind === 'maxpool' ? 'inc-box--pool' : b.reduction ? 'inc-box--reduce' : 'inc-box--conv';
        g.append('rect')
          .attr('class', `bv-box ${kind}`)
          .attr('data-kind', b.reduction ? 'reduction' : b.kind)
          .attr('x', cx - BOX_W / 2)
          .attr('y', y)
          .attr('width', BOX_W)
          .attr('height', BOX_H)
          .attr('rx', 4);
        const [name, cost] = words.boxes[bi][li];
        fitText(text(g, cx, y + (cost ? 12 : BOX_H / 2), name, 'bv-text bv-text--small inc-name'), BOX_W - 6);
        if (cost) fitText(text(g, cx, y + 26, cost, 'bv-text bv-text--small bv-muted inc-cost'), BOX_W - 6);
        fromX = cx;
        fromY = y + BOX_H;
      });
      line(g, fromX, fromY, W / 2 + (cx - W / 2) * 0.6, CONCAT_Y);
    });

    const outW = 260;
    g.append('rect')
      .attr('class', 'bv-box bv-box--group')
      .attr('x', (W - outW) / 2)
      .attr('y', CONCAT_Y)
      .attr('width', outW)
      .attr('height', 26)
      .attr('rx', 4);
    fitText(text(g, W / 2, CONCAT_Y + 13, words.concat), outW - 8);
    fitText(text(g, W / 2, TOTAL_Y, words.total, 'bv-text inc-total'), W - 8);
    scaleBar(g, 30, BAR_Y, W - 60, 10, data.macs, opts.maxMacs);
  });
}
