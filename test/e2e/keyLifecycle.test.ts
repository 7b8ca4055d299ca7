import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyStore, createApiKey } from '../../src/auth/apiKeys.js';
import { projectRoot } from '../../src/config/config.js';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

// Revoked and expired keys are refused by the running server at once: it re-reads the key file
// when it changes, and the CLI revokes by rewriting it.
describe('API key lifecycle against the running server', () => {
  let database: TestDatabase;
  let api: TestServer;
  const keysFile = path.join(
    mkdtempSync(path.join(os.tmpdir(), 'claimgraph-lifecycle-')),
    'k.json',
  );
  const keysCli = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'keys', ...args], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { ...process.env, CLAIMGRAPH_API_KEYS_FILE: keysFile },
      timeout: 60_000,
    });
  const drafts = (key: string) =>
    api.graphql('{ drafts { id } }', {}, { authorization: `Bearer ${key}` });

  beforeAll(async () => {
    database = await openTestDatabase();
    await database.reset();
    api = await startTestServer(database.executor, [], {
      apiKeys: apiKeyStore(keysFile),
      readsRequireKey: false,
    });
  });
  afterAll(async () => {
    await api.close();
    await database.close();
  });

  it('refuses a key revoked with claimgraph keys revoke from the next request on', async () => {
    const key = createApiKey(keysFile, 'dana', 'editor');
    expect((await drafts(key)).body.errors).toBeUndefined();
    await sleep(20); // a file time the server can tell from the last one
    const revoked = keysCli('revoke', 'dana');
    expect(revoked.status, revoked.stderr).toBe(0);
    const after = await drafts(key);
    expect(after.status).toBe(401);
    expect(after.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(after.body.errors?.[0]?.message).toContain('revoked');
    const listed = keysCli('list');
    expect(listed.stdout).toMatch(/^dana\teditor\trevoked\t/m);
    expect(keysCli('revoke', 'nobody').status).toBe(1);
  });

  it('refuses a key once it has expired', async () => {
    const created = keysCli('create', '--name', 'erin', '--expires', '1m');
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/expires \d{4}-\d{2}-\d{2}T/);
    const key = created.stdout.split('\n')[1]!.trim();
    expect((await drafts(key)).body.errors).toBeUndefined();
    const short = createApiKey(keysFile, 'frank', 'editor', { expiresInMs: 1 });
    await sleep(20);
    const expired = await drafts(short);
    expect(expired.status).toBe(401);
    expect(expired.body.errors?.[0]?.message).toContain('expired');
    expect(keysCli('create', '--name', 'gil', '--expires', 'soon').status).toBe(2);
  });
});
