/**
 * `npm run bench:ingest-ceiling [-- 20k]`: how close the seed loader comes to the fastest
 * transactional Cypher write of the same data. The same synthetic shards are loaded twice,
 * each into a fresh Neo4j: once through the loader (validate, MERGE by id, content hashes,
 * revision check, single-valued-link check, provenance), once as bare `UNWIND … CREATE`
 * statements of the same plan (only the actors shared by every shard are MERGEd). Writes
 * bench/results/ingest-ceiling.{md,json}.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, projectRoot } from '../../src/config/config.js';
import { createDriver } from '../../src/db/createDriver.js';
import { applyDatabaseSchema } from '../../src/db/databaseSchema.js';
import { Executor } from '../../src/db/executor.js';
import { Label } from '../../src/db/graphVocabulary.js';
import { batches } from '../../src/db/writeGraphPlan.js';
import { planSeedLoad } from '../../src/ingest/planSeedLoad.js';
import { startLocalServer, stopLocalServer } from '../../src/localNeo4j/localServer.js';
import { freePort } from '../../test/support/freePort.js';
import { machineDetails } from '../machineDetails.js';
import { parseGraphSize } from './graphSize.js';
import { ingestSyntheticGraph, type IngestReport, type ShardWriter } from './ingest.js';

const claims = parseGraphSize(process.argv[2] ?? '20k');
if (claims === undefined) {
  console.error('Usage: npm run bench:ingest-ceiling [-- 20k]  (a size such as 5000, 20k or 1m)');
  process.exit(2);
}
const log = (line: string) => console.error(`[ingest-ceiling] ${line}`);
const neo4jMemory = { heapMb: 2048, pageCacheMb: 2048 };

/** The same plan as bare CREATEs: no existence checks, hashes, revisions or link checks. */
const bareCreate: ShardWriter = (executor, shard) => {
  const plan = planSeedLoad(shard);
  const stamp = { enteredBy: 'bench', enteredVia: 'bench', now: new Date().toISOString() };
  return executor.writeTransaction('bareCreate', async (scope) => {
    let nodesCreated = 0;
    let relationshipsCreated = 0;
    for (const group of plan.nodes) {
      // Actors of the shared pool are declared in every shard, so they must be MERGEd.
      const verb = group.label === Label.Actor ? 'MERGE' : 'CREATE';
      for (const rows of batches(group.rows)) {
        const [row] = await scope.run(
          {
            name: 'bareNodes',
            cypher: `UNWIND $rows AS row ${verb} (n:${group.label} {id: row.id})
              SET n += row.properties, n.enteredBy = $enteredBy, n.enteredVia = $enteredVia,
                  n.enteredAt = $now
              RETURN count(n) AS written`,
          },
          { rows, ...stamp },
        );
        nodesCreated += Number(row?.written);
      }
    }
    for (const group of plan.relationships) {
      const verb =
        group.fromLabel === Label.Actor && group.toLabel === Label.Actor ? 'MERGE' : 'CREATE';
      for (const rows of batches(group.rows)) {
        const [row] = await scope.run(
          {
            name: 'bareRelationships',
            cypher: `UNWIND $rows AS row
              MATCH (a:${group.fromLabel} {id: row.from}) MATCH (b:${group.toLabel} {id: row.to})
              ${verb} (a)-[r:${group.type} {key: row.key}]->(b)
              SET r += row.properties, r.enteredBy = $enteredBy, r.enteredVia = $enteredVia,
                  r.enteredAt = $now
              RETURN count(r) AS written`,
          },
          { rows, ...stamp },
        );
        relationshipsCreated += Number(row?.written);
      }
    }
    return { nodesCreated, relationshipsCreated };
  });
};

const runs: { writer: string; report: IngestReport }[] = [];
for (const [writer, writeShard] of [
  ['seed loader', undefined],
  ['bare UNWIND CREATE', bareCreate],
] as const) {
  const homeDir = mkdtempSync(path.join(os.tmpdir(), 'claimgraph-ingest-'));
  const server = await startLocalServer(
    {
      homeDir,
      cacheDir: loadConfig({}).localNeo4j.cacheDir,
      boltPort: await freePort(),
      authEnabled: false,
      ...neo4jMemory,
      transactionTimeoutMs: 600_000,
    },
    log,
  );
  const driver = createDriver({ uri: server.uri, user: 'neo4j', password: undefined });
  try {
    const executor = new Executor(driver, 'neo4j', 600_000);
    await applyDatabaseSchema(executor);
    log(`${writer}: ${claims.toLocaleString('en')} claims`);
    const { report } = await ingestSyntheticGraph(executor, { claims, seed: 1, writeShard, log });
    runs.push({ writer, report });
  } finally {
    await driver.close();
    await stopLocalServer(homeDir);
    rmSync(homeDir, { recursive: true, force: true });
  }
}

const [loader, bare] = runs as [(typeof runs)[0], (typeof runs)[0]];
const result = {
  when: new Date().toISOString(),
  machine: machineDetails(neo4jMemory),
  claims,
  runs,
  loaderOverBare:
    Math.round((bare.report.attributionsPerSecond / loader.report.attributionsPerSecond) * 100) /
    100,
};
const markdown = [
  '# Ingest ceiling (bench/scale/ingestCeiling.ts)',
  '',
  `The same ${claims.toLocaleString('en')} synthetic claims written twice, each into a fresh Neo4j, one shard`,
  'of 5,000 claims per transaction. "bare UNWIND CREATE" is the floor of transactional Cypher for',
  'this data: no existence checks, content hashes, revisions or single-valued-link checks.',
  '',
  '| writer | attributions | nodes | relationships | seconds | attributions/s | nodes + relationships/s |',
  '| :----- | -----------: | ----: | ------------: | ------: | -------------: | ----------------------: |',
  ...runs.map(
    ({ writer, report: r }) =>
      `| ${writer} | ${r.attributions.toLocaleString('en')} | ${r.nodesCreated.toLocaleString('en')} | ` +
      `${r.relationshipsCreated.toLocaleString('en')} | ${r.seconds} | ${r.attributionsPerSecond.toLocaleString('en')} | ` +
      `${r.nodesAndRelationshipsPerSecond.toLocaleString('en')} |`,
  ),
  '',
  `Bare CREATE is ${result.loaderOverBare}× the loader's rate. Machine: ${JSON.stringify(result.machine)}`,
  '',
].join('\n');
const resultsDir = path.join(projectRoot, 'bench/results');
mkdirSync(resultsDir, { recursive: true });
writeFileSync(path.join(resultsDir, 'ingest-ceiling.json'), `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(path.join(resultsDir, 'ingest-ceiling.md'), markdown);
console.log(markdown);
