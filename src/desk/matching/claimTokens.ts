/**
 * Tokens of a claim text as the matcher reads them: words and numbers, with contractions and
 * possessives taken apart. Claims are one sentence, so the matcher re-tokenises instead of
 * keeping the extractor's offsets; nothing here needs to point back into an article.
 */

/** A word or number of a claim text. */
export interface ClaimToken {
  /** As written, apostrophes made straight and dotted acronyms closed up ("U.S." → "US"). */
  readonly raw: string;
  /** Lower case of raw. */
  readonly lower: string;
  readonly kind: 'word' | 'number';
  /** Followed by a possessive "'s" or a bare "'" ("Huawei's", "WikiLeaks'"). */
  readonly possessive: boolean;
}

// Hyphens split words ("US-based" → "US", "based") so that a name inside a compound is still
// found; numbers keep their separators ("14,000", "3.34").
const tokenPattern = /\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}]+(?:'[\p{L}\p{M}]+)*'?/gu;
const dottedAcronym = /\b(?:\p{Lu}\.){2,}/gu;

/** Contraction endings and the token they stand for ("n't" is a negation the polarity check counts). */
const contractions: ReadonlyMap<string, string | null> = new Map([
  ["n't", 'not'],
  ["'re", null],
  ["'ve", null],
  ["'ll", null],
  ["'d", null],
  ["'m", null],
]);
/** What is left of a verb before "n't" when it is not the verb: "won't" is "will not". */
const irregularNegated: ReadonlyMap<string, string> = new Map([
  ['wo', 'will'],
  ['ca', 'can'],
  ['sha', 'shall'],
]);

function word(raw: string, possessive = false): ClaimToken {
  return { raw, lower: raw.toLowerCase(), kind: 'word', possessive };
}

/** Splits a claim text into tokens; punctuation is dropped. */
export function claimTokens(text: string): ClaimToken[] {
  const normal = text
    .normalize('NFKC')
    .replace(/[’‘`ʼ]/g, "'")
    .replace(dottedAcronym, (acronym) => acronym.replace(/\./g, ''));
  const tokens: ClaimToken[] = [];
  for (const match of normal.matchAll(tokenPattern)) {
    const value = match[0];
    if (/^\p{N}/u.test(value)) {
      tokens.push({ raw: value, lower: value, kind: 'number', possessive: false });
      continue;
    }
    const lower = value.toLowerCase();
    const contraction = [...contractions.keys()].find((ending) => lower.endsWith(ending));
    if (contraction !== undefined && lower.length > contraction.length) {
      const stem = value.slice(0, value.length - contraction.length);
      const expanded = contractions.get(contraction) ?? null;
      const base =
        contraction === "n't" ? (irregularNegated.get(stem.toLowerCase()) ?? stem) : stem;
      tokens.push(word(base));
      if (expanded !== null) tokens.push(word(expanded));
      continue;
    }
    if (lower.endsWith("'s") && lower.length > 2) tokens.push(word(value.slice(0, -2), true));
    else if (lower.endsWith("'") && lower.length > 1) tokens.push(word(value.slice(0, -1), true));
    else tokens.push(word(value));
  }
  return tokens;
}
