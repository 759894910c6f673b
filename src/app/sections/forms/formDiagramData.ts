import { formCounts, type BlockForm, type BlockLayerRow } from '../../../resnext/blockCounts';
import type { FormDiagramData } from '../../../viz/block/formDiagram';
import { paperLabel } from '../../../viz/block/labels';
import type { LayerRef } from '../../../viz/block/layerRef';
import type { BlockConfig } from '../../block/blockConfig';
import { formatInt, formatShape } from '../../block/format';
import type { T } from '../../i18n/useT';
import type { AppLang } from '../../state/appState';

export const FORMS: readonly BlockForm[] = ['a', 'b', 'c'];

const CONVS = ['conv1', 'conv2', 'conv3'] as const;

/** Activation shape without the batch axis: [1, 56, 56, 4] → "56×56×4". */
const hwc = (shape: readonly number[]) => formatShape(shape.slice(1));

function rowOf(rows: BlockLayerRow[], conv: (typeof CONVS)[number]): BlockLayerRow {
  const row = rows.find((r) => r.id === conv);
  if (!row) throw new Error(`no ${conv} in block counts`);
  return row;
}

/** Paper-style label of the drawn unit: one path's conv, or the whole layer when the form has one conv. */
function layerLabel(t: T, row: BlockLayerRow, cardinality: number): string {
  const label = paperLabel(row.inShape[3], row.weightShape[2], row.outShape[3]);
  return row.groups > 1 ? t('forms.groups', { label, g: cardinality }) : label;
}

/** The weights a layer holds (factored per path where the form has copies) and the tensor it outputs. */
export type FormNotes = Record<(typeof CONVS)[number], { params: string; shape: string }>;

export function formNotes(t: T, lang: AppLang, cfg: BlockConfig, form: BlockForm): FormNotes {
  const counts = formCounts(form, cfg.shape);
  const notes = {} as FormNotes;
  for (const conv of CONVS) {
    const row = rowOf(counts.rows, conv);
    const per = formatInt(row.params / row.copies, lang);
    const shape = hwc(row.outShape);
    notes[conv] = {
      params: row.copies > 1 ? t('forms.note.copies', { c: row.copies, n: per }) : per,
      shape:
        row.copies > 1
          ? t('forms.note.shapeCopies', { c: row.copies, shape })
          : t('forms.note.shape', { shape }),
    };
  }
  return notes;
}

/** "1×1" over "256→4": one path's conv in two short lines, for boxes too narrow for the paper label. */
function shortLabel(row: BlockLayerRow): readonly [string, string] {
  const k = row.weightShape[2];
  return [`${k}×${k}`, `${row.inShape[3]}→${row.outShape[3]}`];
}

/** What the diagram of one form shows for the current block, in the reader's language. */
export function formDiagramData(
  t: T,
  lang: AppLang,
  cfg: BlockConfig,
  form: BlockForm,
  selection: LayerRef | null,
  idBase = `form-${form}`,
): FormDiagramData {
  const counts = formCounts(form, cfg.shape);
  const c = cfg.cardinality;
  const layers = {} as FormDiagramData['layers'];
  const shortLayers = {} as FormDiagramData['shortLayers'];
  for (const conv of CONVS) {
    const row = rowOf(counts.rows, conv);
    layers[conv] = layerLabel(t, row, c);
    shortLayers[conv] = shortLabel(row);
  }
  const conv2 = rowOf(counts.rows, 'conv2');
  return {
    idBase,
    form,
    cardinality: c,
    title: t(`forms.${form}.title`),
    description: t(`forms.desc.${form}`, {
      c,
      d: cfg.d,
      width: cfg.width,
      in: cfg.stage.inChannels,
      out: cfg.stage.outChannels,
      n: formatInt(counts.params, lang),
    }),
    inLabel: t('forms.in', { shape: hwc(rowOf(counts.rows, 'conv1').inShape) }),
    outLabel: t('forms.out', { shape: hwc(rowOf(counts.rows, 'conv3').outShape) }),
    layers,
    concatLabel: t('forms.concat', { shape: formatShape([...conv2.outShape.slice(1, 3), cfg.width]) }),
    shortLayers,
    // form (c) has no separate paths: its strips number the groups
    pathsLabel: c > 4 && form !== 'c' ? t('forms.paths', { c }) : null,
    // only (a) sums the paths at the end; (b) and (c) add the shortcut alone
    sumLabel: form === 'a' ? t('forms.sum.a', { c }) : t('forms.sum.bc'),
    totalLabel: t('forms.total', { n: formatInt(counts.params, lang) }),
    selection,
    reads: groupReads(t, c, cfg.d),
  };
}

/** The first 1×1's output channels group i reads in form (c): d·(i−1)+1 … d·i, the first with its unit. */
export function groupReads(t: T, cardinality: number, d: number): string[] {
  return Array.from({ length: cardinality }, (_, i) =>
    t(i === 0 ? 'conn.forms.readsFirst' : 'conn.forms.reads', { from: d * i + 1, to: d * (i + 1) }),
  );
}

/** The accessible name of one selectable part of a form's diagram. */
export function describeRef(t: T, lang: AppLang, cfg: BlockConfig, form: BlockForm, ref: LayerRef): string {
  const conv = CONVS[ref.conv - 1];
  const row = rowOf(formCounts(form, cfg.shape).rows, conv);
  const formName = t(`forms.${form}.title`);
  const layer = t(`forms.layer.${conv}`);
  const c = cfg.cardinality;
  if (ref.branch !== null) {
    // one path's share: d output channels (conv1, conv2) or d input channels (conv3) of the layer
    const n = formatInt(row.params / c, lang);
    const label = row.copies > 1 ? layerLabel(t, row, c) : pathLabel(cfg, ref.conv);
    return t('forms.ref.path', { form: formName, path: ref.branch + 1, layer, label, n });
  }
  const n = formatInt(row.params, lang);
  const label = layerLabel(t, row, c);
  return row.copies > 1
    ? t('forms.ref.whole', { form: formName, layer, c, label, n })
    : t('forms.ref.wholeSingle', { form: formName, layer, label, n });
}

/** The paper label of one path's conv: in→d, d→d or d→out. */
function pathLabel(cfg: BlockConfig, conv: 1 | 2 | 3): string {
  const { inChannels, outChannels } = cfg.stage;
  const { d } = cfg;
  if (conv === 1) return paperLabel(inChannels, 1, d);
  if (conv === 2) return paperLabel(d, 3, d);
  return paperLabel(d, 1, outChannels);
}
