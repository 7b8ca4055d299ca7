import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyStore, createApiKey } from '../../src/auth/apiKeys.js';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are walked as JSON. */

const SOURCING = `query ($id: ID!) { claim(id: $id) { sourcing {
  independentOrigins reasoning
  originGroups { origins { id } }
  chains { circular reachesPrimary hops { source { id } } origin { id } }
  flags { singleOrigin onlyAnonymousSpeakers onlyStateAffiliated stateAffiliations { id }
          circularReporting denied deniedBy { id } contradicted contradictedBy { id } }
} } }`;

describe('sourcing analysis, paths and timelines', () => {
  let database: TestDatabase;
  let api: TestServer;
  let key: string;
  const ask = async (query: string, variables?: Record<string, unknown>): Promise<any> => {
    const { body } = await api.graphql(query, variables, { authorization: `Bearer ${key}` });
    expect(body.errors).toBeUndefined();
    return body.data;
  };
  const sourcing = async (id: string) => (await ask(SOURCING, { id })).claim.sourcing;

  beforeAll(async () => {
    database = await openTestDatabase();
    await database.resetAndSeed();
    const keysFile = path.join(
      mkdtempSync(path.join(os.tmpdir(), 'claimgraph-keys-')),
      'keys.json',
    );
    key = createApiKey(keysFile, 'analyst', 'editor');
    api = await startTestServer(database.executor, [], {
      apiKeys: apiKeyStore(keysFile),
      readsRequireKey: false,
    });
  });
  afterAll(async () => {
    await api.close();
    await database.close();
  });

  it('traces the CNCERT figures to one origin that reaches the article only through Chinese state media', async () => {
    const analysis = await sourcing('clm-us-servers-controlled-china-hosts-2018');
    expect(analysis.chains.map((c: any) => c.hops.map((h: any) => h.source.id))).toEqual([
      [
        'src-article',
        'src-global-times-report',
        'src-xinhua-report',
        'src-cncert-annual-report-2018',
      ],
    ]);
    expect(analysis.independentOrigins).toBe(1);
    expect(analysis.originGroups).toEqual([{ origins: [{ id: 'src-cncert-annual-report-2018' }] }]);
    expect(analysis.flags).toMatchObject({
      singleOrigin: true,
      onlyAnonymousSpeakers: false,
      onlyStateAffiliated: true,
      stateAffiliations: [{ id: 'act-china' }],
      circularReporting: false,
      denied: false,
    });
  });

  it('counts government agencies and a head of state’s office as state channels, not persons who publish', async () => {
    // The CAC (a Chinese government agency) via the Global Times; the Kremlin directly.
    const cac = await sourcing('clm-cac-draft-regulation-security-review-2019');
    expect(cac.flags).toMatchObject({
      onlyStateAffiliated: true,
      stateAffiliations: [{ id: 'act-china' }],
    });
    const kremlin = await sourcing('clm-some-countries-prefer-demonizing-russia');
    expect(kremlin.flags).toMatchObject({
      onlyStateAffiliated: true,
      stateAffiliations: [{ id: 'act-russia' }],
    });
    // Bolton's speech is published by Bolton, a person: his office is an affiliation.
    const bolton = await sourcing('clm-us-offensive-cyber-operations-abroad');
    expect(bolton.flags).toMatchObject({ onlyStateAffiliated: false, stateAffiliations: [] });
  });

  it('flags a claim made only by anonymous speakers', async () => {
    const { flags } = await sourcing('clm-us-biggest-cyber-attacker');
    expect(flags.onlyAnonymousSpeakers).toBe(true);
  });

  it('flags denials (by whom) and contradictions (by which claims)', async () => {
    const { flags } = await sourcing('clm-russian-state-involved-dnc-email-dump');
    expect(flags.denied).toBe(true);
    expect(flags.deniedBy.map((a: any) => a.id)).toEqual(['act-assange', 'act-wikileaks']);
    expect(flags.contradicted).toBe(true);
    expect(flags.contradictedBy.map((c: any) => c.id)).toContain(
      'clm-dnc-email-source-not-state-party',
    );
  });

  it('detects circular reporting, cuts the loop, and collapses origins that share an owner', async () => {
    const record = (input: Record<string, unknown>) =>
      ask('mutation ($input: RecordSourceInput!) { recordSource(input: $input) { id } }', {
        input,
      });
    await ask(`mutation { a: recordActor(input: { id: "act-owner-co", kind: ORGANISATION, name: "Owner Co" }) { id }
      b: recordActor(input: { id: "act-paper-one", kind: MEDIA_OUTLET, name: "Paper One", ownedById: "act-owner-co" }) { id }
      c: recordActor(input: { id: "act-paper-two", kind: MEDIA_OUTLET, name: "Paper Two", ownedById: "act-owner-co" }) { id }
      d: recordActor(input: { id: "act-free-press", kind: MEDIA_OUTLET, name: "Free Press" }) { id }
      e: recordClaim(input: { id: "clm-loop-claim", text: "A claim that went round in circles." }) { id } }`);
    await record({ id: 'src-loop-reader', kind: 'ARTICLE', title: 'Reader article' });
    await record({
      id: 'src-loop-a',
      kind: 'NEWS_REPORT',
      title: 'Loop A',
      publisherId: 'act-paper-one',
    });
    await record({
      id: 'src-loop-b',
      kind: 'NEWS_REPORT',
      title: 'Loop B',
      publisherId: 'act-paper-two',
    });
    await record({
      id: 'src-free-report',
      kind: 'REPORT',
      title: 'Free report',
      publisherId: 'act-free-press',
      primary: true,
    });
    await database.executor.write({
      name: 'carry',
      cypher: `MATCH (c:Claim {id: 'clm-loop-claim'}), (s:Source) WHERE s.id IN ['src-loop-reader', 'src-loop-a', 'src-loop-b', 'src-free-report']
               MERGE (s)-[:CARRIES {key: ''}]->(c)`,
    });
    for (const [from, to] of [
      ['src-loop-reader', 'src-loop-a'],
      ['src-loop-a', 'src-loop-b'],
      ['src-loop-b', 'src-loop-a'],
      ['src-loop-reader', 'src-free-report'],
    ]) {
      await ask(`mutation { recordCitation(sourceId: "${from}", citesSourceId: "${to}") { id } }`);
    }
    const analysis = await sourcing('clm-loop-claim');
    expect(analysis.flags.circularReporting).toBe(true);
    const circular = analysis.chains.find((c: any) => c.circular);
    expect(circular.hops.map((h: any) => h.source.id)).toEqual([
      'src-loop-reader',
      'src-loop-a',
      'src-loop-b',
    ]);
    // Origins: the loop's end (src-loop-b) and the free report; different owners → 2 independent.
    expect(analysis.independentOrigins).toBe(2);
    expect(analysis.flags.singleOrigin).toBe(false);

    // A second loop origin with the same owner as the first collapses into it, with the reason given.
    await record({
      id: 'src-loop-c',
      kind: 'REPORT',
      title: 'Loop C',
      publisherId: 'act-paper-one',
      primary: true,
    });
    await database.executor.write({
      name: 'carry',
      cypher: `MATCH (c:Claim {id: 'clm-loop-claim'}), (s:Source {id: 'src-loop-c'}) MERGE (s)-[:CARRIES {key: ''}]->(c)`,
    });
    await ask(
      'mutation { recordCitation(sourceId: "src-loop-reader", citesSourceId: "src-loop-c") { id } }',
    );
    const again = await sourcing('clm-loop-claim');
    expect(again.independentOrigins).toBe(2);
    expect(again.reasoning.join('\n')).toMatch(
      /src-loop-b and src-loop-c share owner act-owner-co|src-loop-c and src-loop-b/,
    );
  });

  it('finds how Bolton is connected to Russia’s denial, bounded', async () => {
    const { connection } =
      await ask(`{ connection(fromId: "act-bolton", toId: "att-russia-rejects-interference", maxHops: 6) {
      length steps { node { kind id label } via { type direction } } } }`);
    expect(connection.length).toBeGreaterThan(0);
    const [shortest] = connection;
    expect(shortest.steps[0].node.id).toBe('act-bolton');
    expect(shortest.steps[shortest.steps.length - 1].node.id).toBe(
      'att-russia-rejects-interference',
    );
    expect(shortest.steps).toHaveLength(shortest.length + 1);
    const tooShort = await ask(
      '{ connection(fromId: "act-bolton", toId: "att-russia-rejects-interference", maxHops: 1) { length } }',
    );
    expect(tooShort.connection).toEqual([]);
    const refused = await api.graphql(
      '{ connection(fromId: "act-bolton", toId: "act-russia", maxHops: 50) { length } }',
    );
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'maxHops',
    });
  });

  it('orders a timeline oldest first and shows each entry’s precision', async () => {
    const { timeline } = await ask(
      `{ timeline(actorId: "act-bolton") { kind label time { value precision from } } }`,
    );
    expect(timeline.length).toBeGreaterThan(0);
    const days = timeline.map((entry: any) => entry.time.from);
    expect(days).toEqual([...days].sort());
    expect(
      timeline.some((entry: any) => entry.kind === 'EVENT' && entry.time.precision === 'DAY'),
    ).toBe(true);

    const topic = await ask(
      `{ timeline(claimId: "clm-russian-state-involved-dnc-email-dump") { kind time { value precision from } } }`,
    );
    const precisions = new Set(topic.timeline.map((entry: any) => entry.time.precision));
    expect(precisions.size).toBeGreaterThan(1);
    const topicDays = topic.timeline.map((entry: any) => entry.time.from);
    expect(topicDays).toEqual([...topicDays].sort());
  });
});
