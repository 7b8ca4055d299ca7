/**
 * The goals of the hidden-sourcing issue, judged on one run of the eval.
 */
import type { FalseLinkResult } from './falseLinks.js';
import type { FingerprintDensity } from './fingerprintDensity.js';
import type { RecallResult } from './plantedRecall.js';

/** Whether a goal was reached. */
export type ReuseGoalStatus = 'met' | 'missed';

/** One goal and how the run did. */
export interface ReuseGoal {
  readonly goal: string;
  readonly target: string;
  readonly value: number;
  /** The value as the report prints it, e.g. "360/360" or "0.37". */
  readonly shown: string;
  readonly status: ReuseGoalStatus;
}

/** Independent same-event pairs the false-link goal needs. */
export const MIN_SAME_EVENT_PAIRS = 50;

/** Passage length of the edited-passage goal. */
export const EDIT_GOAL_LENGTH = 40;

const status = (met: boolean): ReuseGoalStatus => (met ? 'met' : 'missed');

/** The four goals: verbatim recall, edited recall at 40 words, false links, density. */
export function evaluateReuseGoals(
  recall: RecallResult,
  falseLinks: FalseLinkResult,
  density: FingerprintDensity,
): ReuseGoal[] {
  const verbatim = recall.cells.filter(
    (cell) => cell.length >= 8 && (cell.variant === 'verbatim' || cell.variant === 'damaged'),
  );
  const found = verbatim.reduce((sum, cell) => sum + cell.found, 0);
  const planted = verbatim.reduce((sum, cell) => sum + cell.planted, 0);
  const edited = recall.cells.find(
    (cell) => cell.length === EDIT_GOAL_LENGTH && cell.variant === 'edited',
  );
  const editedRecall = edited?.recall ?? 0;
  const same = falseLinks.sameEvent;
  return [
    {
      goal: 'verbatim passages of ≥ 8 words found, clean and with the seed’s punctuation damage',
      target: 'all (recall 1)',
      value: planted === 0 ? 0 : found / planted,
      shown: `${found}/${planted}`,
      status: status(planted > 0 && found === planted),
    },
    {
      goal: `${EDIT_GOAL_LENGTH}-word passages with one word in ten changed found`,
      target: '≥ 0.95',
      value: editedRecall,
      shown: edited ? `${editedRecall.toFixed(3)} (${edited.found}/${edited.planted})` : '–',
      status: status(edited !== undefined && editedRecall >= 0.95),
    },
    {
      goal: `false links among independent same-event pairs (≥ ${MIN_SAME_EVENT_PAIRS} pairs)`,
      target: '0',
      value: same.linked,
      shown: `${same.linked} of ${same.pairs} pairs`,
      status: status(same.pairs >= MIN_SAME_EVENT_PAIRS && same.linked === 0),
    },
    {
      goal: 'fingerprints stored per word',
      target: '≤ 0.4',
      value: density.storedPerWord,
      shown: density.storedPerWord.toFixed(3),
      status: status(density.storedPerWord <= 0.4),
    },
  ];
}
