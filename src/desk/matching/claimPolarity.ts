import type { ClaimToken } from './claimTokens.js';

/**
 * Whether a claim is stated or denied. Two claims that differ only by a "not" are true under
 * opposite conditions, so they never match, however close their words are.
 */

/** Words that turn a statement round. "No" and "not" included; "no fewer than" is handled below. */
const negators = new Set([
  'not',
  'no',
  'never',
  'none',
  'nobody',
  'nothing',
  'nowhere',
  'neither',
  'nor',
  'cannot',
  'without',
  'deny',
  'denies',
  'denied',
  'denying',
  'denial',
]);

/** Whether a lower-case word is one of the negators (left out of the word comparison). */
export function isNegator(lower: string): boolean {
  return negators.has(lower);
}

/** "No fewer than 40" is "at least 40": a bound, not a negation. */
const boundAfterNo = new Set(['fewer', 'less', 'more', 'later', 'earlier', 'sooner']);

/**
 * The number of negations in a claim's tokens. Only its parity matters: "it is not true that
 * nobody knew" is a statement, and comparing parities keeps double negatives from flipping.
 */
export function negationCount(tokens: readonly ClaimToken[]): number {
  let count = 0;
  tokens.forEach((token, i) => {
    if (token.kind !== 'word' || !negators.has(token.lower)) return;
    const next = tokens[i + 1];
    const after = tokens[i + 2];
    if (
      (token.lower === 'no' || token.lower === 'not') &&
      next !== undefined &&
      boundAfterNo.has(next.lower) &&
      after?.lower === 'than'
    )
      return;
    // "not only … but also" adds a statement, it does not deny one.
    if (token.lower === 'not' && next?.lower === 'only') return;
    count += 1;
  });
  return count;
}
