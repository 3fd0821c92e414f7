// Small seeded PRNG (xoshiro128** seeded through splitmix32).
// We ship our own instead of Math.random so that a seed reproduces byte-identical
// files on every machine; only 32-bit integer ops and IEEE basic arithmetic are used
// (no Math.log/exp/sin, whose last-bit results may differ between engines).

export interface Rng {
  /** Uniform unsigned 32-bit integer. */
  nextU32(): number;
  /** Uniform float in [0, 1). */
  float(): number;
  /** Uniform integer in [min, max], both inclusive. Range must be < 2^32. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** Uniform element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
}

const TWO_POW_32 = 4294967296;

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/**
 * Creates an independent generator for (seed, stream). Distinct streams let each
 * concern (rows, ids, bank breaks) draw numbers without shifting the others, so a
 * tweak to one part of the generator does not reshuffle every other file.
 */
export function createRng(seed: number, stream = 0): Rng {
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new RangeError(`seed must be a non-negative safe integer, got ${seed}`);
  }
  const lo = seed >>> 0;
  const hi = Math.floor(seed / TWO_POW_32) >>> 0;
  const mix = splitmix32(lo ^ Math.imul(hi, 0x27d4eb2d) ^ Math.imul(stream + 1, 0x165667b1));
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();
  // xoshiro must not start from the all-zero state.
  if ((a | b | c | d) === 0) a = 1;

  const nextU32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5) >>> 0, 7), 9) >>> 0;
    const t = (b << 9) >>> 0;
    c = (c ^ a) >>> 0;
    d = (d ^ b) >>> 0;
    b = (b ^ c) >>> 0;
    a = (a ^ d) >>> 0;
    c = (c ^ t) >>> 0;
    d = rotl(d, 11);
    return result;
  };
  const float = (): number => nextU32() / TWO_POW_32;
  return {
    nextU32,
    float,
    int: (min, max) => min + Math.floor(float() * (max - min + 1)),
    chance: (p) => float() < p,
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.floor(float() * items.length)];
      if (item === undefined) throw new RangeError('pick() from an empty array');
      return item;
    },
  };
}

/**
 * Precomputes a cumulative table so each weighted draw is one float and a short
 * linear scan (tables here have < 10 entries, so a scan beats a binary search).
 */
export function weighted<T>(entries: readonly (readonly [T, number])[]): (rng: Rng) => T {
  const values: T[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (const [value, weight] of entries) {
    if (weight <= 0) continue;
    total += weight;
    values.push(value);
    cumulative.push(total);
  }
  const last = values[values.length - 1];
  if (last === undefined) throw new RangeError('weighted() needs at least one positive weight');
  return (rng) => {
    const x = rng.float() * total;
    for (let i = 0; i < cumulative.length; i++) {
      if (x < (cumulative[i] ?? total)) return values[i] ?? last;
    }
    return last;
  };
}

/** Deterministic in-place Fisher–Yates shuffle. */
export function shuffleInPlace<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng.float() * (i + 1));
    const tmp = items[i] as T;
    items[i] = items[j] as T;
    items[j] = tmp;
  }
  return items;
}
