/**
 * Writes an int8 copy of a safetensors weights file, keeping its metadata:
 *   npx tsx scripts/to-int8.ts IN.safetensors OUT.safetensors
 * Convolution and fully connected weights (two or more axes) become I8 with symmetric per-output-channel
 * scales in a float32 tensor `<name>_scale`; batch-norm parameters and biases (one axis) become float16.
 * The loader dequantises to float32 (src/resnext/dtypes.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { quantizeInt8, scaleNameOf, type StoredDtype } from '../src/resnext/dtypes';
import { parseSafetensors, writeSafetensors } from '../src/resnext/safetensors';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: tsx scripts/to-int8.ts IN.safetensors OUT.safetensors');
  process.exit(2);
}
const file = parseSafetensors(new Uint8Array(readFileSync(input)), input);
type Out = [string, { dtype: StoredDtype; shape: number[]; data: Float32Array }];
const out: Out[] = [];
let worst = 0;
for (const [name, t] of file.tensors) {
  if (t.shape.length >= 2 && t.shape[0] > 0) {
    const { q, scale } = quantizeInt8(t.data, t.shape[0]);
    out.push([name, { dtype: 'I8', shape: t.shape, data: Float32Array.from(q) }]);
    out.push([scaleNameOf(name), { dtype: 'F32', shape: [t.shape[0]], data: scale }]);
    for (let i = 0; i < t.data.length; i++) {
      const s = scale[Math.floor(i / (t.data.length / t.shape[0]))];
      if (s > 0) worst = Math.max(worst, Math.abs(t.data[i] - q[i] * s) / s);
    }
  } else {
    for (const v of t.data) {
      if (Math.abs(v) > 65504) {
        console.error(`${input}: ${name} holds ${v}, which does not fit float16`);
        process.exit(1);
      }
    }
    out.push([name, { dtype: 'F16', shape: t.shape, data: t.data }]);
  }
}
const bytes = writeSafetensors(out, { ...file.metadata, dtype: 'int8' });
writeFileSync(output, bytes);
console.log(`${output}: ${bytes.length} bytes (largest rounding error ${worst.toFixed(3)} of a step)`);
