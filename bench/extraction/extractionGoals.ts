import type { ClaimMatchingResults } from './claimMatchEval.js';
import type { ScoreCounts } from './scoreExtraction.js';

/** Whether a goal was reached; n/a when there is nothing to judge (no dev articles, say). */
export type GoalStatus = 'met' | 'missed' | 'n/a';

/** One goal of the extraction eval and how the run did. */
export interface GoalResult {
  readonly set: 'seed' | 'dev' | 'speed' | 'matching';
  readonly goal: string;
  readonly target: string;
  /** The figure the goal is about, null when it has no denominator. */
  readonly value: number | null;
  /** The value as the report prints it, e.g. "0.93" or "5/5". */
  readonly shown: string;
  readonly status: GoalStatus;
}

const fixed = (value: number | null, digits = 2): string =>
  value === null ? '–' : value.toFixed(digits);

function atLeast(
  set: GoalResult['set'],
  goal: string,
  value: number | null,
  target: number,
  shown = fixed(value),
): GoalResult {
  return {
    set,
    goal,
    target: `≥ ${target.toLocaleString('en')}`,
    value,
    shown,
    status: value === null ? 'n/a' : value >= target ? 'met' : 'missed',
  };
}

/**
 * The goals of the extractor, judged on the pooled scores of the seed article and the dev set
 * (undefined when that set was not run), on the measured speed and on the claim-matching eval.
 */
export function evaluateGoals(
  seed: ScoreCounts | undefined,
  dev: ScoreCounts | undefined,
  wordsPerSecond: number | undefined,
  matching?: ClaimMatchingResults,
): GoalResult[] {
  const goals: GoalResult[] = [];
  const s = seed?.attributions;
  goals.push(
    atLeast(
      'seed',
      'span + speaker F1 at ≥ 30 % overlap',
      s?.spans.all.overlap30.speaker.f1 ?? null,
      0.9,
    ),
    atLeast('seed', 'span + speaker F1, exact span', s?.spans.all.exact.speaker.f1 ?? null, 0.75),
    atLeast(
      'seed',
      'stance right, of attributions matched at ≥ 30 % + speaker',
      s?.stance.share ?? null,
      0.9,
      s ? `${fixed(s.stance.share)} (${s.stance.correct}/${s.stance.total})` : '–',
    ),
  );
  const figures = seed?.figures;
  goals.push({
    set: 'seed',
    goal: 'every figure exact',
    target: 'all',
    value: figures?.recall ?? null,
    shown: figures ? `${figures.matched}/${figures.gold}` : '–',
    status:
      figures === undefined || figures.gold === 0
        ? 'n/a'
        : figures.matched === figures.gold
          ? 'met'
          : 'missed',
  });
  const times = seed?.times;
  goals.push(
    atLeast(
      'seed',
      'times exact (value and precision)',
      times?.recall ?? null,
      0.9,
      times ? `${fixed(times.recall)} (${times.matched}/${times.gold})` : '–',
    ),
  );
  const d = dev?.attributions;
  goals.push(
    atLeast(
      'dev',
      'span + speaker F1 at ≥ 30 % overlap',
      d?.spans.all.overlap30.speaker.f1 ?? null,
      0.85,
    ),
    atLeast(
      'dev',
      'direct quotes: span F1 at ≥ 80 % overlap',
      d?.spans.direct.overlap80.span.f1 ?? null,
      0.95,
    ),
  );
  goals.push({
    set: 'dev',
    goal: 'anonymous speakers linked to a named actor',
    target: '0',
    value: d ? d.anonymousLinks.count : null,
    shown: d ? String(d.anonymousLinks.count) : '–',
    status:
      d === undefined || d.gold === 0 ? 'n/a' : d.anonymousLinks.count === 0 ? 'met' : 'missed',
  });
  goals.push(
    atLeast(
      'speed',
      'words per second (one thread)',
      wordsPerSecond ?? null,
      50_000,
      wordsPerSecond === undefined ? '–' : Math.round(wordsPerSecond).toLocaleString('en'),
    ),
  );
  goals.push(
    atLeast(
      'matching',
      'precision of matches (first proposal a match, and the right claim)',
      matching?.matchPrecision ?? null,
      0.95,
      matching
        ? `${fixed(matching.matchPrecision)} (${matching.matchesRight}/${matching.matchesMade})`
        : '–',
    ),
    atLeast(
      'matching',
      'right claim among the first three (paraphrase, other figure)',
      matching?.top3Rate ?? null,
      0.9,
      matching ? `${fixed(matching.top3Rate)} (${matching.top3Hits}/${matching.top3Cases})` : '–',
    ),
  );
  return goals;
}
