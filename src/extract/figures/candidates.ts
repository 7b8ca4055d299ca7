/**
 * One figure read at a token: the currency before it, the number, a range, qualifiers that make
 * it approximate, and what it measures; or the decision that the digits are no figure (a year,
 * a date, a clock time, a label).
 */
import type { FigureKind, TextSpan } from '../figures.js';
import type { FigureToken } from './tokens.js';
import { changeNouns, changeVerbs } from './changeWords.js';
import { currencyCodes, dollarPrefixes, durationUnits } from './unitLexicon.js';
import {
  clockWords,
  labelWords,
  monthNames,
  pluralScales,
  tensWords,
  unitWords,
  yearPrecedents,
} from './lexicon.js';
import { fractionAt, pluralScaleAt } from './fractions.js';
import { numericCoreAt, wordCoreAt, type NumberCore, type Skip } from './numbers.js';
import { unitOf } from './figureUnit.js';
import { isSkip, rangeAfter, yearLike } from './ranges.js';
import { currencyPrefixAt } from './units.js';
import { approximateQualifiers, singular } from './wordClasses.js';

/** A figure as read, before changes are assigned: the tokens it covers and what it is. */
export interface Candidate {
  /** First token of the whole expression, qualifiers included ("more than 2,000"). */
  readonly first: number;
  /** Token after the expression, unit or counted noun included. */
  readonly next: number;
  /** Token after the number and its percent/currency/measure unit, before an "of" phrase. */
  readonly afterUnit: number;
  readonly start: number;
  readonly end: number;
  readonly raw: string;
  readonly value: number;
  readonly range?: { readonly low: number; readonly high: number };
  readonly unit: string;
  readonly kind: FigureKind;
  readonly noun?: TextSpan;
  /** Crude singular of the counted noun's head ("server"), to match "the number of servers". */
  readonly head?: string;
  readonly approximate: boolean;
  /**
   * For a figure without a unit whose digits have a full stop before three digits: its value
   * read as thousands, should it turn out to count things (see ./inheritUnits.ts).
   */
  readonly thousandsValue?: number;
  readonly sentence: number;
  readonly paragraph: number;
}

/** What reading at a token gave: maybe a candidate, and where the scan goes on. */
export interface ReadResult {
  readonly candidate?: Candidate;
  readonly next: number;
}

const toBlockers = new Set(['from', 'by', 'up', 'down']);
const approximateSuffixes = new Set(['odd', 'plus']);
const relativeTimeWords = new Set(['ago', 'earlier', 'later']);

function qualifierBefore(
  tokens: readonly FigureToken[],
  first: number,
  floor: number,
): { first: number; timeLike: boolean } | undefined {
  for (const qualifier of approximateQualifiers) {
    const start = first - qualifier.words.length;
    if (start < floor) continue;
    let matched = true;
    for (let offset = 0; offset < qualifier.words.length && matched; offset++) {
      const token = tokens[start + offset];
      matched = token?.kind === 'word' && token.lower === qualifier.words[offset];
    }
    if (matched) return { first: start, timeLike: qualifier.timeLike };
  }
  return undefined;
}

function isMonth(token: FigureToken | undefined): boolean {
  return token?.kind === 'word' && monthNames.has(token.text);
}

/** The number core at `at`: a fraction, a vague plural, digits, or words. */
function coreAt(
  tokens: readonly FigureToken[],
  at: number,
  afterCurrency: boolean,
): NumberCore | Skip | undefined {
  if (tokens[at]?.kind === 'number') {
    const digits = numericCoreAt(tokens, at, afterCurrency);
    if (isSkip(digits) || afterCurrency) return digits;
    return fractionAt(tokens, at) ?? digits;
  }
  if (afterCurrency) return wordCoreAt(tokens, at);
  return fractionAt(tokens, at) ?? pluralScaleAt(tokens, at) ?? wordCoreAt(tokens, at);
}

const otherStarters = new Set(['a', 'an', 'half', 'tens', 'scores']);

/** A cheap test that a token can begin a figure, so most words are never read further. */
export function mayStartFigure(token: FigureToken): boolean {
  if (token.kind === 'number' || token.kind === 'currency') return true;
  if (token.kind !== 'word') return false;
  const word = token.lower;
  return (
    unitWords.has(word) ||
    tensWords.has(word) ||
    otherStarters.has(word) ||
    pluralScales.has(word) ||
    currencyCodes.has(token.text) ||
    dollarPrefixes.has(token.text) ||
    token.text === 'Rs'
  );
}

/**
 * Reads the figure starting at token `index`, never reaching back before `floor` (the end of
 * the previous figure). Digits that are no figure are skipped whole.
 */
export function readFigureAt(
  text: string,
  tokens: readonly FigureToken[],
  index: number,
  floor: number,
): ReadResult {
  const prefix = currencyPrefixAt(tokens, index);
  const core = coreAt(tokens, prefix ? prefix.next : index, prefix !== undefined);
  if (isSkip(core)) return { next: core.skipTo };
  if (!core) return { next: index + 1 };
  const before = tokens[index - 1];
  const between = before?.lower === 'between' && index - 1 >= floor;
  const beforeWord = before?.lower ?? '';
  // After a change word, "X to Y" is a change and a level ("rose 2,000 to 14,000") unless Y is a
  // percentage ("rose 10 to 12 percent").
  const to = toBlockers.has(beforeWord)
    ? 'never'
    : changeVerbs.has(beforeWord) || changeNouns.has(beforeWord)
      ? 'percent'
      : 'range';
  const range =
    core.fraction || core.approximate ? undefined : rangeAfter(tokens, core, between, to);
  if (isSkip(range)) return { next: range.skipTo };
  let first = range && between ? index - 1 : index;
  const qualifier = qualifierBefore(tokens, first, floor);
  if (qualifier) first = qualifier.first;
  let approximate = core.approximate || qualifier !== undefined;
  let next = range ? range.next : core.next;
  let end = range ? range.end : core.end;
  // "40-odd", "2,000-plus", "2,000+".
  const suffix = tokens[next + 1];
  if (
    tokens[next]?.kind === 'dash' &&
    !tokens[next]?.spaced &&
    suffix &&
    !suffix.spaced &&
    approximateSuffixes.has(suffix.lower)
  ) {
    approximate = true;
    end = suffix.end;
    next += 2;
  } else if (tokens[next]?.text === '+' && !tokens[next]?.spaced) {
    approximate = true;
    end = tokens[next]?.end ?? end;
    next++;
  }
  const reading = unitOf(tokens, core, next, end, prefix?.code ?? range?.prefix?.code, !!range);
  const { kind, unit, rawEnd, afterUnit, noun } = reading;
  let after = reading.next;
  // "two years ago", "three days later": a time, which the time extractor reads.
  if (
    durationUnits.has(unit.toLowerCase()) &&
    relativeTimeWords.has(tokens[afterUnit]?.lower ?? '')
  )
    return { next: reading.next };
  if (!reading.measured) {
    const previous = tokens[first - 1];
    // Labels take any unscaled digits ("Article 5", "version 2.0"); dates only whole days.
    const label =
      !range &&
      !core.power &&
      tokens[index]?.kind === 'number' &&
      (labelWords.has(beforeWord) || (beforeWord === '.' && tokens[index - 2]?.lower === 'no'));
    const date =
      core.plain &&
      !range &&
      core.value <= 31 &&
      (isMonth(before) ||
        (beforeWord === '.' && isMonth(tokens[index - 2])) ||
        isMonth(tokens[core.next]));
    if (label || date) return { next: core.next };
    if (!core.power && core.value <= 24 && clockWords.has(tokens[core.next]?.lower ?? ''))
      return { next: core.next };
    if (yearLike(core) && (!qualifier || qualifier.timeLike)) {
      const precedent =
        previous?.kind === 'word' && (yearPrecedents.has(previous.lower) || isMonth(previous));
      const afterDate = previous?.text === ',' && isMonth(tokens[first - 3]);
      if (precedent || afterDate || kind !== 'count')
        return { next: range ? range.next : core.next };
    }
  }
  const counted = kind === 'count';
  const value =
    counted && core.thousandsValue !== undefined && !range ? core.thousandsValue : core.value;
  const low = range ? (counted ? (range.lowThousands ?? range.low) : range.low) : undefined;
  const high = range ? (counted ? (range.highThousands ?? range.high) : range.high) : undefined;
  if (tokens[after]?.lower === 'or' && tokens[after + 1]?.lower === 'so') {
    approximate = true;
    after += 2;
  }
  const startToken = tokens[range && between ? index - 1 : index];
  const start = startToken?.start ?? core.start;
  const sentenceToken = tokens[index];
  const candidate: Candidate = {
    first,
    next: after,
    afterUnit,
    start,
    end: rawEnd,
    raw: text.slice(start, rawEnd),
    value: low ?? value,
    ...(low !== undefined && high !== undefined ? { range: { low, high } } : {}),
    unit,
    kind,
    ...(noun
      ? { noun: { text: text.slice(noun.start, noun.end), start: noun.start, end: noun.end } }
      : {}),
    ...(counted && noun ? { head: singular(noun.head) } : {}),
    approximate,
    ...(!counted && !range && unit === '' && core.thousandsValue !== undefined
      ? { thousandsValue: core.thousandsValue }
      : {}),
    sentence: sentenceToken?.sentence ?? 0,
    paragraph: sentenceToken?.paragraph ?? 0,
  };
  return { candidate, next: after };
}
