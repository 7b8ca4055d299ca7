// Pattern rules for parts of a year that are not months: quarters ('Q3 2018', 'the third quarter
// of 2018', 'last quarter'), halves ('the first half of 2018', 'H1 2018') and seasons ('last
// summer', 'in the spring', 'winter 2017'). chrono-node reads none of these.
import { addMonths, isoMonth } from './calendar.js';
import {
  YEAR,
  YEAR_END,
  YEAR_REF,
  YEAR_START,
  fromMatch,
  isCapitalised,
  resolveYearRef,
  wordBefore,
  type Candidate,
  type Ctx,
  type Pub,
  type Rule,
} from './shared.js';

const QUARTER_WORDS: Record<string, number> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
  final: 4,
  last: 4,
};

/** Quarter `q` of year `y` as a month range. */
const quarterValue = (y: number, q: number): string =>
  `${isoMonth(y, q * 3 - 2)}/${isoMonth(y, q * 3)}`;

/** Quarter `q` of a year given as digits or words; without a year, the bare-month rule. */
function quarter(
  match: RegExpExecArray,
  ctx: Ctx,
  q: number,
  digits: string | undefined,
  word: string | undefined,
): Candidate | null {
  const label = ['', 'first', 'second', 'third', 'fourth'][q] ?? '';
  if (digits === undefined && word === undefined) {
    // No year: the latest such quarter not after the publication quarter, as for bare months.
    const pub = ctx.pub;
    if (pub === undefined) return null;
    const y = q <= Math.ceil(pub.day.m / 3) ? pub.day.y : pub.day.y - 1;
    const explain = `the latest ${label} quarter not after ${pub.label}`;
    return fromMatch(match, quarterValue(y, q), 'quarter', true, explain);
  }
  const ref = resolveYearRef(digits, word, ctx.pub);
  if (ref === null) return null;
  const explain = ref.relative
    ? `the ${label} quarter of ${ref.explain}`
    : `Explicit quarter, the ${label} of ${ref.y}`;
  return fromMatch(match, quarterValue(ref.y, q), 'quarter', ref.relative, explain);
}

/** The first (h = 1) or second half of a year given as digits or words. */
function half(match: RegExpExecArray, ctx: Ctx, h: number, digits?: string, word?: string) {
  const ref = resolveYearRef(digits, word, ctx.pub);
  if (ref === null) return null;
  const value =
    h === 1
      ? `${isoMonth(ref.y, 1)}/${isoMonth(ref.y, 6)}`
      : `${isoMonth(ref.y, 7)}/${isoMonth(ref.y, 12)}`;
  const which = h === 1 ? 'January to June' : 'July to December';
  const explain = ref.relative
    ? `${which} of ${ref.explain}`
    : `Explicit half year, ${which} ${ref.y}`;
  return fromMatch(match, value, 'range', ref.relative, explain);
}

// Words before a bare 'Q3' that make it a quarter rather than a model name.
const QUARTER_CUES = new Set('in the for during of since by until last this next its'.split(' '));

/** The quarter before, of or after the publication date's ('last quarter'). */
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

const SEASON = '(spring|summer|autumn|fall|winter)';
const SEASON_START: Record<string, number> = {
  spring: 3,
  summer: 6,
  autumn: 9,
  fall: 9,
  winter: 12,
};
// Capitalised words that may stand before a capitalised season: 'In Spring 2019' is a season,
// 'the Arab Spring' is not.
const SEASON_LEADS = new Set(
  'in during by since until last this next early late the over'.split(' '),
);

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
    if (lead !== undefined && isCapitalised(lead) && !SEASON_LEADS.has(lead.toLowerCase()))
      return null;
  }
  const hemisphere = 'northern hemisphere';
  if (year !== undefined) {
    const y = Number(year);
    const start = monthIndex(y, SEASON_START[lower] ?? 1);
    const note = lower === 'winter' ? `, the winter that begins in December ${y}` : '';
    return fromMatch(
      match,
      seasonValue(start),
      'season',
      false,
      `Explicit season (${hemisphere})${note}`,
    );
  }
  if (ctx.pub === undefined) return null;
  const { start, why } = seasonStart(lower, modifier.toLowerCase(), ctx.pub);
  return fromMatch(match, seasonValue(start), 'season', true, `${why} (${hemisphere})`);
}

/** Rules for quarters, halves and seasons. */
export const periodRules: readonly Rule[] = [
  {
    re: new RegExp(
      `\\b(?:the\\s+)?(first|second|third|fourth|final|last|1st|2nd|3rd|4th)[-\\s]+quarter\\b(?:,?\\s+(?:of\\s+)?(?:fiscal\\s+)?${YEAR_REF})?`,
      'gi',
    ),
    make: (match, ctx) => {
      const word = (match[1] ?? '').toLowerCase();
      // 'the last quarter' without a year is the previous quarter (relativeRules), not Q4.
      if (word === 'last' && match[2] === undefined && match[3] === undefined) return null;
      return quarter(match, ctx, QUARTER_WORDS[word] ?? 0, match[2], match[3]);
    },
  },
  {
    re: new RegExp(`\\bQ([1-4])(?:(?:\\s+of\\s+|\\s*[-/]?\\s*)${YEAR}${YEAR_END})?`, 'g'),
    make: (match, ctx) => {
      if (match[2] === undefined && !QUARTER_CUES.has(wordBefore(ctx.text, match.index)))
        return null;
      return quarter(match, ctx, Number(match[1]), match[2], undefined);
    },
  },
  {
    re: new RegExp(`${YEAR_START}${YEAR}\\s+Q([1-4])\\b`, 'g'),
    make: (match, ctx) => quarter(match, ctx, Number(match[2]), match[1], undefined),
  },
  {
    re: new RegExp(
      `\\b(?:the\\s+)?(first|second|1st|2nd|latter)\\s+half\\s+of\\s+${YEAR_REF}`,
      'gi',
    ),
    make: (match, ctx) =>
      half(match, ctx, /^(first|1st)$/i.test(match[1] ?? '') ? 1 : 2, match[2], match[3]),
  },
  {
    re: new RegExp(`\\bH([12])\\s*[-/]?\\s*${YEAR}${YEAR_END}`, 'g'),
    make: (match, ctx) => half(match, ctx, Number(match[1]), match[2]),
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
    re: new RegExp(
      `\\b(last|this|next|past|the\\s+past|this\\s+past|this\\s+coming|the\\s+coming)\\s+${SEASON}\\b`,
      'gi',
    ),
    make: (match, ctx) => season(match, ctx, match[2] ?? '', match[1] ?? ''),
  },
  {
    re: new RegExp(
      `\\b(?:in|during|over|through|throughout|since)\\s+(?:the\\s+)?(?:(?:early|late)\\s+)?${SEASON}\\b(?!\\s+of\\b)`,
      'gi',
    ),
    make: (match, ctx) => season(match, ctx, match[1] ?? '', ''),
  },
];
