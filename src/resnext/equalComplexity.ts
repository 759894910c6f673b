/**
 * The paper's equal-complexity rule (Table 2): for cardinality C, pick the bottleneck width d whose block has
 * about as many conv weights as the template block (C = 1, d = 64 at conv2).
 *
 * Block weights are C · (in·d + 9·d² + d·out): three convs, shortcut not counted. The paper applies the rule with
 * in = out = 256 at conv2, i.e. to the repeated blocks of a stage, not the first block of the stage (whose input is
 * narrower). For ResNeXt-50 stage k (k = 0 for conv2) we use the same rule with in = out = 256·2^k and template
 * d = 64·2^k. Ties go to the smaller d (the cheaper block).
 */

export const blockWeights = (c: number, inChannels: number, outChannels: number, d: number): number =>
  c * (inChannels * d + 9 * d * d + d * outChannels);

export function equalComplexityD(
  c: number,
  inChannels: number,
  outChannels: number,
  templateD = 64,
  templateC = 1,
): number {
  if (!(Number.isInteger(c) && c >= 1)) throw new Error(`cardinality must be a positive integer, got ${c}`);
  const target = blockWeights(templateC, inChannels, outChannels, templateD);
  // blockWeights grows with d, so the best d is the first one at or over the target, or the one before it.
  let d = 1;
  while (blockWeights(c, inChannels, outChannels, d) < target) d++;
  if (d === 1) return 1;
  const over = blockWeights(c, inChannels, outChannels, d) - target;
  const under = target - blockWeights(c, inChannels, outChannels, d - 1);
  return under <= over ? d - 1 : d;
}
