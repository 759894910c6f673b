/**
 * Where each channel's map goes in a grid of maps. Channels come in groups (the paper's C groups of d channels):
 * a group never wraps across rows and groups are set apart by a wider gap and alternating backgrounds.
 */

export interface GridOptions {
  channels: number;
  /** height and width of one map, in tensor pixels */
  height: number;
  width: number;
  /** canvas pixels per tensor pixel */
  scale: number;
  /** channels per group (1 = no grouping) */
  groupSize?: number;
  /** leave room for a frame around each group even when groups are single maps */
  framed?: boolean;
  /** aim for about this many canvas pixels across */
  targetWidth?: number;
  /** at most this many maps per row */
  maxColumns?: number;
}

interface Tile {
  channel: number;
  /** top-left corner in canvas pixels */
  x: number;
  y: number;
}

interface GroupBox {
  group: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface GridLayout {
  width: number;
  height: number;
  tileWidth: number;
  tileHeight: number;
  scale: number;
  columns: number;
  groupSize: number;
  tiles: Tile[];
  groups: GroupBox[];
}

const GAP = 2;
const GROUP_PAD = 2;

export function gridLayout(o: GridOptions): GridLayout {
  const groupSize = Math.max(1, o.groupSize ?? 1);
  if (o.channels % groupSize !== 0)
    throw new Error(`${o.channels} channels do not split into groups of ${groupSize}`);
  const tileWidth = o.width * o.scale;
  const tileHeight = o.height * o.scale;
  const grouped = groupSize > 1 || o.framed === true;
  const pad = grouped ? GROUP_PAD : 0;
  const groupWidth = groupSize * tileWidth + (groupSize - 1) * GAP + 2 * pad;
  const groupGap = grouped ? 2 * GAP + 2 : GAP;
  const target = o.targetWidth ?? 1024;
  const maxColumns = Math.max(groupSize, o.maxColumns ?? 64);
  const groupCount = o.channels / groupSize;
  const perRow = Math.max(
    1,
    Math.min(
      groupCount,
      Math.floor(maxColumns / groupSize),
      Math.floor((target + groupGap) / (groupWidth + groupGap)),
    ),
  );
  const rowHeight = tileHeight + 2 * pad;
  const rowGap = grouped ? groupGap : GAP;
  const tiles: Tile[] = [];
  const groups: GroupBox[] = [];
  for (let g = 0; g < groupCount; g++) {
    const gx = (g % perRow) * (groupWidth + groupGap);
    const gy = Math.floor(g / perRow) * (rowHeight + rowGap);
    groups.push({ group: g, x: gx, y: gy, width: groupWidth, height: rowHeight });
    for (let j = 0; j < groupSize; j++) {
      tiles.push({ channel: g * groupSize + j, x: gx + pad + j * (tileWidth + GAP), y: gy + pad });
    }
  }
  const rows = Math.ceil(groupCount / perRow);
  return {
    width: perRow * groupWidth + (perRow - 1) * groupGap,
    height: rows * rowHeight + (rows - 1) * rowGap,
    tileWidth,
    tileHeight,
    scale: o.scale,
    columns: perRow * groupSize,
    groupSize,
    tiles,
    groups,
  };
}

/** The channel and tensor pixel under canvas point (px, py), or null between maps. */
export function hitTest(
  layout: GridLayout,
  px: number,
  py: number,
): { channel: number; x: number; y: number } | null {
  for (const t of layout.tiles) {
    if (px >= t.x && px < t.x + layout.tileWidth && py >= t.y && py < t.y + layout.tileHeight) {
      return {
        channel: t.channel,
        x: Math.floor((px - t.x) / layout.scale),
        y: Math.floor((py - t.y) / layout.scale),
      };
    }
  }
  return null;
}

/**
 * The largest integer scale, up to about `target` canvas pixels per map side, at which `channels` maps of
 * height×width fit in `budget` canvas pixels (at least 1): big grids get small maps, a few maps get big ones.
 */
export function gridScale(
  channels: number,
  height: number,
  width: number,
  target = 48,
  budget = 450_000,
): number {
  let s = Math.max(1, Math.round(target / Math.max(height, width)));
  while (s > 1 && channels * (height * s + GAP) * (width * s + GAP) > budget) s--;
  return s;
}
