/**
 * Growing a seed match into a passage. Copy editors change a word here and there, so a passage
 * carries on across a small gap of differing words as long as the texts agree again right after
 * it; without that, one edit in ten would cut a copied paragraph into fragments too short to
 * report.
 */

/** A matched word pair: token index in text a and in text b. */
export interface WordPair {
  readonly a: number;
  readonly b: number;
}

/** Most differing words a gap may hold, counted on the longer side. */
const MAX_GAP_DIFFERENCES = 2;
/** Most words a gap may span on either side (two edits around two unchanged words: "x = = y"). */
const MAX_GAP_SPAN = 4;
/** Equal words that must follow a gap on both sides for the passage to carry on across it. */
const RESUME_WORDS = 3;

const runEqual = (
  a: readonly string[],
  b: readonly string[],
  x: number,
  y: number,
  step: number,
  length: number,
): boolean => {
  for (let offset = 0; offset < length; offset++) {
    const wordA = a[x + offset * step];
    if (wordA === undefined || wordA !== b[y + offset * step]) return false;
  }
  return true;
};

/**
 * The gap to bridge at a mismatch (x, y), walking by `step` (1 rightwards, −1 leftwards): how
 * many words to skip in each text, or undefined when none fits. Smallest gaps first, so a
 * substitution is preferred to an insertion plus a deletion.
 */
const bridge = (
  a: readonly string[],
  b: readonly string[],
  x: number,
  y: number,
  step: number,
): { skipA: number; skipB: number } | undefined => {
  for (let total = 1; total <= 2 * MAX_GAP_SPAN; total++) {
    for (let skipA = Math.min(total, MAX_GAP_SPAN); skipA >= 0; skipA--) {
      const skipB = total - skipA;
      if (skipB > MAX_GAP_SPAN) break;
      // Words skipped side by side that differ; an insertion or deletion counts in full.
      let differences = Math.max(skipA, skipB);
      if (skipA === skipB) {
        differences = 0;
        for (let offset = 0; offset < skipA; offset++)
          if (a[x + offset * step] !== b[y + offset * step]) differences++;
      }
      if (differences > MAX_GAP_DIFFERENCES) continue;
      if (runEqual(a, b, x + skipA * step, y + skipB * step, step, RESUME_WORDS))
        return { skipA, skipB };
    }
  }
  return undefined;
};

/** Extends from (x, y), the first pair past a match, in one direction; pushes the pairs matched. */
const extend = (
  a: readonly string[],
  b: readonly string[],
  start: WordPair,
  step: number,
  pairs: WordPair[],
): void => {
  let x = start.a;
  let y = start.b;
  for (;;) {
    while (x >= 0 && y >= 0 && x < a.length && y < b.length && a[x] === b[y]) {
      pairs.push({ a: x, b: y });
      x += step;
      y += step;
    }
    if (x < 0 || y < 0 || x >= a.length || y >= b.length) return;
    const gap = bridge(a, b, x, y, step);
    if (gap === undefined) return;
    // Equal words inside a substitution gap ("x = = y") still belong to the passage.
    if (gap.skipA === gap.skipB)
      for (let offset = 0; offset < gap.skipA; offset++)
        if (a[x + offset * step] === b[y + offset * step])
          pairs.push({ a: x + offset * step, b: y + offset * step });
    x += gap.skipA * step;
    y += gap.skipB * step;
  }
};

/**
 * Grows the exact match of `length` words at (a, b) left and right over equal words, bridging
 * gaps of at most two differing words (four words spanned) that are followed by three equal
 * words on both sides. Returns the matched pairs in text order.
 */
export function extendMatch(
  a: readonly string[],
  b: readonly string[],
  seed: WordPair,
  length: number,
): WordPair[] {
  const left: WordPair[] = [];
  extend(a, b, { a: seed.a - 1, b: seed.b - 1 }, -1, left);
  const pairs = left.reverse();
  for (let offset = 0; offset < length; offset++)
    pairs.push({ a: seed.a + offset, b: seed.b + offset });
  extend(a, b, { a: seed.a + length, b: seed.b + length }, 1, pairs);
  return pairs;
}
