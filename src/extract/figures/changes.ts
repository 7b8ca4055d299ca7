/**
 * Changes: a figure that reports how another one moved ("increased 90.8 percent year-on-year",
 * "an increase of 43 percent compared with 2017", "up 12 per cent", "doubled"), its basis, and
 * the figure it belongs to.
 */
import { basisAfter, basisEndingAt, compactBasisAt, type Basis } from './basis.js';
import type { Candidate } from './candidates.js';
import type { FigureToken } from './tokens.js';
import {
  changeAfterPercent,
  changeNouns,
  changeVerbs,
  genericSubjects,
  upParticleVerbs,
  verbPrefixes,
  verbsNeedingBy,
  type Direction,
} from './changeWords.js';
import { nounPhraseAt } from './units.js';
import { isNationality, phraseStops, singular } from './wordClasses.js';

/** How the change was written, which decides how its owner is found. */
export type ChangeForm = 'verb' | 'appositive' | 'after' | 'multiplier';

/** A change as read, before it is given to the figure it belongs to. */
export interface ChangeDraft {
  /** Index of the figure that is the change, among the candidates; none for "doubled". */
  readonly candidate?: number;
  readonly raw: string;
  readonly start: number;
  readonly end: number;
  readonly value: number;
  /** Unit of the change itself; empty for a bare amount, which takes its owner's unit. */
  readonly unit: string;
  readonly direction: Direction;
  readonly basis: string;
  /** Span of the basis text, so figures inside it ("the past five years") are not reported. */
  readonly basisSpan?: { readonly start: number; readonly end: number };
  readonly form: ChangeForm;
  /** Token of the change word; the subject of the change is looked for before it. */
  readonly trigger: number;
  /** First token of the change expression; owners are looked for before it. */
  readonly first: number;
  /** Token after the change and its basis: "rose 5% to 2,000" gives 2,000 as the owner. */
  readonly after: number;
  /** Head nouns named after the change ("a 43 percent increase in websites"). */
  readonly subjectAfter: readonly string[];
  readonly sentence: number;
  readonly paragraph: number;
}

const adverbEnding = /ly$/;
const fillers = new Set(['by', 'a', 'an', 'another', 'further', 'additional', 'extra']);
const articles = new Set(['a', 'an', 'the', 'this', 'that']);
const clauseStops = new Set([
  'and',
  'but',
  'while',
  'whereas',
  'which',
  'that',
  'who',
  'when',
  'where',
  'as',
  'because',
  'although',
]);

/**
 * Reads a change reported by the candidate figure, if it is one: a change verb, "up"/"down" or
 * a change noun with "of" before it, or a change word after a percentage.
 */
export function changeOf(
  text: string,
  tokens: readonly FigureToken[],
  candidates: readonly Candidate[],
  index: number,
): ChangeDraft | undefined {
  const figure = candidates[index];
  if (!figure) return undefined;
  let direction: Direction | undefined;
  let form: ChangeForm = 'verb';
  let trigger = figure.first;
  let basis: Basis | undefined;
  let subjectAfter: readonly string[] = [];
  let basisFrom = figure.next;
  const before = figure.first - 1;
  const beforeToken = tokens[before];
  if (beforeToken?.lower === 'of' && changeNouns.has(tokens[before - 1]?.lower ?? '')) {
    direction = changeNouns.get(tokens[before - 1]?.lower ?? '');
    form = 'appositive';
    trigger = before - 1;
    basis = basisEndingAt(tokens, trigger);
  } else {
    let at = before;
    let sawBy = false;
    for (let skipped = 0; skipped < 3; skipped++) {
      const token = tokens[at];
      if (token?.kind !== 'word' || !(fillers.has(token.lower) || adverbEnding.test(token.lower)))
        break;
      sawBy ||= token.lower === 'by';
      at--;
    }
    const word = tokens[at]?.kind === 'word' ? (tokens[at]?.lower ?? '') : '';
    const verb = changeVerbs.get(word);
    if (verb && (sawBy || !verbsNeedingBy.has(word))) {
      direction = verb;
      trigger = at;
    } else if (
      (word === 'up' || word === 'down') &&
      (figure.kind === 'percentage' || figure.kind === 'money') &&
      !upParticleVerbs.has(tokens[at - 1]?.lower ?? '')
    ) {
      direction = word === 'up' ? 'increase' : 'decrease';
      form = 'appositive';
      trigger = at;
    } else if (figure.kind === 'percentage') {
      let after = figure.afterUnit;
      const compact = compactBasisAt(tokens, after);
      if (compact) after = compact.next;
      const follower = tokens[after];
      const afterDirection =
        follower?.kind === 'word' ? changeAfterPercent.get(follower.lower) : undefined;
      if (afterDirection) {
        direction = afterDirection;
        form = 'after';
        basis = compact;
        basisFrom = after + 1;
        // "a 43 percent increase in websites", "40 percent more websites".
        const subject = nounPhraseAt(tokens, after + 1, { afterOf: 'always', singular: false });
        const inSubject =
          tokens[after + 1]?.lower === 'in'
            ? nounPhraseAt(tokens, after + 2, { afterOf: 'never', singular: false })
            : undefined;
        const named = inSubject ?? subject;
        if (named) {
          subjectAfter = [singular(named.head)];
          basisFrom = named.next;
        }
      }
    }
  }
  if (!direction) return undefined;
  basis ??= basisAfter(text, tokens, basisFrom);
  return {
    candidate: index,
    raw: figure.raw,
    start: figure.start,
    end: figure.end,
    value: figure.value,
    unit: figure.unit,
    direction,
    basis: basis?.text ?? '',
    ...(basis ? { basisSpan: { start: basis.start, end: basis.end } } : {}),
    form,
    trigger,
    first: figure.first,
    after: basis && basis.next > figure.next ? basis.next : figure.next,
    subjectAfter,
    sentence: figure.sentence,
    paragraph: figure.paragraph,
  };
}

/** Reads "doubled", "tripled", "halved" at a token as a change in percent. */
export function multiplierChange(
  text: string,
  tokens: readonly FigureToken[],
  index: number,
  value: number,
  direction: Direction,
): ChangeDraft {
  const token = tokens[index] as FigureToken;
  const basis = basisAfter(text, tokens, index + 1);
  return {
    raw: token.text,
    start: token.start,
    end: token.end,
    value,
    unit: 'percent',
    direction,
    basis: basis?.text ?? '',
    ...(basis ? { basisSpan: { start: basis.start, end: basis.end } } : {}),
    form: 'multiplier',
    trigger: index,
    first: index,
    after: basis ? basis.next : index + 1,
    subjectAfter: [],
    sentence: token.sentence,
    paragraph: token.paragraph,
  };
}

/** Nouns named before a change word, and whether the word right before it names a thing. */
export function subjectBefore(
  tokens: readonly FigureToken[],
  trigger: number,
): { readonly heads: ReadonlySet<string>; readonly namesThing: boolean } {
  let at = trigger - 1;
  while (tokens[at]?.kind === 'word') {
    const word = tokens[at]?.lower ?? '';
    if (!verbPrefixes.has(word) && !articles.has(word) && !adverbEnding.test(word)) break;
    at--;
  }
  const direct = tokens[at];
  const namesThing =
    direct?.kind === 'word' &&
    !phraseStops.has(direct.lower) &&
    !genericSubjects.has(direct.lower) &&
    !isNationality(direct.text);
  const heads = new Set<string>();
  for (let read = 0; read < 12 && at >= 0; read++, at--) {
    const token = tokens[at];
    if (!token) break;
    if (token.kind === 'dash' && !token.spaced) continue;
    if (token.kind !== 'word' || clauseStops.has(token.lower)) break;
    if (!phraseStops.has(token.lower) && !genericSubjects.has(token.lower))
      heads.add(singular(token.lower));
  }
  return { heads, namesThing };
}
