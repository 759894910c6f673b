/**
 * Which paths of a C-path block to draw. Up to `maxAll` paths are drawn one by one; beyond that the
 * diagram shows the first `head` paths, an ellipsis standing for the hidden ones, and the last path.
 */

export type BranchSlot =
  | { kind: 'branch'; index: number }
  /** Stands for paths `from` … `to - 1` (0-based), which are not drawn. */
  | { kind: 'ellipsis'; from: number; to: number };

export interface BranchLayoutOptions {
  maxAll?: number;
  head?: number;
}

export function branchSlots(cardinality: number, opts: BranchLayoutOptions = {}): BranchSlot[] {
  const C = Math.max(1, Math.floor(cardinality));
  const maxAll = Math.max(1, opts.maxAll ?? 4);
  if (C <= maxAll) return Array.from({ length: C }, (_, index) => ({ kind: 'branch', index }));
  const head = Math.min(Math.max(1, opts.head ?? 2), C - 2);
  const slots: BranchSlot[] = Array.from({ length: head }, (_, index) => ({ kind: 'branch', index }));
  slots.push({ kind: 'ellipsis', from: head, to: C - 1 });
  slots.push({ kind: 'branch', index: C - 1 });
  return slots;
}

export interface PlacedSlot {
  slot: BranchSlot;
  /** left edge and width in the diagram's units */
  x: number;
  width: number;
}

/**
 * Spreads slots over [x0, x0 + width]: paths share the room equally (up to `maxBranchWidth`),
 * an ellipsis takes `ellipsisWidth`, with `gap` between neighbours; the row is centred.
 */
export function placeSlots(
  slots: BranchSlot[],
  x0: number,
  width: number,
  opts: { gap?: number; ellipsisWidth?: number; maxBranchWidth?: number } = {},
): PlacedSlot[] {
  const gap = opts.gap ?? 8;
  const ellipsisWidth = opts.ellipsisWidth ?? 24;
  const branches = slots.filter((s) => s.kind === 'branch').length;
  const ellipses = slots.length - branches;
  const room = width - ellipses * ellipsisWidth - gap * Math.max(0, slots.length - 1);
  const branchWidth = Math.max(1, Math.min(opts.maxBranchWidth ?? Infinity, room / Math.max(1, branches)));
  const used = branches * branchWidth + ellipses * ellipsisWidth + gap * Math.max(0, slots.length - 1);
  let x = x0 + (width - used) / 2;
  return slots.map((slot) => {
    const w = slot.kind === 'branch' ? branchWidth : ellipsisWidth;
    const placed = { slot, x, width: w };
    x += w + gap;
    return placed;
  });
}
