/** Seeded uniform random numbers in [0, 1) for tests and scripts (mulberry32). */
export function seededUniform(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Seeded uniform random numbers in [-1, 1) for tests and scripts (mulberry32). */
export function seededRandom(seed: number): () => number {
  const next = seededUniform(seed);
  return () => next() * 2 - 1;
}

export const randomArray = (n: number, rand: () => number): Float32Array =>
  Float32Array.from({ length: n }, rand);
