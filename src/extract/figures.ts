/**
 * Figures in English news text: counts, percentages, money and other amounts, each with what it
 * counts and any change reported for it. Pure and deterministic: one tokenizing pass, one
 * left-to-right reading pass, then changes are given to the figures they belong to.
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
 * - Fractions ("two-thirds", "a third of", "half of", "one in five") have unit "fraction" and a
 *   value rounded to four places (0.6667); the noun after them is kept as `noun`.
 * - Ranges ("10-15", "10 to 12 percent", "between 3 and 5 million") give value = low.
 * - Not figures: years used as dates (a bare four-digit 1000–2100 after a time word such as
 *   "in", "since", "compared with", "the", or without a plural noun after it), dates beside a
 *   month name, clock times, ordinals, digits in labels and names ("G20", "COVID-19", "Article
 *   5", "5G"), year ranges ("2015-16") and scores ("3-1").
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
 *   figure of its own whose `change` describes itself; a multiplier without an owner is dropped.
 */
import { changeOf, multiplierChange, subjectBefore, type ChangeDraft } from './figures/changes.js';
import { multiplierWords } from './figures/changeWords.js';
import { mayStartFigure, readFigureAt, type Candidate } from './figures/candidates.js';
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
  const tokens = tokenizeFigures(text, Math.max(0, from), Math.min(text.length, to));
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
  return assignChanges(tokens, candidates, collectChanges(text, tokens, candidates, multipliers));
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

function assignChanges(
  tokens: readonly FigureToken[],
  candidates: readonly Candidate[],
  drafts: readonly ChangeDraft[],
): Figure[] {
  const isChange = new Uint8Array(candidates.length);
  for (const draft of drafts) if (draft.candidate !== undefined) isChange[draft.candidate] = 1;
  // Figures not reported: changes given to an owner, and amounts inside a basis ("the past five
  // years" in "over the past five years").
  const hidden = new Uint8Array(candidates.length);
  const changes = new Map<number, { draft: ChangeDraft; owner?: Candidate }>();
  for (const draft of drafts) {
    if (draft.basisSpan) hideInside(candidates, hidden, draft.basisSpan);
    const owner = ownerOf(tokens, candidates, isChange, draft);
    if (owner !== undefined && !changes.has(owner)) {
      changes.set(owner, { draft, owner: candidates[owner] });
      if (draft.candidate !== undefined) hidden[draft.candidate] = 1;
    } else if (draft.candidate !== undefined) {
      changes.set(draft.candidate, { draft });
    }
  }
  const figures: Figure[] = [];
  for (let index = 0; index < candidates.length; index++) {
    if (hidden[index]) continue;
    const change = changes.get(index);
    figures.push(toFigure(candidates[index] as Candidate, change?.draft, change?.owner));
  }
  return figures;
}

/** Index of the last candidate whose first token is before `token`, or -1 (binary search). */
function lastBefore(candidates: readonly Candidate[], token: number): number {
  let low = 0;
  let high = candidates.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((candidates[middle] as Candidate).first < token) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

function hideInside(
  candidates: readonly Candidate[],
  hidden: Uint8Array,
  span: { readonly start: number; readonly end: number },
): void {
  let low = 0;
  let high = candidates.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((candidates[middle] as Candidate).start < span.start) low = middle + 1;
    else high = middle;
  }
  for (let index = low; index < candidates.length; index++) {
    const candidate = candidates[index] as Candidate;
    if (candidate.start >= span.end) break;
    if (candidate.end <= span.end) hidden[index] = 1;
  }
}

/**
 * The candidate a change belongs to, by the rules in the module comment; never a figure that is
 * itself a change, never across a paragraph.
 */
function ownerOf(
  tokens: readonly FigureToken[],
  candidates: readonly Candidate[],
  isChange: Uint8Array,
  draft: ChangeDraft,
): number | undefined {
  if (tokens[draft.after]?.lower === 'to') {
    const index = lastBefore(candidates, draft.after + 1) + 1;
    const candidate = candidates[index];
    if (
      candidate &&
      candidate.first <= draft.after + 3 &&
      !isChange[index] &&
      candidate.paragraph === draft.paragraph
    )
      return index;
  }
  const subject = subjectBefore(tokens, draft.trigger);
  const heads = draft.subjectAfter.length > 0 ? new Set(draft.subjectAfter) : subject.heads;
  const last = lastBefore(candidates, draft.first);
  let nearest: number | undefined;
  for (let index = last; index >= 0; index--) {
    const candidate = candidates[index] as Candidate;
    if (candidate.paragraph !== draft.paragraph) break;
    if (isChange[index]) continue;
    nearest ??= index;
    if (candidate.head !== undefined && heads.has(candidate.head)) return index;
  }
  if (draft.subjectAfter.length > 0) return undefined;
  if (draft.form === 'verb' && subject.namesThing) return undefined;
  if (nearest === undefined) return undefined;
  return (candidates[nearest] as Candidate).sentence >= draft.sentence - 1 ? nearest : undefined;
}

function toFigure(candidate: Candidate, draft?: ChangeDraft, owner?: Candidate): Figure {
  const change: FigureChange | undefined = draft && {
    raw: draft.raw,
    value: draft.value,
    unit: draft.unit === '' && owner ? owner.unit : draft.unit,
    basis: draft.basis,
    direction: draft.direction,
    start: draft.start,
    end: draft.end,
  };
  return {
    raw: candidate.raw,
    start: candidate.start,
    end: candidate.end,
    value: candidate.value,
    ...(candidate.range ? { range: candidate.range } : {}),
    unit: candidate.unit,
    kind: candidate.kind,
    ...(candidate.noun ? { noun: candidate.noun } : {}),
    ...(change ? { change } : {}),
    ...(candidate.approximate ? { approximate: true } : {}),
  };
}
