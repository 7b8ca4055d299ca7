/**
 * Fingerprints stored per word: what the fingerprint index costs for each word of stored text.
 */
import { fingerprintHashes, fingerprints, REUSE_K, REUSE_W } from '../../src/reuse/fingerprints.js';
import { reuseTokens } from '../../src/reuse/reuseTokens.js';
import type { CorpusText } from './reuseCorpus.js';

/** Fingerprint density over the corpus, each text fingerprinted as one stored source. */
export interface FingerprintDensity {
  readonly k: number;
  readonly w: number;
  readonly texts: number;
  /** Whitespace-separated words. */
  readonly words: number;
  /** The algorithm's tokens (reuseTokens). */
  readonly tokens: number;
  /** Distinct hashes per text (fingerprintHashes), summed: what is stored. */
  readonly stored: number;
  /** Selected positions (fingerprints), summed: a repeated hash counts at each position. */
  readonly positions: number;
  readonly storedPerWord: number;
  readonly positionsPerWord: number;
  readonly positionsPerToken: number;
  /** Winnowing's expected density with random hashes and nothing skipped, 2 / (w + 1). */
  readonly randomModelDensity: number;
  /** The lowest and highest stored-per-word of a single text. */
  readonly perTextRange: { readonly min: number; readonly max: number };
}

/** Fingerprints every text and counts. */
export function measureDensity(texts: readonly CorpusText[]): FingerprintDensity {
  let words = 0;
  let tokens = 0;
  let stored = 0;
  let positions = 0;
  const perText: number[] = [];
  for (const text of texts) {
    const textTokens = reuseTokens(text.text);
    const hashes = fingerprintHashes(text.text).length;
    words += text.words;
    tokens += textTokens.length;
    stored += hashes;
    positions += fingerprints(textTokens).length;
    perText.push(hashes / text.words);
  }
  return {
    k: REUSE_K,
    w: REUSE_W,
    texts: texts.length,
    words,
    tokens,
    stored,
    positions,
    storedPerWord: stored / words,
    positionsPerWord: positions / words,
    positionsPerToken: positions / tokens,
    randomModelDensity: 2 / (REUSE_W + 1),
    perTextRange: { min: Math.min(...perText), max: Math.max(...perText) },
  };
}
