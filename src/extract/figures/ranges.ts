/**
 * Ranges after a first number: "10-15", "10–15", "10 to 12 percent", "between 3 and 5 million";
 * and the dash runs that are no figure at all (year spans, scores, ISO dates).
 */
import { numericCoreAt, scaled, wordCoreAt, type NumberCore, type Skip } from './numbers.js';
import type { FigureToken } from './tokens.js';
import { currencyPrefixAt, percentAt, type CurrencyPrefix } from './units.js';

/** A range read after its low end; thousands readings as for {@link NumberCore}. */
export interface RangeReading {
  readonly next: number;
  readonly end: number;
  readonly low: number;
  readonly high: number;
  readonly lowThousands?: number;
  readonly highThousands?: number;
  readonly prefix?: CurrencyPrefix;
}

/** Tells a skip from a reading. */
export function isSkip<T extends object>(value: T | Skip | undefined): value is Skip {
  return value !== undefined && 'skipTo' in value;
}

/** A bare four-digit number that could be a year: 1000 to 2100, no separators. */
export function yearLike(core: NumberCore): boolean {
  return core.plain && core.value >= 1000 && core.value <= 2100;
}

/**
 * A range after the first number: "10-15", "10–15", "10 to 12", "between 3 and 5 million". A
 * scale on one end applies to the other ("3 and 5 million"). "to" makes no range after "from",
 * "by", "up", "down" or a change word ("rose by 2,000 to 14,000" is a change and a level). A
 * dash between years ("2015-16"), between a higher and a lower number (a score, "3-1"), or
 * before a zero-led number (a date, "2018-05-06") makes the whole run no figure.
 */
export function rangeAfter(
  tokens: readonly FigureToken[],
  low: NumberCore,
  between: boolean,
  to: 'range' | 'percent' | 'never',
): RangeReading | Skip | undefined {
  const connector = tokens[low.next];
  const after = tokens[low.next + 1];
  if (!connector || !after) return undefined;
  const dash = connector.kind === 'dash';
  if (dash && connector.spaced !== after.spaced) return undefined;
  const toRange = connector.lower === 'to' && to !== 'never';
  if (!dash && !toRange && !(connector.lower === 'and' && between)) return undefined;
  let at = low.next + 1;
  const prefix = currencyPrefixAt(tokens, at);
  if (prefix) at = prefix.next;
  const high =
    tokens[at]?.kind === 'number'
      ? numericCoreAt(tokens, at, true)
      : dash
        ? undefined
        : wordCoreAt(tokens, at);
  if (isSkip(high)) return dash ? high : undefined;
  if (!high || (dash && tokens[low.first]?.kind !== 'number')) return undefined;
  if (toRange && to === 'percent' && !percentAt(tokens, high.next)) return undefined;
  if (dash && yearLike(low) && high.plain && (high.value < 100 || yearLike(high)))
    return { skipTo: high.next };
  const lowValue = low.power === 0 && high.power > 0 ? scaled(low.mantissa, high.power) : low.value;
  const highValue =
    high.power === 0 && low.power > 0 ? scaled(high.mantissa, low.power) : high.value;
  if (!(lowValue < highValue)) return dash ? { skipTo: high.next } : undefined;
  return {
    next: high.next,
    end: high.end,
    low: lowValue,
    high: highValue,
    ...(high.power === 0 && low.thousandsValue !== undefined
      ? { lowThousands: low.thousandsValue }
      : {}),
    ...(high.thousandsValue !== undefined ? { highThousands: high.thousandsValue } : {}),
    ...(prefix ? { prefix } : {}),
  };
}
