/**
 * Words as reuse detection sees them. Copying survives retyping, CMS mangling and house style:
 * case, accents, apostrophes typed as backticks, a comma typed as a full stop, "14,000" written
 * "14.000" or "14 000". Each of those must leave the word sequence unchanged, so tokens keep only
 * letters and digits, and punctuation between words is dropped altogether: no sentence boundary
 * can break a passage, which is what makes the seed's ". " for ", " harmless.
 */

/** A word of a text as fingerprinting sees it: normalised form and offsets (UTF-16) in the original text. */
export interface ReuseToken {
  readonly norm: string;
  readonly start: number;
  readonly end: number;
}

// Three shapes, tried in this order at each position:
// 1. Initialisms with inner dots ("U.S.", "a.m."): single letters joined by dots become one word,
//    so "U.S." matches "US". The trailing dot is left out: it may also end a sentence.
// 2. Numbers grouped by spaces ("14 000", "1 000 000", also no-break and thin spaces): a head of
//    one to three digits and groups of exactly three, so "in 2018 14 000" is not read as one.
// 3. Everything else: letters, marks and digits, joined across apostrophe-like marks (' ’ ‘ ` ´ ʼ),
//    invisible characters (soft hyphen, zero-width space and joiners), and a dot or comma between
//    two digits. Hyphens split words, so "large-scale" matches "large scale".
const tokenPattern = new RegExp(
  [
    String.raw`(?<![\p{L}\p{M}\p{N}])\p{L}(?:\.\p{L})+(?![\p{L}\p{M}\p{N}])`,
    String.raw`(?<![\p{L}\p{M}\p{N}])\p{N}{1,3}(?:[ \u00A0\u2009\u202F]\p{N}{3})+(?![\p{L}\p{M}\p{N}])`,
    String.raw`[\p{L}\p{M}\p{N}]+(?:(?:['\u2019\u2018\u0060\u00B4\u02BC\u00AD\u200B-\u200D\u2060\uFEFF]+|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{M}\p{N}]+)*`,
  ].join('|'),
  'gu',
);

const notLetterOrDigit = /[^\p{L}\p{N}]+/gu;
const marks = /\p{M}+/gu;
const ascii = /^[\x20-\x7e]*$/;

/**
 * The normal form of one word: lower case, accents and every non-alphanumeric character removed.
 * A dot or comma inside a number is dropped whether it was a decimal point, a thousands separator
 * or the seed's full stop typed for a comma: "14.000" → "14000", "3.34" → "334", "3,325" →
 * "3325". That loses the difference between 3.34 and 334 but never between the two copies of a
 * passage, since both are normalised the same way; telling a decimal point from a damaged comma
 * is not possible from the text alone ("3.325" is either).
 */
export function normaliseWord(word: string): string {
  const lower = word.toLowerCase();
  const plain = ascii.test(lower) ? lower : lower.normalize('NFKD').replace(marks, '');
  return plain.replace(notLetterOrDigit, '');
}

/** Words normalised: lower case, punctuation and all quote/apostrophe marks (' ’ ` ") dropped or unified so `China`s` = "China's" = "chinas"; numbers with grouping (14,000 / 14.000 / 14 000) normalised the same (see normaliseWord), sentence punctuation ignored so a full stop typed for a comma does not break a passage. */
export function reuseTokens(text: string): ReuseToken[] {
  const tokens: ReuseToken[] = [];
  for (const match of text.matchAll(tokenPattern)) {
    const norm = normaliseWord(match[0]);
    // A word made only of marks (a stray combining accent) normalises to nothing.
    if (norm === '') continue;
    tokens.push({ norm, start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}
