import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScaleResults } from '../../bench/scale/scaleReport.js';
import { syntheticShards } from '../../bench/scale/syntheticGraph.js';
import { projectRoot } from '../../src/config/config.js';

/*
 * The scale benchmark at a tiny size, through `npm run bench`'s own entry point, so it cannot
 * rot: its own throwaway Neo4j, the generator and the seed loader, the three modes checked
 * identical, PROFILE, measurement and the report. Nothing here asserts a timing.
 */
const claims = 300;
const out = mkdtempSync(path.join(os.tmpdir(), 'claimgraph-bench-test-'));
let results: ScaleResults;
let markdown: string;

describe('scale benchmark, tiny size', () => {
  beforeAll(async () => {
    await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        'bench/scale/runScaleBench.ts',
        `--sizes=${claims}`,
        '--seconds=0.5',
        '--warmup=0.2',
        '--concurrency=2',
        '--shard-claims=150',
        '--throughput=2',
        `--out=${out}`,
      ],
      { cwd: projectRoot, timeout: 240_000 },
    );
    results = JSON.parse(readFileSync(path.join(out, 'scale.json'), 'utf8')) as ScaleResults;
    markdown = readFileSync(path.join(out, 'scale.md'), 'utf8');
  }, 300_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('loads every generated claim and attribution through the loader', () => {
    const [size] = results.sizes;
    const generated = [...syntheticShards(claims, size!.seed, 150)];
    const attributions = generated.reduce((sum, shard) => sum + shard.counts.attributions, 0);
    expect(size!.ingest).toMatchObject({ claims, attributions, shards: 2 });
    expect(size!.ingest.nodesCreated).toBeGreaterThan(claims + attributions);
    expect(size!.ingest.attributionsPerSecond).toBeGreaterThan(0);
  });

  it('checked the three modes identical on many arguments, including a missing claim', () => {
    // 4 questions × (up to 25 sampled arguments + one that matches nothing)
    expect(results.sizes[0]!.answersChecked).toBeGreaterThanOrEqual(4 * 10);
  });

  it('measured every question in every mode without errors', () => {
    const { queries } = results.sizes[0]!;
    expect(queries.map((q) => q.query)).toEqual([
      'claimById',
      'search',
      'sourcingChains',
      'independence',
    ]);
    for (const query of queries) {
      for (const mode of [query.direct, query.minimalHttp, query.graphql]) {
        expect(mode.requests, query.query).toBeGreaterThan(0);
        expect(mode.errors, query.query).toBe(0);
        expect(mode.p99Ms).toBeGreaterThanOrEqual(mode.p50Ms);
      }
    }
  });

  it('finds every hot statement through an index, never by scanning a label', () => {
    const { plans } = results.sizes[0]!;
    // ClaimById, search, carrierGraphs, attributionsOfClaim, both CONTRADICTS directions, ActorById
    expect(plans.length).toBe(7);
    for (const plan of plans) {
      expect(plan.scans, plan.statement).toEqual([]);
      expect(plan.seeks.length, plan.statement).toBeGreaterThan(0);
      expect(plan.dbHits, plan.statement).toBeGreaterThan(0);
    }
  });

  it('measured chain cost for chains of 1 to 6 hops and wrote the report', () => {
    const hops = results.sizes[0]!.chainScaling.map((bucket) => bucket.hops);
    expect(hops).toEqual([1, 2, 3, 4, 5, 6]);
    for (const heading of ['## Ingest', '## Questions', '## Sourcing-chain cost', '## Plans']) {
      expect(markdown).toContain(heading);
    }
    expect(markdown).toContain('| 300 | claim by id |');
  });
});
