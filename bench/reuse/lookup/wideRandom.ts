/**
 * A seeded random stream for the corpus that cannot run over another one. createRandom
 * (mulberry32) keeps 32 bits of state, so every seed starts somewhere on one cycle of 2^32
 * draws; the corpus draws about 700 per stored source, 70 million at 100k sources, and then some
 * probe's stream overlaps some stored source's stream and the two texts come out word for word
 * the same (a first run found a 103-word "copy" nobody planted). Adding two createRandom streams
 * of unrelated seeds (mod 1) needs both to overlap by the same offset at once: 64 bits of state.
 */
import { createRandom, mixSeed, type Random } from '../../scale/seededRandom.js';

/** The draws the generator uses, as seededRandom.ts defines them. */
export type CorpusRandom = Pick<Random, 'next' | 'int' | 'pick' | 'chance' | 'weighted'>;

/** A stream for the given seed parts (as mixSeed takes them). */
export function wideRandom(...seedParts: number[]): CorpusRandom {
  const first = createRandom(mixSeed(...seedParts));
  const second = createRandom(mixSeed(0x5eed, ...seedParts));
  const next = () => {
    const sum = first.next() + second.next();
    return sum >= 1 ? sum - 1 : sum;
  };
  return {
    next,
    int: (minInclusive, maxInclusive) =>
      minInclusive + Math.floor(next() * (maxInclusive - minInclusive + 1)),
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick() from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    chance: (p) => next() < p,
    weighted: (entries) => {
      const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
      let remaining = next() * total;
      for (const [value, weight] of entries) {
        remaining -= weight;
        if (remaining < 0) return value;
      }
      return entries.filter(([, weight]) => weight > 0).at(-1)![0];
    },
  };
}
