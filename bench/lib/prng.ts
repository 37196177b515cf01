/** A small seeded PRNG (mulberry32): the same seed gives the same sequence, fast enough for a million draws. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [min, max]. */
export function intIn(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** A number in [min, max), rounded to cents like money typed in a cell. */
export function amountIn(random: () => number, min: number, max: number): number {
  return Math.round((min + random() * (max - min)) * 100) / 100;
}
