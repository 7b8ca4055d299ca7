import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are walked as JSON. */

// Search forgives a typo in a name and finds a figure however the text groups its digits.
describe('search: typos and figures', () => {
  let database: TestDatabase;
  let api: TestServer;
  const search = async (text: string) =>
    (
      (await api.graphql(`query ($text: String!) { search(text: $text) { kind id } }`, { text }))
        .body.data as any
    ).search as { kind: string; id: string }[];

  beforeAll(async () => {
    database = await openTestDatabase();
    await database.resetAndSeed();
    api = await startTestServer(database.executor);
  });
  afterAll(async () => {
    await api.close();
    await database.close();
  });

  it('finds Robert Mueller for "Muller"', async () => {
    expect(await search('Muller')).toContainEqual({ kind: 'ACTOR', id: 'act-mueller' });
  });

  it('finds the server claim for "14000", which the texts write 14,000 and 14.000', async () => {
    const hits = await search('14000');
    expect(hits).toContainEqual({
      kind: 'CLAIM',
      id: 'clm-us-servers-controlled-china-hosts-2018',
    });
  });

  it('still ranks an exact name first', async () => {
    const [first] = await search('Bolton');
    expect(first).toEqual({ kind: 'ACTOR', id: 'act-bolton' });
  });
});
