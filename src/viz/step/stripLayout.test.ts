import { describe, expect, it } from 'vitest';
import { BOX_W, PLUS_R, stripLayout, stripTextWidth, STRIP_FONT } from './stripLayout';

const nodes = [
  { id: 'input', label: 'x', shape: 'end' as const },
  { id: 'conv1', label: '1×1 conv', sub: '256 → 128' },
  { id: 'bn3', label: 'BN' },
  { id: 'add', label: '+', shape: 'plus' as const },
  { id: 'output', label: 'ReLU → y', shape: 'end' as const },
];

describe('stripLayout', () => {
  it('starts and ends every edge on the outline of the nodes it joins, the ⊕ included', () => {
    const l = stripLayout(nodes);
    const at = (id: string) => l.nodes.find((n) => n.id === id)!;
    const into = l.edges.find((e) => e.key === 'bn3-add')!;
    const out = l.edges.find((e) => e.key === 'add-output')!;
    expect(into.x2).toBe(at('add').cx - PLUS_R);
    expect(out.x1).toBe(at('add').cx + PLUS_R);
    expect(into.x1).toBe(at('bn3').cx + BOX_W / 2);
    expect(out.x2).toBe(at('output').cx - BOX_W / 2);
    for (const e of l.edges) expect(e.x2).toBeGreaterThan(e.x1);
  });

  it('brings the shortcut down onto the top of the ⊕', () => {
    const l = stripLayout(nodes);
    const plus = l.nodes.find((n) => n.id === 'add')!;
    expect(l.shortcut!.path.endsWith(`H${plus.cx} V${plus.cy - PLUS_R}`)).toBe(true);
    expect(l.shortcut!.labelY).toBeGreaterThanOrEqual(STRIP_FONT / 2);
  });

  it("fits the step-through's labels, in English and Chinese, inside a box", () => {
    for (const label of ['3×3 grouped', '3×3 分组卷积', 'BN + ReLU', 'ReLU → y', '256 → 1024', '1×1 卷积'])
      expect(stripTextWidth(label)).toBeLessThanOrEqual(BOX_W - 8);
  });
});
