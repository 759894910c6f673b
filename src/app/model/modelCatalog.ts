/**
 * The models the app can run, by the id kept in the app state (`model`): the default 80-epoch ResNeXt-29
 * 32×4d, the five 20-epoch equal-complexity models, and the reader's own weights (held in memory only).
 */

export const DEFAULT_MODEL_ID = 'resnext29_32x4d';
export const CUSTOM_MODEL_ID = 'custom';

/** The equal-complexity family in increasing cardinality: C × d. */
export const FAMILY = [
  { id: 'family_1x64d', cardinality: 1, d: 64 },
  { id: 'family_2x40d', cardinality: 2, d: 40 },
  { id: 'family_4x24d', cardinality: 4, d: 24 },
  { id: 'family_8x14d', cardinality: 8, d: 14 },
  { id: 'family_32x4d', cardinality: 32, d: 4 },
] as const;

type ShippedModelKind = 'default' | 'family';

export interface ShippedModel {
  id: string;
  kind: ShippedModelKind;
  cardinality: number;
  d: number;
  epochs: number;
  /** files that may hold it, under public/models/, best first (the int8 copy is half the float16 download) */
  candidates: string[];
}

export const SHIPPED_MODELS: readonly ShippedModel[] = [
  {
    id: DEFAULT_MODEL_ID,
    kind: 'default',
    cardinality: 32,
    d: 4,
    epochs: 80,
    candidates: [
      'resnext29_32x4d.i8.safetensors',
      'resnext29_32x4d.f16.safetensors',
      'resnext29_32x4d.safetensors',
    ],
  },
  ...FAMILY.map((f): ShippedModel => ({
    id: f.id,
    kind: 'family',
    cardinality: f.cardinality,
    d: f.d,
    epochs: 20,
    candidates: [`family/resnext29_${f.cardinality}x${f.d}d.safetensors`],
  })),
];

export function shippedModel(id: string): ShippedModel | null {
  return SHIPPED_MODELS.find((m) => m.id === id) ?? null;
}

/** `32×4d`-style label. */
export const settingLabel = (m: { cardinality: number; d: number }): string => `${m.cardinality}×${m.d}d`;
