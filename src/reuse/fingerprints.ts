/**
 * Fingerprints of a text by winnowing (Schleimer, Wilkerson and Aiken, "Winnowing: local
 * algorithms for document fingerprinting", SIGMOD 2003): hash every k-gram of normalised words,
 * and in each window of w consecutive hashes keep the smallest. Any passage of k + w − 1 words
 * holds a whole window, the window's smallest hash is the same in every text containing the
 * passage, so two texts sharing the passage always share a fingerprint: the guarantee. Windows
 * overlap, so a selection is recorded once, not once per window.
 */
import { hashHex, kgramHashes } from './kgramHash.js';
import { kgramsOf } from './kgrams.js';
import { reuseTokens, type ReuseToken } from './reuseTokens.js';

/**
 * Words per k-gram. The goals fix k + w − 1 ≤ 8 (every shared passage of 8 words is found) and
 * at most 0.4 fingerprints per word; winnowing keeps about 2 / (w + 1) of the k-grams, so w ≥ 4
 * and k ≤ 9 − w. w = 4, k = 5 would sit exactly on 0.4, and measured 0.37–0.43 per word on 34
 * news articles of 200–380 words; w = 5, k = 4 predicts 0.33 and measured 0.29–0.36 on the same
 * texts, leaving room for short and repetitive ones. The cost of k = 4 is that a 4-gram is more often shared by chance (names run to four
 * words: "the National Security Agency"), which makes a candidate but never a link: alignment
 * decides on whole passages of at least 8 words. Stock phrases of four words or more ("told
 * reporters on Monday") are skipped, so they do not even make candidates.
 */
export const REUSE_K = 4;

/** Hashes per winnowing window; see REUSE_K. Any shared passage of REUSE_K + REUSE_W − 1 = 8 words shares a fingerprint. */
export const REUSE_W = 5;

/** A selected k-gram hash and where its k-gram starts (token index). */
export interface Fingerprint {
  readonly hash: string;
  readonly position: number;
}

/**
 * Winnowing (Schleimer, Wilkerson, Aiken 2003; robust winnowing: in each window of w consecutive
 * k-gram hashes select the minimum, rightmost on ties, record it once): 52-bit FNV-1a hashes of
 * the k normalised words joined by a space, as 13 hex digits (kgramHash.ts), so fingerprints can
 * be stored and compared across processes. k-grams that are part of a stock phrase or made only
 * of stop words are skipped (kgrams.ts): they are never selected, and a window holding nothing
 * else selects nothing, so the guarantee covers every passage with at least one k-gram that is not
 * skipped. A text with fewer than w k-grams is one short window, so even a headline gets a
 * fingerprint. Fingerprints come in order of position.
 */
export function fingerprints(tokens: readonly ReuseToken[]): Fingerprint[] {
  const { norms, skipped } = kgramsOf(tokens, REUSE_K);
  const hashes = kgramHashes(norms, REUSE_K, skipped);
  const selected: Fingerprint[] = [];
  let previous = -1;
  const windows = Math.max(1, hashes.length - REUSE_W + 1);
  for (let windowStart = 0; windowStart < windows; windowStart++) {
    const windowEnd = Math.min(hashes.length, windowStart + REUSE_W);
    let chosen = -1;
    let chosenValue = Infinity;
    for (let index = windowStart; index < windowEnd; index++) {
      const value = hashes[index];
      if (value !== undefined && value <= chosenValue) {
        chosen = index;
        chosenValue = value;
      }
    }
    if (chosen === -1) continue;
    // Robust winnowing: when the previous selection is still in the window and ties the
    // minimum, keep it, so a run of repeated k-grams (a repeated phrase) costs one fingerprint.
    if (previous >= windowStart && hashes[previous] === chosenValue) continue;
    selected.push({ hash: hashHex(chosenValue), position: chosen });
    previous = chosen;
  }
  return selected;
}

/** The distinct winnowed hashes of a text, in order of first occurrence: what storage keeps. */
export function fingerprintHashes(text: string): string[] {
  return [...new Set(fingerprints(reuseTokens(text)).map((fingerprint) => fingerprint.hash))];
}
