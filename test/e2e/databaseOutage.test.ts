import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { createDriver } from '../../src/db/createDriver.js';
import { Executor } from '../../src/db/executor.js';
import {
  startLocalServer,
  stopLocalServer,
  type LocalServerOptions,
} from '../../src/localNeo4j/localServer.js';
import { freePort } from '../support/freePort.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

// This file runs its own Neo4j, so it can stop and start it under a running API.
describe('when Neo4j goes away and comes back', () => {
  let options: LocalServerOptions;
  let api: TestServer;
  let closeDriver: () => Promise<void>;
  const serverLog: string[] = [];

  beforeAll(async () => {
    options = {
      homeDir: mkdtempSync(path.join(os.tmpdir(), 'claimgraph-outage-')),
      cacheDir: loadConfig({}).localNeo4j.cacheDir,
      boltPort: await freePort(),
      authEnabled: false,
      heapMb: 512,
      transactionTimeoutMs: 10_000,
    };
    const server = await startLocalServer(options, () => undefined);
    const driver = createDriver({ uri: server.uri, user: 'neo4j', password: undefined });
    closeDriver = () => driver.close();
    api = await startTestServer(new Executor(driver, 'neo4j', 10_000), serverLog);
  });
  afterAll(async () => {
    await api?.close();
    await closeDriver?.();
    await stopLocalServer(options.homeDir);
    rmSync(options.homeDir, { recursive: true, force: true });
  });

  const health = async () => {
    const response = await fetch(`${api.url}/health`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('reports 200 with Neo4j 5.26 while the database answers', async () => {
    const { status, body } = await health();
    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: 'ok',
      neo4j: { version: expect.stringMatching(/^5\.26\./), edition: 'community' },
    });
  });

  it('turns /health into 503 and GraphQL errors into DB_UNAVAILABLE, then recovers without a restart', async () => {
    await stopLocalServer(options.homeDir);

    const down = await health();
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: 'unavailable', code: 'DB_UNAVAILABLE' });
    const failed = await api.graphql('{ claim(id: "clm-x") { id } }');
    expect(failed.body.errors?.[0]?.extensions?.code).toBe('DB_UNAVAILABLE');
    expect(JSON.stringify(failed.body)).not.toMatch(/stacktrace|at .*\.js:\d+/i);

    await startLocalServer(options, () => undefined);
    let status = 0;
    for (let attempt = 0; attempt < 30 && status !== 200; attempt++) {
      status = (await health()).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    expect(status).toBe(200);
    const recovered = await api.graphql('{ claim(id: "clm-x") { id } }');
    expect(recovered.body).toEqual({ data: { claim: null } });
  });
});
