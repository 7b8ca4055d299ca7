/**
 * Span overlap and the one-to-one matching of gold to predicted attributions. Kept apart from
 * the metrics so the rule that decides "this prediction is that gold attribution" is written
 * once and used at every strictness and level.
 */

/** A character span [start, end) of the article text (UTF-16 offsets, as in the seed format). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

const length = (span: Span): number => Math.max(0, span.end - span.start);

/** Characters the two spans share. */
export function spanIntersection(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/**
 * |a ∩ b| / max(|a|, |b|): symmetric, so a prediction that swallows the gold span (or the next
 * sentence with it) is penalised as much as one that covers only part of it. It is 1 exactly
 * when both spans have the same start and end.
 */
export function spanOverlap(a: Span, b: Span): number {
  const longest = Math.max(length(a), length(b));
  if (longest === 0) return a.start === b.start && a.end === b.end ? 1 : 0;
  return spanIntersection(a, b) / longest;
}

/**
 * Whether the overlap reaches `percent` (100 = exact), decided in integers so that 4 of 5
 * characters is 80 % and not a rounding error below it.
 */
export function overlapReaches(a: Span, b: Span, percent: number): boolean {
  const longest = Math.max(length(a), length(b));
  if (longest === 0) return a.start === b.start && a.end === b.end;
  const shared = spanIntersection(a, b);
  return shared > 0 && shared * 100 >= percent * longest;
}

/** A gold–predicted pair that may be matched, with what breaks ties between equal overlaps. */
export interface MatchCandidate {
  /** Index into the gold list. */
  readonly gold: number;
  /** Index into the predicted list. */
  readonly predicted: number;
  readonly overlap: number;
  readonly sameSpeaker: boolean;
  readonly sameStance: boolean;
}

/**
 * One-to-one matching: candidates by overlap, highest first (ties: same speaker first, then same
 * stance, then text order), each taken when neither side is used yet. Greedy rather than an
 * optimal assignment: with a few dozen attributions an article it almost always finds the
 * maximum, and a reader can follow why a pair was chosen. Two gold attributions sharing one span
 * (two speakers, or one relaying frame for several claims) can therefore be matched by at most
 * one prediction each, and a single prediction takes only one of them.
 */
export function matchOneToOne(candidates: readonly MatchCandidate[]): MatchCandidate[] {
  const ordered = [...candidates].sort(
    (x, y) =>
      y.overlap - x.overlap ||
      Number(y.sameSpeaker) - Number(x.sameSpeaker) ||
      Number(y.sameStance) - Number(x.sameStance) ||
      x.gold - y.gold ||
      x.predicted - y.predicted,
  );
  const usedGold = new Set<number>();
  const usedPredicted = new Set<number>();
  const matches: MatchCandidate[] = [];
  for (const candidate of ordered) {
    if (usedGold.has(candidate.gold) || usedPredicted.has(candidate.predicted)) continue;
    usedGold.add(candidate.gold);
    usedPredicted.add(candidate.predicted);
    matches.push(candidate);
  }
  return matches.sort((x, y) => x.gold - y.gold);
}
