/**
 * `npm run bench -- --bulk [--sizes 10k,100k]`: the synthetic graph of the scale benchmark loaded
 * through the bulk path (`claimgraph import --bulk`: validateSeedData, planSeedLoad, CSV,
 * neo4j-admin database import, constraints and indexes) into a fresh throwaway Neo4j per size.
 * Reports the end-to-end time (generation and validation included) and attributions per second;
 * results merge by size into <out>/ingest-bulk.{json,md}. No query is measured.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/config.js';
import { bulkLoadSeedSets, type BulkLoadReport } from '../../src/ingest/bulk/bulkLoad.js';
import type { ValidSeedSet } from '../../src/ingest/validateSeedSet.js';
import { startLocalServer, stopLocalServer } from '../../src/localNeo4j/localServer.js';
import { freePort } from '../../test/support/freePort.js';
import { machineDetails } from '../machineDetails.js';
import { formatGraphSize, neo4jMemoryFor } from './graphSize.js';
import { validatedShards } from './ingest.js';
import type { ScaleResults } from './scaleReport.js';

/** One size loaded in bulk. */
export interface BulkSizeResult {
  readonly claims: number;
  readonly when: string;
  readonly machine: Record<string, unknown>;
  readonly loadAverageAtStart: string;
  readonly neo4jMemory: { readonly heapMb: number; readonly pageCacheMb: number };
  /** Worker threads that planned the shards and wrote their CSV (bulkLoad's default). */
  readonly planThreads?: number;
  readonly seed: number;
  readonly shards: number;
  readonly attributions: number;
  readonly nodes: number;
  readonly relationships: number;
  readonly csvMegabytes: number;
  /** Wall time from the first shard generated to the indexes online: the headline. */
  readonly seconds: number;
  readonly generateSeconds: number;
  readonly validateSeconds: number;
  /**
   * planSeedLoad, merging and CSV files: the wall time of that phase with generation and
   * validation taken out. The workers plan while this thread generates, so this is the planning
   * the generation does not hide, not the planning's own time.
   */
  readonly planSeconds: number;
  readonly stopSeconds: number;
  readonly importSeconds: number;
  readonly startSeconds: number;
  readonly schemaSeconds: number;
  readonly attributionsPerSecond: number;
  readonly nodesAndRelationshipsPerSecond: number;
}

/** The results file: one entry per size. */
export interface BulkResults {
  readonly sizes: BulkSizeResult[];
}

/** Options of a bulk run. */
export interface BulkBenchOptions {
  readonly sizes: readonly number[];
  readonly seed: number;
  readonly shardClaims: number;
  readonly out: string;
  readonly log: (line: string) => void;
}

/** Runs every size, merging each into the results as soon as it is done. */
export async function runBulkBench(options: BulkBenchOptions): Promise<void> {
  const resultsFile = path.join(options.out, 'ingest-bulk.json');
  for (const claims of options.sizes) {
    const result = await bulkSize(claims, options);
    const previous = existsSync(resultsFile)
      ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as BulkResults)
      : undefined;
    const merged: BulkResults = {
      sizes: [...(previous?.sizes ?? []).filter((s) => s.claims !== claims), result].sort(
        (a, b) => a.claims - b.claims,
      ),
    };
    mkdirSync(options.out, { recursive: true });
    writeFileSync(resultsFile, `${JSON.stringify(merged, null, 2)}\n`);
    writeFileSync(
      path.join(options.out, 'ingest-bulk.md'),
      bulkMarkdown(merged, onlineRates(options.out)),
    );
    options.log(`results written to ${path.join(options.out, 'ingest-bulk.{json,md}')}`);
  }
}

async function bulkSize(claims: number, options: BulkBenchOptions): Promise<BulkSizeResult> {
  const { log } = options;
  const memory = neo4jMemoryFor(claims);
  const homeDir = mkdtempSync(path.join(os.tmpdir(), 'claimgraph-bench-bulk-'));
  const server = {
    homeDir,
    cacheDir: loadConfig({}).localNeo4j.cacheDir,
    boltPort: await freePort(),
    authEnabled: false,
    ...memory,
    transactionTimeoutMs: 600_000,
  };
  try {
    // The server runs before the clock starts, as the CLI finds it.
    await startLocalServer(server, log);
    const loadAverageAtStart = os.loadavg()[0]!.toFixed(2);
    const times = { generate: 0, validate: 0 };
    const totals = { attributions: 0, shards: 0 };
    function* validShards(): Generator<ValidSeedSet> {
      for (const { shard, valid } of validatedShards(
        claims,
        options.seed,
        options.shardClaims,
        times,
      )) {
        totals.attributions += shard.counts.attributions;
        totals.shards++;
        yield valid;
      }
    }
    log(`bulk-loading ${claims.toLocaleString('en')} synthetic claims`);
    const started = performance.now();
    const report: BulkLoadReport = await bulkLoadSeedSets(
      validShards(),
      { server, database: 'neo4j' },
      { loadedBy: 'bench', importHeapMb: memory.heapMb, log },
    );
    const seconds = (performance.now() - started) / 1000;
    const s = report.seconds;
    const result: BulkSizeResult = {
      claims,
      when: new Date().toISOString(),
      machine: machineDetails(memory),
      loadAverageAtStart,
      neo4jMemory: memory,
      planThreads: os.availableParallelism(),
      seed: options.seed,
      shards: totals.shards,
      attributions: totals.attributions,
      nodes: report.nodes,
      relationships: report.relationships,
      csvMegabytes: round(report.csvBytes / 1e6),
      seconds: round(seconds),
      generateSeconds: round(times.generate / 1000),
      validateSeconds: round(times.validate / 1000),
      planSeconds: round(s.plan - (times.generate + times.validate) / 1000),
      stopSeconds: s.stop,
      importSeconds: s.import,
      startSeconds: s.start,
      schemaSeconds: s.schema,
      attributionsPerSecond: Math.round(totals.attributions / seconds),
      nodesAndRelationshipsPerSecond: Math.round((report.nodes + report.relationships) / seconds),
    };
    log(
      `${formatGraphSize(claims)}: ${result.attributions.toLocaleString('en')} attributions in ${result.seconds} s, ` +
        `${result.attributionsPerSecond.toLocaleString('en')} attributions/s (load average at start ${loadAverageAtStart}, ` +
        `now ${os.loadavg()[0]!.toFixed(2)})`,
    );
    return result;
  } finally {
    await stopLocalServer(homeDir);
    rmSync(homeDir, { recursive: true, force: true });
  }
}

/** The online loader's recorded rates by size (results/scale.json), for the comparison column. */
function onlineRates(out: string): Map<number, number> {
  const file = path.join(out, 'scale.json');
  if (!existsSync(file)) return new Map();
  const scale = JSON.parse(readFileSync(file, 'utf8')) as ScaleResults;
  return new Map(scale.sizes.map((size) => [size.claims, size.ingest.attributionsPerSecond]));
}

/** The results as markdown. */
export function bulkMarkdown({ sizes }: BulkResults, online: ReadonlyMap<number, number>): string {
  const n = (value: number) => value.toLocaleString('en');
  const lines = [
    '# Bulk ingest (bench/scale/bulkIngest.ts)',
    '',
    'Generated by `npm run bench -- --bulk`: the scale benchmark’s synthetic graph (same generator,',
    'seed and shards) loaded as `claimgraph import --bulk` loads seed files: every shard validated',
    '(validateSeedData) and planned (planSeedLoad) as the online loader does, written as CSV (in',
    'worker threads, overlapping the generation), then',
    '`neo4j-admin database import full` into an empty database (the server stopped and started',
    'again), then constraints and indexes. The time runs from the first shard generated to the',
    'indexes online; the server was already running, as the CLI finds it. "online" is the seed',
    'loader’s rate at the same size in results/scale.json (another run, for comparison).',
    '"plan + CSV" is that phase’s wall time less generation and validation: the workers plan while',
    'the shards are generated, so it is the planning the generation does not hide.',
    '',
    '| claims | attributions | nodes | relationships | CSV | total | generate | validate | plan + CSV | stop | import | start | schema | attributions/s | online attributions/s | goal ≥ 50,000/s |',
    '| -----: | -----------: | ----: | ------------: | --: | ----: | -------: | -------: | ---------: | ---: | -----: | ----: | -----: | -------------: | --------------------: | :-------------- |',
    ...sizes.map(
      (s) =>
        `| ${formatGraphSize(s.claims)} | ${n(s.attributions)} | ${n(s.nodes)} | ${n(s.relationships)} | ${s.csvMegabytes} MB | ` +
        `${s.seconds} s | ${s.generateSeconds} s | ${s.validateSeconds} s | ${s.planSeconds} s | ${s.stopSeconds} s | ` +
        `${s.importSeconds} s | ${s.startSeconds} s | ${s.schemaSeconds} s | ${n(s.attributionsPerSecond)} | ` +
        `${online.has(s.claims) ? n(online.get(s.claims)!) : '–'} | ${s.attributionsPerSecond >= 50_000 ? 'met' : 'missed'} |`,
    ),
    '',
    '## Runs',
    '',
    '| claims | when | load average at start | Neo4j heap / page cache | plan threads |',
    '| -----: | :--- | --------------------: | :---------------------- | -----------: |',
    ...sizes.map(
      (s) =>
        `| ${formatGraphSize(s.claims)} | ${s.when} | ${s.loadAverageAtStart} | ${s.neo4jMemory.heapMb} MB / ${s.neo4jMemory.pageCacheMb} MB | ${s.planThreads ?? '–'} |`,
    ),
    '',
    `Machine: ${JSON.stringify(sizes[sizes.length - 1]?.machine ?? {})}`,
    '',
  ];
  return lines.join('\n');
}

function round(value: number) {
  return Math.round(value * 100) / 100;
}
