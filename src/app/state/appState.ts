/**
 * The one app state object. Everything a reader can set lives here and is mirrored in the URL query,
 * so any view can be shared or bookmarked. Parsing never throws: a bad value falls back to its default.
 */

export const SECTIONS = ['overview', 'forms', 'step', 'classify', 'numbers', 'lab'] as const;
export type SectionId = (typeof SECTIONS)[number];

export const APP_LANGS = ['en', 'zh'] as const;
export type AppLang = (typeof APP_LANGS)[number];

const BACKEND_PREFERENCES = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendPreference = (typeof BACKEND_PREFERENCES)[number];

export const CARDINALITIES = [1, 2, 4, 8, 16, 32, 64] as const;
export type Cardinality = (typeof CARDINALITIES)[number];

export const STAGES = [
  'r50-conv2',
  'r50-conv3',
  'r50-conv4',
  'r50-conv5',
  'c29-1',
  'c29-2',
  'c29-3',
] as const;
type StageId = (typeof STAGES)[number];

export const BLOCKS = [
  'layer1.0',
  'layer1.1',
  'layer1.2',
  'layer2.0',
  'layer2.1',
  'layer2.2',
  'layer3.0',
  'layer3.1',
  'layer3.2',
] as const;
export type BlockId = (typeof BLOCKS)[number];

export const FORM_IDS = ['a', 'b', 'c'] as const;
export type FormId = (typeof FORM_IDS)[number];

/** Colour scale of the step-through's maps: each map on its own scale, or one scale for all. */
const COLOR_SCALES = ['channel', 'shared'] as const;
type ColorScaleMode = (typeof COLOR_SCALES)[number];

/** Which tensor the step-through shows after a batch norm + ReLU step. */
const BN_VIEWS = ['relu', 'bn'] as const;
type BnView = (typeof BN_VIEWS)[number];

export interface AppState {
  section: SectionId;
  lang: AppLang;
  backend: BackendPreference;
  cardinality: Cardinality;
  /** Bottleneck width per group (the paper's d). */
  d: number;
  /** Whether changing the cardinality re-derives d to keep the block's cost roughly constant. */
  keepComplexity: boolean;
  stage: StageId;
  /** Selected layer id ('' = none). */
  layer: string;
  block: BlockId;
  step: string;
  group: number;
  model: string;
  sample: string;
  /** Guided tour step, -1 = tour off. */
  tour: number;
  /** Whether the story's longer paragraphs are unfolded ("read more"). */
  more: boolean;
  /** Form drawn by the Forms section's morph figure. */
  form: FormId;
  /** Step-through: colour scale of the maps. */
  colors: ColorScaleMode;
  /** Step-through: output channel (0-based) shown by the merge and add steps. */
  channel: number;
  /** Step-through: batch-norm output or ReLU output in the BN + ReLU steps. */
  bnView: BnView;
  /**
   * Step-through: the picked output position `y,x` (0-based row and column) whose arithmetic the transform
   * and merge steps show ('' = none picked).
   */
  at: string;
  /** Lab: the cardinalities trained, comma-separated in increasing order (of 1, 2, 4, 8). */
  labC: string;
  /** Lab: seeds per setting (1–5). */
  labSeeds: number;
  /** Lab: epochs per run (1–20). */
  labEpochs: number;
  /** Lab: training pictures (256–10,000). */
  labImages: number;
}

export const defaultState: Readonly<AppState> = Object.freeze({
  section: 'overview',
  lang: 'en',
  backend: 'auto',
  cardinality: 32,
  d: 4,
  keepComplexity: true,
  stage: 'r50-conv2',
  layer: '',
  block: 'layer1.1',
  step: 'input',
  group: 0,
  model: 'resnext29_32x4d',
  sample: '',
  tour: -1,
  more: false,
  form: 'a',
  colors: 'channel',
  channel: 0,
  bnView: 'relu',
  at: '',
  labC: '1,4',
  labSeeds: 2,
  labEpochs: 4,
  labImages: 2000,
});

interface Codec<T> {
  parse(raw: string): T | undefined;
  format(value: T): string;
}

function oneOf<T extends string | number>(values: readonly T[]): Codec<T> {
  return {
    parse: (raw) => values.find((v) => String(v) === raw),
    format: (value) => String(value),
  };
}

function integer(min: number, max: number): Codec<number> {
  return {
    parse: (raw) => {
      if (!/^-?\d{1,4}$/.test(raw)) return undefined;
      const n = Number(raw);
      return n >= min && n <= max ? n : undefined;
    },
    format: (value) => String(value),
  };
}

function pattern(re: RegExp): Codec<string> {
  return {
    parse: (raw) => (re.test(raw) ? raw : undefined),
    format: (value) => value,
  };
}

const boolean: Codec<boolean> = {
  parse: (raw) => (raw === '1' || raw === 'true' ? true : raw === '0' || raw === 'false' ? false : undefined),
  format: (value) => (value ? '1' : '0'),
};

/** The lab's cardinalities: distinct values of 1, 2, 4 and 8, written in increasing order. */
const labCardinalities: Codec<string> = {
  parse: (raw) => {
    if (!/^\d(,\d){0,7}$/.test(raw)) return undefined;
    const cs = [...new Set(raw.split(',').map(Number))].sort((a, b) => a - b);
    return cs.every((c) => c === 1 || c === 2 || c === 4 || c === 8) ? cs.join(',') : undefined;
  },
  format: (value) => value,
};

/** Field codecs, in the order they appear in the URL. */
const fields: { [K in keyof AppState]: Codec<AppState[K]> } = {
  section: oneOf(SECTIONS),
  lang: oneOf(APP_LANGS),
  backend: oneOf(BACKEND_PREFERENCES),
  cardinality: oneOf(CARDINALITIES),
  d: integer(1, 128),
  keepComplexity: boolean,
  stage: oneOf(STAGES),
  layer: pattern(/^[a-z0-9.]{0,40}$/),
  block: oneOf(BLOCKS),
  step: pattern(/^[a-z0-9-]{1,32}$/),
  group: integer(0, 63),
  model: pattern(/^[a-z0-9_]{1,48}$/),
  sample: pattern(/^[a-z0-9-]{0,32}$/),
  tour: integer(-1, 50),
  more: boolean,
  form: oneOf(FORM_IDS),
  colors: oneOf(COLOR_SCALES),
  channel: integer(0, 4095),
  bnView: oneOf(BN_VIEWS),
  at: pattern(/^(\d{1,3},\d{1,3})?$/),
  labC: labCardinalities,
  labSeeds: integer(1, 5),
  labEpochs: integer(1, 20),
  labImages: integer(256, 10000),
};

const FIELD_ORDER = Object.keys(fields) as (keyof AppState)[];

function parseField<K extends keyof AppState>(key: K, raw: string | null): AppState[K] {
  if (raw === null) return defaultState[key];
  return (fields[key] as Codec<AppState[K]>).parse(raw) ?? defaultState[key];
}

function formatField<K extends keyof AppState>(key: K, value: AppState[K]): string {
  return (fields[key] as Codec<AppState[K]>).format(value);
}

/** Reads the state from a query string (with or without the leading '?'). */
export function parseState(search: string): AppState {
  const params = new URLSearchParams(search);
  const state: Record<string, unknown> = {};
  for (const key of FIELD_ORDER) state[key] = parseField(key, params.get(key));
  return state as unknown as AppState;
}

/** Writes the fields that differ from their defaults as a query string without the leading '?'. */
export function serializeState(s: AppState): string {
  const params = new URLSearchParams();
  for (const key of FIELD_ORDER) {
    const text = formatField(key, s[key]);
    if (text !== formatField(key, defaultState[key])) params.set(key, text);
  }
  // A comma needs no escaping in a query value: `at=5,7` reads better in a shared link than `at=5%2C7`.
  return params.toString().replace(/%2C/g, ',');
}

/**
 * Fields that only some sections show. Elsewhere they hold their default, so they are not in the URL: a
 * link never carries a choice the page it opens does not display.
 */
export const SECTION_FIELDS: Readonly<Partial<Record<keyof AppState, readonly SectionId[]>>> = {
  layer: ['overview', 'forms'],
  block: ['step'],
  step: ['step'],
  group: ['step'],
  colors: ['step'],
  channel: ['step'],
  bnView: ['step'],
  at: ['step'],
  form: ['forms'],
  more: ['overview'],
  labC: ['lab'],
  labSeeds: ['lab'],
  labEpochs: ['lab'],
  labImages: ['lab'],
};

/**
 * The one way of writing a state: derived values are not stored. With "keep complexity" on, d follows from
 * C (the rule), so the stored free d goes back to its default; fields the current section does not show
 * go back to theirs.
 */
export function canonicalState(s: AppState): AppState {
  const out: Record<string, unknown> = { ...s };
  if (s.keepComplexity) out.d = defaultState.d;
  for (const [key, sections] of Object.entries(SECTION_FIELDS)) {
    if (!sections.includes(s.section)) out[key] = defaultState[key as keyof AppState];
  }
  return out as unknown as AppState;
}

/**
 * Keeps only valid values (whatever does not survive a URL round trip falls back to its default), in
 * their canonical form.
 */
export function normalizeState(s: AppState): AppState {
  return canonicalState(parseState(serializeState(s)));
}

/** True when the query string names a language explicitly. */
export function hasLangParam(search: string): boolean {
  return new URLSearchParams(search).has('lang');
}

/** The picked position of the `at` field, or null when none is picked. */
export function parseAt(at: string): { y: number; x: number } | null {
  const m = /^(\d{1,3}),(\d{1,3})$/.exec(at);
  return m ? { y: Number(m[1]), x: Number(m[2]) } : null;
}

export function formatAt(y: number, x: number): string {
  return `${y},${x}`;
}
