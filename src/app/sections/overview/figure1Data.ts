import { blockPathsArea, type BlockPathsData } from '../../../viz/block/blockPaths';
import { paperLabel } from '../../../viz/block/labels';
import { fitUnit } from '../../../viz/block/pathLayout';
import type { BlockConfig } from '../../block/blockConfig';
import { formatInt } from '../../block/format';
import type { T } from '../../i18n/useT';
import type { AppLang } from '../../state/appState';

/** Drawing widths of the two columns, in their own units: the ResNet column has one path, so it is narrower. */
export const FIGURE1_WIDTH = { resnet: 240, resnext: 440 } as const;
/** The widest a channel is drawn; a lone path of width 64 is then 160 units wide. */
const MAX_UNIT = 2.5;

/** Scales shared by the two columns, so that their paths and bars compare. */
export interface Figure1Scale {
  /** drawn width of one channel of a path */
  unit: number;
  maxChannels: number;
  maxParams: number;
}

/** The two columns of the paper's Figure 1 for the current block: the ResNet bottleneck and the ResNeXt block. */
export function figure1Columns(
  t: T,
  lang: AppLang,
  cfg: BlockConfig,
): { resnet: BlockPathsData; resnext: BlockPathsData; scale: Figure1Scale } {
  const { inChannels: inC, outChannels: outC } = cfg.stage;
  const w = cfg.stage.templateD;
  const common = { inLabel: t('overview.fig.in', { c: inC }), outLabel: t('overview.fig.out', { c: outC }) };
  const resnetN = formatInt(cfg.resnet.params, lang);
  const resnextN = formatInt(cfg.counts.params, lang);
  const resnet: BlockPathsData = {
    ...common,
    idBase: 'fig1-resnet',
    title: t('overview.fig.resnet'),
    cardinality: 1,
    d: w,
    layers: [paperLabel(inC, 1, w), paperLabel(w, 3, w), paperLabel(w, 1, outC)],
    pathsLabel: null,
    bottleneck: { channels: w, label: t('overview.fig.widthResnet', { width: w }) },
    params: { value: cfg.resnet.params, label: t('overview.fig.weights', { n: resnetN }) },
    description: t('overview.fig.desc.resnet', { in: inC, w, out: outC, n: resnetN }),
    markPaths: false,
  };
  const { cardinality: c, d } = cfg;
  const resnext: BlockPathsData = {
    ...common,
    idBase: 'fig1-resnext',
    title: t('overview.fig.resnext', { c, d }),
    cardinality: c,
    d,
    layers: [paperLabel(inC, 1, d), paperLabel(d, 3, d), paperLabel(d, 1, outC)],
    pathsLabel: c > 1 ? t('overview.fig.paths', { c }) : null,
    bottleneck: { channels: cfg.width, label: t('overview.fig.width', { width: cfg.width, c, d }) },
    params: { value: cfg.counts.params, label: t('overview.fig.weights', { n: resnextN }) },
    description: t('overview.fig.desc.resnext', { in: inC, c, d, out: outC, n: resnextN }),
    markPaths: true,
  };
  const unit = Math.min(
    fitUnit(resnet, blockPathsArea(FIGURE1_WIDTH.resnet), MAX_UNIT),
    fitUnit(resnext, blockPathsArea(FIGURE1_WIDTH.resnext), MAX_UNIT),
  );
  return {
    resnet,
    resnext,
    scale: {
      unit,
      maxChannels: Math.max(w, cfg.width),
      maxParams: Math.max(cfg.resnet.params, cfg.counts.params),
    },
  };
}
