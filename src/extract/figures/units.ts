/**
 * What a number measures: a percentage unit, a currency (before or after), a unit of measure, or
 * the counted noun phrase after it ("14.000 servers in the US" counts "servers").
 */
import type { FigureToken } from './tokens.js';
import {
  currencyCodes,
  currencySymbols,
  currencyWords,
  dollarCountries,
  dollarPrefixes,
  measureUnits,
  multiTokenUnits,
  percentWords,
} from './unitLexicon.js';
import {
  extendableHeads,
  isDroppedFromUnit,
  isNationality,
  isPluralNoun,
  isPresentTenseVerb,
  leadingDeterminers,
  phraseStops,
} from './wordClasses.js';

/** A unit read from tokens: its text or code and the index after it. */
export interface UnitMatch {
  readonly unit: string;
  readonly next: number;
  readonly end: number;
}

/** A currency written before the amount, from `start`. */
export interface CurrencyPrefix {
  readonly code: string;
  readonly next: number;
  readonly start: number;
}

/** A counted noun phrase: its span, the unit (the span without nationality adjectives), its head. */
export interface NounPhrase {
  readonly start: number;
  readonly end: number;
  readonly unit: string;
  /** The head noun in lower case ("computers" in "host computers"). */
  readonly head: string;
  readonly next: number;
}

// Lower case only: "BP" is a company, "PC" a computer.
const lowerCaseAbbreviations = new Set(['pc', 'pp', 'ppt', 'ppts', 'bps', 'bp']);
const points = /^points?$/;

/** "%", "percent", "per cent", "percentage points", "basis points", "pct", "5pc". */
export function percentAt(tokens: readonly FigureToken[], index: number): UnitMatch | undefined {
  const token = tokens[index];
  if (!token) return undefined;
  if (token.kind === 'percent') return { unit: 'percent', next: index + 1, end: token.end };
  if (token.kind !== 'word') return undefined;
  const word = token.lower;
  const simple = percentWords.get(word);
  if (simple !== undefined && (!lowerCaseAbbreviations.has(word) || token.text === word))
    return { unit: simple, next: index + 1, end: token.end };
  let at = index + 1;
  if (tokens[at]?.kind === 'dash') at++;
  const second = tokens[at];
  if (!second) return undefined;
  if (word === 'per' && second.lower === 'cent')
    return { unit: 'percent', next: at + 1, end: second.end };
  if ((word === 'percentage' || word === 'basis') && points.test(second.lower))
    return { unit: `${word} points`, next: at + 1, end: second.end };
  return undefined;
}

/** A currency before the amount: "$", "€", "US$", "HK$", "CN¥", "USD 5m", "RMB5bn", "Rs 500". */
export function currencyPrefixAt(
  tokens: readonly FigureToken[],
  index: number,
): CurrencyPrefix | undefined {
  const token = tokens[index];
  if (!token) return undefined;
  if (token.kind === 'currency') {
    const code = currencySymbols.get(token.text);
    return code === undefined ? undefined : { code, next: index + 1, start: token.start };
  }
  if (token.kind !== 'word') return undefined;
  const symbol = tokens[index + 1];
  if (symbol?.kind === 'currency' && !symbol.spaced) {
    const code = dollarPrefixes.get(token.text);
    if (code !== undefined && (symbol.text === '$' || (symbol.text === '¥' && code === 'CNY')))
      return { code, next: index + 2, start: token.start };
  }
  const code = currencyCodes.get(token.text) ?? (token.text === 'Rs' ? 'INR' : undefined);
  if (code === undefined) return undefined;
  let next = index + 1;
  if (token.text === 'Rs' && tokens[next]?.text === '.') next++;
  return tokens[next]?.kind === 'number' ? { code, next, start: token.start } : undefined;
}

/** A currency after the amount: "yuan", "US dollars", "Hong Kong dollars", "USD". */
export function currencyAfter(
  tokens: readonly FigureToken[],
  index: number,
): UnitMatch | undefined {
  const token = tokens[index];
  if (token?.kind !== 'word') return undefined;
  const code = currencyCodes.get(token.text);
  if (code !== undefined) return { unit: code, next: index + 1, end: token.end };
  // "US dollars", "Hong Kong dollars", "New Zealand dollars": the country word names the dollar.
  let at = index;
  if ((token.text === 'Hong' || token.text === 'New') && tokens[at + 1]?.kind === 'word') at++;
  const country = dollarCountries.get(tokens[at]?.text ?? '');
  const dollars = tokens[at + 1];
  if (country !== undefined && (dollars?.lower === 'dollars' || dollars?.lower === 'dollar'))
    return { unit: country, next: at + 2, end: dollars.end };
  if (token.text === 'Swiss' && tokens[index + 1]?.lower.startsWith('franc'))
    return { unit: 'CHF', next: index + 2, end: tokens[index + 1]?.end ?? token.end };
  const named = currencyWords.get(token.lower);
  if (named === undefined) return undefined;
  // "pounds sterling" is one name.
  if (tokens[index + 1]?.lower === 'sterling')
    return { unit: named, next: index + 2, end: tokens[index + 1]?.end ?? token.end };
  return { unit: named, next: index + 1, end: token.end };
}

/** A unit of measure: "tonnes", "km", "square kilometres", "km/h", "°C". */
export function measureAt(tokens: readonly FigureToken[], index: number): UnitMatch | undefined {
  const token = tokens[index];
  if (!token) return undefined;
  for (const words of multiTokenUnits) {
    let matched = true;
    for (let offset = 0; offset < words.length && matched; offset++)
      matched = tokens[index + offset]?.lower === words[offset];
    if (matched) {
      const last = tokens[index + words.length - 1] ?? token;
      return {
        unit: spanText(tokens, index, index + words.length),
        next: index + words.length,
        end: last.end,
      };
    }
  }
  if (token.kind !== 'word' || !measureUnits.has(token.lower)) return undefined;
  return { unit: token.text, next: index + 1, end: token.end };
}

/** The text of tokens `from .. to-1`, with single spaces where the text had any whitespace. */
export function spanText(tokens: readonly FigureToken[], from: number, to: number): string {
  let text = '';
  for (let index = from; index < to; index++) {
    const token = tokens[index];
    if (!token) break;
    text += index > from && token.spaced ? ` ${token.text}` : token.text;
  }
  return text;
}

/** A word with the hyphenated words joined to it ("coal-fired"), as the index after it. */
function wordEnd(tokens: readonly FigureToken[], index: number): number {
  let next = index + 1;
  while (
    tokens[next]?.kind === 'dash' &&
    !tokens[next]?.spaced &&
    tokens[next + 1]?.kind === 'word' &&
    !tokens[next + 1]?.spaced
  )
    next += 2;
  return next;
}

/** Lower-case words of a phrase that end it before its head: verbs in -ed/-ing after "1". */
const participle = /(?:ed|ing)$/;

/**
 * The counted noun phrase starting at `index`: determiners ("the", "more") and leading
 * nationality/location adjectives are skipped ("3.325 US IP addresses" → "IP addresses"); up to
 * five words are read until a function word or punctuation, and the phrase ends at the first
 * plural noun, its head. With `afterOf`, a leading "of" is read first ("hundreds of people").
 * With `singular` (the number is 1), a phrase without a plural still counts ("1 host computer").
 */
export function nounPhraseAt(
  tokens: readonly FigureToken[],
  index: number,
  options: { readonly afterOf: 'always' | 'determiner' | 'never'; readonly singular: boolean },
): NounPhrase | undefined {
  let at = index;
  if (options.afterOf !== 'never' && tokens[at]?.lower === 'of') {
    if (options.afterOf === 'determiner' && !leadingDeterminers.has(tokens[at + 1]?.lower ?? ''))
      return undefined;
    at++;
  }
  while (tokens[at]?.kind === 'word' && leadingDeterminers.has(tokens[at]?.lower ?? '')) at++;
  // A nationality is skipped only before another word, and only if a phrase follows it:
  // "3 million Chinese voted" counts the Chinese.
  const beforeNationality = at;
  for (;;) {
    const token = tokens[at];
    if (token?.kind !== 'word' || !isNationality(token.text)) break;
    const following = tokens[wordEnd(tokens, at)];
    if (following?.kind !== 'word' || phraseStops.has(following.lower)) break;
    at = wordEnd(tokens, at);
  }
  const phrase = phraseFrom(tokens, at, options.singular);
  if (phrase || at === beforeNationality) return phrase;
  return phraseFrom(tokens, beforeNationality, options.singular);
}

function phraseFrom(
  tokens: readonly FigureToken[],
  from: number,
  singular: boolean,
): NounPhrase | undefined {
  let at = from;
  const words: { first: number; next: number }[] = [];
  let head = -1;
  while (words.length < 5) {
    const token = tokens[at];
    if (token?.kind !== 'word' || phraseStops.has(token.lower)) break;
    const next = wordEnd(tokens, at);
    const last = tokens[next - 1] ?? token;
    if (singular && words.length > 0 && participle.test(last.lower)) break;
    words.push({ first: at, next });
    at = next;
    // After a singular word, a verb in -s ends the phrase: "the budget goes".
    if (words.length > 1 && isPresentTenseVerb(last.lower)) {
      words.pop();
      break;
    }
    if (isPluralNoun(last.text, last.lower)) {
      head = words.length - 1;
      const after = tokens[at];
      if (
        extendableHeads.has(last.lower) &&
        after?.kind === 'word' &&
        isPluralNoun(after.text, after.lower)
      ) {
        words.push({ first: at, next: wordEnd(tokens, at) });
        head++;
        at = wordEnd(tokens, at);
      }
      break;
    }
  }
  if (head < 0) {
    if (!singular || words.length === 0) return undefined;
    head = Math.min(words.length, 3) - 1;
  }
  const kept = words.slice(0, head + 1);
  const firstWord = kept[0];
  const headWord = kept[kept.length - 1];
  if (!firstWord || !headWord) return undefined;
  const startToken = tokens[firstWord.first];
  const endToken = tokens[headWord.next - 1];
  if (!startToken || !endToken) return undefined;
  const unit = kept
    .filter(
      (word, position) =>
        position === kept.length - 1 || !isDroppedFromUnit(spanText(tokens, word.first, word.next)),
    )
    .map((word) => spanText(tokens, word.first, word.next))
    .join(' ');
  return {
    start: startToken.start,
    end: endToken.end,
    unit,
    head: endToken.lower,
    next: headWord.next,
  };
}
