/**
 * `npm run bench [-- --sizes 10k,100k,1m --seconds 10 --concurrency 4]`: for each size, a fresh
 * throwaway Neo4j, the synthetic graph loaded through the project's loader, then the four
 * questions in modes A, B and C side by side. Results merge into <out>/scale.json and scale.md.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, projectRoot } from '../../src/config/config.js';
import { createDriver } from '../../src/db/createDriver.js';
import { applyDatabaseSchema } from '../../src/db/databaseSchema.js';
import { Executor } from '../../src/db/executor.js';
import { startLocalServer, stopLocalServer } from '../../src/localNeo4j/localServer.js';
import { freePort } from '../../test/support/freePort.js';
import { machineDetails } from '../machineDetails.js';
import { benchmarkGraph } from './benchmarkGraph.js';
import { neo4jMemoryFor, parseGraphSize } from './graphSize.js';
import { runBulkBench } from './bulkIngest.js';
import { ingestSyntheticGraph } from './ingest.js';
import { mergeResults, scaleMarkdown, type ScaleResults, type SizeResult } from './scaleReport.js';
import { startApiProcess } from './startApiProcess.js';
import { searchVocabulary } from './syntheticVocabulary.js';

const usage = `Usage: npm run bench -- [options]
  --sizes 10k,100k,1m   graph sizes in claims (k and m suffixes; default 10k,100k)
  --seconds 10          measured seconds per question and mode (default 10)
  --warmup 3            warm-up seconds per mode, all modes before any is measured (default 3)
  --rounds 3            turns each mode takes, order rotating, sharing --seconds (default 3)
  --concurrency 4       concurrent requests (default 4)
  --throughput 4,16,64  concurrencies at which B and C are driven on claim by id and sourcing
                        chains for requests/s, p99 and the API's memory (default 4,16,64; off)
  --seed 1              generator seed (default 1)
  --shard-claims 5000   claims per loader transaction (default 5000)
  --out bench/results   where scale.json and scale.md go
  --bulk                only the bulk ingest (import --bulk: validate, plan, CSV, neo4j-admin import)
                        at each size, into ingest-bulk.json and ingest-bulk.md; no queries`;

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10k,100k' },
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '4' },
    throughput: { type: 'string', default: '4,16,64' },
    seed: { type: 'string', default: '1' },
    'shard-claims': { type: 'string', default: '5000' },
    out: { type: 'string', default: path.join(projectRoot, 'bench/results') },
    bulk: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const sizes = values.sizes.split(',').map(parseSize);
const seconds = positive('seconds', values.seconds);
const warmupSeconds = positive('warmup', values.warmup);
const rounds = Math.round(positive('rounds', values.rounds));
const concurrency = Math.round(positive('concurrency', values.concurrency));
const throughputLevels =
  values.throughput === 'off'
    ? []
    : values.throughput.split(',').map((level) => Math.round(positive('throughput', level)));
const seed = Math.round(Number(values.seed));
const shardClaims = Math.round(positive('shard-claims', values['shard-claims']));
const log = (line: string) => console.error(`[bench] ${line}`);
if (values.bulk) {
  await runBulkBench({ sizes, seed, shardClaims, out: values.out, log });
  process.exit(0);
}

const resultsFile = path.join(values.out, 'scale.json');
for (const claims of sizes) {
  const result = await benchmarkSize(claims);
  const previous = existsSync(resultsFile)
    ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as ScaleResults)
    : undefined;
  const merged = mergeResults(previous, result);
  mkdirSync(values.out, { recursive: true });
  writeFileSync(resultsFile, `${JSON.stringify(merged, null, 2)}\n`);
  writeFileSync(path.join(values.out, 'scale.md'), scaleMarkdown(merged));
  log(`results written to ${path.relative(process.cwd(), values.out) || '.'}/scale.{json,md}`);
}
console.log(scaleMarkdown(JSON.parse(readFileSync(resultsFile, 'utf8')) as ScaleResults));

async function benchmarkSize(claims: number): Promise<SizeResult> {
  const memory = neo4jMemoryFor(claims);
  const homeDir = mkdtempSync(path.join(os.tmpdir(), 'claimgraph-bench-'));
  const boltPort = await freePort();
  log(`${claims.toLocaleString('en')} claims: fresh Neo4j in ${homeDir}`);
  const neo4jServer = await startLocalServer(
    {
      homeDir,
      cacheDir: loadConfig({}).localNeo4j.cacheDir,
      boltPort,
      authEnabled: false,
      ...memory,
      transactionTimeoutMs: 600_000,
    },
    log,
  );
  const driver = createDriver({ uri: neo4jServer.uri, user: 'neo4j', password: undefined });
  let api: ChildProcess | undefined;
  try {
    const executor = new Executor(driver, 'neo4j', 600_000);
    await applyDatabaseSchema(executor);
    log(`loading ${claims.toLocaleString('en')} synthetic claims through the seed loader`);
    const { report: ingest, samples } = await ingestSyntheticGraph(executor, {
      claims,
      seed,
      shardClaims,
      log,
    });
    const started = await startApiProcess(neo4jServer.uri);
    api = started.child;
    const loadAverageAtStart = os.loadavg()[0]!.toFixed(2);
    const graph = await benchmarkGraph(
      { driver, ...started },
      {
        samples,
        searchTexts: searchTexts(seed),
        load: { concurrency, seconds },
        warmupSeconds,
        rounds,
        throughputLevels,
        log,
      },
    );
    const loadAverageAtEnd = os.loadavg()[0]!.toFixed(2);
    return {
      claims,
      when: new Date().toISOString(),
      machine: machineDetails(memory),
      loadAverageAtStart,
      loadAverageAtEnd,
      neo4jMemory: memory,
      concurrency,
      secondsPerMode: seconds,
      rounds,
      seed,
      ingest,
      ...graph,
    };
  } finally {
    api?.kill('SIGTERM');
    await driver.close();
    await stopLocalServer(homeDir);
    rmSync(homeDir, { recursive: true, force: true });
  }
}

/** Two-word searches over the generator's vocabulary, fixed by the seed. */
function searchTexts(generatorSeed: number): string[] {
  const words = searchVocabulary;
  return Array.from({ length: 50 }, (_, i) => {
    const first = words[(i * 7 + generatorSeed) % words.length]!;
    const second = words[(i * 13 + 5 + generatorSeed) % words.length]!;
    return `${first} ${second}`;
  });
}

function parseSize(text: string): number {
  const claims = parseGraphSize(text);
  if (claims === undefined) {
    console.error(`"${text}" is not a size such as 500, 10k or 1m.\n${usage}`);
    process.exit(2);
  }
  return claims;
}

function positive(name: string, text: string): number {
  const value = Number(text);
  if (!(value > 0)) {
    console.error(`--${name} must be a positive number, not "${text}".\n${usage}`);
    process.exit(2);
  }
  return value;
}
