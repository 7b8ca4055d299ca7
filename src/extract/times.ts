// Time expressions in English news text, resolved against the publication date.
//
// How it works. Two passes find candidates: pattern rules (times/yearPatterns.ts,
// times/periods.ts, times/relativePatterns.ts) for what chrono-node does not read, and
// chrono-node (times/chronoPass.ts, read by times/chronoReadings.ts) for calendar expressions. Overlaps go to the longest expression; then the
// span is widened to the expression as written, ranges are joined, and `basis` is written
// (times/combine.ts). Nothing reads the clock: chrono's reference is noon UTC on the publication
// day, and every relative value is computed here from that day.
//
// What chrono-node 2.10.3 does, and what is overridden:
// - Weekdays: chrono picks the nearest one ('on Friday' in a Wednesday article = the coming
//   Friday) and `forwardDate` picks the next. News looks back, so only chrono's weekday number is
//   used: bare = the latest such day not after publication (the same weekday = the publication
//   day), 'last' = strictly before, 'next' / 'this coming' = the first after, 'this' = in the
//   Monday-to-Sunday week of publication, 'Friday next week' = in the following week. chrono does
//   not know 'this coming Monday' (it reads 'Monday'); the modifier is read here.
// - Months without a year: chrono takes the publication year ('in December' in a June 2019
//   article = December 2019). Overridden: the latest such month not after the publication month
//   (December 2018); 'next March' the first after, 'last March' the latest before the publication
//   month, 'this March' the publication year's. A month with a day follows the same rule for its
//   year ('on July 4' in June 2019 = 2018-07-04; 'on June 20' = 2019-06-20), unless a weekday
//   given with it ('Tuesday, June 11') fits another nearby year.
// - chrono is case-blind ('a march through the city' = March). Month and weekday names must be
//   capitalised; a bare month needs a cue before it ('in', 'since', 'of', 'last'…) so 'Theresa
//   May' and 'May I' are not times; a bare weekday is dropped after holiday words ('Black
//   Friday') and before a capitalised name ('the Sunday Times'); 'USA Today' is not today; weekday and month abbreviations alone ('The Sun', 'Sat') are dropped.
// - Numeric dates need a four-digit year and an unambiguous order ('9/11' and '6/11/2019' are
//   dropped; '2019-06-11' and '13/6/2019' are kept).
// - Parsers switched off: times of day (the result is a day, so 'on Tuesday at 10 am' is
//   'on Tuesday'), the relative parsers ('last week' = a day 7 days back, '2 years ago' with an
//   implied day, no quarters, seasons or decades) and year-first month names ('2012, March'
//   misread a list as a range). The pattern rules replace them; 'now' is a pattern rule too.
//   Only three refiners are kept (overlaps, 'Tuesday, June 11', ranges): the rest act on what is
//   switched off and cost most of chrono's time.
// - chrono leaves 'the' out of 'on the 3rd of May' and misses the 'from' of 'from March to May';
//   combine.ts puts them back. chrono does not join 'March - May 2019' or 'between March and
//   May 2021'; combine.ts does, and gives the start the end's year.
// - chrono has no year-only parser ('in 2016', 'mid-2016', 'the 1990s', 'Q3 2018', 'winter
//   2017'): pattern rules.
// - Performance: chrono runs only on word-aligned windows of ±40 characters around a month or
//   weekday name, a casual day word or a numeric date; the pattern rules are plain regexes.
//
// Conventions (where English is vague):
// - Weeks run Monday to Sunday; 'last week' is the previous such week (precision range).
// - Parts of a year: early = January–March, mid = May–August, late = October–December (the seed's
//   'in late 2016' = 2016-10/2016-12); 'the beginning/start of' = January, 'the end of' = December.
//   Parts of a month: early = days 1–10, mid = 11–20, late = 21–end. Of a decade: early = years
//   0–3, mid = 4–6, late = 7–9.
// - Seasons are northern-hemisphere months: spring Mar–May, summer Jun–Aug, autumn/fall Sep–Nov,
//   winter Dec–Feb; 'winter 2017' is the winter that begins in December 2017. A bare season ('in
//   the spring') is the latest that began not after the publication month; 'last summer' the
//   latest that ended before it.
// - 'since 2015' is a range from 2015 to the publication year (month, day: same precision);
//   without a publication date it stays the start value, and is then not relative.
// - 'N days/weeks ago' is a day, 'N months ago' a month, 'N years/decades ago' a year;
//   'the past N units' a rolling range ending on the publication date; 'earlier this year' =
//   January to the publication month, 'later this year' = the publication month to December.
// - 'now' (lower case, not 'now that', 'until now'…) is the publication year, as the seed's gold
//   reads 'The US now has 133 cyber teams'.
// - 'the Sunday Times': a weekday before a capitalised word is a title, unless a cue precedes it
//   ('on Sunday Times reported' is still read as a day).
// - A bare year counts unless its neighbours make it a quantity or a name: '2000 people',
//   '2000 km', 'Windows 2000', '$2019' and '14.000' are not years.
// - The raw span includes 'in', 'on', 'at', 'during', 'throughout' and 'since' before the
//   expression ('over' before 'the …'), a time of day after a day ('on Sunday night') and a
//   possessive ('last year`s'); 'by', 'until', 'before' and 'after' stay outside because the
//   value is the time they point to, not the span they bound.
import { parseIsoDay } from './times/calendar.js';
import { chronoCandidates } from './times/chronoPass.js';
import { mergeRanges, settleOverlaps, toMentions, widen } from './times/combine.js';
import { periodRules } from './times/periods.js';
import { relativeRules } from './times/relativePatterns.js';
import { makePub, type Candidate, type Ctx } from './times/shared.js';
import { yearRules } from './times/yearPatterns.js';

/** How precise a resolved time is, as the seed format's `precision` records it. */
export type TimePrecision = 'day' | 'month' | 'quarter' | 'season' | 'year' | 'range';

/** One time expression, resolved: the seed format's `time` mapping plus where it was found. */
export interface TimeMention {
  /** Exactly `text.slice(start, end)`: 'on Tuesday', 'In March', 'last year`s', 'in late 2016'. */
  readonly raw: string;
  /** UTF-16 offset of the expression in the full text. */
  readonly start: number;
  /** UTF-16 offset just after the expression. */
  readonly end: number;
  /** ISO 8601: YYYY, YYYY-MM, YYYY-MM-DD or a START/END range. */
  readonly value: string;
  readonly precision: TimePrecision;
  /** How the value was resolved, one sentence. */
  readonly basis: string;
  /** True when resolution used the publication date. */
  readonly relative: boolean;
}

const RULES = [...yearRules, ...periodRules, ...relativeRules];

/**
 * Every time expression in text[from, to). `published` is 'YYYY-MM-DD' or undefined; without it,
 * relative expressions are skipped (absolute ones like 'in 2016', 'on 3 May 2019' are still
 * returned). Deterministic: the same arguments always give the same mentions.
 */
export function extractTimes(
  text: string,
  published?: string,
  from = 0,
  to = text.length,
): TimeMention[] {
  const start = Math.max(0, Math.min(from, text.length));
  const end = Math.max(start, Math.min(to, text.length));
  const publishedDay = parseIsoDay(published);
  if (published !== undefined && publishedDay === undefined) {
    throw new RangeError(`published must be a date written YYYY-MM-DD, got '${published}'`);
  }
  const ctx: Ctx = {
    text: text.slice(start, end),
    pub: publishedDay === undefined ? undefined : makePub(publishedDay),
  };
  const candidates: Candidate[] = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (const match of ctx.text.matchAll(rule.re)) {
      const candidate = rule.make(match, ctx);
      if (candidate !== null) candidates.push(candidate);
    }
  }
  candidates.push(...chronoCandidates(ctx));
  const settled = mergeRanges(ctx, widen(ctx, settleOverlaps(candidates)));
  return toMentions(ctx, settled, start);
}
