/**
 * A bounded load run on loopback: mixed reads and writes through the full stack (HTTP →
 * Apollo → Neo4j) against a throwaway Neo4j loaded with the seed graph. Writes a report with
 * requests, errors, latency percentiles, memory at start and end, and the most Bolt connections
 * seen (the driver's pool must stay bounded). Usage: `npm run bench:load [-- seconds connections]`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { apiKeyStore, createApiKey } from '../src/auth/apiKeys.js';
import { loadConfig, projectRoot } from '../src/config/config.js';
import { applyDatabaseSchema } from '../src/db/databaseSchema.js';
import { createDriver } from '../src/db/createDriver.js';
import { Executor } from '../src/db/executor.js';
import { createApp } from '../src/http/createApp.js';
import { defaultSeedFiles } from '../src/ingest/defaultSeedFiles.js';
import { loadSeedFile } from '../src/ingest/loadSeedFile.js';
import { startLocalServer, stopLocalServer } from '../src/localNeo4j/localServer.js';
import { freePort } from '../test/support/freePort.js';
import { machineDetails } from './machineDetails.js';

const seconds = Number(process.argv[2] ?? 20);
const connections = Number(process.argv[3] ?? 8);
const log = (line: string) => console.error(`[load] ${line}`);

const homeDir = mkdtempSync(path.join(os.tmpdir(), 'claimgraph-load-'));
const boltPort = await freePort();
const neo4j = await startLocalServer(
  {
    homeDir,
    cacheDir: loadConfig({}).localNeo4j.cacheDir,
    boltPort,
    authEnabled: false,
    heapMb: 1024,
    transactionTimeoutMs: 15_000,
  },
  log,
);
const driver = createDriver({ uri: neo4j.uri, user: 'neo4j', password: undefined });
const executor = new Executor(driver, 'neo4j', 15_000);
await applyDatabaseSchema(executor);
for (const file of defaultSeedFiles()) await loadSeedFile(executor, file);
const keysFile = path.join(homeDir, 'keys.json');
const key = createApiKey(keysFile, 'load-editor', 'editor');
const serverErrors: string[] = [];
const app = await createApp({
  executor,
  access: { apiKeys: apiKeyStore(keysFile), readsRequireKey: false },
  log: (message) => serverErrors.push(message),
});
const server = app.express.listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/graphql`;

const body = (query: string, variables: Record<string, unknown> = {}) =>
  JSON.stringify({ query, variables });
const reads = [
  body(
    'query { claim(id: "clm-us-servers-controlled-china-hosts-2018") { text sourcing { independentOrigins flags { onlyStateAffiliated } chains { hops { source { id } } } } } }',
  ),
  body('query { search(text: "cyber attacks China", first: 10) { kind id score } }'),
  body(
    'query { claims(first: 20, filter: { stance: ASSERTS }) { totalCount nodes { id attributions { actor { name } } } } }',
  ),
];
let writesSent = 0;
let writeIdPrefix = 'clm-warmup-';
let writesAcknowledged = 0;
let graphqlErrors = 0;
/** Memory after a full garbage collection (the script runs with --expose-gc), so start and end compare live data. */
const sampleMemory = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage();
};
const boltConnections = () => {
  const out = execFileSync('ss', ['-tnH', 'state', 'established', `( dport = :${boltPort} )`], {
    encoding: 'utf8',
  });
  return out.split('\n').filter((line) => line.trim() !== '').length;
};

/** The request mix: the three reads, then a write with a fresh id each time. */
const requestMix = (): autocannon.Request[] => [
  ...reads.map((readBody) => ({
    body: readBody,
    onResponse: (_status: number, responseBody: string) => {
      if (responseBody.includes('"errors"')) graphqlErrors++;
    },
  })),
  {
    setupRequest: (request: autocannon.Request) => {
      const n = writesSent++;
      return {
        ...request,
        body: body('mutation ($input: RecordClaimInput!) { recordClaim(input: $input) { id } }', {
          input: {
            id: `${writeIdPrefix}${n}`,
            text: `Load test claim ${n}.`,
            topics: ['load-test'],
          },
        }),
      };
    },
    onResponse: (_status: number, responseBody: string) => {
      if (responseBody.includes('"errors"')) graphqlErrors++;
      else writesAcknowledged++;
    },
  },
];

// Warm up with the same mix (plans compiled, pool filled) before the measured run.
await autocannon({
  url,
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
  duration: 5,
  connections,
  requests: requestMix(),
});
graphqlErrors = 0;
writesAcknowledged = 0;
writeIdPrefix = 'clm-load-';
const memoryAtStart = sampleMemory();
const loadAverageAtStart = os.loadavg()[0]!.toFixed(2);
let maxBolt = 0;
const samples: number[] = [];
const sampler = setInterval(() => {
  samples.push(process.memoryUsage().rss);
  maxBolt = Math.max(maxBolt, boltConnections());
}, 1000);

log(`running ${seconds} s at ${connections} connections against ${url}`);
const result = await autocannon({
  url,
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
  duration: seconds,
  connections,
  requests: requestMix(),
});
clearInterval(sampler);
const memoryAtEnd = sampleMemory();
const [stored] = await executor.read({
  name: 'loadWrites',
  cypher: "MATCH (c:Claim) WHERE c.id STARTS WITH 'clm-load-' RETURN count(c) AS n",
});

const report = {
  when: new Date().toISOString(),
  loadAverage: loadAverageAtStart,
  machine: machineDetails(),
  seconds,
  connections,
  mix: '3 reads (claim + sourcing analysis, full-text search, filtered list) : 1 write (recordClaim)',
  requests: result.requests.total,
  throughputPerSecond: result.requests.average,
  non2xx: result.non2xx,
  transportErrors: result.errors,
  timeouts: result.timeouts,
  graphqlErrors,
  serverErrors: serverErrors.length,
  latencyMs: {
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
  },
  writesAcknowledged,
  writesStored: Number(stored?.n),
  memoryMiB: {
    rssStart: mib(memoryAtStart.rss),
    rssEnd: mib(memoryAtEnd.rss),
    rssMaxDuringRun: mib(Math.max(...samples)),
    heapUsedStart: mib(memoryAtStart.heapUsed),
    heapUsedEnd: mib(memoryAtEnd.heapUsed),
  },
  maxBoltConnections: maxBolt,
  driverPoolLimit: 50,
};

const resultsDir = path.join(projectRoot, 'bench/results');
mkdirSync(resultsDir, { recursive: true });
writeFileSync(path.join(resultsDir, 'load.json'), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(path.join(resultsDir, 'load.md'), loadMarkdown(report));
console.log(loadMarkdown(report));

server.close();
await app.stop();
await driver.close();
await stopLocalServer(homeDir);
rmSync(homeDir, { recursive: true, force: true });

function mib(bytes: number) {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}

function loadMarkdown(r: typeof report) {
  return `# Load run (bench/loadTest.ts)

${r.when} · ${r.machine.cpus} × ${r.machine.cpuModel} · ${r.machine.memoryGiB} GiB · Node ${r.machine.node} · Neo4j ${r.machine.neo4j}

${r.seconds} s, ${r.connections} connections on loopback, mix ${r.mix}. Load generator, API and
Neo4j share the machine's cores; the load average when the run started was ${r.loadAverage}.

| measure | value |
|---|---|
| requests | ${r.requests} (${r.throughputPerSecond} per second) |
| non-2xx responses | ${r.non2xx} |
| transport errors / timeouts | ${r.transportErrors} / ${r.timeouts} |
| GraphQL errors in bodies | ${r.graphqlErrors} |
| errors logged by the server | ${r.serverErrors} |
| latency p50 / p90 / p99 / max | ${r.latencyMs.p50} / ${r.latencyMs.p90} / ${r.latencyMs.p99} / ${r.latencyMs.max} ms |
| writes acknowledged / stored | ${r.writesAcknowledged} / ${r.writesStored} (writes still in flight when the run stops, at most one per connection, may be stored without being acknowledged) |
| API RSS start → end, after a full GC (max during run) | ${r.memoryMiB.rssStart} → ${r.memoryMiB.rssEnd} MiB (${r.memoryMiB.rssMaxDuringRun}) |
| API heap used start → end, after a full GC | ${r.memoryMiB.heapUsedStart} → ${r.memoryMiB.heapUsedEnd} MiB |
| most Bolt connections open at once | ${r.maxBoltConnections} (driver pool limit ${r.driverPoolLimit}) |
`;
}
