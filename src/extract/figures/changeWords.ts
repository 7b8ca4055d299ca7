/**
 * Words that report a change and its direction: verbs before the amount ("rose 5 percent"),
 * nouns before "of" ("an increase of"), words after a percentage ("a 12% drop", "40 percent
 * higher"), multipliers ("doubled"), and the time words a basis must contain.
 */
import { wordSet } from './lexicon.js';

/** Direction of a reported change. */
export type Direction = 'increase' | 'decrease' | 'unknown';

function directions(increase: string, decrease: string, unknown = ''): Map<string, Direction> {
  const map = new Map<string, Direction>();
  for (const word of increase.split(' ')) map.set(word, 'increase');
  for (const word of decrease.split(' ')) map.set(word, 'decrease');
  for (const word of unknown.split(' ').filter(Boolean)) map.set(word, 'unknown');
  return map;
}

/** Verbs directly before the amount, possibly with "by" between ("rose by 5%"). */
export const changeVerbs: ReadonlyMap<string, Direction> = directions(
  'rose rise rises rising risen increased increase increases increasing grew grow grows growing ' +
    'grown jumped jump jumps jumping climbed climb climbs climbing surged surge surges surging ' +
    'soared soar soars soaring gained gain gains gaining rocketed skyrocketed spiked swelled ' +
    'expanded expand expands advanced leapt leaped leap leaps ballooned raised boosted lifted',
  'fell fall falls falling fallen dropped drop drops dropping declined decline declines ' +
    'declining decreased decrease decreases decreasing slid slide slides sliding shrank shrink ' +
    'shrinks shrinking shrunk plunged plunge plunges plummeted plummet tumbled tumble slumped ' +
    'slump dipped dip dips sank sink sinks contracted eased slipped slip slips lost cut reduced ' +
    'lowered',
  'changed change changes varied shifted moved fluctuated',
);

/** Verbs that report a change only with "by": "cut by 10%" (but "cut 10 percent of staff"). */
export const verbsNeedingBy: ReadonlySet<string> = wordSet(
  'cut reduced lowered raised boosted lifted shifted moved lost',
);

/** Nouns before "of" and the amount: "an increase of 43 percent", "a drop of $2bn". */
export const changeNouns: ReadonlyMap<string, Direction> = directions(
  'increase increases rise rises jump growth gain gains surge hike boost uptick increment',
  'decrease decreases decline declines drop fall reduction cut contraction slump plunge dip ' +
    'slide downturn',
  'change changes',
);

/** Words after a percentage that make it a change: "a 12% drop", "40 percent higher". */
export const changeAfterPercent: ReadonlyMap<string, Direction> = directions(
  'increase rise jump growth gain surge hike boost uptick more higher greater larger bigger up',
  'decrease decline drop fall reduction cut contraction slump plunge dip slide fewer lower less ' +
    'smaller down',
  'change',
);

/**
 * Multipliers reported as a change without a number. Read as percentages: doubled +100,
 * tripled +200, quadrupled +300, halved -50.
 */
export const multiplierWords: ReadonlyMap<
  string,
  { readonly value: number; readonly direction: Direction }
> = new Map([
  ['doubled', { value: 100, direction: 'increase' }],
  ['doubling', { value: 100, direction: 'increase' }],
  ['tripled', { value: 200, direction: 'increase' }],
  ['trebled', { value: 200, direction: 'increase' }],
  ['tripling', { value: 200, direction: 'increase' }],
  ['quadrupled', { value: 300, direction: 'increase' }],
  ['halved', { value: 50, direction: 'decrease' }],
  ['halving', { value: 50, direction: 'decrease' }],
]);

/** Verbs before "up" that make it a particle, not a change: "made up 40 percent". */
export const upParticleVerbs: ReadonlySet<string> = wordSet(
  'made make makes making take takes took taking taken set sets end ended ends ' +
    'ending add adds added sum summed picked pick built build turned turn shut broke ' +
    'broken wind wound went go goes gone',
);

/** Words that name no thing of their own and so point back at the last figure. */
export const genericSubjects: ReadonlySet<string> = wordSet(
  'number numbers figure figures total count amount tally toll level sum volume ' +
    'quantity value it this that which they these those who',
);

/** Words skipped between a change verb and its subject: "has also risen", "is expected to rise". */
export const verbPrefixes: ReadonlySet<string> = wordSet(
  'has have had having was were is are been be will would could may might should ' +
    'also already further reportedly to expected forecast projected likely set due ' +
    'poised then again since now not',
);

/** Words that a basis ("compared with 2017", "from a year earlier") must contain. */
export const timeWords: ReadonlySet<string> = wordSet(
  'year years month months quarter quarters week weeks day days period decade ' +
    'earlier ago before previous prior preceding last same january february march ' +
    'april may june july august september october november december spring summer ' +
    'autumn winter half levels',
);

/** Periods that form compact bases: "year-on-year", "month on month", "quarter-over-quarter". */
export const basisPeriods: ReadonlySet<string> = wordSet('year month quarter week day');

/** Abbreviated bases and what they stand for: "yoy", "y/y", "q/q". */
export const basisAbbreviations: ReadonlyMap<string, string> = new Map([
  ['yoy', 'year-on-year'],
  ['y', 'year-on-year'],
  ['qoq', 'quarter-on-quarter'],
  ['q', 'quarter-on-quarter'],
  ['m', 'month-on-month'],
  ['w', 'week-on-week'],
]);

/** Words after which a basis phrase ends: "from 2017 and …", "compared with 2017 when …". */
export const basisStops: ReadonlySet<string> = wordSet(
  'and but while which when where whereas as to after because who that amid despite ' +
    'according said says',
);
