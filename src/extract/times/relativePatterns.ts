// Pattern rules for expressions relative to the publication date: 'last week', 'earlier this
// year', 'two years ago', 'the past decade', weekends, 'now' (quarters and seasons: periods.ts).
// chrono-node's relative parsers are switched off (see times.ts): their values are days, where
// news needs a week, month or year.
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
  countValue,
  fromMatch,
  wordBefore,
  type Candidate,
  type Ctx,
  type Rule,
} from './shared.js';

type Unit = 'week' | 'weekend' | 'month' | 'year';
type Part = 'early' | 'mid' | 'late';
// The same tables as the year and month parts in yearPatterns.ts.
const YEAR_THIRDS: Record<Part, readonly [number, number]> = {
  early: [1, 3],
  mid: [5, 8],
  late: [10, 12],
};
const MONTH_THIRDS: Record<Part, readonly [number, number]> = {
  early: [1, 10],
  mid: [11, 20],
  late: [21, 31],
};

/** 'last/this/next week|weekend|month|year', optionally 'early', 'mid', 'late', 'earlier', 'later'. */
function calendarRelative(match: RegExpExecArray, ctx: Ctx): Candidate | null {
  const pub = ctx.pub;
  const part = match[1]?.toLowerCase();
  const which = (match[2] ?? '').toLowerCase();
  const unit = (match[3] ?? '').toLowerCase() as Unit;
  // 'the last year of his term' is an ordinal, not the year before publication.
  if (pub === undefined || (which === 'last' && wordBefore(ctx.text, match.index) === 'the'))
    return null;
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
      value =
        unit === 'year'
          ? isoRange(isoMonth(p.y, 1), isoMonth(p.y, p.m))
          : `${isoMonth(p.y, p.m)}-01/${isoDay(p)}`;
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
      else
        [from, to] = part.startsWith('early') ? [0, 2] : part.startsWith('late') ? [3, 6] : [1, 3];
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

const UNIT = '(days?|weeks?|months?|years?|decades?)';

/**
 * 'The US now has 133 cyber teams': the present of the article. The seed's gold reads it as the
 * publication year (precision year), so it is read so here. Lower case only ('Now, …' opens a
 * sentence as a discourse marker), and not 'now that', 'from now on', 'until now', 'by now'.
 */
function now(match: RegExpExecArray, ctx: Ctx): Candidate | null {
  if (ctx.pub === undefined) return null;
  const end = match.index + match[0].length;
  if (/^(?:-|\s+(?:that|on)\b)/.test(ctx.text.slice(end, end + 6))) return null;
  if (/^(?:from|until|till|by|to|than|since)$/.test(wordBefore(ctx.text, match.index))) return null;
  const explain = `the present of the article, taken as the year of ${ctx.pub.label}`;
  return fromMatch(match, isoYear(ctx.pub.day.y), 'year', true, explain);
}

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
  { re: /\bnow\b/g, make: now },
  {
    re: /\bthis\s+(morning|afternoon|evening)\b/gi,
    make: (match, ctx) =>
      ctx.pub === undefined
        ? null
        : { ...fromMatch(match, isoDay(ctx.pub.day), 'day', true, ctx.pub.label), dayLike: false },
  },
];
