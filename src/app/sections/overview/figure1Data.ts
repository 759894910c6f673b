import type { BlockColumnData, BlockColumnScale } from '../../../viz/block/blockColumn';
import { paperLabel } from '../../../viz/block/labels';
import type { BlockConfig } from '../../block/blockConfig';
import { formatInt } from '../../block/format';
import type { T } from '../../i18n/useT';
import type { AppLang } from '../../state/appState';

/** The two columns of the paper's Figure 1 for the current block: the ResNet bottleneck and the ResNeXt block. */
export function figure1Columns(
  t: T,
  lang: AppLang,
  cfg: BlockConfig,
): { resnet: BlockColumnData; resnext: BlockColumnData; scale: BlockColumnScale } {
  const { inChannels: inC, outChannels: outC } = cfg.stage;
  const w = cfg.stage.templateD;
  const common = { inLabel: t('overview.fig.in', { c: inC }), outLabel: t('overview.fig.out', { c: outC }) };
  const resnetN = formatInt(cfg.resnet.params, lang);
  const resnextN = formatInt(cfg.counts.params, lang);
  const resnet: BlockColumnData = {
    ...common,
    idBase: 'fig1-resnet',
    title: t('overview.fig.resnet'),
    cardinality: 1,
    layers: [paperLabel(inC, 1, w), paperLabel(w, 3, w), paperLabel(w, 1, outC)],
    pathsLabel: null,
    bottleneck: { channels: w, label: t('overview.fig.widthResnet', { width: w }) },
    params: { value: cfg.resnet.params, label: t('overview.fig.weights', { n: resnetN }) },
    description: t('overview.fig.desc.resnet', { in: inC, w, out: outC, n: resnetN }),
  };
  const { cardinality: c, d } = cfg;
  const resnext: BlockColumnData = {
    ...common,
    idBase: 'fig1-resnext',
    title: t('overview.fig.resnext', { c, d }),
    cardinality: c,
    layers: [paperLabel(inC, 1, d), paperLabel(d, 3, d), paperLabel(d, 1, outC)],
    pathsLabel: c > 1 ? t('overview.fig.paths', { c }) : null,
    bottleneck: { channels: cfg.width, label: t('overview.fig.width', { width: cfg.width, c, d }) },
    params: { value: cfg.counts.params, label: t('overview.fig.weights', { n: resnextN }) },
    description: t('overview.fig.desc.resnext', { in: inC, c, d, out: outC, n: resnextN }),
  };
  return {
    resnet,
    resnext,
    scale: {
      maxChannels: Math.max(w, cfg.width),
      maxParams: Math.max(cfg.resnet.params, cfg.counts.params),
    },
  };
}
