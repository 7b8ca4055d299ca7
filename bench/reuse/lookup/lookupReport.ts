/**
 * The lookup benchmark's results: their JSON shape, the goal check and the Markdown rendering
 * (bench/results/reuse-lookup.md).
 */
import { formatGraphSize } from '../../scale/graphSize.js';
import { round } from '../../scale/measure.js';
import type { machineDetails } from '../../machineDetails.js';
import type { LoadStep } from './loadSources.js';
import type { LookupAnatomy } from './lookupAnatomy.js';
import type { LookupTimings, Timing } from './measureLookups.js';

/** The goal from the issue: a lookup for a 1,000-word text within this, flat from 1k to 100k. */
export const GOAL_MS = 50;
/** Flat: the largest size's median within this factor of the smallest size's. */
export const FLAT_FACTOR = 2;

/** Everything measured at one corpus size. */
export interface SizeResult {
  readonly storedSources: number;
  readonly words: number;
  readonly fingerprints: number;
  readonly fingerprintsPerWord: number;
  /** The loading step that brought the corpus to this size. */
  readonly load: LoadStep;
  readonly awaitIndexesSeconds: number;
  readonly loadAverageAtStart: string;
  readonly timings: LookupTimings;
  readonly anatomy: LookupAnatomy;
}

export interface LookupResults {
  readonly when: string;
  readonly machine: ReturnType<typeof machineDetails>;
  readonly seed: number;
  readonly probes: {
    readonly count: number;
    readonly wordsMedian: number;
    readonly copying: number;
  };
  readonly repetitions: number;
  readonly candidateLimit: number;
  readonly fingerprintScheme: string;
  readonly sizes: readonly SizeResult[];
  /** Largest size's median over the smallest's, per step; undefined with one size. */
  readonly flatness?: {
    readonly from: number;
    readonly to: number;
    readonly lookupRatio: number;
    readonly sharedTextWithRatio: number;
  };
  readonly goal: {
    /** Medians within GOAL_MS at every size. */
    readonly lookupWithinGoal: boolean;
    readonly sharedTextWithWithinGoal: boolean;
    /** The same for the 95th percentiles. */
    readonly lookupP95WithinGoal: boolean;
    readonly sharedTextWithP95WithinGoal: boolean;
    readonly lookupFlat: boolean | null;
    readonly sharedTextWithFlat: boolean | null;
  };
  /** Why a requested size is missing, if one is. */
  readonly notReached?: string;
}

/** Ratios and goal checks over the sizes measured. */
export function judge(sizes: readonly SizeResult[]): Pick<LookupResults, 'flatness' | 'goal'> {
  const first = sizes[0];
  const last = sizes[sizes.length - 1];
  const flatness =
    first && last && last !== first
      ? {
          from: first.storedSources,
          to: last.storedSources,
          lookupRatio: round(last.timings.lookup.medianMs / first.timings.lookup.medianMs, 2),
          sharedTextWithRatio: round(
            last.timings.sharedTextWith.medianMs / first.timings.sharedTextWith.medianMs,
            2,
          ),
        }
      : undefined;
  return {
    flatness,
    goal: {
      lookupWithinGoal: sizes.every((size) => size.timings.lookup.medianMs <= GOAL_MS),
      sharedTextWithWithinGoal: sizes.every(
        (size) => size.timings.sharedTextWith.medianMs <= GOAL_MS,
      ),
      lookupP95WithinGoal: sizes.every((size) => size.timings.lookup.p95Ms <= GOAL_MS),
      sharedTextWithP95WithinGoal: sizes.every(
        (size) => size.timings.sharedTextWith.p95Ms <= GOAL_MS,
      ),
      lookupFlat: flatness ? flatness.lookupRatio <= FLAT_FACTOR : null,
      sharedTextWithFlat: flatness ? flatness.sharedTextWithRatio <= FLAT_FACTOR : null,
    },
  };
}

const number = (value: number) => value.toLocaleString('en');
const ms = (timing: Timing) => `${timing.medianMs} / ${timing.p95Ms}`;
const yes = (value: boolean | null) => (value === null ? 'n/a' : value ? '**yes**' : '**no**');
const minutes = (seconds: number) =>
  seconds < 90 ? `${round(seconds, 1)} s` : `${round(seconds / 60, 1)} min`;

/** Renders the results as Markdown. */
export function lookupMarkdown(results: LookupResults): string {
  const { sizes, machine } = results;
  const lines: string[] = [
    '# Text-reuse lookup at scale',
    '',
    `Run ${results.when.slice(0, 16).replace('T', ' ')} UTC by \`node --import tsx bench/reuse/lookup/runLookupBench.ts --sizes ${sizes.map((size) => formatGraphSize(size.storedSources).toLowerCase()).join(',')}\`. ` +
      `${results.probes.count} probe texts of about ${number(results.probes.wordsMedian)} words (${results.probes.copying} of them copy planted passages), ` +
      `one warm-up round, then ${results.repetitions} repetitions of every probe, all steps side by side in one loop; ` +
      `${results.candidateLimit} candidates asked of the index, as \`sharedTextWith\` does. Fingerprints \`${results.fingerprintScheme}\`.`,
    '',
    `Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}, Neo4j ${machine.neo4j}, ${machine.kernel}. ` +
      'The machine was shared with other work during the run: read medians and ratios, not single figures.',
    '',
    '## Lookup by corpus size (milliseconds, median / p95)',
    '',
    '| stored sources | words stored | fingerprints stored | per word | lookup (`reuseCandidates`) | whole `sharedTextWith` | planted found |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | :---: |',
    ...sizes.map(
      (size) =>
        `| ${number(size.storedSources)} | ${number(size.words)} | ${number(size.fingerprints)} | ${size.fingerprintsPerWord} | ${ms(size.timings.lookup)} | ${ms(size.timings.sharedTextWith)} | ${size.timings.planted.filter((check) => check.found).length} of ${size.timings.planted.length} |`,
    ),
    '',
  ];
  const { flatness, goal } = results;
  lines.push('## Goal: ≤ 50 ms for a 1,000-word text, flat from 1k to 100k', '');
  if (flatness)
    lines.push(
      `- Flatness, median at ${number(flatness.to)} over median at ${number(flatness.from)}: lookup **${flatness.lookupRatio}×**, whole \`sharedTextWith\` **${flatness.sharedTextWithRatio}×** (flat means within ${FLAT_FACTOR}×).`,
    );
  lines.push(
    `- Lookup (the index query), median ≤ ${GOAL_MS} ms at every size: ${yes(goal.lookupWithinGoal)} (p95: ${yes(goal.lookupP95WithinGoal)}); flat: ${yes(goal.lookupFlat)}.`,
    `- Whole \`sharedTextWith\` (fingerprints + lookup + reading candidates + aligning them), median ≤ ${GOAL_MS} ms at every size: ${yes(goal.sharedTextWithWithinGoal)} (p95: ${yes(goal.sharedTextWithP95WithinGoal)}); flat: ${yes(goal.sharedTextWithFlat)}.`,
  );
  if (results.notReached) lines.push(`- Not reached: ${results.notReached}`);
  lines.push(
    '',
    '## Where the time goes (milliseconds, median / p95)',
    '',
    'Round trip: a bare `RETURN 1` through the Executor in the same loop, the floor every statement pays at that moment (how busy the shared machine was).',
    '',
    '| stored sources | round trip | `fingerprintHashes` | `reuseCandidates` | `prepareText` (the probe, once) | `alignPrepared` × candidates | whole `sharedTextWith` |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...sizes.map(
      (size) =>
        `| ${number(size.storedSources)} | ${ms(size.timings.roundTrip)} | ${ms(size.timings.fingerprint)} | ${ms(size.timings.lookup)} | ${ms(size.timings.readCandidates)} | ${ms(size.timings.align)} | ${ms(size.timings.sharedTextWith)} |`,
    ),
    '',
    '## Inside the index query',
    '',
    'Postings: stored sources holding each hash sent, summed over the hashes (what the OR query walks). Common: hashes held by more than 1% of the stored sources. Server time: Neo4j’s own time for the statement, without the round trip.',
    '',
    '| stored sources | hashes sent (median, max) | postings (median, max) | largest posting | common hashes (median) | sources matching (median, max) | server time median | PROFILE db hits, rows |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...sizes.map(({ storedSources, anatomy: a }) => {
      const profile = `${number(a.profile.dbHits)}, ${number(a.profile.rows)}`;
      return `| ${number(storedSources)} | ${a.hashesSentMedian}, ${a.hashesSentMax} | ${number(a.postingsMedian)}, ${number(a.postingsMax)} | ${number(a.largestPosting)} | ${a.commonHashesMedian} | ${number(a.matchingSourcesMedian)}, ${number(a.matchingSourcesMax)} | ${a.serverMsMedian} ms | ${profile} |`;
    }),
    '',
    `Plan: ${sizes[0]?.anatomy.profile.operators.join(' ← ') ?? 'n/a'}.`,
    '',
    '## Planted passages',
    '',
    '| stored sources | probe | passage | edit | planted words | found | words found | candidate rank |',
    '| ---: | --- | ---: | --- | ---: | :---: | ---: | ---: |',
    ...sizes.flatMap((size) =>
      size.timings.planted.map(
        (check) =>
          `| ${number(size.storedSources)} | ${check.probe} | ${check.passage} (${check.sourceId}) | ${check.edit} | ${check.plantedWords} | ${check.found ? 'yes' : '**no**'} | ${check.wordsFound} | ${check.candidateRank ?? '—'} |`,
      ),
    ),
    '',
    `Unexpected hits (sources returned that no probe copies): ${sizes.map((size) => `${size.timings.unexpectedHits.length} at ${number(size.storedSources)}`).join(', ')}.`,
    '',
    '## Loading',
    '',
    'Each step adds the sources up to its size to the same database (source i is the same text at every size), in UNWIND batches with the bench’s own Cypher, generating and fingerprinting the next batch while the previous one is written.',
    '',
    '| step | sources added | wall time | generating + fingerprinting | writing | `db.awaitIndexes` | load average at measurement |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...sizes.map(
      (size) =>
        `| → ${number(size.storedSources)} | ${number(size.load.to - size.load.from)} | ${minutes(size.load.seconds)} | ${minutes(size.load.fingerprintSeconds)} | ${minutes(size.load.writeSeconds)} | ${round(size.awaitIndexesSeconds, 1)} s | ${size.loadAverageAtStart} |`,
    ),
    '',
  );
  return `${lines.join('\n')}\n`;
}
