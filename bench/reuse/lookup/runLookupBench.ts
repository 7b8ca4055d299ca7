/**
 * `node --import tsx bench/reuse/lookup/runLookupBench.ts [--sizes 1k,10k,100k]`: one throwaway
 * Neo4j; a synthetic news corpus loaded in growing steps; after each step, 20 probe texts of
 * 1,000 words looked up (fingerprints, index lookup, whole sharedTextWith) and the planted
 * passages checked. Results go to <out>/reuse-lookup.json and reuse-lookup.md after every step.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, projectRoot } from '../../../src/config/config.js';
import { createDriver } from '../../../src/db/createDriver.js';
import { applyDatabaseSchema } from '../../../src/db/databaseSchema.js';
import { Executor } from '../../../src/db/executor.js';
import { startLocalServer, stopLocalServer } from '../../../src/localNeo4j/localServer.js';
import { fingerprintScheme } from '../../../src/reuse/fingerprintScheme.js';
import { freePort } from '../../../test/support/freePort.js';
import { machineDetails } from '../../machineDetails.js';
import { parseGraphSize } from '../../scale/graphSize.js';
import { percentile, round } from '../../scale/measure.js';
import { loadSources } from './loadSources.js';
import { lookupAnatomy, PostingCounter } from './lookupAnatomy.js';
import { judge, lookupMarkdown, type LookupResults, type SizeResult } from './lookupReport.js';
import { CANDIDATE_LIMIT, measureLookups } from './measureLookups.js';
import { plantedPassages, probeTexts } from './syntheticNews.js';

const usage = `Usage: node --import tsx bench/reuse/lookup/runLookupBench.ts [options]
  --sizes 1k,10k,100k     stored sources after each loading step (default 1k,10k,100k)
  --repetitions 10        timed passes over the 20 probes per size (default 10)
  --seed 1                corpus seed (default 1)
  --batch 1000            sources per write transaction (default 1000)
  --max-load-minutes 20   stop loading past this much loading in all, and measure what is there
  --out bench/results     where reuse-lookup.json and reuse-lookup.md go`;

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1k,10k,100k' },
    repetitions: { type: 'string', default: '10' },
    seed: { type: 'string', default: '1' },
    batch: { type: 'string', default: '1000' },
    'max-load-minutes': { type: 'string', default: '20' },
    out: { type: 'string', default: path.join(projectRoot, 'bench/results') },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const sizes = values.sizes
  .split(',')
  .map((text) => parseGraphSize(text) ?? fail(`"${text}" is not a size such as 1k or 100k.`))
  .sort((a, b) => a - b);
const repetitions = Math.round(positive('repetitions', values.repetitions));
const seed = Math.round(Number(values.seed));
const batchSize = Math.round(positive('batch', values.batch));
const loadBudgetMs = positive('max-load-minutes', values['max-load-minutes']) * 60_000;
const log = (line: string) => console.error(`[reuse-lookup] ${line}`);

const largest = sizes[sizes.length - 1]!;
const memory =
  largest >= 50_000 ? { heapMb: 2048, pageCacheMb: 2048 } : { heapMb: 1024, pageCacheMb: 512 };
const probes = probeTexts(seed);
const planted = plantedPassages(seed);
const postings = new PostingCounter(probes);
const homeDir = mkdtempSync(path.join(os.tmpdir(), 'claimgraph-reuse-lookup-'));
log(`fresh Neo4j in ${homeDir}`);
const server = await startLocalServer(
  {
    homeDir,
    cacheDir: loadConfig({}).localNeo4j.cacheDir,
    boltPort: await freePort(),
    authEnabled: false,
    ...memory,
    transactionTimeoutMs: 600_000,
  },
  log,
);
const driver = createDriver({ uri: server.uri, user: 'neo4j', password: undefined });
try {
  const executor = new Executor(driver, 'neo4j', 600_000);
  await applyDatabaseSchema(executor);
  const measured: SizeResult[] = [];
  let loaded = 0;
  let words = 0;
  let fingerprints = 0;
  let loadingMs = 0;
  let notReached: string | undefined;
  for (const size of sizes) {
    log(`loading sources ${loaded.toLocaleString('en')} → ${size.toLocaleString('en')}`);
    const step = await loadSources(executor, loaded, size, {
      seed,
      batchSize,
      observeHashes: postings.observe,
      log,
      deadline: performance.now() + loadBudgetMs - loadingMs,
    });
    loadingMs += step.seconds * 1000;
    loaded = step.to;
    words += step.words;
    fingerprints += step.fingerprints;
    if (loaded < size)
      notReached = `loading stopped at ${loaded.toLocaleString('en')} of ${size.toLocaleString('en')} sources after ${round(loadingMs / 60_000, 1)} minutes of loading (--max-load-minutes ${values['max-load-minutes']}); measured there.`;
    const awaitStarted = performance.now();
    await executor.write({ name: 'bench:awaitIndexes', cypher: 'CALL db.awaitIndexes(600)' });
    const awaitIndexesSeconds = (performance.now() - awaitStarted) / 1000;
    log(
      `${loaded.toLocaleString('en')} sources loaded in ${round(step.seconds, 1)} s; measuring ${probes.length} probes × ${repetitions}`,
    );
    const loadAverageAtStart = os.loadavg()[0]!.toFixed(2);
    const timings = await measureLookups(executor, probes, planted, repetitions);
    const anatomy = await lookupAnatomy(driver, probes, postings, loaded);
    measured.push({
      storedSources: loaded,
      words,
      fingerprints,
      fingerprintsPerWord: round(fingerprints / words, 3),
      load: step,
      awaitIndexesSeconds,
      loadAverageAtStart,
      timings,
      anatomy,
    });
    log(
      `${loaded.toLocaleString('en')}: lookup ${timings.lookup.medianMs} ms, sharedTextWith ${timings.sharedTextWith.medianMs} ms (medians)`,
    );
    writeResults(measured, notReached);
    if (notReached) break;
  }
} finally {
  await driver.close();
  await stopLocalServer(homeDir);
  rmSync(homeDir, { recursive: true, force: true });
}

function writeResults(measured: readonly SizeResult[], notReached: string | undefined): void {
  const probeWords = probes.map((probe) => probe.words).sort((a, b) => a - b);
  const results: LookupResults = {
    when: new Date().toISOString(),
    machine: machineDetails(memory),
    seed,
    probes: {
      count: probes.length,
      wordsMedian: percentile(probeWords, 0.5),
      copying: probes.filter((probe) => probe.copies.length > 0).length,
    },
    repetitions,
    candidateLimit: CANDIDATE_LIMIT,
    fingerprintScheme: fingerprintScheme(),
    sizes: measured,
    ...judge(measured),
    ...(notReached ? { notReached } : {}),
  };
  mkdirSync(values.out, { recursive: true });
  writeFileSync(
    path.join(values.out, 'reuse-lookup.json'),
    `${JSON.stringify(results, null, 2)}\n`,
  );
  writeFileSync(path.join(values.out, 'reuse-lookup.md'), lookupMarkdown(results));
  log(
    `results written to ${path.relative(process.cwd(), values.out) || '.'}/reuse-lookup.{json,md}`,
  );
}

function positive(name: string, text: string): number {
  const value = Number(text);
  if (!(value > 0)) fail(`--${name} must be a positive number, not "${text}".`);
  return value;
}

function fail(message: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(2);
}
