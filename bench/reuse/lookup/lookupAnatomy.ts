/**
 * What a lookup costs inside the index, to explain its time: the hashes sent, how many stored
 * sources hold them (the posting lists Lucene walks, counted by the bench as it generated the
 * corpus), how many sources match at all, the server's own time for the statement (without the
 * round trip), and its PROFILE. The statement is reuseCandidates' own (src/db/reuseQueries.ts),
 * run through the driver here because the Executor keeps no result summaries.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { fingerprintIndex } from '../../../src/db/databaseSchema.js';
import { fingerprintHashes } from '../../../src/reuse/fingerprints.js';
import { percentile, round } from '../../scale/measure.js';
import { profileStatement } from '../../scale/profilePlans.js';
import { CANDIDATE_LIMIT } from './measureLookups.js';
import type { ProbeText } from './syntheticNews.js';

/** Lucene's clause limit as reuseCandidates applies it (MAX_QUERY_HASHES). */
const MAX_QUERY_HASHES = 1000;

const candidatesStatement = {
  name: 'reuseCandidates',
  cypher: `
    CALL db.index.fulltext.queryNodes('${fingerprintIndex.name}', $query, {limit: $limit})
    YIELD node, score
    WHERE $excludeId IS NULL OR node.id <> $excludeId
    RETURN node.id AS id, score`,
};

const matchCountStatement = `
  CALL db.index.fulltext.queryNodes('${fingerprintIndex.name}', $query) YIELD node
  RETURN count(node) AS matches`;

/** One probe's lookup seen from the index. */
export interface ProbeAnatomy {
  readonly probe: string;
  readonly hashesSent: number;
  /** Stored sources over all the hashes sent: the postings the disjunction has to visit. */
  readonly postings: number;
  /** Stored sources holding the commonest hash sent. */
  readonly largestPosting: number;
  /** Hashes sent that are held by more than 1% of the stored sources. */
  readonly commonHashes: number;
  /** Stored sources sharing at least one hash (what an unlimited query returns). */
  readonly matchingSources: number;
  /** Server time of the limited statement (available + consumed), median of 5. */
  readonly serverMs: number;
}

/** A summary of the probes' anatomies at one size. */
export interface LookupAnatomy {
  readonly hashesSentMedian: number;
  readonly hashesSentMax: number;
  readonly postingsMedian: number;
  readonly postingsMax: number;
  readonly largestPosting: number;
  readonly commonHashesMedian: number;
  readonly matchingSourcesMedian: number;
  readonly matchingSourcesMax: number;
  readonly serverMsMedian: number;
  readonly profile: {
    readonly operators: string[];
    readonly dbHits: number;
    readonly rows: number;
  };
  readonly probes: readonly ProbeAnatomy[];
}

/** How many stored sources hold each of the probes' hashes, counted while loading. */
export class PostingCounter {
  private readonly counts = new Map<string, number>();

  constructor(probes: readonly ProbeText[]) {
    for (const probe of probes)
      for (const hash of fingerprintHashes(probe.text)) this.counts.set(hash, 0);
  }

  /** Counts one stored source's hashes (each distinct, as fingerprintHashes returns them). */
  readonly observe = (hashes: readonly string[]): void => {
    for (const hash of hashes) {
      const count = this.counts.get(hash);
      if (count !== undefined) this.counts.set(hash, count + 1);
    }
  };

  postingOf(hash: string): number {
    return this.counts.get(hash) ?? 0;
  }
}

const median = (values: readonly number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );

async function serverTime(driver: Driver, parameters: Record<string, unknown>): Promise<number> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    const times: number[] = [];
    for (let repetition = 0; repetition < 5; repetition++) {
      const result = await session.run(candidatesStatement.cypher, parameters);
      times.push(
        Number(result.summary.resultAvailableAfter) + Number(result.summary.resultConsumedAfter),
      );
    }
    return median(times);
  } finally {
    await session.close();
  }
}

async function matchCount(driver: Driver, query: string): Promise<number> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.run(matchCountStatement, { query });
    return Number(result.records[0]?.get('matches') ?? 0);
  } finally {
    await session.close();
  }
}

/** Looks inside the lookups of every probe at the current size. */
export async function lookupAnatomy(
  driver: Driver,
  probes: readonly ProbeText[],
  postings: PostingCounter,
  storedSources: number,
): Promise<LookupAnatomy> {
  const anatomies: ProbeAnatomy[] = [];
  let profile: LookupAnatomy['profile'] | undefined;
  for (const probe of probes) {
    const sent = fingerprintHashes(probe.text).slice(0, MAX_QUERY_HASHES);
    const lengths = sent.map((hash) => postings.postingOf(hash));
    const query = sent.join(' OR ');
    const parameters = { query, excludeId: null, limit: neo4j.int(CANDIDATE_LIMIT) };
    if (!profile) {
      const profiled = await profileStatement(driver, candidatesStatement, parameters);
      profile = { operators: profiled.operators, dbHits: profiled.dbHits, rows: profiled.rows };
    }
    anatomies.push({
      probe: probe.id,
      hashesSent: sent.length,
      postings: lengths.reduce((sum, length) => sum + length, 0),
      largestPosting: Math.max(0, ...lengths),
      commonHashes: lengths.filter((length) => length > storedSources / 100).length,
      matchingSources: await matchCount(driver, query),
      serverMs: round(await serverTime(driver, parameters), 1),
    });
  }
  const of = (key: keyof Omit<ProbeAnatomy, 'probe'>) => anatomies.map((anatomy) => anatomy[key]);
  return {
    hashesSentMedian: median(of('hashesSent')),
    hashesSentMax: Math.max(...of('hashesSent')),
    postingsMedian: median(of('postings')),
    postingsMax: Math.max(...of('postings')),
    largestPosting: Math.max(...of('largestPosting')),
    commonHashesMedian: median(of('commonHashes')),
    matchingSourcesMedian: median(of('matchingSources')),
    matchingSourcesMax: Math.max(...of('matchingSources')),
    serverMsMedian: median(of('serverMs')),
    profile: profile ?? { operators: [], dbHits: 0, rows: 0 },
    probes: anatomies,
  };
}
