// The chrono-node pass: chrono finds calendar expressions (month names with or without a day or
// year, weekdays, 'yesterday', ISO and numeric dates) and reads their parts; chronoReadings.ts
// decides which year, week or day they mean (news looks back) and throws out what is not a time.
import { casual, type ParsedResult } from 'chrono-node/en';
import { casualCandidate, monthCandidate, parts, weekdayCandidate } from './chronoReadings.js';
import type { Candidate, Ctx, Pub } from './shared.js';

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
const KEPT_REFINERS = [
  'OverlapRemovalRefiner',
  'MergeWeekdayComponentRefiner',
  'ENMergeDateRangeRefiner',
];

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
  if (s.wd !== undefined && s.d === undefined)
    return weekdayCandidate(ctx, start, end, result, s.wd);
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
