import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are walked as JSON. */

const seedEvents = [
  'evt-2016-us-election',
  'evt-bolton-washington-remarks',
  'evt-cac-draft-regulation',
  'evt-china-cybersecurity-law-2016',
  'evt-cncert-report-release',
  'evt-dnc-email-dump',
  'evt-huawei-announcement',
  'evt-lifting-cyber-restrictions',
  'evt-nakasone-remarks',
];

describe('events list and whole-graph timeline', () => {
  let database: TestDatabase;
  let api: TestServer;
  const data = async (query: string, variables?: Record<string, unknown>): Promise<any> => {
    const { body } = await api.graphql(query, variables);
    expect(body.errors).toBeUndefined();
    return body.data;
  };
  const refusal = async (query: string) => (await api.graphql(query)).body.errors?.[0]?.extensions;
  const ids = (connection: any) => connection.nodes.map((event: any) => event.id);

  beforeAll(async () => {
    database = await openTestDatabase();
    await database.resetAndSeed();
    api = await startTestServer(database.executor);
  });
  afterAll(async () => {
    await api.close();
    await database.close();
  });

  it('lists every seed event by id with the total count', async () => {
    const { events } = await data('{ events(first: 100) { totalCount nodes { id kind } } }');
    expect(events.totalCount).toBe(seedEvents.length);
    expect(ids(events)).toEqual(seedEvents);
  });

  it('filters by kind, participant, time window and place', async () => {
    const { speeches, dnc, y2016, june, place, none } = await data(`{
      speeches: events(filter: { kind: SPEECH }) { totalCount nodes { id kind } }
      dnc: events(filter: { actorId: "act-dnc" }) { totalCount nodes { id } }
      y2016: events(filter: { from: "2016-01-01", to: "2016-12-31" }) { nodes { id } }
      june: events(filter: { from: "2019-06-01", to: "2019-06-30" }) { nodes { id } }
      place: events(filter: { place: "washington" }) { nodes { id } }
      none: events(filter: { kind: ELECTION, actorId: "act-bolton" }) { totalCount nodes { id } }
    }`);
    expect(speeches).toEqual({
      totalCount: 1,
      nodes: [{ id: 'evt-bolton-washington-remarks', kind: 'speech' }],
    });
    expect(dnc.totalCount).toBe(2);
    expect(ids(dnc)).toEqual(['evt-2016-us-election', 'evt-dnc-email-dump']);
    expect(ids(y2016)).toEqual([
      'evt-2016-us-election',
      'evt-china-cybersecurity-law-2016',
      'evt-dnc-email-dump',
    ]);
    // The year-precise CNCERT report (2019) overlaps June 2019; the May regulation does not.
    expect(ids(june)).toEqual(['evt-bolton-washington-remarks', 'evt-cncert-report-release']);
    expect(ids(place)).toEqual(['evt-bolton-washington-remarks']);
    expect(none).toEqual({ totalCount: 0, nodes: [] });
  });

  it('takes kinds with two words', async () => {
    const { events } = await data('{ events(filter: { kind: REPORT_RELEASE }) { nodes { id } } }');
    expect(ids(events)).toEqual(['evt-cncert-report-release']);
  });

  it('pages through events one at a time by time, each once, in order', async () => {
    const query = `query ($after: String) {
      events(first: 1, after: $after, orderBy: { field: TIME }) {
        totalCount nodes { id time { from } } pageInfo { hasNextPage endCursor } } }`;
    const seen: { id: string; time: { from: string } }[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const { events } = await data(query, { after });
      expect(events.totalCount).toBe(seedEvents.length);
      expect(events.nodes).toHaveLength(1);
      seen.push(...events.nodes);
      if (!events.pageInfo.hasNextPage) break;
      after = events.pageInfo.endCursor;
    }
    expect(seen.map((event) => event.id).sort()).toEqual(seedEvents);
    const days = seen.map((event) => event.time.from);
    expect(days).toEqual([...days].sort());
  });

  it('sorts by name, descending', async () => {
    const { events } = await data(
      '{ events(first: 100, orderBy: { field: NAME, direction: DESC }) { nodes { name } } }',
    );
    const names = events.nodes.map((event: any) => event.name);
    expect(names).toHaveLength(seedEvents.length);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
  });

  it('refuses bad arguments with BAD_USER_INPUT', async () => {
    const cases: [string, string][] = [
      ['{ events(first: 0) { totalCount } }', 'first'],
      ['{ events(first: 101) { totalCount } }', 'first'],
      ['{ events(after: "bm90LWEtY3Vyc29y") { totalCount } }', 'after'],
      ['{ events(filter: { from: "June 2019" }) { totalCount } }', 'filter.from'],
      ['{ events(filter: { to: "2019-02-30" }) { totalCount } }', 'filter.to'],
      [
        '{ events(filter: { from: "2019-06-12", to: "2019-06-01" }) { totalCount } }',
        'filter.from',
      ],
      [`{ events(filter: { place: "${'x'.repeat(501)}" }) { totalCount } }`, 'filter.place'],
      ['{ timeline(first: 0) { label } }', 'first'],
      ['{ timeline(first: 501) { label } }', 'first'],
      ['{ timeline(claimId: "clm-a", topic: "cyber") { label } }', 'topic'],
      ['{ timeline(topic: "") { label } }', 'claimId'],
    ];
    for (const [query, field] of cases) {
      expect(await refusal(query), query).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('gives the whole graph’s timeline without arguments, oldest first, capped by first', async () => {
    const { all, three, bolton, boltonTwo } = await data(`{
      all: timeline { kind label time { from to } event { id } attribution { id } source { id } }
      three: timeline(first: 3) { label time { from } }
      bolton: timeline(actorId: "act-bolton") { label }
      boltonTwo: timeline(actorId: "act-bolton", first: 2) { label }
    }`);
    expect(all.length).toBeGreaterThan(seedEvents.length);
    expect(all.length).toBeLessThanOrEqual(100);
    const kinds = new Set(all.map((entry: any) => entry.kind));
    expect(kinds).toEqual(new Set(['EVENT', 'ATTRIBUTION', 'PUBLICATION']));
    const dated = all.filter((entry: any) => entry.kind === 'EVENT').map((e: any) => e.event.id);
    expect(dated.sort()).toEqual(seedEvents);
    const days = all.map((entry: any) => entry.time.from);
    expect(days).toEqual([...days].sort());
    expect(three).toEqual(
      all.slice(0, 3).map((e: any) => ({ label: e.label, time: { from: e.time.from } })),
    );
    // A scoped timeline is unchanged, and cut to `first` only when asked.
    expect(bolton.length).toBeGreaterThan(2);
    expect(boltonTwo).toEqual(bolton.slice(0, 2));
  });
});
