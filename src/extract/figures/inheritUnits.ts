/**
 * Bare numbers that count what a nearby figure counts, though no noun follows them:
 * - partitive: "60 of the area's 400 shops", "37 of its 112 member ports";
 * - elliptical: "to the nine now running", "plans to enter 10–15 more" (the latest count in the
 *   same sentence);
 * - anaphoric: "Last year the figure was 8.400" (the latest count in the paragraph).
 * Such a number becomes a count of the same unit; a full stop before three digits then reads
 * as thousands, as for any count ("8.400" is 8400). The figure gets no `noun`: its noun is
 * not written beside it.
 */
import type { Candidate } from './candidates.js';
import type { FigureToken } from './tokens.js';
import { wordSet } from './lexicon.js';

const partitiveFillers = wordSet("the its their his her our this these those all ' ’ `");
const ellipsisBefore = wordSet('the another those these other');
const ellipsisAfter = wordSet('more fewer less others other');
const anaphoricNouns = wordSet('figure number total tally count');
const anaphoricLinks = wordSet(
  'was is were are had has have been stood at reached hit rose fell climbed dropped grew to ' +
    'came totalled totaled of now then just only',
);

function isBare(candidate: Candidate): boolean {
  return candidate.kind === 'other' && candidate.unit === '';
}

function countedAs(candidate: Candidate, source: Candidate): Candidate {
  return {
    ...candidate,
    kind: 'count',
    unit: source.unit,
    ...(source.head !== undefined ? { head: source.head } : {}),
    value: candidate.thousandsValue ?? candidate.value,
  };
}

/** The candidate whose first token is `token`, searching forward from `from`. */
function candidateAt(
  candidates: readonly Candidate[],
  from: number,
  token: number,
): Candidate | undefined {
  for (let index = from; index < candidates.length; index++) {
    const candidate = candidates[index] as Candidate;
    if (candidate.first === token) return candidate;
    if (candidate.first > token) return undefined;
  }
  return undefined;
}

/** "60 of the area's 400 shops": the count a few words after "of". */
function partitiveSource(
  tokens: readonly FigureToken[],
  candidates: readonly Candidate[],
  index: number,
): Candidate | undefined {
  const candidate = candidates[index] as Candidate;
  if (tokens[candidate.next]?.lower !== 'of') return undefined;
  for (let at = candidate.next + 1; at <= candidate.next + 5; at++) {
    const token = tokens[at];
    if (!token) return undefined;
    if (token.kind === 'number' || token.kind === 'currency') {
      const source = candidateAt(candidates, index + 1, at);
      return source?.kind === 'count' ? source : undefined;
    }
    // Possessors ("the area's") and determiners may come between.
    if (token.kind !== 'word' && !partitiveFillers.has(token.text)) return undefined;
  }
  return undefined;
}

function latestCount(
  candidates: readonly Candidate[],
  earlier: readonly Candidate[],
  index: number,
  sameSentence: boolean,
): Candidate | undefined {
  const candidate = candidates[index] as Candidate;
  // Walk back through the candidates read, then on through the context before them.
  for (let back = 1; back <= index + earlier.length; back++) {
    const source = (
      back <= index ? candidates[index - back] : earlier[earlier.length - (back - index)]
    ) as Candidate;
    if (source.paragraph !== candidate.paragraph) return undefined;
    if (sameSentence && source.sentence !== candidate.sentence) return undefined;
    if (source.kind === 'count') return source;
  }
  return undefined;
}

function isAnaphoric(tokens: readonly FigureToken[], first: number): boolean {
  for (let at = first - 1; at >= first - 5 && at >= 0; at--) {
    const word = tokens[at];
    if (word?.kind !== 'word') return false;
    if (anaphoricNouns.has(word.lower)) return true;
    if (!anaphoricLinks.has(word.lower)) return false;
  }
  return false;
}

/**
 * Gives bare numbers the unit of the count they refer to, by the rules in the module comment.
 * `earlier` are figures before the tokens read (a region's context), in text order.
 */
export function inheritUnits(
  tokens: readonly FigureToken[],
  candidates: readonly Candidate[],
  earlier: readonly Candidate[],
): Candidate[] {
  const result = candidates.slice();
  for (let index = 0; index < result.length; index++) {
    const candidate = result[index] as Candidate;
    if (!isBare(candidate)) continue;
    const before = tokens[candidate.first - 1]?.lower ?? '';
    const after = tokens[candidate.next]?.lower ?? '';
    const source =
      partitiveSource(tokens, result, index) ??
      (ellipsisBefore.has(before) || ellipsisAfter.has(after)
        ? latestCount(result, earlier, index, true)
        : undefined) ??
      (isAnaphoric(tokens, candidate.first)
        ? latestCount(result, earlier, index, false)
        : undefined);
    if (source) result[index] = countedAs(candidate, source);
  }
  return result;
}
