import type { Quotation } from './quotations.js';
import { tokenAt, type Token } from './tokens.js';
import { abbreviations, auxiliaries, fragmentOpeners, prepositions } from './wordClasses.js';

/**
 * Splits an article into sentence units, robust to the damage seen in real input: a full stop
 * followed by a lower-case word or a digit does not end a sentence (full stops typed for
 * commas: "In 2018. 14.000 servers"); a short verbless fragment joins the next sentence ("In
 * March. Huawei announced…"); a trailing frame joins the previous one ("…(CNCERT). The Global
 * Times reported."); a quotation is never split, even across paragraphs.
 */

/** A sentence unit: tokens `first..last` (inclusive), without the final full stop. */
export interface Unit {
  readonly first: number;
  readonly last: number;
  readonly start: number;
  readonly end: number;
  readonly paragraph: number;
}

/** Tells whether tokens `from..to` are only a frame: speaker and cue ("Xinhua reported"). */
export type FrameOnlyTest = (from: number, to: number) => boolean;

const terminal = new Set(['.', '!', '?']);

/** Splits tokens into units. */
export function splitUnits(
  tokens: readonly Token[],
  quotations: readonly Quotation[],
  isFrameOnly: FrameOnlyTest,
): Unit[] {
  const insideQuote = new Uint8Array(tokens.length);
  for (const quotation of quotations)
    for (let index = quotation.openToken + 1; index < quotation.lastToken; index++)
      insideQuote[index] = 1;

  // Candidate ends: the index of the last token of each raw piece.
  const pieceEnds: { last: number; hard: boolean }[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokenAt(tokens, index);
    if (token.kind === 'break') {
      if (insideQuote[index]) continue;
      if (isSoftWrap(tokens, index)) continue;
      pieceEnds.push({ last: index - 1, hard: true });
      continue;
    }
    if (token.kind !== 'punct' || !terminal.has(token.text) || insideQuote[index]) continue;
    let last = index;
    // A closing quotation mark right after the full stop belongs to this sentence.
    while (tokenAt(tokens, last + 1)?.kind === 'quote' && !tokenAt(tokens, last + 1).spaceBefore)
      last++;
    const next = tokenAt(tokens, last + 1);
    if (!next) continue;
    if (next.kind === 'break') continue; // the break ends it
    if (token.text === '.' && isAbbreviation(tokens, index)) continue;
    if (next.kind === 'number') continue;
    if (next.kind === 'word' && !next.capitalised) continue;
    if (next.kind === 'punct') continue;
    pieceEnds.push({ last, hard: false });
  }
  pieceEnds.push({ last: tokens.length - 1, hard: true });

  // Pieces, then merge soft boundaries where the rules say the sentence goes on.
  const pieces: { first: number; last: number; hard: boolean }[] = [];
  let first = 0;
  for (const end of pieceEnds) {
    while (first <= end.last && tokenAt(tokens, first).kind === 'break') first++;
    if (first <= end.last) pieces.push({ first, last: end.last, hard: end.hard });
    first = end.last + 1;
  }
  const merged: { first: number; last: number; hard: boolean }[] = [];
  for (const piece of pieces) {
    const previous = merged[merged.length - 1];
    if (
      previous &&
      !previous.hard &&
      (isFragment(tokens, previous.first, previous.last) ||
        endsWithThat(tokens, previous.last) ||
        isFrameOnly(piece.first, trimEnd(tokens, piece.first, piece.last)))
    ) {
      previous.last = piece.last;
      previous.hard = piece.hard;
      continue;
    }
    merged.push({ ...piece });
  }

  let paragraph = 0;
  const units: Unit[] = [];
  let lastSeen = 0;
  for (const piece of merged) {
    for (let index = lastSeen; index < piece.first; index++)
      if (tokenAt(tokens, index).kind === 'break') paragraph++;
    lastSeen = piece.first;
    const last = trimEnd(tokens, piece.first, piece.last);
    const first = afterDateline(tokens, piece.first, last);
    if (last < first) continue;
    units.push({
      first,
      last,
      start: tokenAt(tokens, first).start,
      end: tokenAt(tokens, last).end,
      paragraph,
    });
  }
  return units;
}

/**
 * A wire dateline opens a story's first paragraph: "GENEVA, March 4 (Alpine Wire) —", "VIENNA —".
 * It is the story's place and date, not part of its first sentence.
 */
function afterDateline(tokens: readonly Token[], first: number, last: number): number {
  const opener = tokenAt(tokens, first);
  if (opener.kind !== 'word' || opener.text.length < 2 || opener.text !== opener.text.toUpperCase())
    return first;
  for (let index = first + 1; index <= Math.min(last, first + 14); index++) {
    const token = tokenAt(tokens, index);
    if (token.kind === 'punct' && /^(—|–|--)$/.test(token.text)) return index + 1;
    // "HONG KONG, June 13 -- …": a typed double hyphen, which the tokenizer splits in two.
    const next = tokenAt(tokens, index + 1);
    if (
      token.kind === 'punct' &&
      token.text === '-' &&
      next.kind === 'punct' &&
      next.text === '-' &&
      !next.spaceBefore
    )
      return index + 2;
    if (
      token.kind === 'punct' &&
      token.text === '-' &&
      tokenAt(tokens, index + 1).kind === 'word' &&
      token.spaceBefore
    )
      return index + 1;
    if (token.kind === 'break' || (token.kind === 'punct' && /^[.!?]$/.test(token.text)))
      return first;
  }
  return first;
}

/** Drops a trailing full stop, and a break that a merge carried in, from a piece. */
export function trimEnd(tokens: readonly Token[], first: number, last: number): number {
  let index = last;
  while (
    index >= first &&
    (tokenAt(tokens, index).kind === 'break' ||
      (tokenAt(tokens, index).kind === 'punct' && /^[.!?;,:]$/.test(tokenAt(tokens, index).text)))
  )
    index--;
  return index;
}

function isAbbreviation(tokens: readonly Token[], dot: number): boolean {
  const before = tokenAt(tokens, dot - 1);
  if (!before || before.kind !== 'word' || tokenAt(tokens, dot).spaceBefore) return false;
  if (abbreviations.has(before.lower)) return true;
  return before.text.length === 1 && before.capitalised; // an initial: "J. Smith", "U.S."
}

function isSoftWrap(tokens: readonly Token[], breakIndex: number): boolean {
  const before = tokenAt(tokens, breakIndex - 1);
  const after = tokenAt(tokens, breakIndex + 1);
  if (!before || !after) return false;
  if (before.kind === 'punct' && /[.!?:]/.test(before.text)) return false;
  if (before.kind === 'quote') return false;
  // A line broken inside a sentence: the next line goes on in lower case.
  return (
    after.kind === 'word' &&
    !after.capitalised &&
    /\n/.test(tokenAt(tokens, breakIndex).text) &&
    !/\n[ \t]*\n/.test(tokenAt(tokens, breakIndex).text)
  );
}

/** "In March.", "Last year.", "Speaking at an event in Washington on Tuesday.": no verb. */
function isFragment(tokens: readonly Token[], first: number, last: number): boolean {
  const words: Token[] = [];
  for (let index = first; index <= last; index++)
    if (tokenAt(tokens, index).kind === 'word' || tokenAt(tokens, index).kind === 'number')
      words.push(tokenAt(tokens, index));
  if (words.length === 0 || words.length > 12) return false;
  const opener = words[0]?.lower ?? '';
  if (!fragmentOpeners.has(opener) && !opener.endsWith('ing') && !prepositions.has(opener))
    return false;
  return !words.some(
    (word) =>
      auxiliaries.has(word.lower) ||
      (/^[a-z]+ed$/.test(word.lower) &&
        word !== words[0] &&
        !prepositions.has(word.lower) &&
        word.lower !== 'based'),
  );
}

/** "noting that in 2016." ends with an open complement: the sentence goes on. */
function endsWithThat(tokens: readonly Token[], last: number): boolean {
  let index = trimEnd(tokens, 0, last);
  for (let steps = 0; steps < 5 && index >= 0; steps++, index--) {
    const token = tokenAt(tokens, index);
    if (token.lower === 'that') return true;
    if (token.kind === 'number' || prepositions.has(token.lower)) continue;
    if (
      token.kind === 'word' &&
      /^(late|early|mid|last|this|next|year|month|week|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/.test(
        token.lower,
      )
    )
      continue;
    return false;
  }
  return false;
}
