/**
 * A small seeded pseudo-random generator for the benchmark data generator. Math.random cannot be
 * seeded, and benchmark graphs must come out byte-identical on every run and machine so that
 * timings compare like with like. mulberry32: 32 bits of state, fast, and statistically good
 * enough for synthetic data (never for anything secret).
 */
export interface Random {
  /** A number in [0, 1). */
  next(): number;
  /** An integer in [minInclusive, maxInclusive]. */
  int(minInclusive: number, maxInclusive: number): number;
  /** One of the items, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One of the values, with probability proportional to its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
}

export function createRandom(seed: number): Random {
  // Hash the seed first, so that neighbouring seeds (1, 2, 3…) start far apart.
  let state = mixSeed(seed);
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (minInclusive: number, maxInclusive: number): number => {
    if (!Number.isSafeInteger(minInclusive) || !Number.isSafeInteger(maxInclusive)) {
      throw new RangeError(`int(${minInclusive}, ${maxInclusive}): bounds must be integers`);
    }
    if (maxInclusive < minInclusive) {
      throw new RangeError(`int(${minInclusive}, ${maxInclusive}): max is below min`);
    }
    return minInclusive + Math.floor(next() * (maxInclusive - minInclusive + 1));
  };
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError('pick() from an empty list');
    return items[Math.floor(next() * items.length)]!;
  };
  const weighted = <T>(entries: readonly (readonly [T, number])[]): T => {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    if (!(total > 0)) throw new RangeError('weighted() needs a positive total weight');
    let remaining = next() * total;
    for (const [value, weight] of entries) {
      remaining -= weight;
      if (remaining < 0) return value;
    }
    // Rounding can leave a sliver past the last entry: it belongs to the last weighted entry.
    return entries.filter(([, weight]) => weight > 0).at(-1)![0];
  };
  const shuffle = <T>(items: readonly T[]): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  };
  return { next, int, pick, chance: (p) => next() < p, weighted, shuffle };
}

/**
 * Hashes integers into one 32-bit seed, order-sensitively: mixSeed(seed, shardIndex) gives each
 * shard its own stream, so a shard can be generated without generating the ones before it.
 */
export function mixSeed(...parts: number[]): number {
  let hash = fmix32(0x9e3779b9 ^ parts.length);
  for (const part of parts) {
    if (!Number.isSafeInteger(part)) throw new RangeError(`mixSeed: ${part} is not an integer`);
    const low = part >>> 0;
    // The high bits too, so seeds 1 and 2^32 + 1 differ (and negative numbers keep their sign).
    const high = Math.floor(part / 4294967296) >>> 0;
    hash = fmix32((hash ^ fmix32(low)) + 0x9e3779b9);
    hash = fmix32((hash ^ fmix32(high ^ 0x85ebca6b)) + 0x9e3779b9);
  }
  return hash;
}

/** MurmurHash3's finaliser: every input bit affects every output bit. */
function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
