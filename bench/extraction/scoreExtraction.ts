/**
 * Scores an extractor's draft of one article against its curated gold, and pools articles into
 * totals. Pure: no files, no clock. The pieces live beside it, one job each: span matching
 * (spanMatching.ts), attributions (scoreAttributions.ts), figures (scoreFigures.ts), times
 * (scoreTimes.ts); bench/extraction/README.md defines every metric.
 */
import { addPrf, prf, type Prf } from './ratios.js';
import {
  addAttributionCounts,
  emptyAttributionCounts,
  scoreAttributions,
  type AttributionCounts,
  type AttributionMismatch,
} from './scoreAttributions.js';
import { scoreFigures, type FigureView } from './scoreFigures.js';
import { scoreTimes, type TimeMiss, type TimeView } from './scoreTimes.js';
import type { GraphActor, ScorableSet } from './scorableSet.js';

export type { Accuracy, Prf } from './ratios.js';
export type {
  AnonymousLinks,
  AttributionCounts,
  AttributionMismatch,
  AttributionView,
  MatchLevel,
  ResolutionScore,
  SpanScores,
  SpeechSpanScores,
  Strictness,
} from './scoreAttributions.js';
export { strictnessPercent } from './scoreAttributions.js';
export type { FigureView } from './scoreFigures.js';
export type { TimeMiss, TimeView } from './scoreTimes.js';
export type { GraphActor, ScorableSet } from './scorableSet.js';

/** The figures of a score that add up over articles: what totals are made of. */
export interface ScoreCounts {
  readonly attributions: AttributionCounts;
  /** Quantities exact: matched/gold is "exact/total". */
  readonly figures: Prf;
  /** Times exact: recall is "exact/total", precision is exact over predicted times. */
  readonly times: Prf;
}

/** The score of one article: its counts and the lists a reader needs to see why. */
export interface ArticleScore extends ScoreCounts {
  readonly attributionMismatches: readonly AttributionMismatch[];
  /** Ids of predicted attributions linking an anonymous speaker to a named graph actor. */
  readonly anonymousLinkIds: readonly string[];
  readonly figureMisses: readonly FigureView[];
  readonly falseFigures: readonly FigureView[];
  readonly timeMisses: readonly TimeMiss[];
  readonly falseTimes: readonly TimeView[];
}

/**
 * Scores a draft against the gold of the same article. `graphActors` are the actors the graph
 * held when the draft was made (what the extractor was given as known actors): speaker
 * resolution and false anonymous links are judged against them.
 */
export function scoreArticle(
  gold: ScorableSet,
  draft: ScorableSet,
  graphActors: readonly GraphActor[],
): ArticleScore {
  const { mismatches, anonymousLinkIds, ...attributions } = scoreAttributions(
    gold,
    draft,
    graphActors,
  );
  const figures = scoreFigures(gold, draft);
  const times = scoreTimes(gold, draft);
  return {
    attributions,
    figures: figures.prf,
    times: times.prf,
    attributionMismatches: mismatches,
    anonymousLinkIds,
    figureMisses: figures.misses,
    falseFigures: figures.falseFigures,
    timeMisses: times.misses,
    falseTimes: times.falseTimes,
  };
}

/**
 * The micro-average of several articles: every count summed, every ratio recomputed from the
 * sums, so a long article weighs by its attributions and not as one vote. Lists are not carried.
 */
export function combineScores(scores: readonly ScoreCounts[]): ScoreCounts {
  return scores.reduce<ScoreCounts>(
    (sum, score) => ({
      attributions: addAttributionCounts(sum.attributions, score.attributions),
      figures: addPrf(sum.figures, score.figures),
      times: addPrf(sum.times, score.times),
    }),
    { attributions: emptyAttributionCounts(), figures: prf(0, 0, 0), times: prf(0, 0, 0) },
  );
}
