// The chrono-node pass: chrono finds calendar expressions (month names with or without a day or
// year, weekdays, 'yesterday', ISO and numeric dates) and reads their parts; this module decides
// which year, week or day they mean (news looks back) and throws out what is not a time.
import { casual, type ParsedResult } from 'chrono-node/en';
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
import { isCapitalised, monthNumber, wordBefore, type Candidate, type Ctx, type Pub } from './shared.js';
import { bareMonthYear } from './yearPatterns.js';

// Only the parsers for calendar expressions. Dropped: times of day (we report days), the
// relative parsers ('last week', '3 days ago', 'within a month'), whose day values the pattern
// rules replace with weeks, months and years, and year-first month names ('2012 March'), which
// English news does not write and which misread lists ('from 2010 to 2012, March - May 2019').
const KEPT_PARSERS = [
  'ENYearMonthDayParser',
  'ISOFormatParser',
  'SlashDateFormatParser',
  'ENMonthNameLittleEndianParser',
  'ENMonthNameMiddleEndianParser',
  'ENWeekdayParser',
  'ENSlashMonthFormatParser',
  'ENCasualDateParser',
  'ENMonthNameParser',
];

// Only the refiners that join what the kept parsers find: 'Tuesday, June 11' (weekday and date),
// 'June 11-13' and 'March to May' (ranges), and overlap removal. The others (time zones, times
// of day, relative phrases, forward dates) have nothing to act on and cost most of a parse.
const KEPT_REFINERS = ['OverlapRemovalRefiner', 'MergeWeekdayComponentRefiner', 'ENMergeDateRangeRefiner'];

function buildParser() {
  const parser = casual.clone();
  parser.parsers = parser.parsers.filter((p) => KEPT_PARSERS.includes(p.constructor.name));
  parser.refiners = parser.refiners.filter((r) => KEPT_REFINERS.includes(r.constructor.name));
  const found = new Set([...parser.parsers, ...parser.refiners].map((p) => p.constructor.name));
  const missing = [...KEPT_PARSERS, ...KEPT_REFINERS].filter((name) => !found.has(name));
  // Picked by class name: fail loudly if an upgrade renamed one.
  if (missing.length > 0) throw new Error(`chrono-node parts not found: ${missing.join(', ')}`);
  return parser;
}

const parser = buildParser();

// Where chrono can find something: month and weekday names (capitalised: 'a march', 'they may'
// never start a window), casual day words and numeric dates. chrono runs only on windows around
// these, which keeps it off the bulk of an article.
const TRIGGER =
  /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|[Tt]oday|[Tt]onight|[Tt]omorrow|[Yy]esterday|[Ll]ast\s+night)\b|\b\d{4}[-/.]\d{1,2}\b|\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b/g;
const WINDOW = 40;

/** Word-aligned spans of `text` around chrono triggers, merged where they overlap. */
function windows(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const match of text.matchAll(TRIGGER)) {
    const hit = match.index;
    const hitEnd = hit + match[0].length;
    let a = Math.max(0, hit - WINDOW);
    while (a > 0 && a < hit && !/\s/.test(text[a - 1] ?? '')) a++;
    let b = Math.min(text.length, hitEnd + WINDOW);
    while (b < text.length && b > hitEnd && !/\s/.test(text[b] ?? '')) b--;
    const last = spans.at(-1);
    if (last !== undefined && a <= last[1]) last[1] = Math.max(last[1], b);
    else spans.push([a, b]);
  }
  return spans;
}

// A bare month ('May', 'March') is a time only after one of these: 'in May', 'since March'.
const MONTH_CUES = new Set(
  'in on since by until till during from to through throughout before after of between around'.split(' '),
);
// Before a weekday these make it a name: 'Black Friday', 'Super Tuesday'.
const HOLIDAY_WORDS = new Set(
  'black cyber good super ash easter palm holy maundy shrove bloody giving fat'.split(' '),
);
// Before a weekday followed by a capitalised word, these keep it a day: 'on Tuesday Bolton said'.
const WEEKDAY_CUES = new Set('on since by until till from before after last next this past coming'.split(' '));
const MONTH_WORD = /(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?/i;
const WEEKDAY_WORD = /(?:Sun|Mon|Tue|Wed|Thu|Fri|Sat)[a-z]*/i;

interface Parts {
  y?: number;
  m?: number;
  d?: number;
  wd?: number;
}

function parts(components: ParsedResult['start']): Parts {
  const known = (key: 'year' | 'month' | 'day' | 'weekday') =>
    components.isCertain(key) ? (components.get(key) ?? undefined) : undefined;
  return { y: known('year'), m: known('month'), d: known('day'), wd: known('weekday') };
}

const monthName = (m: number): string => MONTH_NAMES[m] ?? '';

/** The weekday a modifier names, relative to the publication day. */
function resolveWeekday(wd: number, modifier: string, postfix: string, pub: Pub): { at: Day; why: string } {
  const p = pub.day;
  const name = WEEKDAY_NAMES[wd] ?? '';
  const inWeek = (weeks: number) => addDays(mondayOf(p), weeks * 7 + ((wd + 6) % 7));
  if (postfix !== '') {
    const weeks = postfix === 'next' ? 1 : postfix === 'this' ? 0 : -1;
    const which = ['the week before', 'the week of', 'the week after'][weeks + 1];
    return { at: inWeek(weeks), why: `the ${name} of ${which} ${pub.label}, weeks running Monday to Sunday` };
  }
  if (/last|past/.test(modifier)) {
    return { at: addDays(p, -((p.wd - wd + 7) % 7 || 7)), why: `the ${name} before ${pub.label}` };
  }
  if (/next|coming/.test(modifier)) {
    return { at: addDays(p, (wd - p.wd + 7) % 7 || 7), why: `the first ${name} after ${pub.label}` };
  }
  if (modifier === 'this') {
    return { at: inWeek(0), why: `the ${name} of the Monday-to-Sunday week of ${pub.label}` };
  }
  const back = (p.wd - wd + 7) % 7;
  const why = back === 0 ? `${pub.label} itself` : `the ${name} before ${pub.label}`;
  return { at: addDays(p, -back), why };
}

function weekdayCandidate(ctx: Ctx, start: number, end: number, result: ParsedResult, wd: number) {
  const core = ctx.text.slice(start, end);
  const word = WEEKDAY_WORD.exec(core)?.[0] ?? '';
  // Abbreviations alone are names more often than days: 'The Sun said', 'He Sat down'.
  if (!isCapitalised(word) || !word.endsWith('day') || ctx.pub === undefined) return null;
  let modifier = /^(this|last|past|next)\s/i.exec(core)?.[1]?.toLowerCase() ?? '';
  const lead = /\b(this\s+coming|this\s+past|coming)\s+$/i.exec(ctx.text.slice(Math.max(0, start - 20), start));
  if (lead?.[1] !== undefined && modifier === '') {
    modifier = lead[1].toLowerCase();
    start -= lead[0].length;
  }
  const before = wordBefore(ctx.text, start);
  if (modifier === '' && HOLIDAY_WORDS.has(before)) return null;
  const next = /^\s+([A-Z][a-z]+)/.exec(ctx.text.slice(end, end + 30))?.[1];
  if (next !== undefined && Number.isNaN(monthNumber(next)) && modifier === '' && !WEEKDAY_CUES.has(before)) {
    return null; // 'the Sunday Times'
  }
  const postfix = /(this|last|past|next)\s+week$/i.exec(core)?.[1]?.toLowerCase().replace('past', 'last') ?? '';
  const { at, why } = resolveWeekday(wd, modifier, postfix, ctx.pub);
  let value = isoDay(at);
  let precision: Candidate['precision'] = 'day';
  const endWd = result.end ? parts(result.end).wd : undefined;
  if (endWd !== undefined) {
    value = `${value}/${isoDay(addDays(at, (endWd - wd + 7) % 7))}`;
    precision = 'range';
  }
  return { start, end, value, precision, relative: true, explain: why, dayLike: precision === 'day' };
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

function monthCandidate(ctx: Ctx, start: number, end: number, result: ParsedResult, s: Parts) {
  const core = ctx.text.slice(start, end);
  const word = MONTH_WORD.exec(core)?.[0] ?? '';
  const m = s.m ?? 0;
  if (!isCapitalised(word) || (s.d !== undefined && s.d > daysInMonth(s.y ?? 2000, m))) return null;
  const e = result.end ? parts(result.end) : undefined;
  let modifier = '';
  if (s.d === undefined && s.y === undefined && e === undefined) {
    // A bare month: 'in May' is a time, 'Theresa May' and 'May I' are not.
    const lead = /\b(last|next|this|coming|this\s+coming|this\s+past|past)\s+$/i.exec(
      ctx.text.slice(Math.max(0, start - 20), start),
    );
    const listed = new RegExp(`${MONTH_WORD.source}\\s*,?\\s+(?:and|or)\\s+$`).test(
      ctx.text.slice(Math.max(0, start - 20), start),
    );
    // 'March - May 2019', 'March to May': the range merge (combine) joins the two.
    const opensRange = new RegExp(`^\\s*(?:-|–|—|to|until|through|and)\\s+${MONTH_WORD.source}`).test(
      ctx.text.slice(end, end + 20),
    );
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
    const value = isoRange(format(sy, m, s.d), format(ey, em, e.d ?? (s.d === undefined ? undefined : e.d)));
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
    if (picked.fits) why = `${name} ${s.d} in the year nearest ${pub.label} when it is a ${WEEKDAY_NAMES[s.wd ?? 0]}`;
  }
  const candidate: Candidate = { start, end, value: format(y, m, s.d), precision, relative: true, explain: why };
  if (modifier === '') candidate.floating = { month: m, ...(s.d === undefined ? {} : { day: s.d }) };
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

function casualCandidate(ctx: Ctx, start: number, end: number, word: string): Candidate | null {
  const [shift, what] = CASUAL[word.toLowerCase().replace(/\s+/g, ' ')] ?? [];
  if (shift === undefined || what === undefined || ctx.pub === undefined) return null;
  // 'USA Today' is a newspaper.
  if (isCapitalised(word) && /[A-Z][A-Za-z]*\s+$/.test(ctx.text.slice(Math.max(0, start - 20), start))) {
    return null;
  }
  const label = ctx.pub.label.replace('the publication date ', '');
  const value = isoDay(addDays(ctx.pub.day, shift));
  return { start, end, value, precision: 'day', relative: true, explain: `${what} ${label}`, dayLike: true };
}

function convert(ctx: Ctx, offset: number, result: ParsedResult): Candidate | null {
  let start = offset + result.index;
  let end = start + result.text.length;
  // chrono's weekday pattern takes a leading '(' or ',' and 'on', and a trailing ',' or ')';
  // the span is trimmed here and the preposition is re-attached in combine, uniformly.
  const lead = /^[\s,(（]*(?:on\s+)?/i.exec(result.text)?.[0].length ?? 0;
  const trail = /[\s,.)）-]*$/.exec(result.text)?.[0].length ?? 0;
  start += lead;
  end -= trail;
  if (end <= start) return null;
  const core = ctx.text.slice(start, end);
  if (/weekend|weekday/i.test(core)) return null; // the weekend rule handles these
  if (/^(?:today|tonight|tomorrow|yesterday|last\s+night|now|tmrw?|overmorrow)$/i.test(core)) {
    return casualCandidate(ctx, start, end, core);
  }
  const s = parts(result.start);
  if (!/[A-Za-z]/.test(core)) {
    // A numeric date needs a four-digit year, and must not be ambiguous between the US and the
    // international order: '9/11' and '6/11/2019' are skipped, '2019-06-11' and '13/6/2019' kept.
    if (!/\d{4}/.test(core) || /\s/.test(core)) return null;
    const dm = /^(\d{1,2})[/.-](\d{1,2})[/.-]\d{4}$/.exec(core);
    if (dm !== null && Number(dm[1]) <= 12 && Number(dm[2]) <= 12 && dm[1] !== dm[2]) return null;
  }
  if (s.m !== undefined) return monthCandidate(ctx, start, end, result, s);
  if (s.wd !== undefined && s.d === undefined) return weekdayCandidate(ctx, start, end, result, s.wd);
  return null;
}

/** Calendar expressions chrono finds in `ctx.text`, resolved against the publication date. */
export function chronoCandidates(ctx: Ctx): Candidate[] {
  const out: Candidate[] = [];
  // A fixed reference when there is no publication date: only chrono's certain components are
  // used, and every relative reading is dropped, so it never shows in a result.
  const instant = ctx.pub === undefined ? new Date(Date.UTC(2000, 0, 1, 12)) : pubInstant(ctx.pub);
  for (const [a, b] of windows(ctx.text)) {
    for (const result of parser.parse(ctx.text.slice(a, b), { instant, timezone: 0 })) {
      const candidate = convert(ctx, a, result);
      if (candidate !== null) out.push(candidate);
    }
  }
  return out;
}

/** Noon UTC on the publication day: chrono's reference, never the clock. */
const pubInstant = (pub: Pub): Date => new Date(Date.UTC(pub.day.y, pub.day.m - 1, pub.day.d, 12));
