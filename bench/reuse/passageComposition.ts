/**
 * What a planted passage is made of, in the terms alignPassages judges evidence by: tokens, words
 * inside stock phrases, stop words, and lower-case content words (neither stop word nor stock
 * phrase, not capitalised). Counted by the scorer with src/reuse's own lists, to explain misses;
 * the algorithm decides on its own counts, over the matched words.
 */
import { reuseTokens } from '../../src/reuse/reuseTokens.js';
import { stockPhraseMask } from '../../src/reuse/stockPhrases.js';
import { isStopWord } from '../../src/reuse/stopWords.js';
import type { Span } from './plantPassages.js';

/** Word counts of one passage. */
export interface PassageComposition {
  readonly tokens: number;
  /** Tokens inside a stock phrase (stock phrases found within the passage itself). */
  readonly inStockPhrases: number;
  /** Tokens outside stock phrases that are stop words. */
  readonly stopWords: number;
  /** Tokens outside stock phrases, not stop words, starting with a lower-case letter. */
  readonly lowerCaseContent: number;
}

/** Counts the tokens of a span of a text. */
export function passageComposition(text: string, span: Span): PassageComposition {
  const tokens = reuseTokens(text).filter(
    (token) => token.start >= span.start && token.end <= span.end,
  );
  const stock = stockPhraseMask(tokens.map((token) => token.norm));
  let inStockPhrases = 0;
  let stopWords = 0;
  let lowerCaseContent = 0;
  tokens.forEach((token, index) => {
    if (stock[index] === 1) inStockPhrases += 1;
    else if (isStopWord(token.norm)) stopWords += 1;
    else if (/^\p{Ll}/u.test(text.slice(token.start, token.start + 2))) lowerCaseContent += 1;
  });
  return { tokens: tokens.length, inStockPhrases, stopWords, lowerCaseContent };
}
