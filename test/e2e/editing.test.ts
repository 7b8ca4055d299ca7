import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyStore, createApiKey } from '../../src/auth/apiKeys.js';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are walked as JSON. */

const articleText =
  'On Friday, the Ministry of Examples said that 1.500 widgets were recalled. Nobody else said so.';

const RECORD_SOURCE = `mutation ($input: RecordSourceInput!) { recordSource(input: $input) { id title provenance { enteredBy enteredVia revision } } }`;
const RECORD_ACTOR = `mutation ($input: RecordActorInput!) { recordActor(input: $input) { id name aliases } }`;
const RECORD_CLAIM = `mutation ($input: RecordClaimInput!) { recordClaim(input: $input) { id text quantities { raw value } } }`;
const RECORD_ATTRIBUTION = `mutation ($input: RecordAttributionInput!) {
  recordAttribution(input: $input) { id stance quote quoteStart quoteEnd actor { id } claim { id carriedBy { id } } source { id } }
}`;

describe('editing through mutations', () => {
  let database: TestDatabase;
  let api: TestServer;
  let editorKey: string;
  let readerKey: string;
  let keysFile: string;
  const serverLog: string[] = [];
  const asEditor = (query: string, variables?: Record<string, unknown>) =>
    api.graphql(query, variables, { authorization: `Bearer ${editorKey}` });
  const nodeCount = async () => {
    const [row] = await database.executor.read({
      name: 'count',
      cypher: 'MATCH (n) RETURN count(n) AS n',
    });
    return Number(row?.n);
  };

  beforeAll(async () => {
    database = await openTestDatabase();
    await database.resetAndSeed();
    keysFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'claimgraph-keys-')), 'api-keys.json');
    editorKey = createApiKey(keysFile, 'test-editor', 'editor');
    readerKey = createApiKey(keysFile, 'test-reader', 'reader');
    api = await startTestServer(database.executor, serverLog, {
      apiKeys: apiKeyStore(keysFile),
      readsRequireKey: false,
    });
  });
  afterAll(async () => {
    await api.close();
    await database.close();
  });

  it('refuses a write without a key with UNAUTHENTICATED, and writes nothing', async () => {
    const before = await nodeCount();
    const { body } = await api.graphql(RECORD_CLAIM, {
      input: { id: 'clm-anonymous-write', text: 'Should not land.' },
    });
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(body.data?.recordClaim ?? null).toBeNull();
    expect(await nodeCount()).toBe(before);
  });

  it('refuses an unknown key with UNAUTHENTICATED (HTTP 401), and a reader key with FORBIDDEN', async () => {
    const unknown = await api.graphql(
      '{ claim(id: "clm-x") { id } }',
      {},
      { authorization: 'Bearer cg_not-a-key' },
    );
    expect(unknown.status).toBe(401);
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const reader = await api.graphql(
      RECORD_CLAIM,
      { input: { id: 'clm-reader-write', text: 'No.' } },
      { 'x-api-key': readerKey },
    );
    expect(reader.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('locks reads too when configured: no key → 401 UNAUTHENTICATED, a reader key → data', async () => {
    const locked = await startTestServer(database.executor, serverLog, {
      apiKeys: apiKeyStore(keysFile),
      readsRequireKey: true,
    });
    try {
      const anonymous = await locked.graphql('{ claim(id: "clm-us-has-133-cyber-teams") { id } }');
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const reader = await locked.graphql(
        '{ claim(id: "clm-us-has-133-cyber-teams") { id } }',
        {},
        { 'x-api-key': readerKey },
      );
      expect(reader.body).toEqual({ data: { claim: { id: 'clm-us-has-133-cyber-teams' } } });
    } finally {
      await locked.close();
    }
  });

  it('records a source, actor, claim and attribution, computing the quote offsets and stamping who', async () => {
    const source = await asEditor(RECORD_SOURCE, {
      input: {
        id: 'src-example-article',
        kind: 'ARTICLE',
        title: 'Example article',
        text: articleText,
      },
    });
    expect(source.body.errors).toBeUndefined();
    expect((source.body.data as any).recordSource.provenance).toEqual({
      enteredBy: 'test-editor',
      enteredVia: 'mutation:recordSource',
      revision: 1,
    });
    const actor = await asEditor(RECORD_ACTOR, {
      input: {
        id: 'act-ministry-of-examples',
        kind: 'ORGANISATION',
        name: 'Ministry of Examples',
        aliases: ['the Ministry'],
      },
    });
    expect(actor.body.errors).toBeUndefined();
    const claim = await asEditor(RECORD_CLAIM, {
      input: {
        id: 'clm-widgets-recalled',
        text: '1,500 widgets were recalled.',
        quantities: [{ raw: '1.500', value: 1500, unit: 'widgets', kind: 'count' }],
      },
    });
    expect((claim.body.data as any).recordClaim.quantities).toEqual([
      { raw: '1.500', value: 1500 },
    ]);

    const quote = 'the Ministry of Examples said that 1.500 widgets were recalled';
    const attribution = await asEditor(RECORD_ATTRIBUTION, {
      input: {
        id: 'att-ministry-widgets',
        actorId: 'act-ministry-of-examples',
        claimId: 'clm-widgets-recalled',
        sourceId: 'src-example-article',
        stance: 'ASSERTS',
        quote,
        cue: 'said',
        speech: 'INDIRECT',
      },
    });
    expect(attribution.body.errors).toBeUndefined();
    const recorded = (attribution.body.data as any).recordAttribution;
    expect(recorded).toMatchObject({
      stance: 'ASSERTS',
      quoteStart: articleText.indexOf(quote),
      quoteEnd: articleText.indexOf(quote) + quote.length,
    });
    expect(recorded.claim.carriedBy).toEqual([{ id: 'src-example-article' }]);
  });

  it('accepts a time whose raw expression is null (inferred), as TimeInput documents', async () => {
    const { body } = await asEditor(RECORD_SOURCE, {
      input: {
        id: 'src-example-undated-raw',
        kind: 'ARTICLE',
        title: 'Inferred date',
        published: {
          raw: null,
          value: '2024-05',
          precision: 'MONTH',
          basis: 'From the events it reports.',
        },
      },
    });
    expect(body.errors).toBeUndefined();
    const read = await api.graphql(
      `{ source(id: "src-example-undated-raw") { published { raw value } } }`,
    );
    expect((read.body.data as any).source.published).toEqual({ raw: null, value: '2024-05' });
  });

  it('records direct speech with its quoted words and the figures its source states', async () => {
    const text = 'Ana Ruiz said: "We counted 1,600 widgets, not 1,500." Nobody else spoke.';
    expect(
      (
        await asEditor(RECORD_SOURCE, {
          input: { id: 'src-example-rebuttal', kind: 'ARTICLE', title: 'Rebuttal', text },
        })
      ).body.errors,
    ).toBeUndefined();
    const quote = 'Ana Ruiz said: "We counted 1,600 widgets, not 1,500."';
    const { body } = await asEditor(
      `mutation ($input: RecordAttributionInput!) { recordAttribution(input: $input) {
        id quotedWords { text start end } figures { raw value unit } } }`,
      {
        input: {
          id: 'att-ministry-widgets-rebuttal',
          actorId: 'act-ministry-of-examples',
          claimId: 'clm-widgets-recalled',
          sourceId: 'src-example-rebuttal',
          stance: 'DISPUTES',
          quote,
          cue: 'said',
          speech: 'DIRECT',
          quotedWords: ['We counted 1,600 widgets, not 1,500.'],
          figures: [{ raw: '1,600', value: 1600, unit: 'widgets', kind: 'count' }],
        },
      },
    );
    expect(body.errors).toBeUndefined();
    const words = 'We counted 1,600 widgets, not 1,500.';
    expect((body.data as any).recordAttribution).toMatchObject({
      quotedWords: [
        { text: words, start: text.indexOf(words), end: text.indexOf(words) + words.length },
      ],
      figures: [{ raw: '1,600', value: 1600, unit: 'widgets' }],
    });
    const missing = await asEditor(RECORD_ATTRIBUTION, {
      input: {
        id: 'att-ministry-widgets-rebuttal-2',
        actorId: 'act-ministry-of-examples',
        claimId: 'clm-widgets-recalled',
        sourceId: 'src-example-rebuttal',
        stance: 'DISPUTES',
        quote,
        cue: 'said',
        speech: 'DIRECT',
        quotedWords: ['not in the quote'],
      },
    });
    expect(missing.body.errors?.[0]?.extensions?.field).toBe('input.quotedWords[0]');
  });

  it('refuses a quote absent from the source text with BAD_USER_INPUT naming the field, and writes nothing', async () => {
    const before = await nodeCount();
    const { body } = await asEditor(RECORD_ATTRIBUTION, {
      input: {
        id: 'att-invented-quote',
        actorId: 'act-ministry-of-examples',
        claimId: 'clm-widgets-recalled',
        sourceId: 'src-example-article',
        stance: 'DENIES',
        quote: 'words nobody wrote',
        cue: 'denied',
        speech: 'DIRECT',
      },
    });
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.quote',
    });
    expect(await nodeCount()).toBe(before);
  });

  it('refuses references to missing nodes and invalid fields, naming each, and writes nothing', async () => {
    const before = await nodeCount();
    const { body } = await asEditor(RECORD_ACTOR, {
      input: { id: 'act-Bad Id', kind: 'PERSON', name: '', countryId: 'act-atlantis' },
    });
    const message = body.errors?.[0]?.message ?? '';
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(message).toContain('input.id');
    expect(message).toContain('input.name');
    const missing = await asEditor(RECORD_ACTOR, {
      input: { id: 'act-someone', kind: 'PERSON', name: 'Someone', countryId: 'act-atlantis' },
    });
    expect(missing.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.countryId',
    });
    expect(await nodeCount()).toBe(before);
  });

  it('is idempotent, refuses changed content as CONFLICT, and corrections keep history', async () => {
    const input = {
      id: 'clm-widgets-recalled',
      text: '1,500 widgets were recalled.',
      quantities: [{ raw: '1.500', value: 1500, unit: 'widgets', kind: 'count' }],
    };
    const again = await asEditor(RECORD_CLAIM, { input });
    expect(again.body.errors).toBeUndefined();
    const changed = await asEditor(RECORD_CLAIM, { input: { ...input, text: 'Different.' } });
    expect(changed.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const corrected = await asEditor(
      `mutation { correctClaim(input: { id: "clm-widgets-recalled", text: "1,500 blue widgets were recalled.", reason: "colour in the source" }) {
         text provenance { revision updatedBy updatedVia } } }`,
    );
    expect(corrected.body.errors).toBeUndefined();
    expect((corrected.body.data as any).correctClaim).toEqual({
      text: '1,500 blue widgets were recalled.',
      provenance: { revision: 2, updatedBy: 'test-editor', updatedVia: 'mutation:correctClaim' },
    });
    const [history] = await database.executor.read({
      name: 'history',
      cypher:
        "MATCH (:Claim {id: 'clm-widgets-recalled'})<-[:REVISION_OF]-(old) RETURN old.text AS text",
    });
    expect(history?.text).toBe('1,500 widgets were recalled.');
  });

  it('refuses to give an attribution a second speaker (CONFLICT), and writes nothing', async () => {
    const before = await nodeCount();
    const { body } = await asEditor(RECORD_ATTRIBUTION, {
      input: {
        id: 'att-ministry-widgets',
        actorId: 'act-cncert',
        claimId: 'clm-widgets-recalled',
        sourceId: 'src-example-article',
        stance: 'ASSERTS',
        quote: 'the Ministry of Examples said that 1.500 widgets were recalled',
        cue: 'said',
        speech: 'INDIRECT',
      },
    });
    expect(body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(body.errors?.[0]?.message).toContain('already linked by BY');
    const [speakers] = await database.executor.read({
      name: 'speakers',
      cypher:
        "MATCH (:Attribution {id: 'att-ministry-widgets'})-[:BY]->(a) RETURN collect(a.id) AS ids",
    });
    expect(speakers?.ids).toEqual(['act-ministry-of-examples']);
    expect(await nodeCount()).toBe(before);
  });

  it('records citations and claim relations, which then show in chains and contradictions', async () => {
    const cite = await asEditor(
      'mutation { recordCitation(sourceId: "src-example-article", citesSourceId: "src-cncert-annual-report-2018") { cites { id } } }',
    );
    expect((cite.body.data as any).recordCitation.cites).toEqual([
      { id: 'src-cncert-annual-report-2018' },
    ]);
    const relate = await asEditor(
      'mutation { relateClaims(fromId: "clm-widgets-recalled", type: CONTRADICTS, toId: "clm-us-has-133-cyber-teams") { contradicts { id } } }',
    );
    expect((relate.body.data as any).relateClaims.contradicts).toEqual([
      { id: 'clm-us-has-133-cyber-teams' },
    ]);
    expect(serverLog).toEqual([]);
  });
});

describe('query limits', () => {
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

  it('refuses a query over the depth limit with QUERY_TOO_COMPLEX', async () => {
    let selection = 'id';
    for (let i = 0; i < 14; i++) selection = `contradicts { ${selection} }`;
    const { body } = await api.graphql(`{ claim(id: "clm-x") { ${selection} } }`);
    expect(body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(body.errors?.[0]?.message).toMatch(/depth limit of 12/);
  });

  it('refuses too many aliases and too costly queries with QUERY_TOO_COMPLEX', async () => {
    const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: claim(id: "clm-x") { id }`).join(
      ' ',
    );
    expect((await api.graphql(`{ ${aliases} }`)).body.errors?.[0]?.extensions?.code).toBe(
      'QUERY_TOO_COMPLEX',
    );
    // Aliases of __typename count too (graphql-armor exempts them by default).
    const typenames = Array.from({ length: 500 }, (_, i) => `t${i}: __typename`).join(' ');
    expect((await api.graphql(`{ ${typenames} }`)).body.errors?.[0]?.extensions?.code).toBe(
      'QUERY_TOO_COMPLEX',
    );
    const fifteen = Array.from({ length: 15 }, (_, i) => `t${i}: __typename`).join(' ');
    expect((await api.graphql(`{ ${fifteen} }`)).body.errors).toBeUndefined();
    const wide = `{ claims(first: 100) { nodes { ${'attributions { actor { attributions { claim { attributions { source { id title kind primary } } } } } } '.repeat(1)} } } }`;
    const costly = await api.graphql(
      `{ ${Array.from({ length: 12 }, (_, i) => `q${i}: ${wide.slice(2, -2)}`).join(' ')} }`,
    );
    expect(costly.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('answers a syntax error with 400 GRAPHQL_PARSE_FAILED, and too many tokens with QUERY_TOO_COMPLEX', async () => {
    const broken = await api.graphql('{ claim(id: ');
    expect(broken.status).toBe(400);
    expect(broken.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    const long = await api.graphql(
      `{ ${Array.from({ length: 3100 }, () => '__typename').join(' ')} }`,
    );
    expect(long.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('answers a body that is not JSON with a JSON error and no stack trace', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      errors: [
        { message: 'The request body is not valid JSON.', extensions: { code: 'BAD_USER_INPUT' } },
      ],
    });
    expect(text).not.toMatch(/node_modules|at .*\.js/);
  });

  it('refuses impossible dates and reversed ranges with BAD_USER_INPUT', async () => {
    const impossible = await api.graphql(
      '{ claims(filter: { from: "2019-13-45" }) { totalCount } }',
    );
    expect(impossible.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'filter.from',
    });
    const reversed = await api.graphql(
      '{ claims(filter: { from: "2019-06-12", to: "2019-06-01" }) { totalCount } }',
    );
    expect(reversed.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses page sizes outside 1..100 with BAD_USER_INPUT', async () => {
    const { body } = await api.graphql('{ claims(first: 1000) { totalCount } }');
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('refuses batched requests and bodies over 100 kB', async () => {
    const batched = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(batched.status).toBe(400);
    const huge = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ search(text: "${'x'.repeat(200_000)}") { id } }` }),
    });
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
