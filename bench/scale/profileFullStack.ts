/**
 * `node --import tsx bench/scale/profileFullStack.ts [--claims 10k --seconds 15]`: where the
 * full stack (C) spends CPU per request beyond the minimal handler (B). Loads the synthetic
 * graph into a throwaway Neo4j as the scale benchmark does, starts the same server process,
 * warms B and C up, then for each question drives B alone and C alone with autocannon while
 * V8's CPU profiler runs in the server process (started and stopped over the control port, so
 * the profile covers only that load). Prints markdown: CPU per request by code group for B and
 * C, and C's top functions by self and inclusive time. `--keep <dir>` writes the profiles.
 * `--stacks bench,production` profiles C as the scale benchmark builds it (no request log, no
 * metrics, no rate limit) and as main.ts does with those on (apiProcess.ts), each in a fresh
 * server process.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ChildProcess } from 'node:child_process';
import { loadConfig } from '../../src/config/config.js';
import { createDriver } from '../../src/db/createDriver.js';
import { applyDatabaseSchema } from '../../src/db/databaseSchema.js';
import { Executor } from '../../src/db/executor.js';
import { startLocalServer, stopLocalServer } from '../../src/localNeo4j/localServer.js';
import { freePort } from '../../test/support/freePort.js';
import { machineDetails } from '../machineDetails.js';
import { benchQueries, type BenchQuery } from './benchQueries.js';
import { summariseProfile, type FrameTime, type ProfileSummary } from './cpuProfileSummary.js';
import { startApiProfile, stopApiProfile } from './directControl.js';
import { neo4jMemoryFor, parseGraphSize } from './graphSize.js';
import { ingestSyntheticGraph } from './ingest.js';
import { measureHttp, summarise, type LoadShape } from './measure.js';
import { startApiProcess } from './startApiProcess.js';

const { values } = parseArgs({
  options: {
    claims: { type: 'string', default: '10k' },
    seconds: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '4' },
    questions: { type: 'string', default: 'claimById,sourcingChains' },
    top: { type: 'string', default: '15' },
    keep: { type: 'string' },
    stacks: { type: 'string', default: 'bench,production' },
  },
});
const claims = parseGraphSize(values.claims) ?? 10_000;
const load: LoadShape = {
  concurrency: Math.round(Number(values.concurrency)),
  seconds: Number(values.seconds),
};
const warmupSeconds = Number(values.warmup);
const top = Math.round(Number(values.top));
const questions = values.questions.split(',').map((name) => {
  const query = benchQueries.find((candidate) => candidate.name === name);
  if (!query) throw new Error(`unknown question "${name}"`);
  return query;
});
const stacks = values.stacks.split(',').map((stack) => {
  if (stack !== 'bench' && stack !== 'production') throw new Error(`unknown stack "${stack}"`);
  return stack;
});
const log = (line: string) => console.error(`[profile] ${line}`);

const memory = neo4jMemoryFor(claims);
const homeDir = mkdtempSync(path.join(os.tmpdir(), 'claimgraph-profile-'));
const neo4jServer = await startLocalServer(
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
const driver = createDriver({ uri: neo4jServer.uri, user: 'neo4j', password: undefined });
let api: ChildProcess | undefined;
try {
  const executor = new Executor(driver, 'neo4j', 600_000);
  await applyDatabaseSchema(executor);
  log(`loading ${claims.toLocaleString('en')} synthetic claims`);
  const { samples } = await ingestSyntheticGraph(executor, {
    claims,
    seed: 1,
    shardClaims: 5000,
    log,
  });
  const loadAverageAtStart = os.loadavg()[0]!.toFixed(2);
  const sections: string[] = [];
  for (const stack of stacks) {
    const started = await startApiProcess(neo4jServer.uri, { fullStack: stack });
    api = started.child;
    for (const query of questions) {
      const modes = httpModes(started, query, samples.claims);
      log(`${stack} stack, ${query.title}: warming B and C up (${warmupSeconds} s each)`);
      await modes.minimal({ ...load, seconds: warmupSeconds });
      await modes.graphql({ ...load, seconds: warmupSeconds });
      const profiled: Record<string, { requests: number; summary: ProfileSummary }> = {};
      for (const mode of ['minimal', 'graphql'] as const) {
        log(`${stack} stack, ${query.title}: profiling ${mode === 'minimal' ? 'B' : 'C'}`);
        await startApiProfile(started.controlUrl);
        const raw = await modes[mode](load);
        const profile = await stopApiProfile(started.controlUrl);
        if (values.keep) {
          mkdirSync(values.keep, { recursive: true });
          const file = `${stack}-${query.name}-${mode}.cpuprofile`;
          writeFileSync(path.join(values.keep, file), JSON.stringify(profile));
        }
        const measured = summarise([raw]);
        if (measured.errors > 0)
          throw new Error(`${query.name} ${mode}: ${measured.errors} errors`);
        profiled[mode] = { requests: measured.requests, summary: summariseProfile(profile) };
      }
      sections.push(section(stack, query, profiled.minimal!, profiled.graphql!));
    }
    api.kill('SIGTERM');
    await new Promise((resolve) => api!.once('exit', resolve));
    api = undefined;
  }
  console.log(
    [
      `# CPU profile of the full stack (C) against the minimal handler (B), ${claims.toLocaleString('en')} claims`,
      '',
      `Run ${new Date().toISOString()}, concurrency ${load.concurrency}, ${load.seconds} s per mode ` +
        `after ${warmupSeconds} s of warm-up each; load average at start ${loadAverageAtStart}, at end ${os.loadavg()[0]!.toFixed(2)}.`,
      `Machine: ${JSON.stringify(machineDetails(memory))}`,
      '',
      ...sections,
    ].join('\n'),
  );
} finally {
  api?.kill('SIGTERM');
  await driver.close();
  await stopLocalServer(homeDir);
  rmSync(homeDir, { recursive: true, force: true });
}

function httpModes(
  targets: { minimalUrl: string; fullUrl: string },
  query: BenchQuery,
  args: readonly string[],
) {
  const minimal = args.map((argument) => ({
    method: 'GET' as const,
    path: query.httpPath(argument),
  }));
  const graphql = args.map((argument) => ({
    method: 'POST' as const,
    path: '/graphql',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: query.graphql, variables: query.variables(argument) }),
  }));
  return {
    minimal: (shape: LoadShape) => measureHttp(targets.minimalUrl, minimal, shape),
    graphql: (shape: LoadShape) =>
      measureHttp(targets.fullUrl, graphql, shape, (body) => body.includes('"errors"')),
  };
}

/** One question's markdown: CPU per request by group, B beside C, then C's top functions. */
function section(
  stack: string,
  query: BenchQuery,
  b: { requests: number; summary: ProfileSummary },
  c: { requests: number; summary: ProfileSummary },
): string {
  const perRequest = (ms: number, requests: number) => (ms * 1000) / requests;
  const us = (value: number) => value.toFixed(0);
  const pct = (ms: number, total: number) => `${((100 * ms) / total).toFixed(1)}%`;
  const groups = [
    ...new Set([...c.summary.selfByGroup, ...b.summary.selfByGroup].map((g) => g.frame)),
  ];
  const groupMs = (summary: ProfileSummary, group: string) =>
    summary.selfByGroup.find((g) => g.frame === group)?.ms ?? 0;
  const rows = groups
    .map((group) => ({
      group,
      b: perRequest(groupMs(b.summary, group), b.requests),
      c: perRequest(groupMs(c.summary, group), c.requests),
    }))
    .sort((x, y) => y.c - y.b - (x.c - x.b));
  const frames = (list: FrameTime[]) =>
    list
      .slice(0, top)
      .map(
        (f) =>
          `| ${f.frame.replace(/\|/g, '\\|')} | ${pct(f.ms, c.summary.busyMs)} | ${us(perRequest(f.ms, c.requests))} |`,
      );
  // Code B never enters (Express, Apollo, graphql-js, the logger, …) is C's own overhead; the
  // shared code (the driver, sockets) swings with the machine's load, so it is shown apart.
  const cOnly = rows.filter((row) => row.b === 0).reduce((sum, row) => sum + row.c, 0);
  const socketWrites = (summary: ProfileSummary, requests: number) =>
    perRequest(
      summary.selfByFrame
        .filter((f) => /^(writeBuffer|writev|writeString|writeUtf8String)$/.test(f.frame))
        .reduce((sum, f) => sum + f.ms, 0),
      requests,
    );
  const bPer = perRequest(b.summary.busyMs, b.requests);
  const cPer = perRequest(c.summary.busyMs, c.requests);
  return [
    `## ${query.title}, ${stack} stack`,
    '',
    `B: ${b.requests.toLocaleString('en')} requests, ${us(bPer)} µs of API CPU per request. ` +
      `C: ${c.requests.toLocaleString('en')} requests, ${us(cPer)} µs per request ` +
      `(C − B = ${us(cPer - bPer)} µs, C/B ${(cPer / bPer).toFixed(2)}).`,
    '',
    `In code B never enters: ${us(cOnly)} µs per request of C. Socket writes (writeBuffer, ` +
      `writev, writeString): B ${us(socketWrites(b.summary, b.requests))} µs, ` +
      `C ${us(socketWrites(c.summary, c.requests))} µs per request.`,
    '',
    'Self time per request by where the code lives (µs), sorted by C − B:',
    '',
    '| code group | B µs/req | C µs/req | C − B |',
    '| :--------- | -------: | -------: | ----: |',
    ...rows
      .filter((row) => Math.max(row.b, row.c) >= 1)
      .map((row) => `| ${row.group} | ${us(row.b)} | ${us(row.c)} | ${us(row.c - row.b)} |`),
    '',
    `C's top ${top} functions by self time (share of C's busy CPU, µs per request):`,
    '',
    '| function | share | µs/req |',
    '| :------- | ----: | -----: |',
    ...frames(c.summary.selfByFrame),
    '',
    `C's top ${top} functions by inclusive time:`,
    '',
    '| function | share | µs/req |',
    '| :------- | ----: | -----: |',
    ...frames(c.summary.inclusiveByFrame),
    '',
  ].join('\n');
}
