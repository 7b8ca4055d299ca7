import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { createDriver } from '../../src/db/createDriver.js';
import { Executor } from '../../src/db/executor.js';
import { AppError } from '../../src/errors/appError.js';
import { openGraphStream } from '../../src/export/graphStream.js';
import { writeJsonExport } from '../../src/export/jsonExport.js';
import { stringSink } from '../../src/export/textSink.js';
import { bulkLoadSeedSets, type BulkTarget } from '../../src/ingest/bulk/bulkLoad.js';
import { defaultSeedFiles } from '../../src/ingest/defaultSeedFiles.js';
import { loadSeedFile } from '../../src/ingest/loadSeedFile.js';
import { validateSeedFile, type ValidSeedSet } from '../../src/ingest/validateSeedSet.js';
import { localServerStatus, stopLocalServer } from '../../src/localNeo4j/localServer.js';
import { freePort } from '../support/freePort.js';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase.js';

/*
 * The bulk path (neo4j-admin database import) against the online seed loader: the same seed
 * files loaded both ways must export to the same JSON. The online load goes to the run's shared
 * Neo4j; the bulk import replaces a database's store, so it gets a throwaway server of its own.
 */

const exportedAt = '2026-01-01T00:00:00.000Z';

async function exportJson(executor: Executor): Promise<string> {
  const sink = stringSink();
  const selection = { kind: 'all' } as const;
  await writeJsonExport(await openGraphStream(executor, selection), selection, sink, exportedAt);
  return sink.text();
}

function validSeedSets(): ValidSeedSet[] {
  return defaultSeedFiles().map((file) => {
    const result = validateSeedFile(file);
    if (!result.ok) throw new Error(`${file} does not validate`);
    return result.value;
  });
}

describe('bulk import (neo4j-admin) into an empty database', () => {
  let online: TestDatabase;
  let homeDir: string;
  let target: BulkTarget;

  beforeAll(async () => {
    online = await openTestDatabase();
    homeDir = mkdtempSync(path.join(os.tmpdir(), 'claimgraph-test-bulk-'));
    target = {
      server: {
        homeDir,
        cacheDir: loadConfig({}).localNeo4j.cacheDir,
        boltPort: await freePort(),
        authEnabled: false,
        heapMb: 512,
        transactionTimeoutMs: 30_000,
      },
      database: 'neo4j',
    };
  });

  afterAll(async () => {
    await online?.close();
    await stopLocalServer(homeDir);
    rmSync(homeDir, { recursive: true, force: true });
  });

  const withBulkDatabase = async <T>(work: (executor: Executor) => Promise<T>): Promise<T> => {
    const driver = createDriver({
      uri: `bolt://127.0.0.1:${target.server.boltPort}`,
      user: 'neo4j',
      password: undefined,
    });
    try {
      return await work(new Executor(driver, 'neo4j', 30_000));
    } finally {
      await driver.close();
    }
  };

  it('exports the same JSON as the online seed load', async () => {
    await online.reset();
    for (const file of defaultSeedFiles()) await loadSeedFile(online.executor, file);
    const onlineJson = await exportJson(online.executor);
    // Each online load stamps its own time; the bulk load is given the same one.
    const times = [...new Set([...onlineJson.matchAll(/"enteredAt":"([^"]+)"/g)].map((m) => m[1]))];
    const lines: string[] = [];
    const report = await bulkLoadSeedSets(validSeedSets(), target, {
      ...(times.length === 1 ? { now: times[0]! } : {}),
      log: (line) => lines.push(`${new Date().toISOString()} ${line}`),
    });
    console.log(lines.join('\n'));
    const bulkJson = await withBulkDatabase(exportJson);
    const normalise = (json: string) =>
      times.length === 1 ? json : json.replaceAll(/"enteredAt":"[^"]+"/g, '"enteredAt":"…"');
    expect(normalise(bulkJson)).toBe(normalise(onlineJson));
    expect(report.nodes).toBeGreaterThan(100);
    expect(lines.some((line) => line.includes(' imported '))).toBe(true);
    // The constraints and indexes are there, as after any start.
    const indexes = await withBulkDatabase((executor) =>
      executor.read({ name: 'testIndexes', cypher: 'SHOW INDEXES YIELD name RETURN name' }),
    );
    const onlineIndexes = await online.executor.read({
      name: 'testIndexes',
      cypher: 'SHOW INDEXES YIELD name RETURN name',
    });
    expect(indexes.map((row) => row.name).sort()).toEqual(
      onlineIndexes.map((row) => row.name).sort(),
    );
  }, 240_000);

  it('refuses a database that is not empty and leaves it untouched', async () => {
    const before = await withBulkDatabase(exportJson);
    const pid = localServerStatus(homeDir, target.server.boltPort).pid;
    expect(pid).toBeDefined();
    const error = await bulkLoadSeedSets(validSeedSets(), target).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('CONFLICT');
    expect((error as AppError).message).toMatch(/not empty.*Nothing was touched/s);
    // Same server process (never stopped), same graph.
    expect(localServerStatus(homeDir, target.server.boltPort).pid).toBe(pid);
    expect(await withBulkDatabase(exportJson)).toBe(before);
  });
});
