import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../src/config/config.js';
import { startLocalServer, stopLocalServer } from '../../src/localNeo4j/localServer.js';
import { freePort } from './freePort.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
  }
}

/**
 * Starts a throwaway Neo4j (auth off, data in a temp folder, a free port) for the test run, or
 * uses NEO4J_TEST_URI when set. Stopped and deleted afterwards.
 */
export default async function setup(project: TestProject) {
  if (process.env.NEO4J_TEST_URI) {
    project.provide('neo4jUri', process.env.NEO4J_TEST_URI);
    return;
  }
  const homeDir = mkdtempSync(path.join(os.tmpdir(), 'claimgraph-test-neo4j-'));
  const config = loadConfig({});
  const server = await startLocalServer(
    {
      homeDir,
      cacheDir: config.localNeo4j.cacheDir,
      boltPort: await freePort(),
      authEnabled: false,
      heapMb: 512,
      transactionTimeoutMs: 15_000,
    },
    (line) => console.log(`[test neo4j] ${line}`),
  );
  project.provide('neo4jUri', server.uri);
  return async () => {
    await stopLocalServer(homeDir);
    rmSync(homeDir, { recursive: true, force: true });
  };
}
