import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fingerprintHashes,
  fingerprints,
  REUSE_K,
  REUSE_W,
} from '../../../src/reuse/fingerprints.js';
import { kgramHash } from '../../../src/reuse/kgramHash.js';
import { reuseTokens } from '../../../src/reuse/reuseTokens.js';
import { sameEventStories } from './fixtures/sameEventStories.js';
import { contentWords, separators } from './fixtures/wordList.js';

/** 64-bit FNV-1a with BigInt, folded to 52 bits: the definition the stored hashes follow. */
const referenceHash = (words: readonly string[]): string => {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(words.join(' '))) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  const folded = (hash & ((1n << 52n) - 1n)) ^ (hash >> 52n);
  return folded.toString(16).padStart(13, '0');
};

const word = fc.constantFrom(...contentWords);
const separator = fc.constantFrom(...separators);
const words = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max });
const join = (parts: readonly string[], seps: readonly string[]) =>
  parts.map((part, index) => part + (seps[index] ?? ' ')).join('');

describe('k-gram hashes', () => {
  it('follow 64-bit FNV-1a over UTF-8, folded to 52 bits, as 13 hex digits', () => {
    const samples = [[], ['a'], ['the', 'ferry', 'caught', 'fire'], ['zürich', '14000', 'kyiv']];
    for (const sample of samples) expect(kgramHash(sample)).toBe(referenceHash(sample));
    // Pinned, so a change to the hash (which would orphan stored fingerprints) cannot pass unseen.
    expect(kgramHash(['the', 'ferry', 'caught', 'fire'])).toBe('3c5b27d1bf47d');
    expect(kgramHash(['a'])).toBe('3dc4c8601e67a');
  });
});

describe('fingerprints', () => {
  it('are the minimum of every window, recorded once, in order of position', () => {
    const tokens = reuseTokens(sameEventStories[0]?.text ?? '');
    const selected = fingerprints(tokens);
    const positions = selected.map((fingerprint) => fingerprint.position);
    expect(positions).toEqual([...positions].sort((x, y) => x - y));
    expect(new Set(positions).size).toBe(positions.length);
    for (const fingerprint of selected) {
      expect(fingerprint.hash).toMatch(/^[0-9a-f]{13}$/);
      const kgram = tokens.slice(fingerprint.position, fingerprint.position + REUSE_K);
      expect(fingerprint.hash).toBe(kgramHash(kgram.map((token) => token.norm)));
    }
  });

  it('keep the guarantee: any shared passage of k + w − 1 words shares a fingerprint', () => {
    const length = REUSE_K + REUSE_W - 1;
    fc.assert(
      fc.property(
        words(0, 60),
        words(0, 60),
        words(0, 60),
        words(0, 60),
        words(length, length),
        fc.array(separator, { minLength: 250, maxLength: 250 }),
        fc.array(separator, { minLength: 250, maxLength: 250 }),
        (beforeA, afterA, beforeB, afterB, passage, sepsA, sepsB) => {
          const textA = join([...beforeA, ...passage, ...afterA], sepsA);
          const textB = join([...beforeB, ...passage, ...afterB], sepsB);
          const inPassage = (offset: number) => (fingerprint: { position: number }) =>
            fingerprint.position >= offset && fingerprint.position + REUSE_K <= offset + length;
          const hashesA = fingerprints(reuseTokens(textA))
            .filter(inPassage(beforeA.length))
            .map((fingerprint) => fingerprint.hash);
          const hashesB = new Set(
            fingerprints(reuseTokens(textB))
              .filter(inPassage(beforeB.length))
              .map((fingerprint) => fingerprint.hash),
          );
          expect(hashesA.some((hash) => hashesB.has(hash))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('store at most 0.4 per word of news text', () => {
    for (const story of sameEventStories) {
      const words = story.text.split(/\s+/).filter(Boolean).length;
      const density = fingerprintHashes(story.text).length / words;
      expect(density, story.outlet).toBeLessThanOrEqual(0.4);
      expect(density, story.outlet).toBeGreaterThan(0.2);
    }
  });

  it('skip k-grams of stop words only and k-grams inside stock phrases', () => {
    expect(fingerprintHashes('that it was not the one that they had')).toEqual([]);
    expect(fingerprintHashes('who spoke on condition of anonymity')).toEqual([]);
    expect(fingerprintHashes('did not immediately respond to a request for comment')).toEqual([]);
    expect(fingerprintHashes('She told reporters on Monday.')).toEqual([]);
    // The words around a stock phrase are the story's own, and are fingerprinted.
    expect(fingerprintHashes('Marrow told reporters on Monday')).toHaveLength(1);
  });

  it('give even a short headline a fingerprint', () => {
    expect(fingerprintHashes('Crane collapse kills two')).toHaveLength(1);
    expect(fingerprintHashes('Crane kills two')).toEqual([]);
  });

  it('are distinct, stable across calls, and blind to the seed damage', () => {
    const clean = 'The ferry’s crew, trained last winter, contained the fire within forty minutes.';
    const damaged =
      'The ferry`s crew. trained last winter. contained the fire within forty minutes.';
    const hashes = fingerprintHashes(clean);
    expect(new Set(hashes).size).toBe(hashes.length);
    expect(fingerprintHashes(clean)).toEqual(hashes);
    expect(fingerprintHashes(damaged)).toEqual(hashes);
  });
});
