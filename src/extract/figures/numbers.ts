/**
 * Reading the number itself: digits with separators and scales ("14.000", "3.34 million",
 * "$5bn") and numbers in words ("twenty-five", "seven hundred", "a dozen"). Fractions and vague
 * plurals are in ./fractions.ts.
 */
import type { FigureToken } from './tokens.js';
import { attachedScalePowers, clockWords, scalePowers, tensWords, unitWords } from './lexicon.js';
import { attachedMeasureUnits, percentWords } from './unitLexicon.js';

/** A number read from tokens `first .. next-1`, before any unit. */
export interface NumberCore {
  readonly first: number;
  readonly next: number;
  readonly start: number;
  readonly end: number;
  /** The value with separators read as English ones: "14.000" is 14. */
  readonly value: number;
  /**
   * Set when a single full stop is followed by exactly three digits ("14.000", "3.325"): the
   * value if that full stop is a thousands separator. The caller picks it for counts of things.
   */
  readonly thousandsValue?: number;
  /** The decimal string before the scale and its power of ten, to share a scale in a range. */
  readonly mantissa: string;
  readonly power: number;
  /** Only digits, no separator or scale: the shape of a year or a label. */
  readonly plain: boolean;
  readonly approximate: boolean;
  readonly fraction: boolean;
}

/** A token run that is not a figure and must be skipped whole ("10:30", "COVID-19", "5G"). */
export interface Skip {
  readonly skipTo: number;
}

const separator = /[.,]/;
const ordinalSuffixes = new Set(['st', 'nd', 'rd', 'th', 's']);

/**
 * Reads the digits of a number token. English separators: a comma before exactly three digits
 * groups thousands ("1,234,567"); a lone comma before other digit counts is a decimal comma
 * ("3,5"). A lone full stop is a decimal point, except that before exactly three digits it may be
 * a thousands separator (see {@link NumberCore.thousandsValue}); several full stops with
 * three-digit groups ("1.234.567") are thousands; anything else ("192.168.1.1") is not a number.
 */
function readDigits(text: string): { decimal: string; thousands?: string } | undefined {
  if (!separator.test(text)) return { decimal: text };
  const groups = text.split(separator);
  const marks: string[] = [];
  for (const character of text) if (character === '.' || character === ',') marks.push(character);
  const head = groups[0] ?? '';
  const tail = groups.slice(1);
  const lastMark = marks[marks.length - 1];
  const sameMark = marks.every((mark) => mark === lastMark);
  const threes = (list: readonly string[]) => list.every((group) => group.length === 3);
  if (sameMark && marks.length === 1) {
    const fractional = tail[0] ?? '';
    if (fractional.length === 3 && head !== '0' && head.length <= 3) {
      return lastMark === ','
        ? { decimal: head + fractional }
        : { decimal: `${head}.${fractional}`, thousands: head + fractional };
    }
    return { decimal: `${head}.${fractional}` };
  }
  if (head.length > 3) return undefined;
  if (sameMark) return threes(tail) ? { decimal: groups.join('') } : undefined;
  // Mixed marks: the last one is the decimal mark, the others group thousands.
  const grouped = tail.slice(0, -1);
  if (!threes(grouped) || marks.slice(0, -1).some((mark) => mark === lastMark)) return undefined;
  return { decimal: `${head}${grouped.join('')}.${tail[tail.length - 1] ?? ''}` };
}

/** Applies a power of ten exactly ("3.34" and 6 give 3340000, not 3339999.9999999995). */
export function scaled(mantissa: string, power: number): number {
  return power === 0 ? Number(mantissa) : Number(`${mantissa}e${power}`);
}

export function adjacent(tokens: readonly FigureToken[], index: number): FigureToken | undefined {
  const token = tokens[index];
  return token && !token.spaced ? token : undefined;
}

/** A scale word or abbreviation at `index`: "million", "bn", or "m" written against the digits. */
export function scaleAt(tokens: readonly FigureToken[], index: number): number | undefined {
  const token = tokens[index];
  if (token?.kind !== 'word') return undefined;
  if (!token.spaced) return attachedScalePowers.get(token.lower);
  const power = scalePowers.get(token.lower);
  // Plural scales ("millions") are vague amounts, read by pluralScaleAt, not multipliers.
  return power !== undefined && !token.lower.endsWith('s') ? power : undefined;
}

/** "and a half" after a whole number: "two and a half million". */
function andAHalf(tokens: readonly FigureToken[], index: number): boolean {
  return (
    tokens[index]?.lower === 'and' &&
    tokens[index + 1]?.lower === 'a' &&
    tokens[index + 2]?.lower === 'half'
  );
}

/**
 * Reads a number token at `index` with what is written against it. Returns a skip for digits
 * inside labels and times: a letter or "letter-" before ("G20", "COVID-19"), a letter suffix that
 * is no scale or unit ("5G", "21st", "1990s", "10am"), a ":" or "/" joining digits ("10:30",
 * "24/7"), a leading zero ("007"), or separators that make no number ("192.168.1.1").
 */
export function numericCoreAt(
  tokens: readonly FigureToken[],
  index: number,
  afterCurrency: boolean,
): NumberCore | Skip | undefined {
  const token = tokens[index];
  if (token?.kind !== 'number') return undefined;
  const previous = tokens[index - 1];
  if (!afterCurrency && previous && !token.spaced) {
    if (previous.kind === 'word') return { skipTo: index + 1 };
    if (previous.kind === 'dash' && !previous.spaced && tokens[index - 2]?.kind === 'word')
      return { skipTo: index + 1 };
    if (previous.kind === 'punct' && '#.:/'.includes(previous.text)) return { skipTo: index + 1 };
  }
  const joined = adjacent(tokens, index + 1);
  if (joined?.kind === 'punct' && (joined.text === ':' || joined.text === '/')) {
    let skipTo = index + 1;
    while (tokens[skipTo]?.kind === 'punct' && adjacent(tokens, skipTo + 1)?.kind === 'number')
      skipTo += 2;
    if (skipTo > index + 1) return { skipTo };
  }
  const digits = readDigits(token.text);
  if (!digits) return { skipTo: index + 1 };
  if (token.text.length > 1 && token.text.startsWith('0') && !token.text.startsWith('0.'))
    return { skipTo: index + 1 };
  let next = index + 1;
  let end = token.end;
  let power = 0;
  let mantissa = digits.decimal;
  if (joined?.kind === 'word') {
    const attachedPower = attachedScalePowers.get(joined.lower);
    if (attachedPower !== undefined) {
      power = attachedPower;
      next++;
      end = joined.end;
    } else if (
      ordinalSuffixes.has(joined.lower) ||
      clockWords.has(joined.lower) ||
      (!percentWords.has(joined.lower) && !attachedMeasureUnits.has(joined.lower))
    ) {
      return { skipTo: index + 2 };
    }
  } else {
    if (andAHalf(tokens, next) && !digits.decimal.includes('.')) {
      mantissa = String(Number(mantissa) + 0.5);
      next += 3;
      end = tokens[next - 1]?.end ?? end;
    }
    const wordPower = scaleAt(tokens, next);
    if (wordPower !== undefined) {
      power = wordPower;
      end = tokens[next]?.end ?? end;
      next++;
    }
  }
  const plain = power === 0 && next === index + 1 && !separator.test(token.text);
  return {
    first: index,
    next,
    start: token.start,
    end,
    value: scaled(mantissa, power),
    ...(power === 0 && mantissa === digits.decimal && digits.thousands !== undefined
      ? { thousandsValue: Number(digits.thousands) }
      : {}),
    mantissa,
    power,
    plain,
    approximate: false,
    fraction: false,
  };
}

/**
 * Reads a number in words: "three", "twenty-five", "seven hundred", "one hundred and twenty",
 * "two and a half million", "a dozen", "a million". A lone "one" is not read: it is far more
 * often a pronoun or determiner ("one of the", "no one") than an amount.
 */
export function wordCoreAt(tokens: readonly FigureToken[], index: number): NumberCore | undefined {
  const first = tokens[index];
  if (first?.kind !== 'word') return undefined;
  let total = 0;
  let group = 0;
  let lastPower = 0;
  let groupAtLastScale = 0;
  let words = 0;
  let next = index;
  // Whether the previous word closes a group so "and" may continue it ("hundred and twenty").
  let canContinue = false;
  if (first.lower === 'a' || first.lower === 'an') {
    const following = tokens[index + 1]?.lower ?? '';
    if (
      following !== 'hundred' &&
      following !== 'dozen' &&
      scaleAt(tokens, index + 1) === undefined
    )
      return undefined;
    group = 1;
    next = index + 1;
  }
  for (;;) {
    const token = tokens[next];
    if (token?.kind !== 'word') break;
    const word = token.lower;
    const unit = unitWords.get(word);
    const tens = tensWords.get(word);
    if (unit !== undefined || tens !== undefined) {
      if (words > 0 && !canContinue) break;
      group += unit ?? tens ?? 0;
      next++;
      words++;
      canContinue = false;
      // "twenty-five": a tens word, a hyphen and a unit word, all touching.
      const hyphen = adjacent(tokens, next);
      const joinedUnit = adjacent(tokens, next + 1);
      if (tens !== undefined && hyphen?.kind === 'dash' && joinedUnit) {
        const value = unitWords.get(joinedUnit.lower);
        if (value !== undefined && value > 0 && value < 10) {
          group += value;
          next += 2;
        }
      }
      continue;
    }
    if (word === 'hundred' && (words > 0 || group === 1)) {
      group = (group || 1) * 100;
      next++;
      words++;
      canContinue = true;
      continue;
    }
    if (word === 'dozen' && (words > 0 || group === 1)) {
      group = (group || 1) * 12;
      next++;
      words++;
      break;
    }
    const power = scaleAt(tokens, next);
    if (power !== undefined && (words > 0 || group === 1) && token.spaced) {
      groupAtLastScale = group;
      total += group * 10 ** power;
      lastPower = total === group * 10 ** power ? power : 0;
      group = 0;
      next++;
      words++;
      canContinue = true;
      continue;
    }
    if (word === 'and' && words > 0) {
      if (andAHalf(tokens, next) && group > 0 && group % 1 === 0) {
        group += 0.5;
        next += 3;
        canContinue = false;
        continue;
      }
      const after = tokens[next + 1]?.lower ?? '';
      if (canContinue && (unitWords.has(after) || tensWords.has(after))) {
        next++;
        continue;
      }
    }
    break;
  }
  if (words === 0) return undefined;
  if (words === 1 && group === 1 && total === 0 && first.lower === 'one') return undefined;
  const value = total + group;
  const last = tokens[next - 1] ?? first;
  const mantissa = group === 0 && lastPower > 0 ? String(groupAtLastScale) : String(value);
  return {
    first: index,
    next,
    start: first.start,
    end: last.end,
    value,
    mantissa,
    power: group === 0 ? lastPower : 0,
    plain: false,
    approximate: false,
    fraction: false,
  };
}
