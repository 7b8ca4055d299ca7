/**
 * Times the lookup of each probe text against the stored sources, side by side in one loop:
 * (a) fingerprintHashes, (b) reuseCandidates (the index lookup), the two steps after it
 * (prepareText of the probe, alignPrepared over the candidates, whose texts the lookup returns), (c) the whole sharedTextWith as the API
 * runs it, and a bare round trip (`RETURN 1` through the Executor) as the floor any statement
 * pays at that moment: sizes are measured minutes apart on a shared machine, so the floor tells
 * how busy it was. One warm-up round, then every probe once per repetition, so noise from the
 * shared machine spreads over all probes alike. The last repetition's answers are checked for
 * the planted passages.
 */
import type { Executor } from '../../../src/db/executor.js';
import { reuseCandidates } from '../../../src/db/reuseQueries.js';
import { alignPrepared, prepareText } from '../../../src/reuse/alignPassages.js';
import { fingerprintHashes } from '../../../src/reuse/fingerprints.js';
import { sharedTextWith, type SharedText } from '../../../src/reuse/reuseService.js';
import { percentile, round } from '../../scale/measure.js';
import type { PlantedPassage, ProbeText } from './syntheticNews.js';

/**
 * Candidates asked of the index: what sharedTextWith asks for with its default limit of 10
 * results (max(20, 3 × limit)).
 */
export const CANDIDATE_LIMIT = 30;

/** Median and 95th percentile of one step, over every probe and repetition. */
export interface Timing {
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly samples: number;
}

/** Whether a probe's copy of a planted passage came back from sharedTextWith. */
export interface PlantedCheck {
  readonly probe: string;
  readonly passage: number;
  readonly edit: string;
  readonly sourceId: string;
  readonly plantedWords: number;
  readonly found: boolean;
  /** Words of the passages found over the planted one. */
  readonly wordsFound: number;
  /** Place of the planted source among the index's candidates (1 = best), if there. */
  readonly candidateRank: number | null;
}

export interface LookupTimings {
  readonly roundTrip: Timing;
  readonly fingerprint: Timing;
  readonly lookup: Timing;
  readonly readCandidates: Timing;
  readonly align: Timing;
  readonly sharedTextWith: Timing;
  readonly planted: readonly PlantedCheck[];
  /** Sources returned by sharedTextWith that no probe copies from (none expected). */
  readonly unexpectedHits: readonly { probe: string; sourceId: string; words: number }[];
}

const summarise = (samples: readonly number[]): Timing => {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    medianMs: round(percentile(sorted, 0.5), 2),
    p95Ms: round(percentile(sorted, 0.95), 2),
    samples: sorted.length,
  };
};

/** One timed pass over a probe: each step, then the whole service call. */
const roundTrip = { name: 'bench:roundTrip', cypher: 'RETURN 1 AS one' };

async function timeProbe(executor: Executor, probe: ProbeText) {
  const start = performance.now();
  await executor.read(roundTrip);
  const t0 = performance.now();
  const hashes = fingerprintHashes(probe.text);
  const t1 = performance.now();
  const candidates = await reuseCandidates(executor, hashes, null, CANDIDATE_LIMIT);
  const t2 = performance.now();
  // The candidates come with their texts (one statement); the probe is prepared once.
  const prepared = prepareText(probe.text);
  const t3 = performance.now();
  for (const { source } of candidates)
    if (source.text) alignPrepared(prepared, prepareText(source.text));
  const t4 = performance.now();
  const shared = await sharedTextWith(executor, { text: probe.text });
  const t5 = performance.now();
  return {
    times: [t0 - start, t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4] as const,
    candidates: candidates.map((candidate) => candidate.source.id),
    shared,
  };
}

function checkPlanted(
  probe: ProbeText,
  planted: readonly PlantedPassage[],
  candidates: readonly string[],
  shared: readonly SharedText[],
): PlantedCheck[] {
  return probe.copies.map((copy) => {
    const passage = planted[copy.passage]!;
    const match = shared.find((entry) => entry.source.id === passage.sourceId);
    const overlapping = (match?.passages ?? []).filter(
      (pair) =>
        pair.otherStart < passage.end &&
        pair.otherEnd > passage.start &&
        pair.thisStart < copy.end &&
        pair.thisEnd > copy.start,
    );
    const rank = candidates.indexOf(passage.sourceId);
    return {
      probe: probe.id,
      passage: copy.passage,
      edit: copy.edit,
      sourceId: passage.sourceId,
      plantedWords: passage.words,
      found: overlapping.length > 0,
      wordsFound: overlapping.reduce((sum, pair) => sum + pair.words, 0),
      candidateRank: rank === -1 ? null : rank + 1,
    };
  });
}

/** Measures every probe `repetitions` times after one warm-up round. */
export async function measureLookups(
  executor: Executor,
  probes: readonly ProbeText[],
  planted: readonly PlantedPassage[],
  repetitions: number,
): Promise<LookupTimings> {
  for (const probe of probes) await timeProbe(executor, probe);
  const samples: number[][] = [[], [], [], [], [], []];
  const planting: PlantedCheck[] = [];
  const unexpectedHits: { probe: string; sourceId: string; words: number }[] = [];
  for (let repetition = 0; repetition < repetitions; repetition++) {
    for (const probe of probes) {
      const { times, candidates, shared } = await timeProbe(executor, probe);
      times.forEach((time, step) => samples[step]!.push(time));
      if (repetition < repetitions - 1) continue;
      planting.push(...checkPlanted(probe, planted, candidates, shared));
      const copied = new Set(probe.copies.map((copy) => planted[copy.passage]!.sourceId));
      for (const entry of shared)
        if (!copied.has(entry.source.id))
          unexpectedHits.push({
            probe: probe.id,
            sourceId: entry.source.id,
            words: entry.passages.reduce((sum, pair) => sum + pair.words, 0),
          });
    }
  }
  const [roundTripTiming, fingerprint, lookup, readCandidates, align, whole] =
    samples.map(summarise);
  return {
    roundTrip: roundTripTiming!,
    fingerprint: fingerprint!,
    lookup: lookup!,
    readCandidates: readCandidates!,
    align: align!,
    sharedTextWith: whole!,
    planted: planting,
    unexpectedHits,
  };
}
