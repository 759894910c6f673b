/*
 * The accuracy of the evaluated weights (the int8 default) and of the compared copy (float32), and how often
 * their top-1 agree, as `npm run eval -- --compare PATH --write` records them in src/data/tfjsEval.json: printed
 * beside the network figures, since the copy the app ships is chosen for both its size and its answers.
 */
import { existsSync, readFileSync } from 'node:fs';

export interface CompareRecord {
  /** the compared weights file, relative to the repository */
  model: string;
  /** its top-1 accuracy on the test images */
  accuracy: number;
  /** how often its top-1 equals the evaluated model's */
  agreement: number;
  images: number;
}

export interface EvalRecord {
  command: string;
  model?: string;
  /** the day it was measured (YYYY-MM-DD) */
  date?: string;
  accuracy?: number | null;
  compare?: CompareRecord;
}

const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** The line to print, or null when the record holds no comparison. */
export function compareLine(record: EvalRecord | null): string | null {
  const c = record?.compare;
  if (!c || typeof c.model !== 'string' || !isCount(c.accuracy) || !isCount(c.agreement)) return null;
  const evaluated =
    record.model && isCount(record.accuracy)
      ? `${record.model} accuracy ${record.accuracy.toFixed(4)}, `
      : '';
  const against = record.model ? ` against ${record.model}` : '';
  return (
    `${evaluated}compared weights ${c.model}: accuracy ${c.accuracy.toFixed(4)}, top-1 agreement ` +
    `${c.agreement.toFixed(4)}${against} on ${isCount(c.images) ? c.images : '?'} images (${record.command})`
  );
}

/** Reads the record; null when there is none or it is not JSON. */
export function readEvalRecord(file: string): EvalRecord | null {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as EvalRecord;
  } catch {
    return null;
  }
}

/**
 * The lines the bench prints for `record`: the int8 copy's accuracy and agreement as recorded, not measured
 * by the run, with the day they were measured.
 */
export function evalLines(record: EvalRecord | null): string[] {
  const line = compareLine(record);
  if (!line)
    return [
      'accuracy: none recorded (npm run eval -- --compare public/models/<file> --write records one in src/data/tfjsEval.json)',
    ];
  return [
    `recorded accuracy, not measured by this run (src/data/tfjsEval.json, ${record?.date ?? 'undated'}): ${line}`,
  ];
}
