import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are walked as JSON. */

/*
 * The carrier-graph statement brings the claim's and its sources' properties and primes the
 * node loaders, so a claim's chains cost one round trip: no claim lookup before it, no source
 * lookup after it. Counted as transactions the executor opens (one per statement here).
 */
describe('sourcing chains in one round trip', () => {
  let database: TestDatabase;
  let api: TestServer;
  let transactions = 0;

  beforeAll(async () => {
    database = await openTestDatabase();
    await database.resetAndSeed();
    api = await startTestServer(database.executor, []);
    database.executor.observe({
      sessionOpened: () => transactions++,
      sessionClosed: () => undefined,
      transactionRetried: () => undefined,
      transactionFinished: () => undefined,
    });
  });
  afterAll(async () => {
    await api.close();
    await database.close();
  });

  const count = async (query: string, id: string) => {
    transactions = 0;
    const { body } = (await api.graphql(query, { id })) as { body: any };
    expect(body.errors).toBeUndefined();
    return { data: body.data, transactions };
  };

  it('answers the benchmark chains question with one statement', async () => {
    const { data, transactions: sent } = await count(
      `query ($id: ID!) { claim(id: $id) {
        sourcingChains { hops { source { id title } } origin { id primary } reachesPrimary circular }
      } }`,
      'clm-us-servers-controlled-china-hosts-2018',
    );
    expect(data.claim.sourcingChains[0].hops.map((hop: any) => hop.source.id)).toEqual([
      'src-article',
      'src-global-times-report',
      'src-xinhua-report',
      'src-cncert-annual-report-2018',
    ]);
    expect(data.claim.sourcingChains[0].hops.every((hop: any) => hop.source.title)).toBe(true);
    expect(sent).toBe(1);
  });

  it('answers a missing claim with null in that one statement', async () => {
    const { data, transactions: sent } = await count(
      'query ($id: ID!) { claim(id: $id) { id sourcingChains { circular } } }',
      'clm-not-in-the-graph',
    );
    expect(data.claim).toBeNull();
    expect(sent).toBe(1);
  });

  it('still reads a claim alone with one lookup when no sourcing is asked for', async () => {
    const { data, transactions: sent } = await count(
      'query ($id: ID!) { claim(id: $id) { id text } }',
      'clm-us-servers-controlled-china-hosts-2018',
    );
    expect(data.claim.id).toBe('clm-us-servers-controlled-china-hosts-2018');
    expect(sent).toBe(1);
  });
});
