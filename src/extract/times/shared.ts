// Internal types and helpers shared by the time extractor's passes.
import type { TimePrecision } from '../times.js';
import { MONTH_NAMES, WEEKDAY_NAMES, isoDay, type Day } from './calendar.js';

/** The publication date an article's relative expressions are resolved against. */
export interface Pub {
  readonly day: Day;
  /** 'the publication date 2019-06-12 (Wednesday)', for `basis`. */
  readonly label: string;
}

/** The `Pub` for a publication day. */
export function makePub(of: Day): Pub {
  return { day: of, label: `the publication date ${isoDay(of)} (${WEEKDAY_NAMES[of.wd]})` };
}

/** One time expression found by a pass, before overlaps are settled and the span is widened. */
export interface Candidate {
  /** Core span in the scanned text, without a leading preposition. */
  start: number;
  end: number;
  value: string;
  precision: TimePrecision;
  relative: boolean;
  /**
   * Why `value`: for a relative candidate the clause after '"raw": ' (e.g. 'the Tuesday before the
   * publication date …'); for an absolute one the whole sentence (e.g. 'Explicit year'). No full
   * stop: the basis builder adds it.
   */
  explain: string;
  /** Set when the year came from the bare-month rule, so a range end may move it (see combine). */
  floating?: { readonly month: number; readonly day?: number };
  /** A single day a time of day ('night', 'morning') may follow. */
  dayLike?: boolean;
}

/** The text a pass scans and the publication date, if known. */
export interface Ctx {
  readonly text: string;
  readonly pub: Pub | undefined;
}

/** A pattern pass: a global regex and what one of its matches means (null: not a time). */
export interface Rule {
  readonly re: RegExp;
  make(match: RegExpExecArray, ctx: Ctx): Candidate | null;
}

/** A 1800–2099 year, as a regex source with one capturing group. */
export const YEAR = '((?:18|19|20)\\d\\d)';
/** After a year: not part of a longer number, a percentage, a decimal or an ISO date. */
export const YEAR_END = '(?![\\w%/]|[.,]\\d|-\\d)';
/** Before a year: not part of a number, an amount or an identifier. */
export const YEAR_START = '(?<![\\w$€£#@/])(?<!\\d[.,])';
/** A month name or its usual abbreviation, as a regex source with one capturing group. */
export const MONTH =
  '(January|February|March|April|May|June|July|August|September|October|November|December|' +
  'Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
/** Small counts news writes out ('two years ago'), or digits. */
export const COUNT =
  '(\\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|' +
  'twenty|thirty|a\\s+couple\\s+of|couple\\s+of)';

const COUNT_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
};

/** The number a COUNT match stands for. */
export function countValue(word: string): number {
  const lower = word.toLowerCase().replace(/\s+/g, ' ');
  if (/^\d+$/.test(lower)) return Number(lower);
  if (lower.endsWith('couple of')) return 2;
  return COUNT_WORDS[lower] ?? Number.NaN;
}

/** 1–12 for a month name or abbreviation ('Sept.' → 9), NaN otherwise. */
export function monthNumber(word: string): number {
  const key = word.slice(0, 3).toLowerCase();
  const index = MONTH_NAMES.findIndex((name) => name.slice(0, 3).toLowerCase() === key);
  return index > 0 ? index : Number.NaN;
}

/** Whether a word is written with a capital, as month and weekday names are in edited prose. */
export const isCapitalised = (word: string): boolean => /^[A-Z]/.test(word);

/** The lower-cased word just before `index` (skipping spaces and punctuation), or ''. */
export function wordBefore(text: string, index: number): string {
  // A hand-written scan: this runs for every candidate, and an end-anchored regex backtracks.
  const isLetter = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  let end = index;
  const floor = Math.max(0, index - 30);
  while (end > floor && !isLetter(text.charCodeAt(end - 1)) && !/\d/.test(text[end - 1] ?? ''))
    end--;
  let start = end;
  while (start > floor && isLetter(text.charCodeAt(start - 1))) start--;
  return text.slice(start, end).toLowerCase();
}

/** A year named as a number or relative to the publication year ('last year', 'the year'). */
export const YEAR_REF = `(?:${YEAR}${YEAR_END}|(last|this|next|the\\s+current|the)\\s+year\\b)`;

/** The year a YEAR_REF match names; null when it needs a publication date that is missing. */
export function resolveYearRef(
  digits: string | undefined,
  word: string | undefined,
  pub: Pub | undefined,
): { y: number; relative: boolean; explain: string } | null {
  if (digits !== undefined) return { y: Number(digits), relative: false, explain: 'Explicit year' };
  if (word === undefined || pub === undefined) return null;
  const shift = { last: -1, next: 1 }[word.toLowerCase()] ?? 0;
  const which = ['the year before', 'the year of', 'the year after'][shift + 1] ?? '';
  return { y: pub.day.y + shift, relative: true, explain: `${which} ${pub.label}` };
}

/** A candidate spanning a whole regex match. */
export function fromMatch(
  match: RegExpExecArray,
  value: string,
  precision: TimePrecision,
  relative: boolean,
  explain: string,
): Candidate {
  return {
    start: match.index,
    end: match.index + match[0].length,
    value,
    precision,
    relative,
    explain,
  };
}
