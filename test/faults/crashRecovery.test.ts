import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyStore, createApiKey } from '../../src/auth/apiKeys.js';
import { loadConfig } from '../../src/config/config.js';
import { applyDatabaseSchema } from '../../src/db/databaseSchema.js';
import { createDriver } from '../../src/db/createDriver.js';
import { Executor } from '../../src/db/executor.js';
import { defaultSeedFiles } from '../../src/ingest/defaultSeedFiles.js';
import { loadSeedFile } from '../../src/ingest/loadSeedFile.js';
import {
  startLocalServer,
  stopLocalServer,
  type LocalServerOptions,
} from '../../src/localNeo4j/localServer.js';
import { freePort } from '../support/freePort.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

// Neo4j killed with SIGKILL under the running API, during a burst of writes and during a seed
// load. This file runs its own Neo4j so it can kill it.
describe('when Neo4j is killed (kill -9) mid-write', () => {
  let options: LocalServerOptions;
  let executor: Executor;
  let api: TestServer;
  let key: string;
  let closeDriver: () => Promise<void>;
  let pid: number;

  const count = async (cypher: string) =>
    Number((await executor.read({ name: 'count', cypher }))[0]?.n);
  const restart = async () => {
    pid = (await startLocalServer(options, () => undefined)).pid;
    for (let attempt = 0; attempt < 60; attempt++) {
      if ((await fetch(`${api.url}/health`)).status === 200) return;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error('API did not recover');
  };
  const kill = async () => {
    process.kill(pid, 'SIGKILL');
    while (
      (() => {
        try {
          process.kill(pid, 0);
          return true;
        } catch {
          return false;
        }
      })()
    ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  beforeAll(async () => {
    options = {
      homeDir: mkdtempSync(path.join(os.tmpdir(), 'claimgraph-crash-')),
      cacheDir: loadConfig({}).localNeo4j.cacheDir,
      boltPort: await freePort(),
      authEnabled: false,
      heapMb: 512,
      transactionTimeoutMs: 30_000,
    };
    const server = await startLocalServer(options, () => undefined);
    pid = server.pid;
    const driver = createDriver({ uri: server.uri, user: 'neo4j', password: undefined });
    closeDriver = () => driver.close();
    executor = new Executor(driver, 'neo4j', 30_000);
    await applyDatabaseSchema(executor);
    const keysFile = path.join(
      mkdtempSync(path.join(os.tmpdir(), 'claimgraph-keys-')),
      'keys.json',
    );
    key = createApiKey(keysFile, 'crash-editor', 'editor');
    api = await startTestServer(executor, [], {
      apiKeys: apiKeyStore(keysFile),
      readsRequireKey: false,
    });
  });
  afterAll(async () => {
    await api?.close();
    await closeDriver?.();
    await stopLocalServer(options.homeDir);
    rmSync(options.homeDir, { recursive: true, force: true });
  });

  it(
    'keeps every acknowledged write exactly once and no half-written claim',
    { timeout: 180_000 },
    async () => {
      const acknowledged: string[] = [];
      const refusedCodes = new Set<string>();
      const write = async (n: number) => {
        const id = `clm-burst-${n}`;
        const { body } = await api.graphql(
          `mutation ($input: RecordClaimInput!) { recordClaim(input: $input) { id } }`,
          {
            input: {
              id,
              text: `Burst claim ${n}.`,
              quantities: [{ raw: `${n}`, value: n, unit: 'things', kind: 'count' }],
            },
          },
          { authorization: `Bearer ${key}` },
        );
        if (body.errors) refusedCodes.add(String(body.errors[0]?.extensions?.code));
        else acknowledged.push(id);
      };
      // 4 writers in parallel; Neo4j is killed after the first 40 writes and restarted at 52 (each
      // write refused meanwhile waits out the driver's 5 s retry budget).
      let next = 0;
      const writer = async () => {
        while (next < 100) {
          const n = next++;
          if (n === 40) await kill();
          if (n === 52) await restart();
          await write(n);
        }
      };
      await Promise.all([writer(), writer(), writer(), writer()]);

      // Writes resume once Neo4j is back: however long its recovery takes on a busy machine (the
      // writes just after the restart may still be refused), the last 20 are all acknowledged.
      for (let n = 80; n < 100; n++) expect(acknowledged).toContain(`clm-burst-${n}`);
      expect(acknowledged.length).toBeLessThan(100);
      // Refused writes say why: the database was down, or still recovering past the time limit.
      expect(
        [...refusedCodes].filter((code) => !['DB_UNAVAILABLE', 'DB_TIMEOUT'].includes(code)),
      ).toEqual([]);
      expect(refusedCodes.has('DB_UNAVAILABLE')).toBe(true);
      const [stored] = await executor.read({
        name: 'burst',
        cypher: `MATCH (c:Claim) WHERE c.id STARTS WITH 'clm-burst-'
               RETURN collect(c.id) AS ids, count(c) AS claims,
                      sum(CASE WHEN EXISTS { (c)-[:HAS_QUANTITY]->(:Quantity) } THEN 0 ELSE 1 END) AS halfWritten`,
      });
      const ids = stored?.ids as string[];
      for (const id of acknowledged) expect(ids.filter((stored) => stored === id)).toHaveLength(1);
      expect(new Set(ids).size).toBe(ids.length);
      expect(stored?.halfWritten).toBe(0);
    },
  );

  it(
    'leaves a seed load killed half-way with all of it or none of it',
    { timeout: 120_000 },
    async () => {
      if ((await fetch(`${api.url}/health`)).status !== 200) await restart();
      await executor.write({ name: 'clear', cypher: 'MATCH (n) DETACH DELETE n' });
      const [seedFile] = defaultSeedFiles();
      const loading = loadSeedFile(executor, seedFile!).then(
        () => 'committed',
        (error: { code?: string }) => error.code ?? 'failed',
      );
      await new Promise((resolve) => setTimeout(resolve, 150));
      await kill();
      const outcome = await loading;
      await restart();
      const claims = await count('MATCH (c:Claim) RETURN count(c) AS n');
      const attributions = await count('MATCH (a:Attribution) RETURN count(a) AS n');
      if (outcome === 'committed') {
        expect([claims, attributions]).toEqual([31, 38]);
      } else {
        expect(outcome).toBe('DB_UNAVAILABLE');
        expect([claims, attributions]).toEqual([0, 0]);
      }
      // And a fresh load afterwards completes.
      await loadSeedFile(executor, seedFile!);
      expect(await count('MATCH (c:Claim) RETURN count(c) AS n')).toBe(31);
    },
  );
});
