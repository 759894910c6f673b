import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { STEM_THUMBNAIL, type Thumbnail } from '../../../../resnext/thumbnail';
import type { ResNeXtModel } from '../../../../resnext/model';
import { STAGES as STAGE_PRESETS } from '../../../../resnext/stages';
import { imagenetSpec, resnext29Spec, type NetworkSpec } from '../../../../resnext/spec';
import {
  networkColumns,
  type NetworkCardInfo,
  type NetworkColumnInfo,
} from '../../../../viz/network/networkColumns';
import {
  renderNetwork,
  type NetworkColumnView,
  type NetworkFigureView,
} from '../../../../viz/network/renderNetwork';
import { stopTransitions } from '../../../../viz/block/svgBase';
import { formatInt, formatShape } from '../../../block/format';
import { usePrefersReducedMotion } from '../../../block/usePrefersReducedMotion';
import { useT, type T } from '../../../i18n/useT';
import { Figure } from '../../../layout/Figure';
import { shippedModel, type Pixels } from '../../../model';
import { BLOCKS, type AppLang, type BlockId } from '../../../state/appState';
import { useAppState } from '../../../state/AppStateContext';
import { useBlockThumbnails } from './useBlockThumbnails';
import './networkMap.css';

/** The network of the paper's Table 1: ResNeXt-50 (32×4d). */
const PAPER_SPEC = imagenetSpec(50, 32, 4);

type Which = 'running' | 'paper';

/** Depth as the paper counts it: three layers per block, plus the stem and the classifier. */
const depthOf = (spec: NetworkSpec) => 3 * spec.stages.flat().length + 2;

/** The network's name numbers: C and d of its first stage (d doubles with each stage after it). */
function nameParams(spec: NetworkSpec) {
  const b = spec.stages[0][0];
  return { c: b.groups, d: b.width / b.groups, depth: depthOf(spec) };
}

function cardLines(t: T, lang: AppLang, k: NetworkCardInfo): string[] {
  const params = t('networkMap.card.params', { params: formatInt(k.params, lang) });
  const shape = formatShape(k.outShape);
  switch (k.kind) {
    case 'stem':
      return [
        t('networkMap.stem.name'),
        k.maxPool
          ? t('networkMap.stem.opPool', { k: k.kernel })
          : t('networkMap.stem.op', { k: k.kernel, c: k.outShape[2] }),
        shape,
        params,
      ];
    case 'head':
      return [
        t('networkMap.head.name'),
        t('networkMap.head.op'),
        t('networkMap.head.classes', { n: formatInt(k.outShape[2], lang) }),
        params,
      ];
    case 'block':
      return [k.id, shape, t('networkMap.card.cd', { c: k.groups, d: k.d }), params];
  }
}

function columnSub(t: T, col: NetworkColumnInfo): string {
  const size = { h: col.outSize, w: col.outSize };
  return col.kind === 'block'
    ? t('networkMap.column.stage', { n: col.cards.length, ...size })
    : t('networkMap.column.size', size);
}

/** Scrolls the part of the section after the figure (the block picker and the walker) into view when it is off screen. */
function revealWalker(figure: Element | null) {
  const next = figure?.nextElementSibling;
  if (next && next.getBoundingClientRect().top > innerHeight * 0.6) next.scrollIntoView({ block: 'start' });
}

/**
 * The whole network on one screen: the running ResNeXt-29 from stem to classifier, each block with its output
 * shape, C × d, parameters and its map for the current picture; a block opens in the step-through. The paper's
 * ResNeXt-50 is drawn the same way from its spec (no maps: it does not run here).
 */
export function NetworkMap({ model, pixels }: { model: ResNeXtModel | null; pixels: Pixels | null }) {
  const t = useT();
  const [state, update] = useAppState();
  const { lang } = state;
  const reducedMotion = usePrefersReducedMotion();
  const [which, setWhich] = useState<Which>('running');
  const host = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const radioName = useId();

  // Until the model is there, a shipped model's structure is known from its catalog entry.
  const shipped = shippedModel(state.model);
  const runningSpec = model?.spec ?? (shipped ? resnext29Spec(shipped.cardinality, shipped.d) : null);
  const spec = which === 'paper' ? PAPER_SPEC : runningSpec;
  const thumbState = useBlockThumbnails(model, pixels);
  const thumbs = thumbState.thumbs;

  // The width is read when the browser has laid the page out (a ResizeObserver's first report), not forced in
  // the commit: on a slow phone that forced layout and the map's drawing were one long task.
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const el = host.current;
    return () => {
      if (el) stopTransitions(el);
    };
  }, []);

  const preset = STAGE_PRESETS[state.stage];
  const currentRow =
    preset.family === (which === 'paper' ? 'resnext50' : 'resnext29') ? preset.tableRow : null;

  const view = useMemo<NetworkFigureView | null>(() => {
    if (!spec) return null;
    const running = which === 'running';
    const columns = networkColumns(spec);
    const thumbOf = (k: NetworkCardInfo): Thumbnail | null | undefined =>
      running && k.kind !== 'head'
        ? (thumbs?.get(k.kind === 'stem' ? STEM_THUMBNAIL : k.id) ?? null)
        : undefined;
    return {
      idBase: `nm-${which}`,
      width,
      linksLabel: t('networkMap.links.aria'),
      reducedMotion,
      columns: columns.map((col): NetworkColumnView => ({
        id: col.id,
        title: col.id,
        sub: columnSub(t, col),
        current: col.id === currentRow,
        cards: col.cards.map((k) => {
          const open = running && k.kind === 'block' && (BLOCKS as readonly string[]).includes(k.id);
          const lines = cardLines(t, lang, k);
          return {
            id: k.id,
            lines,
            // The visible lines first, so that the name holds what the reader sees (and may say).
            label: t('networkMap.block.aria', { lines: lines.join(t('app.listSeparator')), stage: col.id }),
            open,
            current: open && k.id === state.block,
            thumb: thumbOf(k),
            thumbLabel: t('networkMap.thumb.aria', { name: k.id }),
          };
        }),
      })),
    };
  }, [spec, which, width, reducedMotion, t, lang, thumbs, currentRow, state.block]);

  const open = useCallback(
    (id: string) => {
      if (!(BLOCKS as readonly string[]).includes(id)) return;
      update({ block: id as BlockId, step: 'input' });
      revealWalker(document.getElementById('fig-network'));
    },
    [update],
  );

  useEffect(() => {
    if (host.current && view && view.width > 0) renderNetwork(host.current, view, open);
  }, [view, open]);

  const named = runningSpec ? nameParams(runningSpec) : null;
  const paper = nameParams(PAPER_SPEC);
  let status: string | null = null;
  if (which === 'running') {
    if (!runningSpec) status = t('networkMap.loading');
    else if (!model) status = null;
    else if (!pixels) status = t('networkMap.thumbs.noImage');
    else if (thumbState.status === 'computing') status = t('networkMap.thumbs.computing');
    else if (thumbState.status === 'error' && thumbState.error)
      status = t('networkMap.thumbs.error', { message: t(thumbState.error.key, thumbState.error.params) });
  }

  return (
    <Figure id="fig-network" kind="network" className="nm-figure" label={t('networkMap.heading')}>
      <h3 className="nm-heading">{t('networkMap.heading')}</h3>
      <p className="nm-text">{t('networkMap.intro')}</p>
      <fieldset className="nm-switch">
        <legend>{t('networkMap.network.label')}</legend>
        <label>
          <input
            type="radio"
            name={radioName}
            value="running"
            data-testid="network-running"
            checked={which === 'running'}
            onChange={() => setWhich('running')}
          />
          {named ? t('networkMap.network.running', named) : t('networkMap.loading')}
        </label>
        <label>
          <input
            type="radio"
            name={radioName}
            value="paper"
            data-testid="network-paper"
            checked={which === 'paper'}
            onChange={() => setWhich('paper')}
          />
          {t('networkMap.network.paper', paper)}
        </label>
      </fieldset>
      <p className="nm-text nm-note">
        {which === 'running'
          ? t('networkMap.thumbs.explain')
          : t('networkMap.paper.note', { ...paper, size: PAPER_SPEC.inputSize })}
        {currentRow && ` ${t('networkMap.overviewStage', { row: currentRow })}`}
      </p>
      <p className="nm-text nm-status" role="status" data-testid="network-status">
        {status}
      </p>
      <div
        ref={host}
        className="nm-host"
        data-testid="network-map"
        data-network={which}
        data-thumbs={which === 'running' ? thumbState.status : 'none'}
      />
    </Figure>
  );
}
