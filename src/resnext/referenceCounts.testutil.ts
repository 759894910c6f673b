import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Runs training/reference_counts.py (PyTorch's own counts) and parses its JSON; for tests only. */

const root = fileURLToPath(new URL('../..', import.meta.url));

interface RefLayer {
  kind: 'conv' | 'bn' | 'fc';
  weightShape: number[];
  inShape: number[];
  outShape: number[];
  params: number;
  macs: number;
}
export interface RefNetwork {
  params: number;
  macs: number;
  layers: Record<string, RefLayer>;
}
export interface RefBlock {
  in: number;
  out: number;
  C: number;
  d: number;
  spatial: number;
  stride: number;
  a: { params: number; macs: number };
  b: { params: number; macs: number };
  c: { params: number; macs: number };
}
export interface RefInception {
  params: number;
  macs: number;
  branches: { weights: number; biases: number; macs: number }[];
  outShape: number[];
}
export interface RefOutput {
  networks?: Record<string, RefNetwork>;
  blocks?: RefBlock[];
  inception?: Record<'3a' | 'naive', RefInception>;
}

export function runReference(args: string[]): RefOutput {
  const out = execFileSync('/usr/bin/python3', ['training/reference_counts.py', ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  return JSON.parse(out) as RefOutput;
}
