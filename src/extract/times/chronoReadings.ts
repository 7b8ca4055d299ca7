// What chrono-node's readings mean for news: given the parts chrono read (month, day, year,
// weekday), decide which day, month or range they name, looking back from the publication date,
// and reject what is a name rather than a time ('Theresa May', 'the Sunday Times').
import type { ParsedResult } from 'chrono-node/en';
import {
  MONTH_NAMES,
  WEEKDAY_NAMES,
  addDays,
  day,
  daysInMonth,
  isoDay,
  isoMonth,
  isoRange,
  mondayOf,
  type Day,
} from './calendar.js';
import {
  isCapitalised,
  monthNumber,
  wordBefore,
  type Candidate,
  type Ctx,
  type Pub,
} from './shared.js';
import { bareMonthYear } from './yearPatterns.js';

// A bare month ('May', 'March') is a time only after one of these: 'in May', 'since March'.
const MONTH_CUES = new Set(
  'in on since by until till during from to through throughout before after of between around'.split(
    ' ',
  ),
);
// Before a weekday these make it a name: 'Black Friday', 'Super Tuesday'.
const HOLIDAY_WORDS = new Set(
  'black cyber good super ash easter palm holy maundy shrove bloody giving fat'.split(' '),
);
// Before a weekday followed by a capitalised word, these keep it a day: 'on Tuesday Bolton said'.
const WEEKDAY_CUES = new Set(
  'on since by until till from before after last next this past coming'.split(' '),
);
const MONTH_WORD = /(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?/i;
const WEEKDAY_WORD = /(?:Sun|Mon|Tue|Wed|Thu|Fri|Sat)[a-z]*/i;
// 'April and May': a bare month listed after another is a time too.
const LISTED_AFTER_MONTH = new RegExp(`${MONTH_WORD.source}\\s*,?\\s+(?:and|or)\\s+$`);
// 'March - May 2019', 'March to May': the range merge (combine) joins the two.
const OPENS_MONTH_RANGE = new RegExp(`^\\s*(?:-|–|—|to|until|through|and)\\s+${MONTH_WORD.source}`);

/** The parts chrono read with certainty (implied ones are chrono's guesses, not used). */
export interface Parts {
  y?: number;
  m?: number;
  d?: number;
  wd?: number;
}

/** The certain parts of one end of a chrono result. */
export function parts(components: ParsedResult['start']): Parts {
  const known = (key: 'year' | 'month' | 'day' | 'weekday') =>
    components.isCertain(key) ? (components.get(key) ?? undefined) : undefined;
  return { y: known('year'), m: known('month'), d: known('day'), wd: known('weekday') };
}

const monthName = (m: number): string => MONTH_NAMES[m] ?? '';

/** The weekday a modifier names, relative to the publication day. */
function resolveWeekday(
  wd: number,
  modifier: string,
  postfix: string,
  pub: Pub,
): { at: Day; why: string } {
  const p = pub.day;
  const name = WEEKDAY_NAMES[wd] ?? '';
  const inWeek = (weeks: number) => addDays(mondayOf(p), weeks * 7 + ((wd + 6) % 7));
  if (postfix !== '') {
    const weeks = postfix === 'next' ? 1 : postfix === 'this' ? 0 : -1;
    const which = ['the week before', 'the week of', 'the week after'][weeks + 1];
    return {
      at: inWeek(weeks),
      why: `the ${name} of ${which} ${pub.label}, weeks running Monday to Sunday`,
    };
  }
  if (/last|past/.test(modifier)) {
    return { at: addDays(p, -((p.wd - wd + 7) % 7 || 7)), why: `the ${name} before ${pub.label}` };
  }
  if (/next|coming/.test(modifier)) {
    return {
      at: addDays(p, (wd - p.wd + 7) % 7 || 7),
      why: `the first ${name} after ${pub.label}`,
    };
  }
  if (modifier === 'this') {
    return { at: inWeek(0), why: `the ${name} of the Monday-to-Sunday week of ${pub.label}` };
  }
  const back = (p.wd - wd + 7) % 7;
  const why = back === 0 ? `${pub.label} itself` : `the ${name} before ${pub.label}`;
  return { at: addDays(p, -back), why };
}

/** A weekday reading ('on Friday', 'next Friday', 'Friday next week'); null when it is a name. */
export function weekdayCandidate(
  ctx: Ctx,
  start: number,
  end: number,
  result: ParsedResult,
  wd: number,
) {
  const core = ctx.text.slice(start, end);
  const word = WEEKDAY_WORD.exec(core)?.[0] ?? '';
  // Abbreviations alone are names more often than days: 'The Sun said', 'He Sat down'.
  if (!isCapitalised(word) || !word.endsWith('day') || ctx.pub === undefined) return null;
  let modifier = /^(this|last|past|next)\s/i.exec(core)?.[1]?.toLowerCase() ?? '';
  const lead = /\b(this\s+coming|this\s+past|coming)\s+$/i.exec(
    ctx.text.slice(Math.max(0, start - 20), start),
  );
  if (lead?.[1] !== undefined && modifier === '') {
    modifier = lead[1].toLowerCase();
    start -= lead[0].length;
  }
  const before = wordBefore(ctx.text, start);
  if (modifier === '' && HOLIDAY_WORDS.has(before)) return null;
  const next = /^\s+([A-Z][a-z]+)/.exec(ctx.text.slice(end, end + 30))?.[1];
  if (
    next !== undefined &&
    Number.isNaN(monthNumber(next)) &&
    modifier === '' &&
    !WEEKDAY_CUES.has(before)
  ) {
    return null; // 'the Sunday Times'
  }
  const postfix =
    /(this|last|past|next)\s+week$/i.exec(core)?.[1]?.toLowerCase().replace('past', 'last') ?? '';
  const { at, why } = resolveWeekday(wd, modifier, postfix, ctx.pub);
  let value = isoDay(at);
  let precision: Candidate['precision'] = 'day';
  const endWd = result.end ? parts(result.end).wd : undefined;
  if (endWd !== undefined) {
    value = `${value}/${isoDay(addDays(at, (endWd - wd + 7) % 7))}`;
    precision = 'range';
  }
  return {
    start,
    end,
    value,
    precision,
    relative: true,
    explain: why,
    dayLike: precision === 'day',
  };
}

/** Year for a month (and day) that chrono read without one; a known weekday may pick the year. */
function floatingYear(m: number, d: number | undefined, wd: number | undefined, pub: Pub) {
  const y = bareMonthYear(m, pub);
  if (d === undefined || wd === undefined) return { y, fits: false };
  const y2 = [y, y - 1, y + 1].find((candidate) => day(candidate, m, d).wd === wd);
  return y2 === undefined ? { y, fits: false } : { y: y2, fits: y2 !== y };
}

const format = (y: number, m: number, d: number | undefined): string =>
  d === undefined ? isoMonth(y, m) : isoDay(day(y, m, d));

/** A month reading, with or without day, year or range end; null when it is a name or a verb. */
export function monthCandidate(
  ctx: Ctx,
  start: number,
  end: number,
  result: ParsedResult,
  s: Parts,
) {
  const core = ctx.text.slice(start, end);
  const word = MONTH_WORD.exec(core)?.[0] ?? '';
  const m = s.m ?? 0;
  const numeric = !/[A-Za-z]/.test(core);
  if (
    (!numeric && !isCapitalised(word)) ||
    (s.d !== undefined && s.d > daysInMonth(s.y ?? 2000, m))
  ) {
    return null;
  }
  const e = result.end ? parts(result.end) : undefined;
  let modifier = '';
  if (s.d === undefined && s.y === undefined && e === undefined) {
    // A bare month: 'in May' is a time, 'Theresa May' and 'May I' are not.
    const lead = /\b(last|next|this|coming|this\s+coming|this\s+past|past)\s+$/i.exec(
      ctx.text.slice(Math.max(0, start - 20), start),
    );
    const listed = LISTED_AFTER_MONTH.test(ctx.text.slice(Math.max(0, start - 20), start));
    const opensRange = OPENS_MONTH_RANGE.test(ctx.text.slice(end, end + 20));
    if (word.length < 4 && word !== 'May') return null;
    if (lead?.[1] !== undefined) {
      modifier = lead[1].toLowerCase();
      start -= lead[0].length;
    } else if (!MONTH_CUES.has(wordBefore(ctx.text, start)) && !listed && !opensRange) return null;
  }
  const pub = ctx.pub;
  const name = monthName(m);
  if (e !== undefined) {
    const em = e.m ?? m;
    // One explicit year anchors both ends; otherwise the start follows the bare-month rule and
    // the end is the first such month or day on or after the start.
    let sy = s.y ?? (e.y === undefined ? undefined : m <= em ? e.y : e.y - 1);
    const relative = sy === undefined;
    if (sy === undefined) {
      if (pub === undefined) return null;
      sy = bareMonthYear(m, pub);
    }
    const ey = e.y ?? (em > m || (em === m && (e.d ?? 31) >= (s.d ?? 1)) ? sy : sy + 1);
    const value = isoRange(format(sy, m, s.d), format(ey, em, e.d));
    const explain = relative
      ? `a range starting in the latest ${name} not after ${pub?.label}`
      : 'Explicit date range';
    return { start, end, value, precision: 'range' as const, relative, explain };
  }
  const precision = s.d === undefined ? ('month' as const) : ('day' as const);
  if (s.y !== undefined) {
    const explain = s.d === undefined ? 'Explicit month and year' : 'Explicit date';
    return { start, end, value: format(s.y, m, s.d), precision, relative: false, explain };
  }
  if (pub === undefined) return null;
  const p = pub.day;
  let y: number;
  let why: string;
  if (/last|past/.test(modifier)) {
    y = m < p.m ? p.y : p.y - 1;
    why = `the latest ${name} before the month of ${pub.label}`;
  } else if (/next|coming/.test(modifier)) {
    y = m > p.m ? p.y : p.y + 1;
    why = `the first ${name} after the month of ${pub.label}`;
  } else if (modifier === 'this') {
    y = p.y;
    why = `${name} of the year of ${pub.label}`;
  } else {
    const picked = floatingYear(m, s.d, s.wd, pub);
    y = picked.y;
    why = `the latest ${name} not after ${pub.label}`;
    if (s.d !== undefined) why = `${name} ${s.d} in ${why}`;
    if (picked.fits)
      why = `${name} ${s.d} in the year nearest ${pub.label} when it is a ${WEEKDAY_NAMES[s.wd ?? 0]}`;
  }
  const candidate: Candidate = {
    start,
    end,
    value: format(y, m, s.d),
    precision,
    relative: true,
    explain: why,
  };
  if (modifier === '')
    candidate.floating = { month: m, ...(s.d === undefined ? {} : { day: s.d }) };
  candidate.dayLike = s.d !== undefined;
  return candidate;
}

const CASUAL: Record<string, [number, string]> = {
  today: [0, 'the publication date'],
  tonight: [0, 'the evening of the publication date'],
  yesterday: [-1, 'the day before the publication date'],
  'last night': [-1, 'the night before the publication date'],
  tomorrow: [1, 'the day after the publication date'],
};

/** 'today', 'yesterday', 'tomorrow', 'tonight', 'last night'; null for 'USA Today'. */
export function casualCandidate(
  ctx: Ctx,
  start: number,
  end: number,
  word: string,
): Candidate | null {
  const [shift, what] = CASUAL[word.toLowerCase().replace(/\s+/g, ' ')] ?? [];
  if (shift === undefined || what === undefined || ctx.pub === undefined) return null;
  // 'USA Today' is a newspaper.
  if (
    isCapitalised(word) &&
    /[A-Z][A-Za-z]*\s+$/.test(ctx.text.slice(Math.max(0, start - 20), start))
  ) {
    return null;
  }
  const label = ctx.pub.label.replace('the publication date ', '');
  const value = isoDay(addDays(ctx.pub.day, shift));
  return {
    start,
    end,
    value,
    precision: 'day',
    relative: true,
    explain: `${what} ${label}`,
    dayLike: true,
  };
}
