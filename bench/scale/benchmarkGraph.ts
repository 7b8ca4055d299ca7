/**
 * Benchmarks one loaded graph: checks that (A), (B) and (C) give identical answers, profiles
 * the statements behind them, measures each question in each mode at a fixed concurrency, and
 * measures how sourcing-chain cost varies with chain length.
 */
import { isDeepStrictEqual } from 'node:util';
import neo4j, { type Driver } from 'neo4j-driver';
import { Label, Rel } from '../../src/db/graphVocabulary.js';
import { readStatements } from '../../src/db/readStatements.js';
import { searchStatement, searchTerms } from '../../src/db/searchQuery.js';
import { benchQueries, type BenchQuery } from './benchQueries.js';
import { measureDirectRemotely, withMemorySamples, type MemorySample } from './directControl.js';
import { chains } from './directQueries.js';
import type { ClaimSamples } from './ingest.js';
import {
  measureHttp,
  percentile,
  round,
  summarise,
  type LoadShape,
  type Measurement,
  type RawMeasurement,
} from './measure.js';
import { profileStatement, type PlanProfile } from './profilePlans.js';

export interface BenchTargets {
  readonly driver: Driver;
  /** Base URL of (B), the minimal handler. */
  readonly minimalUrl: string;
  /** Base URL of (C), the full app. */
  readonly fullUrl: string;
  /** Base URL of the control port that runs (A)'s loops in the server process. */
  readonly controlUrl: string;
}

export interface QueryResult {
  readonly query: BenchQuery['name'];
  readonly title: string;
  readonly direct: Measurement;
  readonly minimalHttp: Measurement;
  readonly graphql: Measurement;
  /** p50 of (C) over p50 of (A), and of (B) over (A). */
  readonly graphqlOverDirectP50: number;
  readonly minimalOverDirectP50: number;
}

/** The server process's memory over one mode's turns (sampled every `memorySampleMs`). */
export interface MemoryFigures {
  readonly samples: number;
  readonly peakRssMb: number;
  readonly meanRssMb: number;
  readonly peakHeapUsedMb: number;
  readonly meanHeapUsedMb: number;
}

/** One mode at one concurrency in the throughput scaling: its figures and the API's memory. */
export interface ThroughputFigures extends Measurement {
  readonly memory: MemoryFigures;
}

/** (B) and (C) driven at one concurrency on one question, warmed up and measured in turns. */
export interface ThroughputPoint {
  readonly query: BenchQuery['name'];
  readonly title: string;
  readonly concurrency: number;
  readonly minimalHttp: ThroughputFigures;
  readonly graphql: ThroughputFigures;
  /** Requests per second of (C) over those of (B). */
  readonly graphqlOverMinimalThroughput: number;
}

export interface ChainBucket {
  readonly hops: number;
  readonly claims: number;
  /** Mean db hits of the carrier-graph statement (PROFILE), over the sampled claims. */
  readonly meanDbHits: number;
  /** Sequential (one at a time) latency of (A) for the question, over the sampled claims. */
  readonly directP50Ms: number;
}

export interface GraphBenchResult {
  readonly answersChecked: number;
  readonly plans: PlanProfile[];
  readonly queries: QueryResult[];
  /** Absent in runs from before the throughput scaling was measured. */
  readonly throughput?: ThroughputPoint[];
  readonly chainScaling: ChainBucket[];
}

export interface GraphBenchOptions {
  readonly samples: ClaimSamples;
  readonly searchTexts: readonly string[];
  readonly load: LoadShape;
  readonly warmupSeconds: number;
  /** Turns each mode takes at measuring a question, sharing its seconds (default 3). */
  readonly rounds?: number;
  /** How many arguments per question are checked identical across the three modes. */
  readonly answerChecks?: number;
  readonly log?: (line: string) => void;
  /** Concurrencies at which B and C are driven for the throughput scaling (none: skipped). */
  readonly throughputLevels?: readonly number[];
}

/** The questions the throughput scaling drives: the two the per-request overhead goals name. */
export const throughputQuestions: readonly BenchQuery['name'][] = ['claimById', 'sourcingChains'];

/** How often the server process's memory is read while B and C are driven. */
const memorySampleMs = 250;

export async function benchmarkGraph(
  targets: BenchTargets,
  options: GraphBenchOptions,
): Promise<GraphBenchResult> {
  const log = options.log ?? (() => undefined);
  const argumentsFor = (query: BenchQuery) =>
    query.name === 'search' ? options.searchTexts : options.samples.claims;

  log('checking that the three modes give identical answers');
  let answersChecked = 0;
  for (const query of benchQueries) {
    const checked = [
      ...argumentsFor(query).slice(0, options.answerChecks ?? 25),
      query.name === 'search' ? 'zzzunmatchedword' : 'clm-not-in-the-graph',
    ];
    for (const argument of checked) {
      await expectIdenticalAnswers(targets, query, argument);
      answersChecked++;
    }
  }

  log('profiling the statements behind the questions');
  const plans = await profileHotStatements(targets.driver, options);

  const queries: QueryResult[] = [];
  for (const query of benchQueries) {
    const args = argumentsFor(query);
    const modes = {
      direct: (load: LoadShape) =>
        measureDirectRemotely(targets.controlUrl, { query: query.name, args: [...args], load }),
      ...httpModes(targets, query, args),
    };
    // Every mode is warmed up (plans cached, pools filled, JIT warm) before any is measured,
    // then the modes take turns, in a rotating order, for a share of the measured seconds each:
    // whatever changes with time (the server process warming up, Neo4j settling after the
    // ingest, other work on the machine) falls on all three alike, not on whichever goes first.
    const order = ['direct', 'minimal', 'graphql'] as const;
    const rounds = options.rounds ?? 3;
    log(`${query.title}: warming up, then ${options.load.seconds} s per mode in ${rounds} rounds`);
    for (const mode of order)
      await modes[mode]({ ...options.load, seconds: options.warmupSeconds });
    const stretches = { direct: [], minimal: [], graphql: [] } as Record<
      (typeof order)[number],
      RawMeasurement[]
    >;
    const share = { ...options.load, seconds: options.load.seconds / rounds };
    for (let round = 0; round < rounds; round++) {
      for (let turn = 0; turn < order.length; turn++) {
        const mode = order[(round + turn) % order.length]!;
        stretches[mode].push(await modes[mode](share));
      }
    }
    const a = summarise(stretches.direct);
    const b = summarise(stretches.minimal);
    const c = summarise(stretches.graphql);
    const result: QueryResult = {
      query: query.name,
      title: query.title,
      direct: a,
      minimalHttp: b,
      graphql: c,
      graphqlOverDirectP50: round(c.p50Ms / a.p50Ms, 2),
      minimalOverDirectP50: round(b.p50Ms / a.p50Ms, 2),
    };
    log(
      `${query.title}: p50 A ${a.p50Ms} ms, B ${b.p50Ms} ms, C ${c.p50Ms} ms (C/A ${result.graphqlOverDirectP50}); ` +
        `errors ${a.errors + b.errors + c.errors}`,
    );
    queries.push(result);
  }

  const throughput: ThroughputPoint[] = [];
  for (const name of throughputQuestions) {
    const query = benchQueries.find((candidate) => candidate.name === name)!;
    for (const concurrency of options.throughputLevels ?? []) {
      throughput.push(
        await measureThroughput(targets, query, argumentsFor(query), concurrency, options, log),
      );
    }
  }

  log('sourcing-chain cost by chain length');
  const chainScaling = await measureChainScaling(targets.driver, options.samples);
  return { answersChecked, plans, queries, throughput, chainScaling };
}

/** (B) and (C) of one question as autocannon runs over the sampled arguments. */
function httpModes(targets: BenchTargets, query: BenchQuery, args: readonly string[]) {
  const minimalRequests = args.map((argument) => ({
    method: 'GET' as const,
    path: query.httpPath(argument),
  }));
  const graphqlRequests = args.map((argument) => ({
    method: 'POST' as const,
    path: '/graphql',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: query.graphql, variables: query.variables(argument) }),
  }));
  return {
    minimal: (load: LoadShape) => measureHttp(targets.minimalUrl, minimalRequests, load),
    graphql: (load: LoadShape) =>
      measureHttp(targets.fullUrl, graphqlRequests, load, (body) => body.includes('"errors"')),
  };
}

/**
 * (B) and (C) of one question at one concurrency, the way the main table measures: both warmed
 * up at this concurrency, then turns in alternating order sharing the measured seconds, while
 * the server process's memory is sampled. B and C live in the same process, so each mode's
 * memory figures are the whole process's while that mode was driven.
 */
async function measureThroughput(
  targets: BenchTargets,
  query: BenchQuery,
  args: readonly string[],
  concurrency: number,
  options: GraphBenchOptions,
  log: (line: string) => void,
): Promise<ThroughputPoint> {
  const modes = httpModes(targets, query, args);
  const order = ['minimal', 'graphql'] as const;
  const rounds = options.rounds ?? 3;
  log(`${query.title} at concurrency ${concurrency}: warming up, then B and C in ${rounds} rounds`);
  for (const mode of order) await modes[mode]({ concurrency, seconds: options.warmupSeconds });
  const turns = () => ({ raw: [] as RawMeasurement[], memory: [] as MemorySample[] });
  const stretches = { minimal: turns(), graphql: turns() };
  const share = { concurrency, seconds: options.load.seconds / rounds };
  for (let round = 0; round < rounds; round++) {
    for (let turn = 0; turn < order.length; turn++) {
      const mode = order[(round + turn) % order.length]!;
      const { result, samples } = await withMemorySamples(targets.controlUrl, memorySampleMs, () =>
        modes[mode](share),
      );
      stretches[mode].raw.push(result);
      stretches[mode].memory.push(...samples);
    }
  }
  const figures = (mode: (typeof order)[number]): ThroughputFigures => ({
    ...summarise(stretches[mode].raw),
    memory: memoryFigures(stretches[mode].memory),
  });
  const b = figures('minimal');
  const c = figures('graphql');
  const point: ThroughputPoint = {
    query: query.name,
    title: query.title,
    concurrency,
    minimalHttp: b,
    graphql: c,
    graphqlOverMinimalThroughput: round(c.throughputPerSecond / b.throughputPerSecond, 2),
  };
  log(
    `${query.title} at concurrency ${concurrency}: B ${b.throughputPerSecond}/s p99 ${b.p99Ms} ms, ` +
      `C ${c.throughputPerSecond}/s p99 ${c.p99Ms} ms; peak RSS ${b.memory.peakRssMb} / ` +
      `${c.memory.peakRssMb} MB; errors ${b.errors + c.errors}`,
  );
  return point;
}

function memoryFigures(samples: readonly MemorySample[]): MemoryFigures {
  const mb = (bytes: number) => round(bytes / 2 ** 20, 1);
  const peak = (values: number[]) => (values.length ? Math.max(...values) : Number.NaN);
  const mean = (values: number[]) =>
    values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : Number.NaN;
  const rss = samples.map((sample) => sample.rss);
  const heap = samples.map((sample) => sample.heapUsed);
  return {
    samples: samples.length,
    peakRssMb: mb(peak(rss)),
    meanRssMb: mb(mean(rss)),
    peakHeapUsedMb: mb(peak(heap)),
    meanHeapUsedMb: mb(mean(heap)),
  };
}

async function expectIdenticalAnswers(targets: BenchTargets, query: BenchQuery, argument: string) {
  const direct = await query.direct(targets.driver, argument);
  const minimalResponse = await fetch(`${targets.minimalUrl}${query.httpPath(argument)}`);
  const minimal: unknown = await minimalResponse.json();
  const graphqlResponse = await fetch(`${targets.fullUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: query.graphql, variables: query.variables(argument) }),
  });
  const body = (await graphqlResponse.json()) as {
    data?: Record<string, unknown>;
    errors?: unknown;
  };
  if (body.errors || !body.data) {
    throw new Error(`${query.name}(${argument}): GraphQL answered ${JSON.stringify(body.errors)}`);
  }
  const graphql = query.fromGraphQL(body.data);
  if (!isDeepStrictEqual(direct, minimal) || !isDeepStrictEqual(direct, graphql)) {
    throw new Error(
      `${query.name}(${argument}): the modes disagree.\n` +
        `A: ${JSON.stringify(direct)}\nB: ${JSON.stringify(minimal)}\nC: ${JSON.stringify(graphql)}`,
    );
  }
}

/** PROFILE of every statement the four questions send, on a sampled argument. */
async function profileHotStatements(
  driver: Driver,
  options: GraphBenchOptions,
): Promise<PlanProfile[]> {
  const longest = Math.max(...Object.keys(options.samples.byChainHops).map(Number));
  const claimId = options.samples.byChainHops[longest]![0]!;
  const [attribution] = (
    await driver.executeQuery(
      `MATCH (a:${Label.Attribution})-[:${Rel.ABOUT}]->(:${Label.Claim} {id: $id})
       MATCH (a)-[:${Rel.BY}]->(actor) RETURN actor.id AS actorId LIMIT 1`,
      { id: claimId },
    )
  ).records;
  const actorId = String(attribution?.get('actorId'));
  const ids = { ids: [claimId] };
  const statements = [
    [readStatements.nodesById(Label.Claim), ids],
    [
      searchStatement,
      {
        query: searchTerms(options.searchTexts[0]!),
        limit: neo4j.int(10),
        includeRetracted: false,
      },
    ],
    [readStatements.carrierGraphs, ids],
    [readStatements.attributionsOf('claim'), ids],
    [readStatements.neighbours(Label.Claim, Rel.CONTRADICTS, 'out', Label.Claim), ids],
    [readStatements.neighbours(Label.Claim, Rel.CONTRADICTS, 'in', Label.Claim), ids],
    [readStatements.nodesById(Label.Actor), { ids: [actorId] }],
  ] as const;
  const plans: PlanProfile[] = [];
  for (const [statement, parameters] of statements) {
    plans.push(await profileStatement(driver, statement, parameters));
  }
  return plans;
}

/** For each chain length: db hits of the carrier-graph statement, and (A)'s sequential latency. */
async function measureChainScaling(driver: Driver, samples: ClaimSamples): Promise<ChainBucket[]> {
  const buckets: ChainBucket[] = [];
  for (const [hops, claimIds] of Object.entries(samples.byChainHops)) {
    const profiled = claimIds.slice(0, 20);
    let dbHits = 0;
    for (const id of profiled) {
      dbHits += (await profileStatement(driver, readStatements.carrierGraphs, { ids: [id] }))
        .dbHits;
    }
    for (const id of claimIds.slice(0, 20)) await chains(driver, id); // warm the plan and cache
    const latencies: number[] = [];
    for (let i = 0; i < Math.max(100, claimIds.length); i++) {
      const sent = performance.now();
      await chains(driver, claimIds[i % claimIds.length]!);
      latencies.push(performance.now() - sent);
    }
    latencies.sort((a, b) => a - b);
    buckets.push({
      hops: Number(hops),
      claims: claimIds.length,
      meanDbHits: Math.round(dbHits / profiled.length),
      directP50Ms: round(percentile(latencies, 0.5), 2),
    });
  }
  return buckets;
}
