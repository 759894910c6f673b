/** The command line of scripts/eval.ts, read with Node's util.parseArgs. */
import { parseArgs } from 'node:util';
import type { NodeBackend } from '../src/resnext/node/setupBackend';

export interface EvalOptions {
  data: string;
  model: string;
  backend: NodeBackend;
  limit: number;
  batch: number;
  write: boolean;
  compare: string;
  /** the options that change the figure (all but --data, --batch and --write), as they would be typed again */
  repeat: string[];
}

const NOT_REPEATED = new Set(['data', 'batch', 'write']);

export function parseEvalArgs(argv: string[]): EvalOptions {
  const { values, tokens } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string', default: '' },
      model: { type: 'string', default: '' },
      backend: { type: 'string', default: 'wasm' },
      limit: { type: 'string' },
      batch: { type: 'string', default: '50' },
      write: { type: 'boolean', default: false },
      compare: { type: 'string', default: '' },
    },
    strict: true,
    allowPositionals: false,
    tokens: true,
  });
  const repeat = tokens.flatMap((t) =>
    t.kind === 'option' && !NOT_REPEATED.has(t.name) ? [`--${t.name}`, t.value ?? ''] : [],
  );
  const backend = values.backend;
  if (backend !== 'wasm' && backend !== 'cpu') throw new Error(`--backend must be wasm or cpu`);
  const limit = values.limit === undefined ? Infinity : Number(values.limit);
  if (!(limit > 0)) throw new Error('--limit must be a positive number');
  const batch = Number(values.batch);
  if (!Number.isInteger(batch) || batch < 1) throw new Error('--batch must be a positive integer');
  return {
    data: values.data,
    model: values.model,
    backend,
    limit,
    batch,
    write: values.write,
    compare: values.compare,
    repeat,
  };
}
