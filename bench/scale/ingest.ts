/**
 * Loads a synthetic graph shard by shard through the project's own loader: validateSeedData
 * (the checks `claimgraph seed validate` runs) and loadValidSeedSet (plan + one write
 * transaction per shard, as `claimgraph seed load` does per file). The next shard is generated
 * and validated while the previous one is being written, as a pipeline would. Along the way it
 * samples claims (uniformly, and per chain length) for the query benchmarks.
 */
import type { Executor } from '../../src/db/executor.js';
import { loadValidSeedSet } from '../../src/ingest/loadSeedFile.js';
import {
  formatSeedProblem,
  validateSeedData,
  type ValidSeedSet,
} from '../../src/ingest/validateSeedSet.js';
import { createRandom } from './seededRandom.js';
import { SHARD_CLAIMS, syntheticShards, type SyntheticShard } from './syntheticGraph.js';

export interface IngestReport {
  readonly claims: number;
  readonly attributions: number;
  readonly sources: number;
  readonly actorsDeclared: number;
  readonly shards: number;
  readonly nodesCreated: number;
  readonly relationshipsCreated: number;
  /** Wall time from the first shard generated to the last one committed. */
  readonly seconds: number;
  readonly generateSeconds: number;
  readonly validateSeconds: number;
  /** Time in plan + write transactions (overlaps generation of the next shard). */
  readonly writeSeconds: number;
  /** Attributions per second of wall time: the headline ingest rate. */
  readonly attributionsPerSecond: number;
  readonly nodesAndRelationshipsPerSecond: number;
}

/** Claims picked for the query benchmarks. */
export interface ClaimSamples {
  /** Uniform over the whole graph. */
  readonly claims: string[];
  /** Claim ids by the hops of their longest sourcing chain (1..6). */
  readonly byChainHops: Record<number, string[]>;
}

/** Writes one validated shard; returns what it created. */
export type ShardWriter = (
  executor: Executor,
  shard: ValidSeedSet,
) => Promise<{ nodesCreated: number; relationshipsCreated: number }>;

/** The project's loader, as `claimgraph seed load` runs it for one file. */
const loaderWrite: ShardWriter = async (executor, shard) => {
  let last = performance.now();
  const slowSteps: string[] = [];
  const counts = await loadValidSeedSet(executor, shard, {
    onProgress: (step) => {
      const now = performance.now();
      if (now - last > 2000) slowSteps.push(`${step} ${((now - last) / 1000).toFixed(1)} s`);
      last = now;
    },
    loadedBy: 'bench',
  });
  // A step this slow once meant a bad plan (see refuseSecondLink in writeGraphPlan.ts): say so.
  if (slowSteps.length > 0) console.error(`[bench] slow loader steps: ${slowSteps.join(', ')}`);
  return counts;
};

export interface IngestOptions {
  readonly claims: number;
  readonly seed: number;
  readonly shardClaims?: number;
  readonly samplesPerBucket?: number;
  /** Shard transactions in flight at once (default 1). */
  readonly writers?: number;
  /** How a validated shard is written; the project's loader unless a comparison says otherwise. */
  readonly writeShard?: ShardWriter;
  readonly log?: (line: string) => void;
}

/**
 * The synthetic graph's shards, each generated and then validated as `claimgraph seed validate`
 * would (an invalid shard is a generator bug and throws); the time of each step is added to
 * `times`. Shared by the online and the bulk ingest benchmarks.
 */
export function* validatedShards(
  claims: number,
  seed: number,
  shardClaims: number,
  times: { generate: number; validate: number },
): Generator<{ shard: SyntheticShard; valid: ValidSeedSet }> {
  const shards = syntheticShards(claims, seed, shardClaims);
  for (;;) {
    let mark = performance.now();
    const next = shards.next();
    times.generate += performance.now() - mark;
    if (next.done) return;
    const shard = next.value;
    mark = performance.now();
    const validation = validateSeedData(`synthetic shard ${shard.index}`, shard.raw, (file) =>
      shard.sourceTexts.get(file),
    );
    times.validate += performance.now() - mark;
    if (!validation.ok) {
      const problems = validation.problems.slice(0, 5).map(formatSeedProblem).join('\n');
      throw new Error(`The generator made an invalid shard ${shard.index}:\n${problems}`);
    }
    yield { shard, valid: validation.value };
  }
}

export async function ingestSyntheticGraph(
  executor: Executor,
  options: IngestOptions,
): Promise<{ report: IngestReport; samples: ClaimSamples }> {
  const log = options.log ?? (() => undefined);
  const sampler = new ClaimSampler(options.seed, options.samplesPerBucket ?? 200);
  const totals = { claims: 0, attributions: 0, sources: 0, actors: 0, shards: 0 };
  const times = { generate: 0, validate: 0, write: 0 };
  const written = { nodes: 0, relationships: 0 };
  const started = performance.now();
  const writers = options.writers ?? 1;
  const writeShard = options.writeShard ?? loaderWrite;
  const writing: Promise<void>[] = [];

  const shards = validatedShards(
    options.claims,
    options.seed,
    options.shardClaims ?? SHARD_CLAIMS,
    times,
  );
  for (const { shard, valid } of shards) {
    sampler.add(shard);
    if (writing.length >= writers) await writing.shift();
    writing.push(
      (async () => {
        const writeStarted = performance.now();
        const counts = await writeShard(executor, valid);
        times.write += performance.now() - writeStarted;
        written.nodes += counts.nodesCreated;
        written.relationships += counts.relationshipsCreated;
        totals.claims += shard.counts.claims;
        totals.attributions += shard.counts.attributions;
        totals.sources += shard.counts.sources;
        totals.actors += shard.counts.actors;
        totals.shards++;
        const seconds = (performance.now() - started) / 1000;
        log(
          `shard ${totals.shards}: ${totals.claims.toLocaleString('en')}/${options.claims.toLocaleString('en')} claims, ` +
            `${totals.attributions.toLocaleString('en')} attributions, ` +
            `${Math.round(totals.attributions / seconds).toLocaleString('en')} attributions/s`,
        );
      })(),
    );
  }
  await Promise.all(writing);
  const seconds = (performance.now() - started) / 1000;
  return {
    report: {
      claims: totals.claims,
      attributions: totals.attributions,
      sources: totals.sources,
      actorsDeclared: totals.actors,
      shards: totals.shards,
      nodesCreated: written.nodes,
      relationshipsCreated: written.relationships,
      seconds: round(seconds),
      generateSeconds: round(times.generate / 1000),
      validateSeconds: round(times.validate / 1000),
      writeSeconds: round(times.write / 1000),
      attributionsPerSecond: Math.round(totals.attributions / seconds),
      nodesAndRelationshipsPerSecond: Math.round((written.nodes + written.relationships) / seconds),
    },
    samples: sampler.samples(),
  };
}

/** Reservoir sampling (deterministic), uniform and per chain length. */
class ClaimSampler {
  private readonly random;
  private readonly uniform: string[] = [];
  private seen = 0;
  private readonly buckets = new Map<number, { ids: string[]; seen: number }>();

  constructor(
    seed: number,
    private readonly size: number,
  ) {
    this.random = createRandom(seed ^ 0x5eed);
  }

  add(shard: SyntheticShard) {
    for (const [claimId, hops] of shard.chainHops) {
      this.seen++;
      this.offer(this.uniform, this.seen, claimId);
      const bucket = this.buckets.get(hops) ?? { ids: [], seen: 0 };
      bucket.seen++;
      this.offer(bucket.ids, bucket.seen, claimId);
      this.buckets.set(hops, bucket);
    }
  }

  samples(): ClaimSamples {
    return {
      claims: this.uniform,
      byChainHops: Object.fromEntries(
        [...this.buckets.entries()].sort(([a], [b]) => a - b).map(([hops, b]) => [hops, b.ids]),
      ),
    };
  }

  private offer(reservoir: string[], seen: number, id: string) {
    if (reservoir.length < this.size) reservoir.push(id);
    else {
      const slot = Math.floor(this.random.next() * seen);
      if (slot < this.size) reservoir[slot] = id;
    }
  }
}

function round(value: number) {
  return Math.round(value * 100) / 100;
}
