import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Neo4jError } from 'neo4j-driver';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { apiKeyStore, createApiKey } from '../../src/auth/apiKeys.js';
import { loadConfig, type MetricsAccess } from '../../src/config/config.js';
import { createDriver } from '../../src/db/createDriver.js';
import { Executor, type WriteScope } from '../../src/db/executor.js';
import { AppError } from '../../src/errors/appError.js';
import type { AccessPolicy } from '../../src/graphql/context.js';
import { createApp, type App } from '../../src/http/createApp.js';
import { createLogger } from '../../src/observability/logger.js';
import { neo4jMetrics } from '../../src/observability/metrics.js';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase.js';

/** One pino log line, parsed. */
type LogLine = Record<string, unknown> & { req?: { headers?: Record<string, unknown> } };

const LIST_DRAFTS = 'query ListDrafts { drafts { id } }';

/** The value of one series (`name{labels}` exactly as exposed) in Prometheus text, if present. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

// Logs and metrics as an operator sees them: pino's JSON lines and GET /metrics.
describe('logs and metrics', () => {
  let database: TestDatabase;
  let access: AccessPolicy;
  let editorKey: string;
  let readerKey: string;
  const running: { app: App; server: Server }[] = [];

  /** Starts the app with METRICS=<mode>; its log lines land in `lines`. */
  async function start(
    mode: MetricsAccess,
    lines: LogLine[] = [],
    { executor = database.executor, collectServerLog = true } = {},
  ): Promise<string> {
    const config = loadConfig({ METRICS: mode, LOG_LEVEL: 'info' });
    const logger = createLogger(
      { level: config.observability.logLevel, pretty: false },
      { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) },
    );
    const serverLog: string[] = [];
    const app = await createApp({
      executor,
      access,
      logger,
      ...(collectServerLog ? { log: (message: string) => serverLog.push(message) } : {}),
      metrics: config.observability.metrics,
    });
    const server: Server = await new Promise((resolve) => {
      const listening = app.express.listen(0, '127.0.0.1', () => resolve(listening));
    });
    running.push({ app, server });
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  const graphql = (url: string, query: string, headers: Record<string, string> = {}) =>
    fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
    });

  /** The request's log line: pino writes it when the response finishes. */
  const lineFor = (lines: LogLine[], requestId: string | null) =>
    vi.waitFor(() => {
      const line = lines.find((candidate) => candidate.requestId === requestId);
      if (!line) throw new Error(`no log line for request ${requestId}`);
      return line;
    });

  beforeAll(async () => {
    database = await openTestDatabase();
    const keysFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'claimgraph-obs-')), 'keys.json');
    editorKey = createApiKey(keysFile, 'obs-editor', 'editor');
    readerKey = createApiKey(keysFile, 'obs-reader', 'reader');
    access = { apiKeys: apiKeyStore(keysFile), readsRequireKey: false };
  });
  afterAll(async () => {
    for (const { app, server } of running) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await app.stop();
    }
    await database.close();
  });

  it('logs one line per request with its id, operation, status, duration and key name, never the key', async () => {
    const lines: LogLine[] = [];
    const url = await start('open', lines);
    const response = await graphql(url, LIST_DRAFTS, { authorization: `Bearer ${editorKey}` });
    expect(response.status).toBe(200);
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);

    const line = await lineFor(lines, requestId);
    expect(line).toMatchObject({
      requestId,
      operationName: 'ListDrafts',
      status: 200,
      caller: 'obs-editor',
      msg: 'request completed',
    });
    expect(line.durationMs).toEqual(expect.any(Number));
    expect(line.errorCode).toBeUndefined();
    expect(line.req?.headers?.authorization).toBe('[redacted]');
    expect(JSON.stringify(lines)).not.toContain(editorKey);
  });

  it('keeps a sane incoming X-Request-Id and replaces one that is not', async () => {
    const url = await start('off');
    const kept = await graphql(url, '{ __typename }', { 'x-request-id': 'trace-1234.abc' });
    expect(kept.headers.get('x-request-id')).toBe('trace-1234.abc');
    const replaced = await graphql(url, '{ __typename }', {
      'x-request-id': 'bad id\twith "stuff"',
    });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs the error code of a failed request, and redacts X-API-Key', async () => {
    const lines: LogLine[] = [];
    const url = await start('open', lines);
    const forbidden = await graphql(url, LIST_DRAFTS, { 'x-api-key': readerKey });
    const forbiddenLine = await lineFor(lines, forbidden.headers.get('x-request-id'));
    expect(forbiddenLine).toMatchObject({
      operationName: 'ListDrafts',
      caller: 'obs-reader',
      errorCode: 'FORBIDDEN',
    });
    expect(forbiddenLine.req?.headers?.['x-api-key']).toBe('[redacted]');

    const unknownKey = await graphql(url, LIST_DRAFTS, { 'x-api-key': 'cg_not-a-key' });
    expect(unknownKey.status).toBe(401);
    const unknownLine = await lineFor(lines, unknownKey.headers.get('x-request-id'));
    expect(unknownLine).toMatchObject({ status: 401, errorCode: 'UNAUTHENTICATED', level: 40 });
    expect(JSON.stringify(lines)).not.toContain(readerKey);
    expect(JSON.stringify(lines)).not.toContain('cg_not-a-key');
  });

  it('logs DB_UNAVAILABLE with its cause through the logger when no log function is given', async () => {
    const driver = createDriver({ uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: undefined });
    const lines: LogLine[] = [];
    const url = await start('open', lines, {
      executor: new Executor(driver, 'neo4j', 1_000),
      collectServerLog: false,
    });
    try {
      const response = await graphql(url, LIST_DRAFTS, { authorization: `Bearer ${editorKey}` });
      const requestLine = await lineFor(lines, response.headers.get('x-request-id'));
      expect(requestLine).toMatchObject({ errorCode: 'DB_UNAVAILABLE', caller: 'obs-editor' });
      const errorLine = lines.find((line) => String(line.msg).startsWith('DB_UNAVAILABLE'));
      expect(errorLine).toMatchObject({ level: 50, err: { message: expect.any(String) } });
      // The failed transaction is counted with its code, and its session is given back.
      const text = await (await fetch(`${url}/metrics`)).text();
      expect(
        sample(text, 'claimgraph_neo4j_transactions_total{mode="read",outcome="DB_UNAVAILABLE"}'),
      ).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'claimgraph_neo4j_sessions_in_use{mode="read"}')).toBe(0);
    } finally {
      await driver.close();
    }
  });

  it('serves Prometheus text at /metrics, counting requests by operation and code', async () => {
    const url = await start('open');
    await graphql(url, LIST_DRAFTS, { authorization: `Bearer ${editorKey}` });
    await graphql(url, LIST_DRAFTS, { authorization: `Bearer ${editorKey}` });
    await graphql(url, LIST_DRAFTS);
    const response = await vi.waitFor(async () => {
      const scraped = await fetch(`${url}/metrics`);
      const text = await scraped.text();
      if (!text.includes('code="UNAUTHENTICATED"')) throw new Error('not counted yet');
      return { scraped, text };
    });
    expect(response.scraped.status).toBe(200);
    expect(response.scraped.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const { text } = response;
    expect(text).toContain('# TYPE claimgraph_graphql_requests_total counter');
    expect(text).toMatch(
      /^claimgraph_graphql_requests_total\{operation="ListDrafts",code="none"\} 2$/m,
    );
    expect(text).toMatch(
      /^claimgraph_graphql_requests_total\{operation="ListDrafts",code="UNAUTHENTICATED"\} 1$/m,
    );
    expect(text).toContain('# TYPE claimgraph_graphql_request_duration_seconds histogram');
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes \d+/m);
  });

  it('labels operations without a name as anonymous', async () => {
    const url = await start('open');
    await graphql(url, '{ __typename }');
    const text = await vi.waitFor(async () => {
      const body = await (await fetch(`${url}/metrics`)).text();
      if (!body.includes('operation="anonymous"')) throw new Error('not counted yet');
      return body;
    });
    expect(text).toMatch(
      /^claimgraph_graphql_requests_total\{operation="anonymous",code="none"\} 1$/m,
    );
  });

  it('answers 404 at /metrics when METRICS=off', async () => {
    const url = await start('off');
    expect((await fetch(`${url}/metrics`)).status).toBe(404);
  });

  it('refuses /metrics without a valid key when METRICS=key', async () => {
    const url = await start('key');
    expect((await fetch(`${url}/metrics`)).status).toBe(401);
    const wrongKey = await fetch(`${url}/metrics`, {
      headers: { authorization: 'Bearer cg_wrong' },
    });
    expect(wrongKey.status).toBe(401);
    const withKey = await fetch(`${url}/metrics`, {
      headers: { authorization: `Bearer ${readerKey}` },
    });
    expect(withKey.status).toBe(200);
    expect(await withKey.text()).toContain('claimgraph_http_requests_total');
  });

  describe('Neo4j metrics', () => {
    const probe = { name: 'metricsProbe', cypher: 'MATCH (n:MetricsProbe) RETURN n.id AS id' };

    beforeAll(async () => {
      await database.executor.write({
        name: 'metricsProbeNodes',
        cypher: "UNWIND ['a', 'b'] AS id MERGE (:MetricsProbe {id: id})",
      });
    });
    afterAll(async () => {
      await database.executor.write({
        name: 'metricsProbeCleanup',
        cypher: 'MATCH (n:MetricsProbe) DETACH DELETE n',
      });
    });

    it('counts sessions in use, transactions by mode and outcome, and their duration', async () => {
      const url = await start('open');
      for (let i = 0; i < 3; i += 1) expect((await fetch(`${url}/health`)).status).toBe(200);
      await database.executor.write({
        name: 'metricsWrite',
        cypher: 'CREATE (n:MetricsTemp) DELETE n',
      });
      // While a write transaction is open, its session is in use.
      const during = await database.executor.writeTransaction('metricsOpenWrite', async (scope) => {
        await scope.run(probe);
        return (await fetch(`${url}/metrics`)).text();
      });
      expect(sample(during, 'claimgraph_neo4j_sessions_in_use{mode="write"}')).toBe(1);

      const text = await (await fetch(`${url}/metrics`)).text();
      expect(text).toContain('# TYPE claimgraph_neo4j_sessions_in_use gauge');
      expect(sample(text, 'claimgraph_neo4j_sessions_in_use{mode="read"}')).toBe(0);
      expect(sample(text, 'claimgraph_neo4j_sessions_in_use{mode="write"}')).toBe(0);
      expect(sample(text, 'claimgraph_neo4j_connection_pool_max')).toBe(50);
      expect(text).toContain('# TYPE claimgraph_neo4j_transactions_total counter');
      // /health reads the server's version once per call.
      const reads = sample(
        text,
        'claimgraph_neo4j_transactions_total{mode="read",outcome="committed"}',
      );
      expect(reads).toBeGreaterThanOrEqual(3);
      expect(
        sample(text, 'claimgraph_neo4j_transactions_total{mode="write",outcome="committed"}'),
      ).toBe(2);
      expect(text).toContain('# TYPE claimgraph_neo4j_transaction_duration_seconds histogram');
      expect(sample(text, 'claimgraph_neo4j_transaction_duration_seconds_count{mode="read"}')).toBe(
        reads,
      );
      expect(
        sample(text, 'claimgraph_neo4j_transaction_duration_seconds_count{mode="write"}'),
      ).toBe(2);
      expect(text).not.toMatch(/^claimgraph_neo4j_transaction_retries_total\{/m);
    });

    it('counts the retry of a real deadlock between two write transactions, with its code', async () => {
      await database.executor.write({
        name: 'metricsProbeUntouched',
        cypher: 'MATCH (n:MetricsProbe) REMOVE n.touched',
      });
      const url = await start('open');
      const lock = {
        name: 'metricsProbeLock',
        cypher: 'MATCH (n:MetricsProbe {id: $id}) SET n.touched = coalesce(n.touched, 0) + 1',
      };
      // Each transaction locks one node, waits until the other holds its first lock too, then
      // asks for the other's node: a lock cycle, which Neo4j breaks by failing one of them with
      // DeadlockDetected; the driver retries that one, which then waits its turn and commits.
      let arrived = 0;
      let bothLocked: () => void = () => undefined;
      const bothHoldTheirFirstLock = new Promise<void>((resolve) => (bothLocked = resolve));
      const attempts = { ab: 0, ba: 0 };
      const lockInOrder = (order: 'ab' | 'ba') => async (scope: WriteScope) => {
        attempts[order] += 1;
        const [first, second] = order === 'ab' ? ['a', 'b'] : ['b', 'a'];
        await scope.run(lock, { id: first });
        if (attempts[order] === 1) {
          arrived += 1;
          if (arrived === 2) bothLocked();
          await bothHoldTheirFirstLock;
        }
        await scope.run(lock, { id: second });
      };
      await Promise.all([
        database.executor.writeTransaction('deadlockAb', lockInOrder('ab')),
        database.executor.writeTransaction('deadlockBa', lockInOrder('ba')),
      ]);
      expect(attempts.ab + attempts.ba).toBe(3);
      const [touched] = await database.executor.read({
        name: 'metricsProbeTouched',
        cypher: 'MATCH (n:MetricsProbe) RETURN collect(n.touched) AS touched',
      });
      expect(touched?.touched).toEqual([2, 2]);

      const text = await (await fetch(`${url}/metrics`)).text();
      expect(text).toContain('# TYPE claimgraph_neo4j_transaction_retries_total counter');
      expect(
        sample(
          text,
          'claimgraph_neo4j_transaction_retries_total{mode="write",cause="Neo.TransientError.Transaction.DeadlockDetected"}',
        ),
      ).toBe(1);
      expect(
        sample(text, 'claimgraph_neo4j_transactions_total{mode="write",outcome="committed"}'),
      ).toBe(2);
      expect(sample(text, 'claimgraph_neo4j_sessions_in_use{mode="write"}')).toBe(0);
    });

    it('counts a retry when the work throws a transient Neo4j error, and none for other errors', async () => {
      const registry = new Registry();
      const stopObserving = database.executor.observe(neo4jMetrics(registry));
      try {
        let calls = 0;
        const rows = await database.executor.writeTransaction('transientOnce', async (scope) => {
          calls += 1;
          await scope.run(probe);
          if (calls === 1) {
            throw new Neo4jError(
              'provoked by the test',
              'Neo.TransientError.Transaction.LockClientStopped',
              '50N42',
              'error: general processing exception - unexpected error. provoked by the test',
            );
          }
          return scope.run(probe);
        });
        expect(calls).toBe(2);
        expect(rows.map((row) => row.id).sort()).toEqual(['a', 'b']);

        let refusedCalls = 0;
        await expect(
          database.executor.writeTransaction('refused', async () => {
            refusedCalls += 1;
            throw new AppError('CONFLICT', 'refused by the test');
          }),
        ).rejects.toMatchObject({ code: 'CONFLICT' });
        expect(refusedCalls).toBe(1);

        const text = await registry.metrics();
        expect(
          sample(
            text,
            'claimgraph_neo4j_transaction_retries_total{mode="write",cause="Neo.TransientError.Transaction.LockClientStopped"}',
          ),
        ).toBe(1);
        expect(text.match(/^claimgraph_neo4j_transaction_retries_total\{/gm)).toHaveLength(1);
        expect(
          sample(text, 'claimgraph_neo4j_transactions_total{mode="write",outcome="committed"}'),
        ).toBe(1);
        expect(
          sample(text, 'claimgraph_neo4j_transactions_total{mode="write",outcome="CONFLICT"}'),
        ).toBe(1);
        expect(sample(text, 'claimgraph_neo4j_sessions_in_use{mode="write"}')).toBe(0);
      } finally {
        stopObserving();
      }
    });
  });
});
