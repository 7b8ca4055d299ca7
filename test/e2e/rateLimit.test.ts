import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { apiKeyStore, createApiKey } from '../../src/auth/apiKeys.js';
import type { AccessPolicy } from '../../src/graphql/context.js';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase.js';
import { startTestServer, type GraphQLBody, type TestServer } from '../support/testServer.js';

// Windows of 60 s: a test never waits for one to pass, so nothing depends on timing.
const window = 60;
const query = '{ claims(first: 1) { totalCount } }';

/** One request to /graphql, seen as a client sees it. */
async function ask(server: TestServer, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as GraphQLBody,
  };
}

const from = (address: string, key?: string): Record<string, string> => ({
  'x-forwarded-for': address,
  ...(key === undefined ? {} : { authorization: `Bearer ${key}` }),
});

async function statuses(server: TestServer, times: number, headers: Record<string, string>) {
  const seen: number[] = [];
  for (let i = 0; i < times; i += 1) seen.push((await ask(server, headers)).status);
  return seen;
}

describe('rate limiting on the running server', () => {
  let database: TestDatabase;
  let limited: TestServer;
  let unlimited: TestServer;
  let direct: TestServer;
  let access: AccessPolicy;
  const keys: Record<'alice' | 'bob', string> = { alice: '', bob: '' };

  beforeAll(async () => {
    database = await openTestDatabase();
    await database.reset();
    const keysFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'claimgraph-limits-')), 'k.json');
    keys.alice = createApiKey(keysFile, 'alice', 'reader');
    keys.bob = createApiKey(keysFile, 'bob', 'reader');
    access = { apiKeys: apiKeyStore(keysFile), readsRequireKey: false };
    // Behind a proxy on loopback: X-Forwarded-For names the client, so each test has its own.
    limited = await startTestServer(database.executor, [], access, {
      rateLimit: {
        perIp: { points: 3, windowSeconds: window },
        perKey: { points: 5, windowSeconds: window },
      },
      trustProxy: ['loopback'],
      metrics: 'open',
    });
    unlimited = await startTestServer(database.executor, [], access, { trustProxy: ['loopback'] });
    direct = await startTestServer(database.executor, [], access, {
      rateLimit: { perIp: { points: 2, windowSeconds: window } },
    });
  });
  afterAll(async () => {
    await limited.close();
    await unlimited.close();
    await direct.close();
    await database.close();
  });

  it('refuses the (N+1)-th anonymous request from an address: 429, Retry-After, RATE_LIMITED', async () => {
    expect(await statuses(limited, 3, from('198.51.100.1'))).toEqual([200, 200, 200]);
    const refused = await ask(limited, from('198.51.100.1'));
    expect(refused.status).toBe(429);
    expect(refused.retryAfter).toMatch(/^\d+$/);
    const seconds = Number(refused.retryAfter);
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(window);
    expect(refused.body.data).toBeUndefined();
    expect(refused.body.errors).toEqual([
      {
        message: expect.stringContaining('Too many requests') as unknown,
        extensions: { code: 'RATE_LIMITED', retryAfterSeconds: seconds },
      },
    ]);

    // /export draws on the same budget, and answers in its own { code, message } shape.
    const exported = await fetch(`${limited.url}/export?format=json`, {
      headers: from('198.51.100.1'),
    });
    expect(exported.status).toBe(429);
    expect(exported.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await exported.json()).toMatchObject({ code: 'RATE_LIMITED' });

    // Another address has its own budget.
    expect((await ask(limited, from('198.51.100.2'))).status).toBe(200);
  });

  it('counts a request with a valid API key against its key, not against the address', async () => {
    const address = '198.51.100.3';
    expect(await statuses(limited, 5, from(address, keys.alice))).toEqual([
      200, 200, 200, 200, 200,
    ]);
    const refused = await ask(limited, from(address, keys.alice));
    expect(refused.status).toBe(429);
    expect(refused.retryAfter).toMatch(/^\d+$/);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(refused.body.errors?.[0]?.message).toContain('"alice"');
    // The same key from elsewhere is still over its budget; another key is not.
    expect((await ask(limited, from('198.51.100.30', keys.alice))).status).toBe(429);
    expect((await ask(limited, from(address, keys.bob))).status).toBe(200);
    // Six keyed requests spent nothing of the address's own budget.
    expect(await statuses(limited, 4, from(address))).toEqual([200, 200, 200, 429]);
  });

  it('counts requests with an unknown key against the address, so guessing keys is limited', async () => {
    const guess = await ask(limited, from('198.51.100.4', 'cg_not-a-key'));
    expect(guess.status).toBe(401);
    expect(guess.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await statuses(limited, 3, from('198.51.100.4', 'cg_not-a-key'))).toEqual([
      401, 401, 429,
    ]);
  });

  it('never limits /health or /metrics', async () => {
    const address = '198.51.100.5';
    expect(await statuses(limited, 4, from(address))).toEqual([200, 200, 200, 429]);
    for (let i = 0; i < 10; i += 1) {
      const health = await fetch(`${limited.url}/health`, { headers: from(address) });
      expect(health.status).toBe(200);
      expect(health.headers.get('retry-after')).toBeNull();
    }
    const metrics = await fetch(`${limited.url}/metrics`, { headers: from(address) });
    expect(metrics.status).toBe(200);
  });

  it('limits nothing when no limit is configured', async () => {
    for (let i = 0; i < 25; i += 1) {
      const answer = await ask(unlimited, from('198.51.100.6'));
      expect(answer.status).toBe(200);
      expect(answer.retryAfter).toBeNull();
    }
    expect(await statuses(unlimited, 10, from('198.51.100.6', keys.alice))).not.toContain(429);
    const exported = await fetch(`${unlimited.url}/export?format=json`);
    expect(exported.status).toBe(200);
    await exported.arrayBuffer();
  });

  it('ignores X-Forwarded-For without trust proxy: the socket address is the client', async () => {
    expect((await ask(direct, from('203.0.113.1'))).status).toBe(200);
    expect((await ask(direct, from('203.0.113.2'))).status).toBe(200);
    expect((await ask(direct, from('203.0.113.3'))).status).toBe(429);
    // The per-key limit is off there: requests with a key are not limited at all.
    expect(await statuses(direct, 5, from('203.0.113.4', keys.bob))).not.toContain(429);
  });
});

describe('a failing rate limiter', () => {
  let database: TestDatabase;
  let server: TestServer;
  const serverLog: string[] = [];

  beforeAll(async () => {
    database = await openTestDatabase();
    server = await startTestServer(database.executor, serverLog, undefined, {
      rateLimit: { perIp: { points: 1, windowSeconds: window } },
    });
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await server.close();
    await database.close();
  });

  it('lets the request through and logs the failure', async () => {
    vi.spyOn(RateLimiterMemory.prototype, 'consume').mockRejectedValue(new Error('store broke'));
    expect(await statuses(server, 3, {})).toEqual([200, 200, 200]);
    expect(serverLog).toContain('Rate limiter failed; the request was let through.');
  });
});
