// Pattern rules for expressions built on a year: bare years, year ranges, election years,
// decades, parts of a year or month (quarters, halves, seasons: periods.ts). chrono-node reads
// none of these (it has no year-only parser), so they are matched here.
import { MONTH_NAMES, day, daysInMonth, isoDay, isoMonth, isoRange, isoYear } from './calendar.js';
import {
  MONTH,
  YEAR,
  YEAR_END,
  YEAR_REF,
  YEAR_START,
  fromMatch,
  isCapitalised,
  monthNumber,
  resolveYearRef,
  wordBefore,
  type Candidate,
  type Ctx,
  type Pub,
  type Rule,
} from './shared.js';

// Words before a number that make it a year: 'in 2018', 'since 2015', 'the 2018 report'.
const YEAR_CUES = new Set(
  (
    'in since by until till during from of the year before after throughout through between ' +
    'and to circa around fiscal early late mid spring summer autumn fall winter ' +
    'january february march april may june july august september october november december'
  ).split(' '),
);
// Words before a number that make it a name or a count, not a year: 'Windows 2000'.
const NOT_YEAR_CUES = new Set(
  (
    'no number resolution article flight route room page pages model version code section ' +
    'chapter item unit windows office android ios rfc iso cve highway'
  ).split(' '),
);
// Lower-case words after a year that keep it a year although they end in s or would otherwise
// read as a counted noun.
const YEAR_NOUNS = new Set(
  (
    'election elections midterms polls vote campaign race census report budget season games ' +
    'olympics summit referendum survey study was is were has had saw will would as'
  ).split(' '),
);
// Units after a number make it a quantity: '2000 km'.
const UNITS = new Set('km kg mph ft mw gw kw bn mn tonnes tons miles metres meters'.split(' '));

const EVENT_QUALIFIER =
  'US|U\\.S\\.|American|presidential|general|midterm|parliamentary|legislative|local|European|' +
  'federal|national|state|congressional|mayoral|Senate|House';
const EVENT =
  'elections?|vote|polls|campaign|race|midterms|primar(?:y|ies)|referendum|census|Olympics|' +
  'Olympic\\s+Games|World\\s+Cup';

/** A bare year is a year unless its neighbours make it a count ('2000 people') or a name. */
function bareYear(match: RegExpExecArray, ctx: Ctx): Candidate | null {
  const end = match.index + match[0].length;
  const before = wordBefore(ctx.text, match.index);
  if (NOT_YEAR_CUES.has(before)) return null;
  const after = ctx.text.slice(end, end + 40);
  const next = /^\s+([A-Za-z]+)/.exec(after)?.[1];
  if (next !== undefined && /^[a-z]/.test(next)) {
    if (UNITS.has(next)) return null;
    if (!YEAR_NOUNS.has(next) && next.endsWith('s')) return null;
  }
  // '2010 to 2015': the range merge (combine) joins the two years.
  const closes =
    /^(?:\s*$|[.,;:!?)\]"'`’]|\s*(?:to|until|till|through|and|or|-|–)\s+(?:18|19|20)\d\d)/.test(
      after,
    );
  const known = next !== undefined && YEAR_NOUNS.has(next);
  const capitalNext = next !== undefined && isCapitalised(next);
  if (!YEAR_CUES.has(before) && !closes && !known && !capitalNext) return null;
  return fromMatch(match, isoYear(Number(match[1])), 'year', false, 'Explicit year');
}

/** '2015-17', '2015–2017', '2019/20'; 'between 2015 and 2017' is merged later (combine). */
function yearRange(match: RegExpExecArray): Candidate | null {
  const start = Number(match[1]);
  const tail = match[2] ?? '';
  let end = Number(tail);
  if (tail.length === 2) {
    // '2019-06' is an ISO month for chrono, '2011-12' a season spanning two years.
    if (end <= 12 && end !== (start + 1) % 100) return null;
    end += Math.floor(start / 100) * 100;
  }
  if (end <= start || end - start > 100) return null;
  return fromMatch(match, `${start}/${end}`, 'range', false, 'Explicit range of years');
}

/** Early, mid and late parts of a year, as months. The gold has 'in late 2016' = Oct–Dec. */
const YEAR_PARTS: Record<string, readonly [number, number]> = {
  early: [1, 3],
  beginning: [1, 1],
  start: [1, 1],
  mid: [5, 8],
  middle: [5, 8],
  late: [10, 12],
  end: [12, 12],
  close: [12, 12],
};
/** Early, mid and late parts of a month, as days (late ends on the month's last day). */
const MONTH_PARTS: Record<string, readonly [number, number]> = {
  early: [1, 10],
  beginning: [1, 10],
  start: [1, 10],
  mid: [11, 20],
  middle: [11, 20],
  late: [21, 31],
  end: [21, 31],
};

function yearPart(match: RegExpExecArray, ctx: Ctx): Candidate | null {
  const part = (match[1] ?? match[2] ?? '').toLowerCase();
  const ref = resolveYearRef(match[3], match[4], ctx.pub);
  const months = YEAR_PARTS[part];
  if (ref === null || months === undefined) return null;
  const [from, to] = months;
  const value = isoRange(isoMonth(ref.y, from), isoMonth(ref.y, to));
  const span = `${MONTH_NAMES[from]} to ${MONTH_NAMES[to]}`;
  const explain = ref.relative
    ? `${span} of ${ref.explain} ('${part}' taken as ${span})`
    : `Explicit year, '${part}' taken as ${span}`;
  return fromMatch(match, value, from === to ? 'month' : 'range', ref.relative, explain);
}

/** The year of month `m` under the bare-month rule: the latest such month not after publication. */
export function bareMonthYear(m: number, pub: Pub): number {
  return m <= pub.day.m ? pub.day.y : pub.day.y - 1;
}

function monthPart(match: RegExpExecArray, ctx: Ctx): Candidate | null {
  const part = (match[1] ?? match[2] ?? '').toLowerCase();
  const monthWord = match[3] ?? '';
  const m = monthNumber(monthWord);
  const days = MONTH_PARTS[part];
  if (!isCapitalised(monthWord) || Number.isNaN(m) || days === undefined) return null;
  const explicit = match[4] !== undefined;
  if (!explicit && ctx.pub === undefined) return null;
  const y = explicit ? Number(match[4]) : bareMonthYear(m, ctx.pub as Pub);
  const last = Math.min(days[1], daysInMonth(y, m));
  const value = `${isoDay(day(y, m, days[0]))}/${isoDay(day(y, m, last))}`;
  const span = `days ${days[0]} to ${last}`;
  const candidate = explicit
    ? fromMatch(match, value, 'range', false, `Explicit month, '${part}' taken as ${span}`)
    : fromMatch(
        match,
        value,
        'range',
        true,
        `${span} of the latest ${MONTH_NAMES[m]} not after ${ctx.pub?.label} ('${part}' taken as ${span})`,
      );
  if (!explicit) candidate.floating = { month: m };
  return candidate;
}

/** A decade, or its early (0–3), mid (4–6) or late (7–9) years. '90s is read as the 1990s. */
function decade(match: RegExpExecArray): Candidate | null {
  const part = match[1]?.toLowerCase();
  const twoDigit = match[3] === undefined ? undefined : Number(match[3]);
  const first =
    twoDigit === undefined ? Number(match[2]) * 10 : (twoDigit <= 1 ? 2000 : 1900) + twoDigit * 10;
  const [from, to] =
    part === 'early' ? [0, 3] : part === 'mid' ? [4, 6] : part === 'late' ? [7, 9] : [0, 9];
  const explain = `Explicit decade, ${first + from} to ${first + to}${part ? ` ('${part}')` : ''}`;
  return fromMatch(match, `${first + from}/${first + to}`, 'range', false, explain);
}

/** Rules for year-based expressions, longest forms first (overlaps keep the longest anyway). */
export const yearRules: readonly Rule[] = [
  {
    re: new RegExp(
      `\\b(?:the\\s+)?${YEAR}\\s+(?:(?:${EVENT_QUALIFIER})\\s+){0,2}(?:${EVENT})\\b`,
      'gi',
    ),
    // 'the June 2016 referendum' is a month: chrono's 'June 2016' is left to win.
    make: (match, ctx) =>
      Number.isNaN(monthNumber(wordBefore(ctx.text, match.index)))
        ? fromMatch(
            match,
            isoYear(Number(match[1])),
            'year',
            false,
            'Explicit year of a named event',
          )
        : null,
  },
  {
    re: new RegExp(`\\bthe\\s+year\\s+${YEAR}${YEAR_END}`, 'gi'),
    make: (match) => fromMatch(match, isoYear(Number(match[1])), 'year', false, 'Explicit year'),
  },
  {
    re: new RegExp(
      `${YEAR_START}${YEAR}\\s*[-–—/]\\s*((?:18|19|20)\\d\\d|\\d\\d)(?![\\w%/]|[.,]\\d|-\\d)`,
      'g',
    ),
    make: yearRange,
  },
  { re: new RegExp(`${YEAR_START}${YEAR}${YEAR_END}`, 'g'), make: bareYear },
  {
    re: /(?:\bthe\s+)?(?:\b(early|mid|late)[-\s]+)?(?:\b((?:18|19|20)\d)0|['’‘`](\d)0)s\b/gi,
    make: decade,
  },
  {
    re: new RegExp(
      `\\b(?:(early|mid|late)(?:[-\\s]+|\\s+in\\s+)(?=\\d|the\\s+year)|(?:the\\s+)?(beginning|start|end|middle|close)\\s+of\\s+)${YEAR_REF}`,
      'gi',
    ),
    make: yearPart,
  },
  {
    re: new RegExp(
      `\\b(?:(early|mid|late)[-\\s]+|(?:the\\s+)?(beginning|start|end|middle)\\s+of\\s+)${MONTH}(?:,?\\s+(?:of\\s+)?${YEAR}${YEAR_END})?`,
      'gi',
    ),
    make: monthPart,
  },
];
