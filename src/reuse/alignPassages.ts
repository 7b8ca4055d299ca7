/**
 * Word-level alignment of two texts: which passages one shares with the other, exactly where.
 * This runs on one candidate pair at a time (the fingerprint index finds the candidates), so it
 * can afford every k-gram of both texts rather than only the winnowed ones, and it decides on the
 * words themselves, never on hashes.
 */
import { extendMatch, type WordPair } from './extendMatch.js';
import { REUSE_K, REUSE_W } from './fingerprints.js';
import { kgramsOf, type Kgrams } from './kgrams.js';
import { reuseTokens, type ReuseToken } from './reuseTokens.js';
import { stockPhraseMask } from './stockPhrases.js';

/** One passage two texts share: offsets in each (covering whole words), and its length in words. */
export interface SharedPassage {
  readonly a: { readonly start: number; readonly end: number };
  readonly b: { readonly start: number; readonly end: number };
  /** Words the two texts have in common in it: edited words inside the passage do not count. */
  readonly words: number;
}

/** The passages two texts share, in order of text a, each at least `minWords` long (default: REUSE_K + REUSE_W − 1), and the share of each text's words they cover (0..1). */
export interface Alignment {
  readonly passages: readonly SharedPassage[];
  readonly shareOfA: number;
  readonly shareOfB: number;
}

/**
 * How many of a passage's minimum words may be padding. Independent reports of one event meet on
 * names and boilerplate: "Kremlin spokesman Dmitry Peskov told reporters on Monday that" is nine
 * shared words that no one copied. So besides an unbroken shared run of `minWords` words, a
 * passage needs `minWords − REUSE_EVIDENCE_ALLOWANCE` words of evidence: words outside stock
 * phrases, a run of capitalised words (a name, a title) counting as one. That example has three
 * (Kremlin, spokesman, Dmitry Peskov), four with "the" before it; an 8-word run of copied wording
 * keeps five even with "on Monday" or a two-word name in it.
 */
export const REUSE_EVIDENCE_ALLOWANCE = 3;

/**
 * A k-gram repeated more often than this in either text seeds nothing: a refrain or a table is
 * not evidence of copying, and seeding every pairing of its occurrences would make alignment
 * quadratic in the number of repeats. Prose repeats a 4-gram a handful of times at most.
 */
const MAX_SEED_OCCURRENCES = 16;

/** One text prepared for alignment: its words and k-grams, computed once (prepareText). */
export interface PreparedText {
  readonly text: string;
  readonly tokens: readonly ReuseToken[];
  readonly kgrams: Kgrams;
}
type Side = PreparedText;

/**
 * A text's words and k-grams, for aligning it with many others (a text against its 30
 * candidates) without reading it again each time.
 */
export function prepareText(text: string): PreparedText {
  const tokens = reuseTokens(text);
  return { text, tokens, kgrams: kgramsOf(tokens, REUSE_K) };
}

const upperCaseStart = /^\p{Lu}/u;

/** Whether a word is written with a capital: part of a name, or a sentence opening. */
const capitalised = (side: Side, index: number): boolean => {
  const token = side.tokens[index];
  return token !== undefined && upperCaseStart.test(side.text.slice(token.start, token.start + 2));
};

/**
 * What a run of matched pairs is worth: its longest stretch without a gap, and its evidence
 * words (see REUSE_EVIDENCE_ALLOWANCE). Stock phrases are looked for in the shared words
 * themselves, so the words around the passage in either text cannot change the verdict.
 */
const worth = (a: Side, b: Side, pairs: readonly WordPair[]) => {
  const stock = stockPhraseMask(pairs.map((pair) => a.kgrams.norms[pair.a] ?? ''));
  let evidence = 0;
  let run = 0;
  let longestRun = 0;
  let inName = false;
  pairs.forEach((pair, index) => {
    const previous = pairs[index - 1];
    const adjacent =
      previous !== undefined && pair.a === previous.a + 1 && pair.b === previous.b + 1;
    run = adjacent ? run + 1 : 1;
    longestRun = Math.max(longestRun, run);
    if (stock[index] === 1) {
      inName = false;
      return;
    }
    const capital = capitalised(a, pair.a) && capitalised(b, pair.b);
    if (!(capital && inName && adjacent)) evidence++;
    inName = capital;
  });
  return { evidence, longestRun };
};

/** Every maximal extension of a shared unskipped k-gram, each seed pair extended once. */
const candidatePassages = (a: Side, b: Side): WordPair[][] => {
  const positionsInB = new Map<string, number[]>();
  b.kgrams.keys.forEach((key, index) => {
    if (b.kgrams.skipped[index] === 1) return;
    const positions = positionsInB.get(key);
    if (positions) positions.push(index);
    else positionsInB.set(key, [index]);
  });
  const occurrencesInA = new Map<string, number>();
  for (const key of a.kgrams.keys) occurrencesInA.set(key, (occurrencesInA.get(key) ?? 0) + 1);
  // A seed inside a passage already found would only find it again.
  const covered = new Set<number>();
  const width = b.tokens.length + 1;
  const candidates: WordPair[][] = [];
  a.kgrams.keys.forEach((key, index) => {
    const positions = positionsInB.get(key);
    if (a.kgrams.skipped[index] === 1 || positions === undefined) return;
    if (positions.length > MAX_SEED_OCCURRENCES) return;
    if ((occurrencesInA.get(key) ?? 0) > MAX_SEED_OCCURRENCES) return;
    for (const position of positions) {
      if (covered.has(index * width + position)) continue;
      const pairs = extendMatch(a.kgrams.norms, b.kgrams.norms, { a: index, b: position }, REUSE_K);
      for (const pair of pairs) covered.add(pair.a * width + pair.b);
      candidates.push(pairs);
    }
  });
  return candidates;
};

/** Pieces of a candidate left once words already given to a longer passage are taken out. */
const freePieces = (
  pairs: readonly WordPair[],
  takenA: Uint8Array,
  takenB: Uint8Array,
): WordPair[][] => {
  const pieces: WordPair[][] = [];
  let current: WordPair[] = [];
  for (const pair of pairs) {
    if (takenA[pair.a] === 1 || takenB[pair.b] === 1) {
      if (current.length > 0) pieces.push(current);
      current = [];
    } else current.push(pair);
  }
  if (current.length > 0) pieces.push(current);
  return pieces;
};

const share = (taken: Uint8Array): number =>
  taken.length === 0 ? 0 : taken.reduce((sum, flag) => sum + flag, 0) / taken.length;

/**
 * Aligns two texts: seeds from the k-grams whose fingerprints the two share (every unskipped
 * k-gram of both texts, since this runs on one candidate pair only), then extends each seed left
 * and right over equal normalised words, merging across small gaps of edits (up to 2 differing
 * words if ≥ 3 equal words follow on both sides, so "one word edited in ten" stays one passage),
 * then keeps a passage only if it holds an unbroken shared run of `minWords` words and
 * `minWords − REUSE_EVIDENCE_ALLOWANCE` words of evidence (not stock phrases, a name counted
 * once), and resolves overlaps one-to-one, longest passage first: each word of either text
 * belongs to one passage at most. `shareOfA` is the share of a's words inside its passages
 * (edited words included).
 */
export function alignPassages(a: string, b: string, options?: { minWords?: number }): Alignment {
  return alignPrepared(prepareText(a), prepareText(b), options);
}

/** alignPassages on texts already prepared (prepareText). */
export function alignPrepared(
  sideA: PreparedText,
  sideB: PreparedText,
  options?: { minWords?: number },
): Alignment {
  const minWords = options?.minWords ?? REUSE_K + REUSE_W - 1;
  // Longest first, so a passage is never cut to make room for a shorter one; ties in text order.
  const candidates = candidatePassages(sideA, sideB).sort(
    (x, y) =>
      y.length - x.length || (x[0]?.a ?? 0) - (y[0]?.a ?? 0) || (x[0]?.b ?? 0) - (y[0]?.b ?? 0),
  );
  const takenA = new Uint8Array(sideA.tokens.length);
  const takenB = new Uint8Array(sideB.tokens.length);
  const accepted: { words: number; first: WordPair; last: WordPair }[] = [];
  for (const candidate of candidates)
    for (const pairs of freePieces(candidate, takenA, takenB)) {
      const first = pairs[0];
      const last = pairs[pairs.length - 1];
      if (first === undefined || last === undefined) continue;
      const { evidence, longestRun } = worth(sideA, sideB, pairs);
      if (longestRun < minWords || evidence < minWords - REUSE_EVIDENCE_ALLOWANCE) continue;
      // The whole span is taken, edited words included, so passages never interleave.
      takenA.fill(1, first.a, last.a + 1);
      takenB.fill(1, first.b, last.b + 1);
      accepted.push({ words: pairs.length, first, last });
    }
  const passages = accepted
    .sort((x, y) => x.first.a - y.first.a)
    .map(({ words, first, last }) => ({
      a: { start: sideA.tokens[first.a]?.start ?? 0, end: sideA.tokens[last.a]?.end ?? 0 },
      b: { start: sideB.tokens[first.b]?.start ?? 0, end: sideB.tokens[last.b]?.end ?? 0 },
      words,
    }));
  return { passages, shareOfA: share(takenA), shareOfB: share(takenB) };
}
