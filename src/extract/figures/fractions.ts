/**
 * Fractions ("two-thirds", "a third of", "one in five", "half of", "half a million") and vague
 * plurals ("dozens of", "tens of thousands"), read as number cores.
 */
import { fractionDenominators, fractionFollowers, pluralScales } from './lexicon.js';
import { adjacent, scaleAt, wordCoreAt, type NumberCore } from './numbers.js';
import type { FigureToken } from './tokens.js';

const upToThreeDigits = /^\d{1,3}$/;
const halfFollowers = new Set(['of', 'the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'all']);
const halfBlockers = new Set(['first', 'second', 'last', 'latter', 'former', 'other', 'and']);

/** A small whole number at `index`, in digits or words, with the index after it. */
function smallWholeAt(
  tokens: readonly FigureToken[],
  index: number,
): { value: number; next: number } | undefined {
  const token = tokens[index];
  if (token?.kind === 'number' && upToThreeDigits.test(token.text))
    return { value: Number(token.text), next: index + 1 };
  if (token?.kind !== 'word') return undefined;
  if (token.lower === 'one') return { value: 1, next: index + 1 };
  const core = wordCoreAt(tokens, index);
  return core && core.value % 1 === 0 ? { value: core.value, next: core.next } : undefined;
}

/** "half a million", "a quarter of a million", "half a dozen": a fraction of a scale. */
function ofAScale(
  tokens: readonly FigureToken[],
  index: number,
): { factor: number; next: number } | undefined {
  let at = index;
  if (tokens[at]?.lower === 'of') at++;
  if (tokens[at]?.lower !== 'a' && tokens[at]?.lower !== 'an') return undefined;
  if (tokens[at + 1]?.lower === 'dozen') return { factor: 12, next: at + 2 };
  const power = scaleAt(tokens, at + 1);
  return power === undefined ? undefined : { factor: 10 ** power, next: at + 2 };
}

/**
 * Reads a fraction: "two-thirds", "three quarters", "a third", "one in five", "1 in 5", "nine out
 * of ten", "half of". "a third"/"a quarter" count only when the next word suits a fraction
 * ("a third of", "a third were"), so "a third term" stays an ordinal; "half" needs "of", a
 * determiner or "a" after it, and not "first"/"second" before it ("the first half of 2018").
 */
export function fractionAt(tokens: readonly FigureToken[], index: number): NumberCore | undefined {
  const token = tokens[index];
  if (!token) return undefined;
  let numerator: number | undefined;
  let denominator: number | undefined;
  let next = index;
  if (token.lower === 'half') {
    const following = tokens[index + 1]?.lower ?? '';
    if (!halfFollowers.has(following) || halfBlockers.has(tokens[index - 1]?.lower ?? ''))
      return undefined;
    numerator = 1;
    denominator = 2;
    next = index + 1;
  } else {
    const whole =
      token.lower === 'a' || token.lower === 'an'
        ? { value: 1, next: index + 1 }
        : smallWholeAt(tokens, index);
    if (!whole) return undefined;
    // "a year and a half": the half belongs to the words before it.
    if ((token.lower === 'a' || token.lower === 'an') && tokens[index - 1]?.lower === 'and')
      return undefined;
    numerator = whole.value;
    next = whole.next;
    const hyphen = adjacent(tokens, next)?.kind === 'dash' && adjacent(tokens, next + 1);
    const wordAt = hyphen ? next + 1 : next;
    const denominatorWord = tokens[wordAt];
    const wordDenominator =
      denominatorWord?.kind === 'word'
        ? fractionDenominators.get(denominatorWord.lower)
        : undefined;
    if (wordDenominator !== undefined && token.kind === 'word') {
      const plural = denominatorWord?.lower.endsWith('s') ?? false;
      const followerOk =
        tokens[wordAt + 1]?.kind !== 'word' ||
        fractionFollowers.has(tokens[wordAt + 1]?.lower ?? '');
      if (numerator === 1 ? plural || (!hyphen && !followerOk) : !plural && !hyphen)
        return undefined;
      if (numerator > 1 && !hyphen && wordDenominator === 4 && tokens[wordAt + 1]?.lower !== 'of')
        return undefined; // "two quarters" of a year are periods, "three quarters of" a share
      denominator = wordDenominator;
      next = wordAt + 1;
    } else {
      let at = next;
      if (tokens[at]?.lower === 'in') at++;
      else if (tokens[at]?.lower === 'out' && tokens[at + 1]?.lower === 'of') at += 2;
      else return undefined;
      if (tokens[at]?.lower === 'every') at++;
      const bottom = smallWholeAt(tokens, at);
      if (!bottom || bottom.value <= numerator || bottom.value > 1000) return undefined;
      denominator = bottom.value;
      next = bottom.next;
    }
  }
  const last = tokens[next - 1] ?? token;
  const share = numerator / denominator;
  const ofScale = ofAScale(tokens, next);
  if (ofScale) {
    const value = share * ofScale.factor;
    const end = tokens[ofScale.next - 1]?.end ?? last.end;
    return core(index, ofScale.next, token.start, end, value, false, false);
  }
  return core(index, next, token.start, last.end, share, false, true);
}

/**
 * Reads a vague plural: "dozens", "hundreds", "thousands", "tens of thousands", "hundreds of
 * millions", "scores of". The value is the least the plural can mean, twice the unit (dozens 24,
 * hundreds 200, tens of thousands 20,000), and the figure is approximate.
 */
export function pluralScaleAt(
  tokens: readonly FigureToken[],
  index: number,
): NumberCore | undefined {
  const token = tokens[index];
  if (token?.kind !== 'word') return undefined;
  const of = tokens[index + 1]?.lower === 'of';
  const outer =
    tokens[index + 2]?.kind === 'word'
      ? pluralScales.get(tokens[index + 2]?.lower ?? '')
      : undefined;
  const unit = token.lower === 'tens' ? 10 : pluralScales.get(token.lower);
  if (unit === undefined) return undefined;
  if ((token.lower === 'tens' || token.lower === 'scores') && !of) return undefined;
  if (of && outer !== undefined && outer >= 1000) {
    const end = tokens[index + 2]?.end ?? token.end;
    return core(index, index + 3, token.start, end, 2 * unit * outer, true, false);
  }
  if (token.lower === 'tens') return undefined;
  return core(index, index + 1, token.start, token.end, 2 * unit, true, false);
}

function core(
  first: number,
  next: number,
  start: number,
  end: number,
  value: number,
  approximate: boolean,
  fraction: boolean,
): NumberCore {
  return {
    first,
    next,
    start,
    end,
    value,
    mantissa: String(value),
    power: 0,
    plain: false,
    approximate,
    fraction,
  };
}
