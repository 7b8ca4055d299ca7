/**
 * Counts and the ratios drawn from them. Every ratio is kept beside the counts it comes from so
 * totals can be micro-averaged (counts summed, ratios recomputed) rather than averaged. A ratio
 * whose denominator is 0 is null: "no attributions, none found" is neither right nor wrong, and
 * a goal on it reads "n/a" instead of passing by default.
 */

/** Matches counted against both sides, with precision, recall and F1. */
export interface Prf {
  readonly matched: number;
  readonly gold: number;
  readonly predicted: number;
  /** matched / predicted; null when nothing was predicted. */
  readonly precision: number | null;
  /** matched / gold; null when the gold has none. */
  readonly recall: number | null;
  /** 2·matched / (gold + predicted); null when both are empty. */
  readonly f1: number | null;
}

/** A share of items that are right. */
export interface Accuracy {
  readonly correct: number;
  readonly total: number;
  /** correct / total; null when there is nothing to judge. */
  readonly share: number | null;
}

const ratio = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : numerator / denominator;

/** Precision, recall and F1 from the number of one-to-one matches and the sizes of both sides. */
export function prf(matched: number, gold: number, predicted: number): Prf {
  return {
    matched,
    gold,
    predicted,
    precision: ratio(matched, predicted),
    recall: ratio(matched, gold),
    f1: ratio(2 * matched, gold + predicted),
  };
}

/** The micro-average of two scores: counts added, ratios recomputed. */
export function addPrf(a: Prf, b: Prf): Prf {
  return prf(a.matched + b.matched, a.gold + b.gold, a.predicted + b.predicted);
}

/** An accuracy from its counts. */
export function accuracy(correct: number, total: number): Accuracy {
  return { correct, total, share: ratio(correct, total) };
}

/** Two accuracies pooled: counts added, share recomputed. */
export function addAccuracy(a: Accuracy, b: Accuracy): Accuracy {
  return accuracy(a.correct + b.correct, a.total + b.total);
}
