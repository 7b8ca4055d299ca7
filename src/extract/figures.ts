/**
 * Figures in English news text: counts, percentages, money and other amounts, each with what it
 * counts and any change reported for it. Deterministic, with no effect outside (a one-article
 * cache only saves work): one tokenizing pass, one left-to-right reading pass, then changes are
 * given to the figures they belong to.
 *
 * Rules (general, about kinds of text; see the helpers in ./figures/ for details):
 * - Separators: "14,000" and "1,234,567" group thousands. A full stop before exactly three digits
 *   ("14.000", "3.325") is a thousands separator only when the figure counts things: a counted
 *   noun follows and there is no scale, percent, currency or unit of measure. Input that types
 *   full stops for commas writes counts that way; "3.5 percent", "2.75 km", "1.325 percent",
 *   "$3.325" and "3.325 million" stay decimals ("3.5 million" is 3,500,000).
 * - Scales multiply exactly: "3.34 million" 3340000, "$5bn", "1.2m" (an attached "m" is million;
 *   a spaced "8 m" is metres).
 * - Words: "three", "twenty-five", "seven hundred", "a dozen", "half a million"; a lone "one" is
 *   not a figure (pronoun and determiner far more often). Vague plurals are approximate and worth
 *   twice their unit: "dozens" 24, "hundreds" 200, "tens of thousands" 20,000.
 * - Fractions ("two-thirds", "a third of", "half of", "one in five") have unit "fraction" and
 *   their exact value (2/3, not 0.6667: the dev-set gold compares values to 1e-9); the noun
 *   after them is kept as `noun`.
 * - Ranges ("10-15", "10 to 12 percent", "between 3 and 5 million") give value = low.
 * - Not figures: years used as dates (a bare four-digit 1000–2100 after a time word such as
 *   "in", "since", "compared with", "the", or without a plural noun after it), dates beside a
 *   month name, durations that date ("two years ago", "five days later"), clock times,
 *   ordinals, digits in labels and names ("G20", "COVID-19", "Article 5", "5G"), year ranges
 *   ("2015-16") and scores ("3-1").
 * - Kinds: `money` with a currency (ISO code as unit; "¥" is read as JPY unless written "CN¥" or
 *   beside "yuan"/"RMB"; "pounds" as GBP), `percentage` for percent, percentage points and basis
 *   points, `count` when a counted noun follows, else `other` (units of measure, durations,
 *   fractions, bare numbers; a compound modifier such as "15-member" has unit "member").
 * - Changes are read from a change verb before the amount ("rose 5%", "fell by 12 per cent"),
 *   "up"/"down" before a percentage or money, a change noun with "of" ("an increase of 43
 *   percent"), a change word after a percentage ("a 12% drop", "40 percent more than"), and
 *   multipliers: "doubled" +100 percent, "tripled" +200, "quadrupled" +300, "halved" 50 percent
 *   decrease. `value` stays positive, `direction` carries the sign. "rose to X" and "from X to Y"
 *   are levels, not changes. A bare amount ("rose by 2,000") takes its owner's unit. The basis
 *   rules are in ./figures/basis.ts.
 * - A change goes to, in order: the figure after "to" ("rose 5% to 2,000"); the latest earlier
 *   figure in the paragraph whose counted noun is named before the change word ("the number of
 *   servers increased" → the servers, not the nearest figure); nobody, when a verb's subject
 *   names a thing no figure counts ("exports rose 5%"); else the latest figure in the same
 *   sentence, or failing that the sentence before. A full stop before a lower-case word or a
 *   digit does not end a sentence (input with full stops for commas); a blank line ends the
 *   search. An owner takes one change, the first. A change amount with no owner is returned as a
 *   plain figure without `change` ("Exports rose 5 percent" gives 5 percent), as the dev-set
 *   gold writes it; a multiplier without an owner is dropped.
 * - A bare number counts what a nearby count counts: "60 of the area's 400 shops", "the nine
 *   now running" / "10–15 more" (same sentence), "the figure was 8.400" (same paragraph); see
 *   ./figures/inheritUnits.ts. Units drop nationality/location adjectives and a few that do not
 *   define the thing ("two independent hydrologists" count hydrologists).
 * - Regions: only figures inside `[from, to)` are returned, and only figures inside own its
 *   changes; counts earlier in the same paragraph may lend a unit to a bare number in it. The
 *   last article read is kept, so asking for many regions of one text reads it once.
 */
import { changeOf, multiplierChange, type ChangeDraft } from './figures/changes.js';
import { multiplierWords } from './figures/changeWords.js';
import { mayStartFigure, readFigureAt, type Candidate } from './figures/candidates.js';
import { inheritUnits } from './figures/inheritUnits.js';
import { assignChanges } from './figures/owners.js';
import { tokenizeFigures, type FigureToken } from './figures/tokens.js';

/** What a figure measures. */
export type FigureKind = 'count' | 'percentage' | 'money' | 'other';

/** A piece of the text: `text === fullText.slice(start, end)` (UTF-16 offsets). */
export interface TextSpan {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** A change reported for a figure: "increased 90.8 percent year-on-year". */
export interface FigureChange {
  /** The change amount as written: "90.8 percent", "43 per cent", "$2bn", "doubled". */
  readonly raw: string;
  /** Always positive; the sign is in `direction`. */
  readonly value: number;
  /** "percent", "percentage points", a currency code, or the counted unit of the change. */
  readonly unit: string;
  /** What the change is measured against, lightly normalised: "year-on-year", "from 2017". */
  readonly basis: string;
  readonly direction: 'increase' | 'decrease' | 'unknown';
  readonly start: number;
  readonly end: number;
}

/** A figure: a number as written, its normalised value and what it counts. */
export interface Figure {
  /** The number as written, without the counted noun: "14.000", "$5bn", "43 per cent". */
  readonly raw: string;
  readonly start: number;
  readonly end: number;
  /** Normalised: "14.000 servers" 14000, "3.34 million" 3340000, "two-thirds" 0.6667. */
  readonly value: number;
  /** For "10-15", "between 3 and 5 million", "10 to 12 percent"; `value` is then the low end. */
  readonly range?: { readonly low: number; readonly high: number };
  /** What is counted ("host computers"), "percent", a currency code, a measure, or "". */
  readonly unit: string;
  readonly kind: FigureKind;
  /** The counted noun phrase as written ("host computers"; "voters" in "two-thirds of voters"). */
  readonly noun?: TextSpan;
  /** A change reported for this figure. */
  readonly change?: FigureChange;
  /** "about", "nearly", "more than", "some", "over"… before it, or a vague plural ("dozens"). */
  readonly approximate?: boolean;
}

/** Every figure in `text[from, to)` (defaults: the whole text). Offsets are into the full text. */
export function extractFigures(text: string, from = 0, to = text.length): Figure[] {
  const start = Math.max(0, from);
  const end = Math.min(text.length, to);
  const whole = start === 0 && end === text.length;
  const tokens = whole ? tokenizeFigures(text, 0, end) : article(text).tokensIn(start, end);
  const { candidates, multipliers } = readFigures(text, tokens);
  // Counts before the region lend their unit to bare numbers in it ("the nine now running"
  // after "15 night-train routes"); they are not reported and own no change.
  const earlier = whole ? [] : article(text).countsBefore(start);
  const counted = inheritUnits(tokens, candidates, earlier);
  return assignChanges(tokens, counted, collectChanges(text, tokens, counted, multipliers));
}

function readFigures(
  text: string,
  tokens: readonly FigureToken[],
): { candidates: Candidate[]; multipliers: ChangeDraft[] } {
  const candidates: Candidate[] = [];
  const multipliers: ChangeDraft[] = [];
  let floor = 0;
  for (let index = 0; index < tokens.length;) {
    const token = tokens[index] as FigureToken;
    if (!mayStartFigure(token)) {
      const multiplier = token.kind === 'word' ? multiplierWords.get(token.lower) : undefined;
      if (multiplier)
        multipliers.push(
          multiplierChange(text, tokens, index, multiplier.value, multiplier.direction),
        );
      index++;
      continue;
    }
    const read = readFigureAt(text, tokens, index, floor);
    if (read.candidate) {
      candidates.push(read.candidate);
      floor = read.next;
    }
    index = Math.max(read.next, index + 1);
  }
  return { candidates, multipliers };
}

/** A whole article read once, for the many regions of it the extraction asks about. */
interface ArticleReading {
  /** The article's tokens wholly inside `[from, to)`, numbered as in the whole article. */
  tokensIn(from: number, to: number): FigureToken[];
  /** The article's figures that end by `offset`, in order. */
  countsBefore(offset: number): readonly Candidate[];
}

// One article is kept: the extraction asks for many regions of the same text in a row. Tokens
// and figures of the whole text do not depend on the region asked for, so the results are the
// same as reading each region afresh, only cheaper.
let cached: { readonly text: string; readonly reading: ArticleReading } | undefined;

function article(text: string): ArticleReading {
  if (cached?.text === text) return cached.reading;
  const tokens = tokenizeFigures(text, 0, text.length);
  const candidates = inheritUnits(tokens, readFigures(text, tokens).candidates, []);
  const firstAtOrAfter = <T extends { readonly start: number }>(list: readonly T[], at: number) => {
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((list[middle] as T).start < at) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  const reading: ArticleReading = {
    tokensIn(from, to) {
      const first = firstAtOrAfter(tokens, from);
      let last = first;
      while (last < tokens.length && (tokens[last] as FigureToken).end <= to) last++;
      return tokens.slice(first, last);
    },
    countsBefore(offset) {
      return candidates
        .slice(0, firstAtOrAfter(candidates, offset))
        .filter((candidate) => candidate.end <= offset);
    },
  };
  cached = { text, reading };
  return reading;
}

function collectChanges(
  text: string,
  tokens: readonly FigureToken[],
  candidates: readonly Candidate[],
  multipliers: readonly ChangeDraft[],
): ChangeDraft[] {
  const drafts: ChangeDraft[] = [];
  for (let index = 0; index < candidates.length; index++) {
    const draft = changeOf(text, tokens, candidates, index);
    if (draft) drafts.push(draft);
  }
  return drafts.concat(multipliers).sort((left, right) => left.first - right.first);
}
