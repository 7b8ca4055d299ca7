import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

// /export as mounted by createApp: the same read rule as /graphql.
describe('/export on the running app', () => {
  let database: TestDatabase;
  let open: TestServer;
  let locked: TestServer;
  beforeAll(async () => {
    database = await openTestDatabase();
    await database.resetAndSeed();
    open = await startTestServer(database.executor);
    locked = await startTestServer(database.executor, [], {
      apiKeys: () => [],
      readsRequireKey: true,
    });
  });
  afterAll(async () => {
    await open.close();
    await locked.close();
    await database.close();
  });

  it('serves a claim as schema.org JSON-LD whose first appearance is the CNCERT report', async () => {
    const response = await fetch(
      `${open.url}/export/claims/clm-us-servers-controlled-china-hosts-2018.jsonld`,
    );
    expect(response.status).toBe(200);
    const claim = (await response.json()) as Record<string, unknown>;
    expect(claim).toMatchObject({ '@context': 'https://schema.org', '@type': 'Claim' });
    expect(JSON.stringify(claim.firstAppearance)).toContain('CNCERT annual report');
  });

  it('serves the whole graph as GraphML for Gephi', async () => {
    const response = await fetch(`${open.url}/export?format=graphml`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/graphml+xml');
    const text = await response.text();
    expect(text).toContain('<graphml');
    expect(text).toContain('src-cncert-annual-report-2018');
  });

  it('refuses exports without a key when reads are locked', async () => {
    const response = await fetch(`${locked.url}/export?format=json`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
