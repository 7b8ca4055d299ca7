/**
 * The basis of a change: what it is measured against, as the text says it, lightly normalised.
 * Compact forms ("year-on-year", "year on year", "yoy", "y/y") become "<period>-on-<period>";
 * phrases ("from 2017", "compared to last year", "than in 2017", "over the past five years")
 * keep their words, with "compared to"/"in comparison with" read as "compared with". A phrase
 * must contain a year or a time word, so "from its peak" is no basis; it ends at punctuation, a
 * conjunction or "to".
 */
import { basisAbbreviations, basisPeriods, basisStops, timeWords } from './changeWords.js';
import { monthNames } from './lexicon.js';
import type { FigureToken } from './tokens.js';

const whitespace = /\s+/g;

/** A basis read from tokens, with its span and the token after it. */
export interface Basis {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly next: number;
}

const phrasalTriggers: readonly { readonly words: readonly string[]; readonly as: string }[] = [
  ['compared', 'with'],
  ['compared', 'to'],
  ['as', 'compared', 'with'],
  ['as', 'compared', 'to'],
  ['when', 'compared', 'with'],
  ['when', 'compared', 'to'],
  ['in', 'comparison', 'with'],
  ['in', 'comparison', 'to'],
  ['relative', 'to'],
  ['from'],
  ['over'],
  ['on'],
  ['since'],
  ['than'],
  ['versus'],
  ['vs'],
  ['against'],
].map((words) => ({
  words,
  // Light normalisation: every "compared to / in comparison with" reads "compared with".
  as:
    words.includes('compared') || words.includes('comparison')
      ? 'compared with'
      : words[0] === 'vs'
        ? 'versus'
        : words.join(' '),
}));

function isYearToken(token: FigureToken | undefined): boolean {
  if (token?.kind !== 'number' || token.text.length !== 4) return false;
  const value = Number(token.text);
  return value >= 1000 && value <= 2100;
}

/** "year-on-year", "year on year", "year-over-year", "yoy", "y/y", "y-o-y", "month-on-month". */
export function compactBasisAt(tokens: readonly FigureToken[], index: number): Basis | undefined {
  const token = tokens[index];
  if (token?.kind !== 'word') return undefined;
  const basis = (text: string, next: number): Basis => ({
    text,
    start: token.start,
    end: tokens[next - 1]?.end ?? token.end,
    next,
  });
  if (basisPeriods.has(token.lower)) {
    let at = index + 1;
    if (tokens[at]?.kind === 'dash') at++;
    if (tokens[at]?.lower !== 'on' && tokens[at]?.lower !== 'over') return undefined;
    at++;
    if (tokens[at]?.kind === 'dash') at++;
    if (tokens[at]?.lower !== token.lower) return undefined;
    return basis(`${token.lower}-on-${token.lower}`, at + 1);
  }
  const abbreviation = basisAbbreviations.get(token.lower);
  if (abbreviation === undefined) return undefined;
  if (token.lower.length === 3) return basis(abbreviation, index + 1);
  // "y/y", "y-o-y": the letter, a joiner, (the "o",) the letter again, all touching.
  const joiner = tokens[index + 1];
  if (joiner?.spaced || (joiner?.text !== '/' && joiner?.kind !== 'dash')) return undefined;
  let at = index + 2;
  if (joiner.kind === 'dash' && tokens[at]?.lower === 'o' && tokens[at + 1]?.kind === 'dash')
    at += 2;
  return tokens[at]?.lower === token.lower && !tokens[at]?.spaced
    ? basis(abbreviation, at + 1)
    : undefined;
}

/** "from 2017", "compared with the same period last year", "than in 2017", "from a year earlier". */
function phrasalBasisAt(
  text: string,
  tokens: readonly FigureToken[],
  index: number,
): Basis | undefined {
  for (const trigger of phrasalTriggers) {
    let matched = true;
    for (let offset = 0; offset < trigger.words.length && matched; offset++)
      matched = tokens[index + offset]?.lower === trigger.words[offset];
    if (!matched) continue;
    const from = index + trigger.words.length;
    let lastTime = -1;
    for (let at = from; at < from + 8; at++) {
      const token = tokens[at];
      if (!token) break;
      if (token.kind === 'word') {
        if (basisStops.has(token.lower)) break;
        if (timeWords.has(token.lower) || monthNames.has(token.text)) lastTime = at;
      } else if (token.kind === 'number') {
        // A year belongs to a basis; another number only inside one ("the past 5 years").
        if (isYearToken(token)) lastTime = at;
        else if (at === from) break;
      } else if (token.kind !== 'dash') break;
    }
    const last = tokens[lastTime];
    const firstToken = tokens[from];
    if (!last || !firstToken) return undefined;
    const complement = text.slice(firstToken.start, last.end).replace(whitespace, ' ');
    return {
      text: `${trigger.as} ${complement}`,
      start: tokens[index]?.start ?? 0,
      end: last.end,
      next: lastTime + 1,
    };
  }
  return undefined;
}

/** The basis within the next few words, stopping at punctuation, numbers and "to"/"and". */
export function basisAfter(
  text: string,
  tokens: readonly FigureToken[],
  index: number,
): Basis | undefined {
  for (let at = index; at < index + 5; at++) {
    const token = tokens[at];
    if (token?.kind !== 'word') return undefined;
    const basis = compactBasisAt(tokens, at) ?? phrasalBasisAt(text, tokens, at);
    if (basis) return basis;
    if (token.lower === 'to' || token.lower === 'and' || token.lower === 'but') return undefined;
  }
  return undefined;
}

/** A compact basis written just before `index`: "a year-on-year increase of". */
export function basisEndingAt(tokens: readonly FigureToken[], index: number): Basis | undefined {
  for (let at = Math.max(0, index - 5); at < index; at++) {
    const basis = compactBasisAt(tokens, at);
    if (basis && basis.next === index) return basis;
  }
  return undefined;
}
