/**
 * Writes a float16 copy of a safetensors weights file (round to nearest even), keeping its metadata:
 *   npx tsx scripts/to-float16.ts IN.safetensors OUT.safetensors
 * Refuses when a value would overflow float16.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseSafetensors, writeSafetensors } from '../src/resnext/safetensors';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: tsx scripts/to-float16.ts IN.safetensors OUT.safetensors');
  process.exit(2);
}
const file = parseSafetensors(new Uint8Array(readFileSync(input)), input);
let maxAbs = 0;
for (const t of file.tensors.values()) for (const v of t.data) maxAbs = Math.max(maxAbs, Math.abs(v));
if (maxAbs > 65504) {
  console.error(`${input}: largest magnitude ${maxAbs} does not fit float16`);
  process.exit(1);
}
const bytes = writeSafetensors(
  [...file.tensors].map(([name, t]) => [name, { dtype: 'F16' as const, shape: t.shape, data: t.data }]),
  { ...file.metadata, dtype: 'float16' },
);
writeFileSync(output, bytes);
console.log(`${output}: ${bytes.length} bytes (largest magnitude ${maxAbs.toPrecision(4)})`);
