import { describe, expect, it } from 'vitest';
import {
  shardSizes,
  syntheticShard,
  syntheticShards,
  type SyntheticShard,
} from '../../bench/scale/syntheticGraph.js';
import { searchVocabulary } from '../../bench/scale/syntheticVocabulary.js';
import { independentOrigins, sourcingChains } from '../../src/domain/sourcingChains.js';
import type { SeedSet } from '../../src/ingest/seedFormat.js';
import { formatSeedProblem, validateSeedData } from '../../src/ingest/validateSeedSet.js';
import { seedCarrierGraphs as carrierGraphs } from '../support/seedCarrierGraphs.js';

/** Validates a shard the way a benchmark does; fails with every problem listed. */
function validShard(shard: SyntheticShard): SeedSet {
  const result = validateSeedData('synthetic', shard.raw, (file) => shard.sourceTexts.get(file));
  expect(result.ok ? [] : result.problems.slice(0, 20).map(formatSeedProblem)).toEqual([]);
  if (!result.ok) throw new Error('invalid shard');
  return result.value.seedSet;
}

describe('the synthetic graph generator', () => {
  const shard0 = syntheticShard({ seed: 1, index: 0, claims: 1500 });
  const shard1 = syntheticShard({ seed: 1, index: 1, claims: 1500 });

  it('writes shards that pass seed validation', () => {
    validShard(shard0);
    validShard(shard1);
  });

  it('is deterministic, and a shard does not depend on the size of its graph', () => {
    const again = syntheticShard({ seed: 1, index: 0, claims: 1500 });
    expect(JSON.stringify(again.raw)).toBe(JSON.stringify(shard0.raw));
    expect([...again.sourceTexts]).toEqual([...shard0.sourceTexts]);
    expect(JSON.stringify(syntheticShard({ seed: 2, index: 0, claims: 1500 }).raw)).not.toBe(
      JSON.stringify(shard0.raw),
    );

    const shards = [...syntheticShards(12_000, 7)];
    expect(shards.map((shard) => shard.counts.claims)).toEqual([5000, 5000, 2000]);
    expect(JSON.stringify(shards[1]!.raw)).toBe(
      JSON.stringify(syntheticShard({ seed: 7, index: 1, claims: 5000 }).raw),
    );
    expect(shardSizes(12_000)).toEqual([5000, 5000, 2000]);
    expect(shardSizes(10_000)).toEqual([5000, 5000]);
    expect(shardSizes(300, 100)).toEqual([100, 100, 100]);
  });

  it('keeps shards apart but declares the same global actor pool in each', () => {
    const pool = (shard: SyntheticShard) =>
      (shard.raw.actors as { id: string }[]).filter((actor) => actor.id.startsWith('act-g-'));
    expect(pool(shard0).length).toBe(20 + 15 + 150 + 30);
    expect(pool(shard1)).toEqual(pool(shard0));
    expect(pool(syntheticShard({ seed: 1, index: 5, claims: 10 }))).toEqual(pool(shard0));

    const ids = (shard: SyntheticShard) =>
      ['sources', 'claims', 'attributions', 'events'].flatMap((section) =>
        (shard.raw[section] as { id: string }[]).map((record) => record.id),
      );
    expect(ids(shard0).every((id) => id.includes('-b0-'))).toBe(true);
    expect(ids(shard1).every((id) => id.includes('-b1-'))).toBe(true);
  });

  it('has the intended shape', () => {
    const seedSet = validShard(shard0);
    const { counts } = shard0;
    expect(counts.claims).toBe(1500);
    expect(counts.attributions / counts.claims).toBeGreaterThan(2.5);
    expect(counts.attributions / counts.claims).toBeLessThan(3.5);
    expect(new Set(shard0.chainHops.values())).toEqual(new Set([1, 2, 3, 4, 5, 6]));
    expect(shard0.chainHops.size).toBe(1500);
    expect(seedSet.attributions.some((a) => a.stance === 'denies')).toBe(true);
    expect(seedSet.claimRelations.some((r) => r.type === 'contradicts')).toBe(true);
    expect(seedSet.claimRelations.every((r) => r.from !== r.to)).toBe(true);
    expect(seedSet.actors.some((a) => a.anonymous && a.kind === 'unnamed-group')).toBe(true);
    expect(seedSet.claims.some((c) => c.quantities.length > 0)).toBe(true);
    expect(seedSet.claims.some((c) => c.events.length > 0)).toBe(true);
    expect(seedSet.events.length).toBeGreaterThanOrEqual(1);
    const claimText = seedSet.claims.map((claim) => claim.text).join('\n');
    expect(searchVocabulary.length).toBeGreaterThanOrEqual(25);
    expect(searchVocabulary.filter((word) => !claimText.includes(word))).toEqual([]);
  });

  it('builds sourcing chains of the recorded length, with loops and second origins', () => {
    const graphs = carrierGraphs(validShard(shard0));
    let circular = 0;
    let multipleOrigins = 0;
    for (const [claimId, hops] of shard0.chainHops) {
      const graph = graphs.get(claimId)!;
      const chains = sourcingChains(graph);
      expect(Math.max(...chains.map((chain) => chain.sourceIds.length - 1)), claimId).toBe(hops);
      if (chains.some((chain) => chain.circular)) circular++;
      if (independentOrigins(graph, chains).groups.length >= 2) multipleOrigins++;
    }
    expect(circular).toBeGreaterThan(0);
    expect(multipleOrigins).toBeGreaterThan(0);
  });
});
