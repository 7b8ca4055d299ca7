import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are walked as JSON. */

describe('list queries: filters, sorting, cursor pagination, counts', () => {
  let database: TestDatabase;
  let api: TestServer;
  const data = async (query: string, variables?: Record<string, unknown>): Promise<any> => {
    const { body } = await api.graphql(query, variables);
    expect(body.errors).toBeUndefined();
    return body.data;
  };

  beforeAll(async () => {
    database = await openTestDatabase();
    await database.resetAndSeed();
    api = await startTestServer(database.executor);
  });
  afterAll(async () => {
    await api.close();
    await database.close();
  });

  it('walks every claim page by page, each once, in the requested order', async () => {
    const query = `query ($after: String) {
      claims(first: 7, after: $after, orderBy: { field: TEXT, direction: DESC }) {
        totalCount nodes { id text } pageInfo { hasNextPage endCursor } } }`;
    const seen: { id: string; text: string }[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 10; page++) {
      const { claims } = await data(query, { after });
      total = claims.totalCount;
      seen.push(...claims.nodes);
      if (!claims.pageInfo.hasNextPage) break;
      after = claims.pageInfo.endCursor;
    }
    expect(total).toBe(31);
    expect(seen).toHaveLength(31);
    expect(new Set(seen.map((c) => c.id)).size).toBe(31);
    const texts = seen.map((c) => c.text);
    expect(texts).toEqual([...texts].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
  });

  it('filters claims by stance, actor, topic, source and time', async () => {
    const { denied, bolton, topic, timed } = await data(`{
      denied: claims(filter: { stance: DENIES }) { totalCount nodes { id } }
      bolton: claims(filter: { actorId: "act-bolton" }) { totalCount }
      topic: claims(filter: { topic: "botnets" }) { nodes { id } }
      timed: claims(filter: { from: "2019-06-11", to: "2019-06-11" }, first: 100) { nodes { id } }
    }`);
    expect(denied.nodes.map((c: any) => c.id).sort()).toEqual([
      'clm-russia-interfered-2016-us-election',
      'clm-russian-state-involved-dnc-email-dump',
    ]);
    expect(bolton.totalCount).toBe(4);
    expect(topic.nodes.map((c: any) => c.id)).toContain(
      'clm-us-servers-controlled-china-hosts-2018',
    );
    expect(timed.nodes.map((c: any) => c.id)).toContain('clm-us-offensive-cyber-operations-abroad');
  });

  it('filters actors by kind and anonymity, and sorts attributions by date', async () => {
    const { outlets, anonymous, attributions } = await data(`{
      outlets: actors(filter: { kind: MEDIA_OUTLET }, orderBy: { field: NAME }) { nodes { name } }
      anonymous: actors(filter: { anonymous: true }) { totalCount }
      attributions(orderBy: { field: SAID, direction: DESC }, first: 3) { nodes { said { from } } }
    }`);
    expect(outlets.nodes.map((a: any) => a.name)).toEqual(['Global Times', 'Xinhua News Agency']);
    expect(anonymous.totalCount).toBeGreaterThanOrEqual(4);
    const days = attributions.nodes.map((a: any) => a.said?.from ?? '');
    expect(days).toEqual([...days].sort().reverse());
  });

  it('refuses a forged cursor and an unknown sort key with BAD_USER_INPUT', async () => {
    const forged = await api.graphql('{ claims(after: "bm90LWEtY3Vyc29y") { totalCount } }');
    expect(forged.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
    const day = await api.graphql('{ claims(filter: { from: "June 2019" }) { totalCount } }');
    expect(day.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'filter.from',
    });
  });

  it('searches claims, quotes, actors, sources and events, and takes Lucene syntax literally', async () => {
    const { search, odd } = await data(`{
      search(text: "Meuller", first: 5) { kind id actor { id } }
      odd: search(text: "AND (( \\" * ~ [", first: 5) { id }
    }`);
    expect(search[0]).toMatchObject({ kind: 'ACTOR', actor: { id: 'act-mueller' } });
    expect(Array.isArray(odd)).toBe(true);
  });
});
