/**
 * The k-grams of a token sequence and which of them may serve as evidence of reuse. Shared by
 * fingerprinting (which winnows their hashes) and alignment (which seeds on them), so the two
 * always agree on what counts.
 */
import type { ReuseToken } from './reuseTokens.js';
import { withinStockPhrase } from './stockPhrases.js';
import { isStopWord } from './stopWords.js';

/** The k-grams of a text: the key of each (its words joined by spaces) and whether it is skipped. */
export interface Kgrams {
  /** Normalised words, one per token. */
  readonly norms: readonly string[];
  /** The k-gram starting at each token index, its words joined by single spaces. */
  readonly keys: readonly string[];
  /** 1 where the k-gram starting there must not be fingerprinted or seed an alignment. */
  readonly skipped: Uint8Array;
}

/**
 * Lists the k-grams of a token sequence. A k-gram is skipped when all its words are stop words or
 * when its words are part of a stock phrase ("not immediately respond to a"). Both are decided on
 * the k-gram's own words, never on the words around it, so a k-gram is skipped in every text or
 * in none: otherwise a passage could lose its fingerprint in one text only, at its edges.
 */
export function kgramsOf(tokens: readonly ReuseToken[], k: number): Kgrams {
  const norms = tokens.map((token) => token.norm);
  const count = Math.max(0, norms.length - k + 1);
  const keys: string[] = [];
  const skipped = new Uint8Array(count);
  // A sliding count of content words, so each k-gram costs O(1) beyond its key.
  let contentInWindow = 0;
  for (let index = 0; index < norms.length; index++) {
    if (!isStopWord(norms[index] ?? '')) contentInWindow++;
    const leaving = index - k;
    if (leaving >= 0 && !isStopWord(norms[leaving] ?? '')) contentInWindow--;
    const start = index - k + 1;
    if (start < 0) continue;
    const words = norms.slice(start, index + 1);
    keys.push(words.join(' '));
    skipped[start] = contentInWindow === 0 || withinStockPhrase(words) ? 1 : 0;
  }
  return { norms, keys, skipped };
}
