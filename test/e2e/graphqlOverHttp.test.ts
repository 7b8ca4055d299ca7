import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { serverAudits } from 'graphql-http';
import { projectRoot } from '../../src/config/config.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

// The GraphQL-over-HTTP specification's own audit suite, run against the real server.
describe('GraphQL over HTTP audit (graphql-http serverAudits)', () => {
  let database: TestDatabase;
  let api: TestServer;
  beforeAll(async () => {
    database = await openTestDatabase();
    api = await startTestServer(database.executor);
  });
  afterAll(async () => {
    await api.close();
    await database.close();
  });

  it('has no MUST failure', async () => {
    const audits = serverAudits({ url: `${api.url}/graphql` });
    const failures: string[] = [];
    const warnings: string[] = [];
    for (const audit of audits) {
      const result = await audit.fn();
      if (result.status === 'error' && audit.name.startsWith('MUST'))
        failures.push(`${audit.name}: ${result.reason}`);
      if (result.status !== 'ok') warnings.push(`${audit.name}: ${result.status}`);
    }
    expect(audits.length).toBeGreaterThan(20);
    expect(failures).toEqual([]);
    // Kept for the record; the SHOULD/MAY departures are explained in docs/api.md.
    mkdirSync(path.join(projectRoot, 'test-results'), { recursive: true });
    writeFileSync(
      path.join(projectRoot, 'test-results/graphql-http-audit.txt'),
      `${audits.length} audits, ${failures.length} MUST failures, ${warnings.length} not ok:\n${warnings.join('\n')}\n`,
    );
  });
});
