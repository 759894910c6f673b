import { useEffect, useRef, useState } from 'react';
import type { BlockSpec } from '../../../resnext/spec';
import type { DiagramNode } from './steps';
import { renderBlockStrip, type StripNode } from '../../../viz/step/blockStrip';
import { useT } from '../../i18n/useT';
import type { BlockTextParams } from './stepText';

interface BlockStripViewProps {
  spec: BlockSpec;
  params: BlockTextParams;
  current: DiagramNode;
  stepTitle: string;
  onSelect: (node: DiagramNode) => void;
}

/**
 * The block as a strip of operations with the current step's node lit; clicking a node goes to its step.
 * On a narrow screen the strip keeps a readable size and scrolls sideways, following the current step.
 */
export function BlockStripView({ spec, params, current, stepTitle, onSelect }: BlockStripViewProps) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);

  // The strip scrolls when the screen is narrow: checked after each drawing (below) and on resizes.
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const check = () => setScrolls(el.scrollWidth > el.clientWidth + 1);
    const observer = new ResizeObserver(check);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const nodes: StripNode[] = [
    { id: 'input', label: t('step.node.input'), shape: 'end' },
    { id: 'conv1', label: t('step.node.conv1'), sub: t('step.node.conv1.sub', params) },
    { id: 'bn1', label: t('step.node.bn1') },
    { id: 'conv2', label: t('step.node.conv2'), sub: t('step.node.conv2.sub', params) },
    { id: 'bn2', label: t('step.node.bn2') },
    { id: 'conv3', label: t('step.node.conv3'), sub: t('step.node.conv3.sub', params) },
    { id: 'bn3', label: t('step.node.bn3') },
    { id: 'add', label: '+', shape: 'plus' },
    { id: 'output', label: t('step.node.output'), shape: 'end' },
  ];
  const shortcutLabel = spec.projection
    ? t('step.node.shortcut.projection', params)
    : t('step.node.shortcut.identity');
  const title = t('step.strip.title', params);
  const description = t('step.strip.desc', { title: stepTitle });
  const nodeKey = JSON.stringify(nodes);

  useEffect(() => {
    if (!ref.current) return;
    renderBlockStrip(
      ref.current,
      {
        idBase: 'st-strip',
        title,
        description,
        nodes: JSON.parse(nodeKey) as StripNode[],
        shortcut: { id: 'shortcut', label: shortcutLabel },
        current,
      },
      (id) => onSelect(id as DiagramNode),
    );
    const host = ref.current;
    const node = host.querySelector(`[data-node="${current}"]`);
    if (node) {
      const box = host.getBoundingClientRect();
      const at = node.getBoundingClientRect();
      host.scrollLeft += at.left + at.width / 2 - (box.left + box.width / 2);
    }
    setScrolls(host.scrollWidth > host.clientWidth + 1);
  }, [nodeKey, shortcutLabel, title, description, current, onSelect]);

  // A strip that scrolls must be reachable by keyboard; its arrow keys walk the steps, and it follows them.
  return (
    <div
      ref={ref}
      className="st-strip"
      data-testid="step-strip"
      data-current={current}
      tabIndex={scrolls ? 0 : undefined}
      role={scrolls ? 'region' : undefined}
      aria-label={scrolls ? title : undefined}
    />
  );
}
