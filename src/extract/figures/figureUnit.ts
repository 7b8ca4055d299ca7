/**
 * The unit of a number read at a token: a currency (before or after), a percentage unit, a unit
 * of measure, a compound modifier ("15-member"), "fraction", or the counted noun phrase; and the
 * kind of figure that makes.
 */
import type { FigureKind } from '../figures.js';
import type { NumberCore } from './numbers.js';
import type { FigureToken } from './tokens.js';
import {
  currencyAfter,
  measureAt,
  nounPhraseAt,
  percentAt,
  spanText,
  type NounPhrase,
} from './units.js';

/** What a number measures and where its expression ends. */
export interface UnitReading {
  readonly kind: FigureKind;
  readonly unit: string;
  /** End of the raw text: through a percent or currency word, not through a measure or noun. */
  readonly rawEnd: number;
  /** Token after the number and its percent/currency/measure unit, before an "of" phrase. */
  readonly afterUnit: number;
  /** Token after the whole expression, the counted noun included. */
  readonly next: number;
  readonly noun?: NounPhrase;
  /** A percent, currency, measure or fraction: such a number is never a year, date or label. */
  readonly measured: boolean;
}

/**
 * Reads the unit after a number ending at token `next` (character `end`). `prefixCode` is a
 * currency written before it. Percentages and fractions keep a noun after "of" ("40 percent of
 * voters") without it becoming their unit.
 */
export function unitOf(
  tokens: readonly FigureToken[],
  core: NumberCore,
  next: number,
  end: number,
  prefixCode: string | undefined,
  ranged: boolean,
): UnitReading {
  const hyphenated =
    tokens[next]?.kind === 'dash' &&
    !tokens[next]?.spaced &&
    tokens[next + 1]?.kind === 'word' &&
    !tokens[next + 1]?.spaced;
  const unitAt = hyphenated ? next + 1 : next;
  // A currency name after a symbol amount says which one it is: "¥800 million yuan" is CNY.
  const named = prefixCode !== undefined ? currencyAfter(tokens, next) : undefined;
  const currencyCode = named?.unit ?? prefixCode;
  let kind: FigureKind = 'other';
  let unit = '';
  let rawEnd = end;
  let afterUnit = next;
  let noun: ReturnType<typeof nounPhraseAt>;
  const percent = currencyCode === undefined ? percentAt(tokens, unitAt) : undefined;
  const currency =
    currencyCode !== undefined || percent
      ? undefined
      : (currencyAfter(tokens, unitAt) ??
        (core.approximate && tokens[next]?.lower === 'of'
          ? currencyAfter(tokens, next + 1)
          : undefined));
  const measure =
    currencyCode !== undefined || percent || currency || hyphenated
      ? undefined
      : measureAt(tokens, unitAt);
  if (currencyCode !== undefined) {
    kind = 'money';
    unit = currencyCode;
    rawEnd = named?.end ?? end;
    afterUnit = named?.next ?? next;
  } else if (percent || currency) {
    const match = percent ?? currency;
    kind = percent ? 'percentage' : 'money';
    unit = match?.unit ?? '';
    rawEnd = match?.end ?? end;
    afterUnit = match?.next ?? next;
  } else if (hyphenated) {
    // A compound modifier: "a 15-member team", "a 45-year-old".
    let chainEnd = unitAt + 1;
    while (
      tokens[chainEnd]?.kind === 'dash' &&
      !tokens[chainEnd]?.spaced &&
      tokens[chainEnd + 1]?.kind === 'word' &&
      !tokens[chainEnd + 1]?.spaced
    )
      chainEnd += 2;
    unit = spanText(tokens, unitAt, chainEnd);
    afterUnit = chainEnd;
  } else if (measure) {
    unit = measure.unit;
    afterUnit = measure.next;
  } else if (core.fraction) {
    unit = 'fraction';
  }
  let after = afterUnit;
  if (kind !== 'money' && !measure && !hyphenated) {
    const counting = kind === 'other' && !core.fraction;
    const ofOnly = kind === 'percentage';
    if (!ofOnly || tokens[afterUnit]?.lower === 'of') {
      noun = nounPhraseAt(tokens, afterUnit, {
        afterOf: counting && !core.approximate ? 'determiner' : 'always',
        singular: counting && !ranged && core.value === 1,
      });
    }
    if (noun) {
      after = noun.next;
      if (counting) {
        kind = 'count';
        unit = noun.unit;
      }
    }
  }
  const measured =
    percent !== undefined ||
    currency !== undefined ||
    currencyCode !== undefined ||
    measure !== undefined ||
    core.fraction;
  return { kind, unit, rawEnd, afterUnit, next: after, ...(noun ? { noun } : {}), measured };
}
