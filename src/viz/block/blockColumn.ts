import { branchSlots, placeSlots } from './branchLayout';
import { describeSvg, fitText, freshSvg, line, plusNode, scaleBar, shortcut, text } from './svgBase';

/** One block of the paper's Figure 1: a ResNet bottleneck (C = 1) or a ResNeXt block of C paths. */
export interface BlockColumnData {
  /** unique prefix for element ids */
  idBase: string;
  title: string;
  cardinality: number;
  /** paper-style labels of the three layers of one path, top to bottom */
  layers: readonly [string, string, string];
  inLabel: string;
  outLabel: string;
  /** e.g. "total 32 paths"; null for a single path */
  pathsLabel: string | null;
  /** bottleneck width C·d, drawn on the shared channel scale */
  bottleneck: { channels: number; label: string };
  /** weights of the block, drawn on the shared parameter scale */
  params: { value: number; label: string };
  /** text alternative for the whole drawing */
  description: string;
}

/** Scales shared by the columns drawn side by side, so their bars compare. */
export interface BlockColumnScale {
  maxChannels: number;
  maxParams: number;
}

const W = 360;
const H = 336;
const CX = W / 2;
const ROW_Y = [70, 120, 170];
const BOX_H = 30;
const SUM_Y = 232;
const BAR_X = 30;
const BAR_W = 300;

export function renderBlockColumn(host: Element, data: BlockColumnData, scale: BlockColumnScale): void {
  freshSvg(host, W, H, (svg) => {
    svg.attr('role', 'img');
    describeSvg(svg, data.idBase, data.title, data.description);
    const g = svg.append('g').attr('aria-hidden', 'true');
    text(g, CX, 12, data.title, 'bv-text bv-text--title');
    text(g, CX, 36, data.inLabel);
    const top = 46;

    const slots = placeSlots(branchSlots(data.cardinality, { maxAll: 3, head: 2 }), 34, 292, {
      maxBranchWidth: 190,
      gap: 10,
    });
    for (const { slot, x, width } of slots) {
      const mid = x + width / 2;
      if (slot.kind === 'ellipsis') {
        for (const y of ROW_Y) text(g, mid, y + BOX_H / 2, '…', 'bv-text bv-muted');
        continue;
      }
      line(g, CX, top, mid, ROW_Y[0]);
      ROW_Y.forEach((y, k) => {
        g.append('rect')
          .attr('class', 'bv-box')
          .attr('x', x)
          .attr('y', y)
          .attr('width', width)
          .attr('height', BOX_H)
          .attr('rx', 4);
        fitText(
          text(
            g,
            mid,
            y + BOX_H / 2,
            data.layers[k],
            data.cardinality > 1 ? 'bv-text bv-text--small' : 'bv-text',
          ),
          width - 6,
        );
        if (k < 2) line(g, mid, y + BOX_H, mid, ROW_Y[k + 1]);
      });
      line(g, mid, ROW_Y[2] + BOX_H, CX, SUM_Y - 10);
    }
    shortcut(g, CX, top - 2, 12, CX - 10, SUM_Y);
    plusNode(g, CX, SUM_Y);
    if (data.pathsLabel) text(g, CX + 18, SUM_Y, data.pathsLabel, 'bv-text bv-text--small bv-muted', 'start');
    line(g, CX, SUM_Y + 10, CX, SUM_Y + 20);
    text(g, CX, SUM_Y + 30, data.outLabel);

    text(g, BAR_X, 276, data.bottleneck.label, 'bv-text bv-text--small', 'start');
    scaleBar(g, BAR_X, 284, BAR_W, 9, data.bottleneck.channels, scale.maxChannels, data.cardinality);
    text(g, BAR_X, 310, data.params.label, 'bv-text bv-text--small', 'start');
    scaleBar(g, BAR_X, 318, BAR_W, 9, data.params.value, scale.maxParams);
  });
}
