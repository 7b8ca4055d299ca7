// Calendar arithmetic for the time extractor. Dates are whole UTC days (days since 1970-01-01) so
// nothing depends on the host time zone or the clock.

/** A calendar day. `wd` is the weekday, 0 = Sunday … 6 = Saturday. */
export interface Day {
  readonly y: number;
  readonly m: number;
  readonly d: number;
  readonly wd: number;
  /** Days since 1970-01-01 (UTC). */
  readonly n: number;
}

/** English month names, index 1–12 (index 0 unused). */
export const MONTH_NAMES = [
  '',
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** English weekday names, index 0 = Sunday, as `Date.getUTCDay` numbers them. */
export const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

const MS_PER_DAY = 86_400_000;

/** The day numbered `n` (days since 1970-01-01). */
export function dayFromNumber(n: number): Day {
  const date = new Date(n * MS_PER_DAY);
  return {
    y: date.getUTCFullYear(),
    m: date.getUTCMonth() + 1,
    d: date.getUTCDate(),
    wd: date.getUTCDay(),
    n,
  };
}

/** The day y-m-d; out-of-range parts roll over as `Date.UTC` rolls them (month 13 = next January). */
export function day(y: number, m: number, d: number): Day {
  return dayFromNumber(Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY));
}

/** `undefined` unless `iso` is a real calendar day written YYYY-MM-DD. */
export function parseIsoDay(iso: string | undefined): Day | undefined {
  const match = iso === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return undefined;
  const parsed = day(Number(match[1]), Number(match[2]), Number(match[3]));
  return isoDay(parsed) === iso ? parsed : undefined;
}

/** Number of days in month `m` of year `y`. */
export function daysInMonth(y: number, m: number): number {
  return day(y, m + 1, 0).d;
}

/** The day `k` days after `from` (before it when `k` is negative). */
export function addDays(from: Day, k: number): Day {
  return dayFromNumber(from.n + k);
}

/** Year and month `k` months after y-m. */
export function addMonths(y: number, m: number, k: number): { y: number; m: number } {
  const index = y * 12 + (m - 1) + k;
  return { y: Math.floor(index / 12), m: (index % 12) + 1 };
}

/** The Monday starting the Monday-to-Sunday week that holds `of`. */
export function mondayOf(of: Day): Day {
  return addDays(of, -((of.wd + 6) % 7));
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** YYYY */
export const isoYear = (y: number): string => pad(y, 4);
/** YYYY-MM */
export const isoMonth = (y: number, m: number): string => `${pad(y, 4)}-${pad(m, 2)}`;
/** YYYY-MM-DD */
export const isoDay = (of: Day): string => `${pad(of.y, 4)}-${pad(of.m, 2)}-${pad(of.d, 2)}`;

/** START/END, or the single value when both ends are the same. */
export const isoRange = (start: string, end: string): string =>
  start === end ? start : `${start}/${end}`;

/** The first day an ISO value (YYYY, YYYY-MM, YYYY-MM-DD or a range) covers, as YYYY-MM-DD. */
export function firstDayOf(value: string): string {
  const start = value.split('/')[0] ?? value;
  if (start.length === 4) return `${start}-01-01`;
  if (start.length === 7) return `${start}-01`;
  return start;
}

/** The last day an ISO value covers, as YYYY-MM-DD. */
export function lastDayOf(value: string): string {
  const end = value.split('/')[1] ?? value;
  if (end.length === 4) return `${end}-12-31`;
  if (end.length === 7) {
    return `${end}-${pad(daysInMonth(Number(end.slice(0, 4)), Number(end.slice(5, 7))), 2)}`;
  }
  return end;
}
