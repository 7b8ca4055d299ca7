// Pattern rules for expressions relative to the publication date: 'last week', 'earlier this
// year', 'two years ago', 'the past decade', 'last quarter', seasons, weekends. chrono-node's
// relative parsers are switched off (see times.ts): their values are days, where news needs a
// week, month or year, and they have no seasons or quarters.
import {
  MONTH_NAMES,
  WEEKDAY_NAMES,
  addDays,
  addMonths,
  day,
  daysInMonth,
  isoDay,
  isoMonth,
  isoRange,
  isoYear,
  mondayOf,
} from './calendar.js';
import {
  COUNT,
  YEAR,
  countValue,
  fromMatch,
  isCapitalised,
  wordBefore,
  type Candidate,
  type Ctx,
  type Pub,
  type Rule,
} from './shared.js';
import { quarterValue } from './yearPatterns.js';

const SEASON = '(spring|summer|autumn|fall|winter)';
const SEASON_START: Record<string, number> = { spring: 3, summer: 6, autumn: 9, fall: 9, winter: 12 };
// Capitalised words that may stand before a capitalised season: 'In Spring 2019' is a season,
// 'the Arab Spring' is not.
const SEASON_LEADS = new Set('in during by since until last this next early late the over'.split(' '));

/** Months from 0 AD, so season instances compare as numbers. */
const monthIndex = (y: number, m: number): number => y * 12 + m - 1;

/** The season starting at month index `start`, as a YYYY-MM/YYYY-MM value. */
function seasonValue(start: number): string {
  const from = addMonths(0, 1, start);
  const to = addMonths(0, 1, start + 2);
  return `${isoMonth(from.y, from.m)}/${isoMonth(to.y, to.m)}`;
}

/** Which instance of a season a modifier names, relative to the publication month. */
function seasonStart(season: string, modifier: string, pub: Pub): { start: number; why: string } {
  const now = monthIndex(pub.day.y, pub.day.m);
  const sm = SEASON_START[season] ?? 1;
  // The instance starting in the publication year, then step to the one the modifier wants.
  let start = monthIndex(pub.day.y, sm);
  if (/last|past/.test(modifier)) {
    while (start + 2 >= now) start -= 12;
    return { start, why: `the latest ${season} that ended before ${pub.label}` };
  }
  if (/next|coming/.test(modifier)) {
    while (start <= now) start += 12;
    return { start, why: `the first ${season} that starts after ${pub.label}` };
  }
  if (modifier === 'this') {
    if (start - 12 + 2 >= now) start -= 12; // a winter that began last December holds `now`
    return { start, why: `the ${season} of the year of ${pub.label}` };
  }
  while (start > now) start -= 12;
  return { start, why: `the latest ${season} that began not after ${pub.label}` };
}

function season(match: RegExpExecArray, ctx: Ctx, word: string, modifier: string, year?: string) {
  const lower = word.toLowerCase();
  if (isCapitalised(word)) {
    const before = ctx.text.slice(Math.max(0, match.index - 20), match.index);
    const lead = /([A-Za-z]+)\W*$/.exec(before)?.[1];
    if (lead !== undefined && isCapitalised(lead) && !SEASON_LEADS.has(lead.toLowerCase())) return null;
  }
  const hemisphere = 'northern hemisphere';
  if (year !== undefined) {
    const y = Number(year);
    const start = monthIndex(y, SEASON_START[lower] ?? 1);
    const note = lower === 'winter' ? `, the winter that begins in December ${y}` : '';
    return fromMatch(match, seasonValue(start), 'season', false, `Explicit season (${hemisphere})${note}`);
  }
  if (ctx.pub === undefined) return null;
  const { start, why } = seasonStart(lower, modifier.toLowerCase(), ctx.pub);
  return fromMatch(match, seasonValue(start), 'season', true, `${why} (${hemisphere})`);
}

type Unit = 'week' | 'weekend' | 'month' | 'year';
type Part = 'early' | 'mid' | 'late';
// The same tables as the year and month parts in yearPatterns.ts.
const YEAR_THIRDS: Record<Part, readonly [number, number]> = { early: [1, 3], mid: [5, 8], late: [10, 12] };
const MONTH_THIRDS: Record<Part, readonly [number, number]> = { early: [1, 10], mid: [11, 20], late: [21, 31] };

/** 'last/this/next week|weekend|month|year', optionally 'early', 'mid', 'late', 'earlier', 'later'. */
function calendarRelative(match: RegExpExecArray, ctx: Ctx): Candidate | null {
  const pub = ctx.pub;
  const part = match[1]?.toLowerCase();
  const which = (match[2] ?? '').toLowerCase();
  const unit = (match[3] ?? '').toLowerCase() as Unit;
  // 'the last year of his term' is an ordinal, not the year before publication.
  if (pub === undefined || (which === 'last' && wordBefore(ctx.text, match.index) === 'the')) return null;
  const shift = which === 'last' ? -1 : which.endsWith('next') || which.endsWith('coming') ? 1 : 0;
  const near = ['before', 'of', 'after'][shift + 1];
  const p = pub.day;
  let value: string;
  let precision: Candidate['precision'] = 'range';
  let span = '';
  if (unit === 'year' || unit === 'month') {
    const at = unit === 'year' ? { y: p.y + shift, m: 1 } : addMonths(p.y, p.m, shift);
    const whole = unit === 'year' ? isoYear(at.y) : isoMonth(at.y, at.m);
    if (part === 'earlier' && shift === 0) {
      value = unit === 'year' ? isoRange(isoMonth(p.y, 1), isoMonth(p.y, p.m)) : `${isoMonth(p.y, p.m)}-01/${isoDay(p)}`;
      span = ', from its start to the publication date';
    } else if (part === 'later' && shift === 0) {
      value =
        unit === 'year'
          ? isoRange(isoMonth(p.y, p.m), isoMonth(p.y, 12))
          : `${isoDay(p)}/${isoDay(day(p.y, p.m, daysInMonth(p.y, p.m)))}`;
      span = ', from the publication date to its end';
    } else if (part !== undefined) {
      const key = ({ earlier: 'early', later: 'late' }[part] ?? part) as Part;
      if (unit === 'year') {
        const [from, to] = YEAR_THIRDS[key];
        value = `${isoMonth(at.y, from)}/${isoMonth(at.y, to)}`;
        span = `, '${part}' taken as ${MONTH_NAMES[from]} to ${MONTH_NAMES[to]}`;
      } else {
        const [from, to] = MONTH_THIRDS[key];
        const last = Math.min(to, daysInMonth(at.y, at.m));
        value = `${isoDay(day(at.y, at.m, from))}/${isoDay(day(at.y, at.m, last))}`;
        span = `, '${part}' taken as days ${from} to ${last}`;
      }
    } else {
      value = whole;
      precision = unit;
    }
  } else {
    const monday = addDays(mondayOf(p), shift * 7);
    let [from, to] = unit === 'weekend' ? [5, 6] : [0, 6];
    if (unit === 'week' && part !== undefined) {
      if (part === 'earlier' && shift === 0) to = (p.wd + 6) % 7;
      else if (part === 'later' && shift === 0) from = (p.wd + 6) % 7;
      else [from, to] = part.startsWith('early') ? [0, 2] : part.startsWith('late') ? [3, 6] : [1, 3];
      span = ` (${WEEKDAY_NAMES[(from + 1) % 7]} to ${WEEKDAY_NAMES[(to + 1) % 7]})`;
    }
    value = `${isoDay(addDays(monday, from))}/${isoDay(addDays(monday, to))}`;
    span = `${span}, weeks running Monday to Sunday`;
  }
  const explain = `the ${unit} ${near} ${pub.label}${span}`;
  return fromMatch(match, value, precision, true, explain);
}

type CountUnit = 'day' | 'week' | 'month' | 'year' | 'decade';

/** 'two years ago': the year, month or day that many units before publication. */
function ago(match: RegExpExecArray, ctx: Ctx): Candidate | null {
  const n = countValue(match[1] ?? '');
  const unit = (match[2] ?? '').toLowerCase().replace(/s$/, '') as CountUnit;
  const pub = ctx.pub;
  if (pub === undefined || !Number.isFinite(n)) return null;
  const p = pub.day;
  const count = unit === 'decade' ? n * 10 : n;
  const named = unit === 'decade' ? 'year' : unit;
  const why = `${count} ${named}${count === 1 ? '' : 's'} before ${pub.label}`;
  if (unit === 'day' || unit === 'week') {
    return fromMatch(match, isoDay(addDays(p, -n * (unit === 'week' ? 7 : 1))), 'day', true, why);
  }
  if (unit === 'month') {
    const at = addMonths(p.y, p.m, -n);
    return fromMatch(match, isoMonth(at.y, at.m), 'month', true, `the month ${why}`);
  }
  return fromMatch(match, isoYear(p.y - count), 'year', true, `the year ${why}`);
}

/** 'the past two years': a rolling window that ends on the publication date. */
function rolling(match: RegExpExecArray, ctx: Ctx): Candidate | null {
  const pub = ctx.pub;
  const unitWord = (match[3] ?? '').toLowerCase();
  const plural = unitWord.endsWith('s');
  // 'the past years' gives no count: too vague to date.
  if (pub === undefined || (match[2] === undefined && plural)) return null;
  const n = match[2] === undefined ? 1 : countValue(match[2]);
  if (!Number.isFinite(n)) return null;
  const unit = unitWord.replace(/s$/, '') as CountUnit;
  const p = pub.day;
  let value: string;
  if (unit === 'day' || unit === 'week') {
    value = `${isoDay(addDays(p, -n * (unit === 'week' ? 7 : 1)))}/${isoDay(p)}`;
  } else if (unit === 'month' || unit === 'year') {
    const from = addMonths(p.y, p.m, unit === 'year' ? -12 * n : -n);
    value = `${isoMonth(from.y, from.m)}/${isoMonth(p.y, p.m)}`;
  } else {
    value = `${isoYear(p.y - 10 * n)}/${isoYear(p.y)}`;
  }
  const explain = `a rolling window of ${n} ${unit}${n === 1 ? '' : 's'} ending on ${pub.label}`;
  return fromMatch(match, value, 'range', true, explain);
}

/** 'over the weekend': the latest Saturday–Sunday not after publication. */
function weekend(match: RegExpExecArray, ctx: Ctx): Candidate | null {
  if (ctx.pub === undefined) return null;
  const p = ctx.pub.day;
  const saturday = addDays(mondayOf(p), p.wd === 6 || p.wd === 0 ? 5 : -2);
  const value = `${isoDay(saturday)}/${isoDay(addDays(saturday, 1))}`;
  return fromMatch(match, value, 'range', true, `the latest weekend not after ${ctx.pub.label}`);
}

function quarterShift(match: RegExpExecArray, ctx: Ctx): Candidate | null {
  if (ctx.pub === undefined) return null;
  const word = (match[1] ?? '').toLowerCase();
  const shift = /last|past/.test(word) ? -1 : /next|coming/.test(word) ? 1 : 0;
  const p = ctx.pub.day;
  const index = p.y * 4 + Math.ceil(p.m / 3) - 1 + shift;
  const value = quarterValue(Math.floor(index / 4), (index % 4) + 1);
  const near = ['the quarter before', 'the quarter of', 'the quarter after'][shift + 1];
  return fromMatch(match, value, 'quarter', true, `${near} ${ctx.pub.label} (calendar quarters)`);
}

const UNIT = '(days?|weeks?|months?|years?|decades?)';

/** Rules for expressions relative to the publication date. */
export const relativeRules: readonly Rule[] = [
  {
    re: new RegExp(
      `\\b(?:(earlier|later|early|late|mid)[-\\s]+(?:in\\s+)?)?(last|this|next|this\\s+coming|the\\s+coming|the\\s+current)\\s+(week|weekend|month|year)\\b`,
      'gi',
    ),
    make: calendarRelative,
  },
  { re: new RegExp(`\\b${COUNT}\\s+${UNIT}\\s+ago\\b`, 'gi'), make: ago },
  {
    re: new RegExp(`\\b(?:the\\s+)?(past|last)\\s+(?:${COUNT}\\s+)?${UNIT}\\b(?!\\s+of\\b)`, 'gi'),
    make: (match, ctx) => {
      // 'last year' and 'last week' are calendar units (calendarRelative); a rolling window needs
      // 'the' ('the past year'), 'past' ('over past decade') or a count ('last two years').
      const hasThe = /^the\s/i.test(match[0]);
      if (!hasThe && match[1]?.toLowerCase() === 'last' && match[2] === undefined) return null;
      if (match[2] !== undefined && /^an?$/i.test(match[2])) return null;
      return rolling(match, ctx);
    },
  },
  { re: /\b(?:over|at|on|during)\s+the\s+weekend\b/gi, make: weekend },
  {
    re: /\bthis\s+(morning|afternoon|evening)\b/gi,
    make: (match, ctx) =>
      ctx.pub === undefined
        ? null
        : { ...fromMatch(match, isoDay(ctx.pub.day), 'day', true, ctx.pub.label), dayLike: false },
  },
  {
    re: /\b(?:the\s+)?(last|this|next|past|current|coming)\s+quarter\b(?!\s+of\b)/gi,
    make: quarterShift,
  },
  {
    re: new RegExp(
      `\\b(?:the\\s+)?(?:(?:early|late|mid)[-\\s]+)?${SEASON}\\s+(?:of\\s+)?${YEAR}(?:\\s*[-/–]\\s*(?:(?:18|19|20)\\d\\d|\\d\\d))?(?![\\w%]|[.,]\\d)`,
      'gi',
    ),
    make: (match, ctx) => season(match, ctx, match[1] ?? '', '', match[2]),
  },
  {
    re: new RegExp(`\\b(last|this|next|past|the\\s+past|this\\s+past|this\\s+coming|the\\s+coming)\\s+${SEASON}\\b`, 'gi'),
    make: (match, ctx) => season(match, ctx, match[2] ?? '', match[1] ?? ''),
  },
  {
    re: new RegExp(`\\b(?:in|during|over|through|throughout|since)\\s+(?:the\\s+)?(?:(?:early|late)\\s+)?${SEASON}\\b(?!\\s+of\\b)`, 'gi'),
    make: (match, ctx) => season(match, ctx, match[1] ?? '', ''),
  },
];
