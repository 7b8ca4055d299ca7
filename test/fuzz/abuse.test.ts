import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyStore, createApiKey } from '../../src/auth/apiKeys.js';
import { createDriver } from '../../src/db/createDriver.js';
import { Executor } from '../../src/db/executor.js';
import { errorCatalogue } from '../../src/errors/errorCatalogue.js';
import type { AccessPolicy } from '../../src/graphql/context.js';
import { createApp, type App } from '../../src/http/createApp.js';

/*
 * Abusive requests are refused with their own code BEFORE they reach the database. To prove
 * the "before": the app's Executor points at a driver for a closed port (bolt://127.0.0.1:1),
 * so any request that got as far as Neo4j would answer DB_UNAVAILABLE (the first test checks
 * that it does). Each refusal must carry its own code instead, and the server must log nothing.
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are walked as JSON. */

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: any;
  readonly text: string;
}

describe('abusive requests are refused before reaching the database', () => {
  const driver = createDriver({ uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: undefined });
  const executor = new Executor(driver, 'neo4j', 1_000);
  const serverLog: string[] = [];
  const servers: { app: App; server: Server; url: string }[] = [];
  let open: string;
  let locked: string;
  let editorKey: string;
  let readerKey: string;

  async function start(access: AccessPolicy): Promise<string> {
    const app = await createApp({ executor, access, log: (message) => serverLog.push(message) });
    const server: Server = await new Promise((resolve) => {
      const listening = app.express.listen(0, '127.0.0.1', () => resolve(listening));
    });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    servers.push({ app, server, url });
    return url;
  }

  beforeAll(async () => {
    const keysFile = path.join(
      mkdtempSync(path.join(os.tmpdir(), 'claimgraph-abuse-')),
      'keys.json',
    );
    editorKey = createApiKey(keysFile, 'abuse-editor', 'editor');
    readerKey = createApiKey(keysFile, 'abuse-reader', 'reader');
    open = await start({ apiKeys: apiKeyStore(keysFile), readsRequireKey: false });
    locked = await start({ apiKeys: apiKeyStore(keysFile), readsRequireKey: true });
  });
  afterAll(async () => {
    for (const { app, server } of servers) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await app.stop();
    }
    await driver.close();
  });

  async function request(init: RequestInit, url = open): Promise<Answer> {
    const response = await fetch(url, init);
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: response.status, headers: response.headers, body, text };
  }

  /** POSTs JSON (a string is sent as it is). */
  const post = (body: unknown, headers: Record<string, string> = {}, url = open) =>
    request(
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      },
      url,
    );

  /**
   * Expects a JSON refusal with this HTTP status and this code on every error, no data, and
   * nothing in the server log (DB_UNAVAILABLE and INTERNAL are logged there).
   */
  async function expectRefused(
    answer: Promise<Answer>,
    status: number,
    code: string | readonly string[],
    message?: RegExp,
  ): Promise<Answer> {
    const codes = typeof code === 'string' ? [code] : code;
    const logged = serverLog.length;
    const result = await answer;
    const context = `HTTP ${result.status}: ${result.text.slice(0, 400)}`;
    expect(result.status, context).toBe(status);
    expect(result.headers.get('content-type'), context).toMatch(/^application\/json/);
    expect(result.body?.errors?.length, context).toBeGreaterThan(0);
    expect(result.body.data ?? null, context).toBeNull();
    for (const error of result.body.errors)
      expect(codes, context).toContain(error.extensions?.code);
    if (message) expect(result.body.errors[0].message, context).toMatch(message);
    expect(serverLog.slice(logged), context).toEqual([]);
    return result;
  }

  it('sanity: a query that reaches the database answers DB_UNAVAILABLE', async () => {
    const answer = await post({ query: '{ claim(id: "clm-x") { id } }' });
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('DB_UNAVAILABLE');
  }, 30_000);

  describe('query limits (docs/errors.md)', () => {
    it('depth over 12 → 400 QUERY_TOO_COMPLEX', async () => {
      let selection = 'id';
      for (let i = 0; i < 13; i++) selection = `contradicts { ${selection} }`;
      await expectRefused(
        post({ query: `{ claim(id: "clm-x") { ${selection} } }` }),
        400,
        'QUERY_TOO_COMPLEX',
        /depth limit of 12/,
      );
    });

    it('more than 15 aliases → 400 QUERY_TOO_COMPLEX', async () => {
      const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: claim(id: "clm-${i}") { id }`);
      await expectRefused(
        post({ query: `{ ${aliases.join(' ')} }` }),
        400,
        'QUERY_TOO_COMPLEX',
        /Aliases limit of 15/,
      );
    });

    it('more than 3000 tokens → 400 QUERY_TOO_COMPLEX, also when nested too deep to parse', async () => {
      await expectRefused(
        post({ query: `{ ${Array.from({ length: 3001 }, () => '__typename').join(' ')} }` }),
        400,
        'QUERY_TOO_COMPLEX',
        /3000 tokens/,
      );
      await expectRefused(
        post({ query: `{${'claim(id:"x"){'.repeat(2000)}id${'}'.repeat(2001)}` }),
        400,
        'QUERY_TOO_COMPLEX',
      );
    });

    it('more than 20 directives → 400 QUERY_TOO_COMPLEX', async () => {
      // Two directives on each of eleven fields, no aliases (aliases of __typename now count
      // against the alias limit, so they cannot carry the directives any more).
      const fields = [
        'id',
        'text',
        'topics',
        'independentOrigins',
        'hasNamedSpeaker',
        'refersTo { raw }',
        'quantities { raw }',
        'carriedBy { id }',
        'contradicts { id }',
        'supports { id }',
        'events { id }',
      ].map((field) => {
        const [name, rest = ''] = field.split(' { ');
        return `${name} @include(if: true) @skip(if: false)${rest ? ` { ${rest}` : ''}`;
      });
      await expectRefused(
        post({ query: `{ claim(id: "x") { ${fields.join(' ')} } }` }),
        400,
        'QUERY_TOO_COMPLEX',
        /Directives limit of 20/,
      );
    });

    it('a cost over 20000 → 400 QUERY_TOO_COMPLEX', async () => {
      const wide =
        'claims(first: 100) { nodes { attributions { actor { attributions { claim { attributions { source { id title kind primary } } } } } } } }';
      await expectRefused(
        post({ query: `{ ${Array.from({ length: 12 }, (_, i) => `q${i}: ${wide}`).join(' ')} }` }),
        400,
        'QUERY_TOO_COMPLEX',
        /Cost limit of 20000/,
      );
    });

    it('a huge `first` → refused: over the cost limit, over 100, or not a 32-bit Int', async () => {
      await expectRefused(
        post({ query: '{ claims(first: 1000000) { totalCount } }' }),
        400,
        'QUERY_TOO_COMPLEX',
      );
      await expectRefused(
        post({ query: '{ claims(first: 101) { totalCount } }' }),
        200,
        'BAD_USER_INPUT',
        /between 1 and 100/,
      );
      await expectRefused(
        post({ query: '{ search(text: "cyber", first: 1000) { id } }' }),
        200,
        'BAD_USER_INPUT',
      );
      await expectRefused(
        post({ query: '{ search(text: "cyber", first: 0) { id } }' }),
        200,
        'BAD_USER_INPUT',
      );
      await expectRefused(
        post({
          query: 'query ($f: Int) { claims(first: $f) { totalCount } }',
          variables: { f: 2 ** 40 },
        }),
        400,
        'BAD_USER_INPUT',
      );
      await expectRefused(
        post({ query: '{ connection(fromId: "a", toId: "b", maxHops: 1000) { length } }' }),
        200,
        'BAD_USER_INPUT',
        /maxHops/,
      );
    });
  });

  describe('bodies', () => {
    it('a body over 100 kB → 413 JSON, whatever it holds', async () => {
      const tooLarge = /larger than the 100 kB limit/;
      await expectRefused(
        post({ query: `{ search(text: "${'x'.repeat(200_000)}") { id } }` }),
        413,
        'BAD_USER_INPUT',
        tooLarge,
      );
      const manyVariables = Object.fromEntries(
        Array.from({ length: 20_000 }, (_, i) => [`v${i}`, i]),
      );
      await expectRefused(
        post({ query: '{ __typename }', variables: manyVariables }),
        413,
        'BAD_USER_INPUT',
        tooLarge,
      );
      await expectRefused(post('x'.repeat(200_000)), 413, 'BAD_USER_INPUT', tooLarge);
    });

    it('a huge variables object under the limit is refused, or does no harm', async () => {
      // 90 kB of search text: refused by the resolver's 500-character limit.
      await expectRefused(
        post({
          query: 'query ($t: String!) { search(text: $t) { id } }',
          variables: { t: 'x'.repeat(90_000) },
        }),
        200,
        'BAD_USER_INPUT',
        /at most 500/,
      );
      // Thousands of unused variables are ignored.
      const unused = Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`v${i}`, i]));
      const answer = await post({ query: '{ __typename }', variables: unused });
      expect(answer.body).toEqual({ data: { __typename: 'Query' } });
      // A variable nested 40,000 levels deep: refused by coercion.
      const depth = 40_000;
      await expectRefused(
        post(
          `{"query":"query ($t: String!) { search(text: $t) { id } }","variables":{"t":${'['.repeat(depth)}1${']'.repeat(depth)}}}`,
        ),
        400,
        'BAD_USER_INPUT',
      );
    });

    it('a batched (array) body → 400', async () => {
      const answer = await expectRefused(
        post([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
        400,
        'BAD_REQUEST',
        /batching disabled/,
      );
      expect(answer.body.errors).toHaveLength(1);
    });

    it('a body that is not JSON → 400 BAD_USER_INPUT, without a stack trace', async () => {
      const answer = await expectRefused(
        post('{"query": '),
        400,
        'BAD_USER_INPUT',
        /not valid JSON/,
      );
      expect(answer.text).not.toMatch(/node_modules|at .*\.js/);
    });

    it('malformed GraphQL request fields → 400', async () => {
      await expectRefused(post({ query: 42 }), 400, 'BAD_REQUEST');
      await expectRefused(post({ query: '' }), 400, 'BAD_REQUEST');
      await expectRefused(post({ query: '{ __typename }', variables: 'x' }), 400, 'BAD_REQUEST');
      await expectRefused(post({ query: '{ __typename }', operationName: 7 }), 400, 'BAD_REQUEST');
      // Apollo's code today; BAD_REQUEST once the catalogue covers it (see the last tests).
      await expectRefused(post({ query: 'query A { __typename } query B { __typename }' }), 400, [
        'OPERATION_RESOLUTION_FAILURE',
        'BAD_REQUEST',
      ]);
      await expectRefused(post({ query: '{ claim(id: ' }), 400, 'GRAPHQL_PARSE_FAILED');
      await expectRefused(
        post({ query: '{ claim(id: "x") { idd } }' }),
        400,
        'GRAPHQL_VALIDATION_FAILED',
      );
    });
  });

  describe('methods and CSRF', () => {
    it('a mutation over GET → 405, allow: POST', async () => {
      const query = encodeURIComponent(
        'mutation { recordCitation(sourceId: "src-a", citesSourceId: "src-b") { id } }',
      );
      const answer = await expectRefused(
        request(
          { method: 'GET', headers: { 'apollo-require-preflight': 'true' } },
          `${open}?query=${query}`,
        ),
        405,
        'BAD_REQUEST',
      );
      expect(answer.headers.get('allow')).toBe('POST');
    });

    it('cross-site simple requests (text/plain, form, multipart, no content type, bare GET) → 400 CSRF', async () => {
      const csrf = /Cross-Site Request Forgery/;
      const body = JSON.stringify({
        query: 'mutation { recordCitation(sourceId: "src-a", citesSourceId: "src-b") { id } }',
      });
      for (const contentType of [
        'text/plain',
        'text/plain;charset=UTF-8',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
      ]) {
        await expectRefused(
          request({
            method: 'POST',
            headers: { 'content-type': contentType, authorization: `Bearer ${editorKey}` },
            body,
          }),
          400,
          'BAD_REQUEST',
          csrf,
        );
      }
      await expectRefused(request({ method: 'POST', body }), 400, 'BAD_REQUEST', csrf);
      await expectRefused(
        request(
          { method: 'GET' },
          `${open}?query=${encodeURIComponent('{ claim(id: "x") { id } }')}`,
        ),
        400,
        'BAD_REQUEST',
        csrf,
      );
    });

    it('introspection still works, the full query included (exempt from the depth limit)', async () => {
      const logged = serverLog.length;
      const answer = await post({ query: getIntrospectionQuery() });
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
      expect(answer.body.data.__schema.queryType.name).toBe('Query');
      expect(answer.body.data.__schema.mutationType.name).toBe('Mutation');
      expect(serverLog.slice(logged)).toEqual([]);
    });
  });

  describe('keys and roles', () => {
    const write = {
      query: 'mutation { recordCitation(sourceId: "src-a", citesSourceId: "src-b") { id } }',
    };

    it('an unknown key → 401, even for reads; no key on a locked server → 401', async () => {
      await expectRefused(
        post({ query: '{ claim(id: "x") { id } }' }, { authorization: 'Bearer cg_not-a-key' }),
        401,
        'UNAUTHENTICATED',
      );
      await expectRefused(
        post({ query: '{ claim(id: "x") { id } }' }, { 'x-api-key': "' OR 1=1 //" }),
        401,
        'UNAUTHENTICATED',
      );
      await expectRefused(
        post({ query: '{ claim(id: "x") { id } }' }, {}, locked),
        401,
        'UNAUTHENTICATED',
        /requires an API key/,
      );
    });

    it('a write without a key → UNAUTHENTICATED; with a reader key → FORBIDDEN', async () => {
      await expectRefused(post(write), 200, 'UNAUTHENTICATED');
      await expectRefused(post(write, { 'x-api-key': readerKey }), 200, 'FORBIDDEN');
      await expectRefused(post(write, { 'x-api-key': readerKey }, locked), 200, 'FORBIDDEN');
    });

    it('an editor write that fails validation → BAD_USER_INPUT before any read or write', async () => {
      const editor = { authorization: `Bearer ${editorKey}` };
      await expectRefused(
        post(
          {
            query: 'mutation ($i: RecordClaimInput!) { recordClaim(input: $i) { id } }',
            variables: { i: { id: "clm-'}) DETACH DELETE n //", text: '' } },
          },
          editor,
        ),
        200,
        'BAD_USER_INPUT',
        /input\.id/,
      );
      await expectRefused(
        post(
          {
            query:
              'mutation { relateClaims(fromId: "clm-a", type: SUPPORTS, toId: "clm-a") { id } }',
          },
          editor,
        ),
        200,
        'BAD_USER_INPUT',
      );
      await expectRefused(
        post(
          { query: 'mutation { correctClaim(input: {id: "clm-a", reason: "  "}) { id } }' },
          editor,
        ),
        200,
        'BAD_USER_INPUT',
        /reason/,
      );
      await expectRefused(
        post(
          {
            query: 'mutation ($i: RecordSourceInput!) { recordSource(input: $i) { id } }',
            variables: {
              i: { id: 'src-x', kind: 'ARTICLE', title: 't', url: 'not a url' },
            },
          },
          editor,
        ),
        200,
        'BAD_USER_INPUT',
        /input\.url/,
      );
    });
  });

  describe('arguments checked by the resolvers', () => {
    it('over-long search text and names, bad cursors, dates and timeline scopes → BAD_USER_INPUT', async () => {
      const refusals = [
        `{ search(text: "${'x'.repeat(501)}") { id } }`,
        `{ actorsByName(name: "${'x'.repeat(501)}") { id } }`,
        '{ claims(after: "not-a-cursor") { totalCount } }',
        `{ actors(after: "${Buffer.from('["x","MATCH (n) DETACH DELETE n"]').toString('base64url')}") { totalCount } }`,
        '{ claims(filter: {from: "2019-13-45"}) { totalCount } }',
        '{ claims(filter: {from: "2019-06-12", to: "2019-06-01"}) { totalCount } }',
        '{ timeline(first: 501) { label } }',
        '{ timeline(claimId: "clm-a", topic: "cyber") { label } }',
      ];
      for (const query of refusals) await expectRefused(post({ query }), 200, 'BAD_USER_INPUT');
    });

    it('a search with no words answers [] without asking the database', async () => {
      const answer = await post({ query: '{ search(text: " `\' ") { id } }' });
      expect(answer.body).toEqual({ data: { search: [] } });
    });
  });

  describe('/export', () => {
    /** /export answers errors as JSON `{ code, message }`. */
    async function expectExportRefused(url: string, status: number, code: string) {
      const logged = serverLog.length;
      const answer = await request({ method: 'GET' }, url);
      const context = `HTTP ${answer.status}: ${answer.text.slice(0, 300)}`;
      expect(answer.status, context).toBe(status);
      expect(answer.body?.code, context).toBe(code);
      expect(answer.body?.message, context).toBeTypeOf('string');
      expect(answer.headers.get('content-disposition'), context).toBeNull();
      expect(serverLog.slice(logged), context).toEqual([]);
    }
    const exportUrl = (base: string, query: string) =>
      `${base.replace(/\/graphql$/, '/export')}${query}`;

    it('bad formats, labels, claim ids and repeated parameters → 400 BAD_USER_INPUT', async () => {
      for (const query of [
        '?format=xlsx',
        '?format=json&label=Bogus',
        "?format=json&claim=clm-x'})%20DETACH%20DELETE%20n",
        '?format=json&claim=clm-x&label=Claim',
        '?format=json&format=csv-nodes',
      ])
        await expectExportRefused(exportUrl(open, query), 400, 'BAD_USER_INPUT');
      await expectExportRefused(exportUrl(open, '/claims/clm%20x.jsonld'), 400, 'BAD_USER_INPUT');
    });

    it('a locked server without a key, or an unknown key → 401', async () => {
      await expectExportRefused(exportUrl(locked, '?format=json'), 401, 'UNAUTHENTICATED');
      const logged = serverLog.length;
      const answer = await request(
        { method: 'GET', headers: { authorization: 'Bearer cg_unknown' } },
        exportUrl(open, '?format=json'),
      );
      expect(answer.status).toBe(401);
      expect(answer.body.code).toBe('UNAUTHENTICATED');
      expect(serverLog.slice(logged)).toEqual([]);
    });
  });

  describe('every refusal carries a code of the catalogue (src/errors/errorCatalogue.ts)', () => {
    it('a subscription (an operation type the schema lacks) is a client error, not INTERNAL', async () => {
      const answer = await post({ query: 'subscription { __typename }' });
      expect(answer.status).toBeLessThan(500);
      expect(answer.body.errors?.[0]?.extensions?.code).not.toBe('INTERNAL');
      expect(Object.keys(errorCatalogue)).toContain(answer.body.errors?.[0]?.extensions?.code);
      expect(serverLog.filter((line) => line.startsWith('INTERNAL'))).toEqual([]);
    });

    it('an automatic persisted query whose hash does not match is a client error, not INTERNAL', async () => {
      const logged = serverLog.length;
      const answer = await post({
        query: '{ __typename }',
        extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } },
      });
      expect(answer.status).toBeLessThan(500);
      expect(serverLog.slice(logged)).toEqual([]);
      expect(answer.body.errors?.[0]?.extensions?.code).not.toBe('INTERNAL');
      expect(Object.keys(errorCatalogue)).toContain(answer.body.errors?.[0]?.extensions?.code);
    });

    it('Apollo’s own refusal codes (CSRF, batching, GET mutation, operation name) are catalogue codes', async () => {
      const codes = new Set<string>();
      const collect = async (answer: Promise<Answer>) => {
        for (const error of (await answer).body.errors) codes.add(error.extensions.code);
      };
      await collect(post([{ query: '{ __typename }' }]));
      await collect(
        request({ method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' }),
      );
      await collect(post({ query: 'query A { __typename } query B { __typename }' }));
      await collect(
        post({
          query: '{ __typename }',
          extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } },
        }),
      );
      expect([...codes].filter((code) => !(code in errorCatalogue))).toEqual([]);
    });
  });
});
