import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyStore, createApiKey } from '../../src/auth/apiKeys.js';
import { errorCatalogue } from '../../src/errors/errorCatalogue.js';
import {
  anyHostile,
  anyId,
  cursorLike,
  encodeCursor,
  hostileString,
  mutationCases,
  tokenSoup,
  wellFormedId,
  type KnownIds,
  type MutationCase,
} from '../support/arbitraries.js';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

/*
 * Property-based tests against the real server and a real, seeded Neo4j: every mutation and
 * every string argument of the queries gets hostile input (arbitrary Unicode, lone surrogates,
 * null bytes, bidi marks, Cypher and Lucene syntax, JSON metacharacters, strings up to 200,000
 * characters). Properties:
 *  (a) the HTTP status is never 5xx and the body is JSON with `data` or `errors`, every
 *      `extensions.code` in the catalogue and none INTERNAL; bodies over 100 kB answer 413;
 *  (b) no error message carries driver or stack details (Neo4j, Neo., Cypher, stack lines,
 *      node_modules), once the echoed input is taken out of it;
 *  (c) a refused write (BAD_USER_INPUT, CONFLICT, NOT_FOUND, UNAUTHENTICATED, FORBIDDEN, 413)
 *      leaves the graph as it was: every node (Revision nodes too) and relationship, with its
 *      properties, hashed;
 *  (d) a write without a key, with a reader key or with an unknown key never writes;
 *  (e) an accepted correction or retraction raises the touched record's revision by one and adds
 *      one Revision, leaving every other record's revision alone; or, when it changes nothing,
 *      writes nothing at all.
 *
 * One seed per run: FUZZ_SEED=<n> replays a run; fast-check prints the seed and the shrunk
 * counterexample's path on failure. Runs are kept small so the file stays well under 90 s.
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are walked as JSON. */

const seed = process.env.FUZZ_SEED
  ? Number(process.env.FUZZ_SEED)
  : Math.floor(Math.random() * 0x7fffffff);
const runs = <T>(numRuns: number): fc.Parameters<T> => ({ seed, numRuns });
const PROPERTY_TIMEOUT_MS = 60_000;
/** express.json({ limit: '100kb' }) counts bytes: 100 × 1024. */
const BODY_LIMIT_BYTES = 100 * 1024;

const catalogueCodes = Object.keys(errorCatalogue);
const refusalCodes = new Set([
  'BAD_USER_INPUT',
  'CONFLICT',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
]);

/** What a request got back, with the raw text kept for failure messages. */
interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
  readonly body: any;
  /** Whether the request body was over the server's limit (so 413 is the only right answer). */
  readonly tooLarge: boolean;
}

/** Every string in a JSON value, for taking echoed input out of error messages. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

const leakPatterns = [
  /Neo4j/i,
  /Neo\./,
  /Cypher/i,
  /node_modules/,
  /^\s*at \S+/m,
  /\bat .*\.[cm]?[jt]s:\d+/,
  /\b[A-Z][A-Za-z]*Error: /,
];

/** The leak patterns a message matches once the input it may echo is removed. */
function leaks(message: string, inputs: readonly string[]): string[] {
  let rest = message;
  // Only inputs long enough to contain a forbidden word matter; removing single characters
  // would make words out of what remains.
  // GraphQL echoes an invalid variable as a JSON string literal, so each input is removed as
  // written and as escaped there (`"` → `\"`).
  const echoed = inputs.flatMap((input) => [input, JSON.stringify(input).slice(1, -1)]);
  for (const input of echoed.filter((s) => s.length >= 4).sort((a, b) => b.length - a.length))
    rest = rest.split(input).join('');
  return leakPatterns.filter((pattern) => pattern.test(rest)).map(String);
}

/** Properties (a) and (b) for any answer. */
function checkAnswer(answer: Answer, inputs: readonly string[]): void {
  const context = `HTTP ${answer.status}: ${answer.text.slice(0, 500)}`;
  expect(answer.status, context).toBeLessThan(500);
  expect(answer.contentType, context).toMatch(/^application\/json/);
  expect(answer.body, context).toBeTypeOf('object');
  expect(answer.body, context).not.toBeNull();
  expect(Array.isArray(answer.body), context).toBe(false);
  expect('data' in answer.body || 'errors' in answer.body, context).toBe(true);
  if (answer.tooLarge) {
    expect(answer.status, context).toBe(413);
    expect(answer.body.errors?.[0]?.extensions?.code, context).toBe('BAD_USER_INPUT');
  } else {
    expect(answer.status, context).not.toBe(413);
  }
  if (answer.body.errors !== undefined) {
    expect(Array.isArray(answer.body.errors), context).toBe(true);
    expect(answer.body.errors.length, context).toBeGreaterThan(0);
    for (const error of answer.body.errors) {
      expect(error.message, context).toBeTypeOf('string');
      expect(catalogueCodes, context).toContain(error.extensions?.code);
      expect(error.extensions?.code, context).not.toBe('INTERNAL');
      expect(error.extensions?.stacktrace, context).toBeUndefined();
      expect(leaks(error.message, inputs), context).toEqual([]);
    }
  }
}

/** JSON with object keys sorted, so equal values give equal text. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : 1)))
      : inner,
  );
}

/** Relationships that are records of their own, with a revision and history. */
const revisedLinkTypes = new Set(['CITES', 'SUPPORTS', 'CONTRADICTS', 'RESPONDS_TO']);

/**
 * The record each correction or retraction touches: a node by id, or a link by its address
 * (`TYPE:from->to`, looked up in the graph before the write to find the link's identity).
 */
const touchedRecord: Record<string, (variables: any) => { node: string } | { link: string }> = {
  correctClaim: ({ input }) => ({ node: input.id }),
  correctActor: ({ input }) => ({ node: input.id }),
  correctSource: ({ input }) => ({ node: input.id }),
  correctAttribution: ({ input }) => ({ node: input.id }),
  correctEvent: ({ input }) => ({ node: input.id }),
  retractAttribution: ({ id }) => ({ node: id }),
  correctCitation: ({ input }) => ({ link: `CITES:${input.sourceId}->${input.citesSourceId}` }),
  correctClaimRelation: ({ input }) => ({ link: `${input.type}:${input.fromId}->${input.toId}` }),
  retractCitation: ({ a, b }) => ({ link: `CITES:${a}->${b}` }),
  retractClaimRelation: ({ a, t, b }) => ({ link: `${t}:${a}->${b}` }),
};

/**
 * Inputs every run tries first: a correction that gives a record a single-valued link it did
 * not have (country, publisher, event). These wrote the link without raising the revision or
 * keeping a Revision (found by property (e) when the new mutations were first fuzzed).
 */
const pinnedExamples: Record<string, Record<string, unknown>[]> = {
  correctActor: [{ input: { id: 'act-china', countryId: 'act-us', reason: 'fuzz: a country' } }],
  correctSource: [
    { input: { id: 'src-article', publisherId: 'act-xinhua', reason: 'fuzz: a publisher' } },
  ],
  correctAttribution: [
    {
      input: {
        id: 'att-global-times-servers-hosts',
        eventId: 'evt-nakasone-remarks',
        reason: 'fuzz: an event',
      },
    },
  ],
};

describe('fuzzing the API with hostile input (real server, seeded Neo4j)', () => {
  let database: TestDatabase;
  let api: TestServer;
  let known: KnownIds;
  let editorKey: string;
  let readerKey: string;
  const serverLog: string[] = [];

  /** Sends a GraphQL POST exactly as given, and checks the server logged nothing (no INTERNAL). */
  async function send(
    query: string,
    variables: Record<string, unknown> | undefined,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const body = JSON.stringify({ query, variables });
    const logged = serverLog.length;
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = `not JSON: ${text.slice(0, 200)}`;
    }
    expect(serverLog.slice(logged), `server log after ${text.slice(0, 300)}`).toEqual([]);
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      text,
      body: parsed,
      tooLarge: Buffer.byteLength(body, 'utf8') > BODY_LIMIT_BYTES,
    };
  }

  const asEditor = () => ({ authorization: `Bearer ${editorKey}` });

  /**
   * What refused writes must not change: node and relationship counts and a hash of every node
   * (Revision nodes included) and relationship with its labels, ends and properties.
   */
  async function fingerprint() {
    const { nodes, relationships, revisionNodes, hash } = await graphState();
    return { nodes, relationships, revisionNodes, hash };
  }

  /** The whole graph, hashed, and each revised record's revision (see checkRevisions). */
  async function graphState() {
    const [nodes, links] = await Promise.all([
      database.executor.read({
        name: 'fuzzGraphNodes',
        cypher: 'MATCH (n) RETURN labels(n) AS labels, properties(n) AS properties',
      }),
      database.executor.read({
        name: 'fuzzGraphRelationships',
        cypher: `MATCH (a)-[r]->(b)
                 RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS properties`,
      }),
    ]);
    const entries = [
      ...nodes.map((row) => canonical(['node', row.labels, row.properties])),
      ...links.map((row) => canonical(['link', row.type, row.from, row.to, row.properties])),
    ].sort();
    const revisions = new Map<string, number[]>();
    const identities = new Map<string, string>();
    const add = (key: string, revision: unknown) =>
      revisions.set(key, [...(revisions.get(key) ?? []), Number(revision ?? 1)].sort());
    let revisionNodes = 0;
    for (const row of nodes) {
      const labels = row.labels as string[];
      const properties = row.properties as Record<string, unknown>;
      if (labels.includes('Revision')) revisionNodes++;
      else if (typeof properties.id === 'string') add(`node:${properties.id}`, properties.revision);
    }
    for (const row of links) {
      if (!revisedLinkTypes.has(String(row.type))) continue;
      const properties = row.properties as Record<string, unknown>;
      const address = `${String(row.type)}:${String(row.from)}->${String(row.to)}`;
      // As src/db/correctionQueries.ts files a link's history: its linkId once revised, else
      // its address and when it was entered.
      const identity = `link:${
        typeof properties.linkId === 'string'
          ? properties.linkId
          : `${address}~${String(properties.enteredAt ?? '')}`
      }`;
      identities.set(address, identity);
      add(identity, properties.revision);
    }
    return {
      nodes: nodes.length,
      relationships: links.length,
      revisionNodes,
      hash: createHash('sha256').update(entries.join('\n')).digest('hex'),
      revisions,
      identities,
    };
  }

  async function ids(label: string): Promise<string[]> {
    const rows = await database.executor.read({
      name: 'fuzzKnownIds',
      cypher: `MATCH (n:${label}) RETURN n.id AS id ORDER BY id`,
    });
    return rows.map((row) => String(row.id));
  }

  beforeAll(async () => {
    database = await openTestDatabase();
    await database.resetAndSeed();
    const keysFile = path.join(
      mkdtempSync(path.join(os.tmpdir(), 'claimgraph-fuzz-')),
      'keys.json',
    );
    editorKey = createApiKey(keysFile, 'fuzz-editor', 'editor');
    readerKey = createApiKey(keysFile, 'fuzz-reader', 'reader');
    api = await startTestServer(database.executor, serverLog, {
      apiKeys: apiKeyStore(keysFile),
      readsRequireKey: false,
    });
    const [withText] = await database.executor.read({
      name: 'fuzzSourceWithText',
      cypher:
        'MATCH (s:Source) WHERE s.text IS NOT NULL RETURN s.id AS id, s.text AS text ORDER BY id LIMIT 1',
    });
    // The source with text that the most attributions quote: corrected quotes come from it.
    const [quoting] = await database.executor.read({
      name: 'fuzzQuotedText',
      cypher: `
        MATCH (a:Attribution)-[:RECORDED_IN]->(s:Source) WHERE s.text IS NOT NULL
        WITH s, collect(a.id) AS attributions ORDER BY size(attributions) DESC, s.id LIMIT 1
        RETURN s.text AS text, attributions`,
    });
    const citations = await database.executor.read({
      name: 'fuzzCitations',
      cypher:
        'MATCH (a:Source)-[:CITES]->(b:Source) RETURN a.id AS from, b.id AS to ORDER BY from, to',
    });
    const relations = await database.executor.read({
      name: 'fuzzClaimRelations',
      cypher: `
        MATCH (a:Claim)-[r:SUPPORTS|CONTRADICTS|RESPONDS_TO]->(b:Claim)
        RETURN a.id AS from, type(r) AS type, b.id AS to ORDER BY from, type, to`,
    });
    known = {
      actors: await ids('Actor'),
      claims: await ids('Claim'),
      sources: await ids('Source'),
      events: await ids('Event'),
      attributions: await ids('Attribution'),
      sourceWithText: { id: String(withText?.id), text: String(withText?.text) },
      quotedText: {
        attributions: (quoting?.attributions as string[] | undefined) ?? [],
        text: String(quoting?.text ?? ''),
      },
      citations: citations.map((row) => [String(row.from), String(row.to)] as const),
      claimRelations: relations.map((row) => ({
        from: String(row.from),
        type: String(row.type),
        to: String(row.to),
      })),
    };
  });
  afterAll(async () => {
    await api?.close();
    await database?.close();
  });

  describe('string arguments of queries', () => {
    interface ReadCase {
      readonly name: string;
      readonly query: string;
      readonly variables: () => fc.Arbitrary<Record<string, unknown>>;
      /** A further property of answers that carry no error. */
      readonly check?: (variables: Record<string, unknown>, answer: Answer) => void;
    }
    const readCases: ReadCase[] = [
      ...(
        [
          ['claim', 'clm', () => known.claims],
          ['actor', 'act', () => known.actors],
          ['source', 'src', () => known.sources],
          ['event', 'evt', () => known.events],
        ] as const
      ).map(([field, prefix, ids]): ReadCase => ({
        name: `${field}(id:)`,
        query: `query ($s: ID!) { ${field}(id: $s) { id } }`,
        variables: () => anyId(prefix, ids()).map((s) => ({ s })),
      })),
      {
        name: 'search(text:)',
        query:
          'query ($s: String!, $f: Int) { search(text: $s, first: $f) { kind id score text } }',
        variables: () =>
          fc.record({
            s: anyHostile,
            f: fc.option(fc.integer({ min: 1, max: 100 }), { nil: null }),
          }),
        // Lucene syntax is escaped, so any text within the limit is searched, never an error.
        check: ({ s }, answer) => {
          if ((s as string).length > 500) return;
          expect(answer.body.errors, answer.text.slice(0, 300)).toBeUndefined();
          expect(Array.isArray(answer.body.data.search)).toBe(true);
        },
      },
      {
        name: 'actorsByName(name:)',
        query: 'query ($s: String!) { actorsByName(name: $s) { id } }',
        variables: () => anyHostile.map((s) => ({ s })),
        check: ({ s }, answer) => {
          if ((s as string).length > 500) return;
          expect(answer.body.errors, answer.text.slice(0, 300)).toBeUndefined();
          expect(Array.isArray(answer.body.data.actorsByName)).toBe(true);
        },
      },
      // Every filter field is sent as a string: Neo4j plans a query once per combination of
      // parameter types (about 2 s each on 2 cores), and the strings are what is under test.
      {
        name: 'claims(filter:) strings',
        query:
          'query ($f: ClaimFilter) { claims(filter: $f, first: 5) { totalCount nodes { id } } }',
        variables: () =>
          fc
            .record({
              topic: hostileString,
              actorId: anyId('act', known.actors),
              sourceId: anyId('src', known.sources),
              from: fc.oneof(hostileString, fc.constantFrom('2016-01-01', '2019-02-29')),
              to: fc.oneof(hostileString, fc.constantFrom('2019-12-31', '0000-01-01')),
            })
            .map((f) => ({ f })),
      },
      {
        name: 'attributions(filter:) strings',
        query:
          'query ($f: AttributionFilter) { attributions(filter: $f, first: 5) { totalCount nodes { id } } }',
        variables: () =>
          fc
            .record({
              actorId: anyId('act', known.actors),
              claimId: anyId('clm', known.claims),
              sourceId: anyId('src', known.sources),
            })
            .map((f) => ({ f })),
      },
      {
        name: 'connection(fromId:, toId:)',
        // maxHops is left at its default: each value is another query plan (see above).
        query:
          'query ($a: ID!, $b: ID!) { connection(fromId: $a, toId: $b) { length steps { node { id } } } }',
        variables: () => {
          const id = fc.oneof(
            anyId('clm', known.claims),
            anyId('act', known.actors),
            anyId('src', known.sources),
          );
          return fc.record({ a: id, b: id });
        },
      },
      {
        name: 'connection from a node to itself',
        query: 'query ($a: ID!) { connection(fromId: $a, toId: $a) { length } }',
        variables: () =>
          fc.oneof(anyId('clm', known.claims), anyId('act', known.actors)).map((a) => ({ a })),
      },
      {
        name: 'timeline(claimId: | actorId: | topic:)',
        query:
          'query ($c: ID, $a: ID, $t: String) { timeline(claimId: $c, actorId: $a, topic: $t) { kind label } }',
        variables: () =>
          fc.oneof(
            anyId('clm', known.claims).map((c) => ({ c })),
            anyId('act', known.actors).map((a) => ({ a })),
            anyHostile.map((t) => ({ t })),
            fc.record({ c: hostileString, t: hostileString }),
          ),
      },
    ];

    for (const readCase of readCases) {
      it(
        `${readCase.name}: never 5xx, only catalogue codes, no leaks`,
        async () => {
          await fc.assert(
            fc.asyncProperty(readCase.variables(), async (variables) => {
              const answer = await send(readCase.query, variables);
              checkAnswer(answer, stringsIn(variables));
              if (!answer.tooLarge && answer.body.errors === undefined)
                readCase.check?.(variables, answer);
            }),
            runs(30),
          );
        },
        PROPERTY_TIMEOUT_MS,
      );
    }

    it(
      'claims/actors(after:): hostile cursors are refused or page, and totalCount does not depend on the cursor',
      async () => {
        // Default order only: every sort key and direction is another query plan (see above),
        // and the cursor handling is shared by all lists.
        const pageQuery = (list: string) =>
          `query ($a: String) { ${list}(first: 3, after: $a) { totalCount nodes { id } } }`;
        const totals = new Map<string, number>();
        const totalWithoutCursor = async (list: string) => {
          if (!totals.has(list)) {
            const answer = await send(pageQuery(list), { a: null });
            totals.set(list, answer.body.data[list].totalCount as number);
          }
          return totals.get(list);
        };
        await fc.assert(
          fc.asyncProperty(fc.constantFrom('claims', 'actors'), cursorLike, async (list, after) => {
            const answer = await send(pageQuery(list), { a: after });
            checkAnswer(answer, [after]);
            if (answer.body.errors !== undefined) {
              expect(answer.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
              return;
            }
            // The total counts every match, whatever page is asked for.
            expect(answer.body.data[list].totalCount, `after ${after}`).toBe(
              await totalWithoutCursor(list),
            );
          }),
          {
            ...runs<[string, string]>(40),
            // A well-formed cursor past the last claim: an empty last page.
            examples: [['claims', encodeCursor(['zzz', 'zzz-zzz'])]],
          },
        );
      },
      PROPERTY_TIMEOUT_MS,
    );

    it(
      'hostile strings inlined into the query text (escaped, raw, block strings): never 5xx, only catalogue codes',
      async () => {
        await fc.assert(
          fc.asyncProperty(
            hostileString,
            fc.constantFrom('escaped', 'raw', 'block'),
            async (text, style) => {
              const literal =
                style === 'escaped'
                  ? JSON.stringify(text)
                  : style === 'raw'
                    ? `"${text}"`
                    : `"""${text}"""`;
              const answer = await send(
                `{ search(text: ${literal}, first: 3) { id } claim(id: ${literal}) { id } }`,
                undefined,
              );
              checkAnswer(answer, [text]);
            },
          ),
          runs(40),
        );
      },
      PROPERTY_TIMEOUT_MS,
    );

    it(
      'documents of random GraphQL tokens: never 5xx, only catalogue codes',
      async () => {
        await fc.assert(
          fc.asyncProperty(tokenSoup, async (document) => {
            checkAnswer(await send(document, undefined), [document]);
          }),
          {
            ...runs(60),
            // An operation type the schema does not have.
            examples: [['subscription { __typename }']],
          },
        );
      },
      PROPERTY_TIMEOUT_MS,
    );
  });

  describe('/export query parameters', () => {
    it(
      'hostile format, claim and label: never 5xx; errors are JSON with a catalogue code',
      async () => {
        await fc.assert(
          fc.asyncProperty(
            fc.record(
              {
                format: fc.oneof(
                  hostileString,
                  fc.constantFrom('json', 'csv-nodes', 'csv-edges', 'graphml'),
                ),
                claim: fc.oneof(
                  hostileString,
                  fc.constantFrom(...known.claims),
                  wellFormedId('clm'),
                ),
                label: fc.oneof(hostileString, fc.constantFrom('Claim', 'Actor', 'Revision')),
              },
              { requiredKeys: ['format'] },
            ),
            async (parameters) => {
              const query = new URLSearchParams(parameters as Record<string, string>);
              const logged = serverLog.length;
              const response = await fetch(`${api.url}/export?${query}`);
              const text = await response.text();
              const context = `HTTP ${response.status} for ${query}: ${text.slice(0, 300)}`;
              expect(serverLog.slice(logged), context).toEqual([]);
              expect(response.status, context).toBeLessThan(500);
              if (response.status === 200) return;
              const body = JSON.parse(text) as { code: string; message: string };
              expect(catalogueCodes, context).toContain(body.code);
              expect(body.code, context).not.toBe('INTERNAL');
              expect(leaks(body.message, Object.values(parameters)), context).toEqual([]);
            },
          ),
          // Once a 500: an inherited property name as the format.
          { ...runs(30), examples: [[{ format: '__proto__' }], [{ format: 'toString' }]] },
        );
      },
      PROPERTY_TIMEOUT_MS,
    );
  });

  describe('mutations', () => {
    let cases: MutationCase[];
    beforeAll(() => {
      cases = mutationCases(known);
    });

    /** Accepted, or refused with a refusal code (anything else fails the property). */
    function outcome(answer: Answer, field: string): 'accepted' | 'refused' {
      if (answer.tooLarge) return 'refused';
      const errors: any[] = answer.body.errors ?? [];
      if (errors.length === 0) {
        expect(answer.body.data?.[field], answer.text.slice(0, 300)).toBeTruthy();
        return 'accepted';
      }
      for (const error of errors)
        expect([...refusalCodes], answer.text.slice(0, 300)).toContain(error.extensions?.code);
      expect(answer.body.data?.[field] ?? null).toBeNull();
      return 'refused';
    }

    type GraphState = Awaited<ReturnType<typeof graphState>>;

    /** Property (e): the touched record's revision goes up by one, or nothing is written. */
    function checkRevisions(
      touched: { node: string } | { link: string },
      before: GraphState,
      after: GraphState,
      context: string,
    ): void {
      const key = 'node' in touched ? `node:${touched.node}` : before.identities.get(touched.link);
      expect(key, `no such record before an accepted write: ${context}`).toBeDefined();
      const sum = (state: GraphState) =>
        (state.revisions.get(key!) ?? []).reduce((a, b) => a + b, 0);
      const raised = sum(after) - sum(before);
      expect([0, 1], `${key} revision raised by ${raised}: ${context}`).toContain(raised);
      expect(after.revisionNodes - before.revisionNodes, `Revisions added: ${context}`).toBe(
        raised,
      );
      for (const other of new Set([...before.revisions.keys(), ...after.revisions.keys()]))
        if (other !== key)
          expect(
            after.revisions.get(other),
            `${other} while correcting ${key}: ${context}`,
          ).toEqual(before.revisions.get(other));
      if (raised === 0)
        expect(after.hash, `${key} unchanged, yet the graph changed: ${context}`).toBe(before.hash);
    }

    for (const name of [
      'recordSource',
      'recordActor',
      'recordClaim',
      'recordAttribution',
      'recordCitation',
      'relateClaims',
      ...Object.keys(touchedRecord),
    ]) {
      it(
        `${name} as an editor: refused writes write nothing, nothing answers 5xx or leaks`,
        async () => {
          const mutation = cases.find((candidate) => candidate.name === name)!;
          const tally = { accepted: 0, refused: 0 };
          await fc.assert(
            fc.asyncProperty(mutation.variables, async (variables) => {
              const before = await graphState();
              const answer = await send(mutation.query, variables, asEditor());
              const after = await graphState();
              checkAnswer(answer, stringsIn(variables));
              const result = outcome(answer, name);
              tally[result]++;
              const context = answer.text.slice(0, 300);
              if (result === 'refused') expect(after.hash, context).toEqual(before.hash);
              else if (touchedRecord[name])
                checkRevisions(touchedRecord[name](variables), before, after, context);
            }),
            {
              ...runs<[Record<string, unknown>]>(40),
              examples: (pinnedExamples[name] ?? []).map((example): [Record<string, unknown>] => [
                example,
              ]),
            },
          );
          // Hostile input is mostly refused; the run must have tried at least that path.
          expect(tally.refused).toBeGreaterThan(0);
        },
        PROPERTY_TIMEOUT_MS,
      );
    }

    it(
      'an accepted recordClaim stores its text exactly as sent',
      async () => {
        const recordClaim = cases.find((candidate) => candidate.name === 'recordClaim')!;
        await fc.assert(
          fc.asyncProperty(recordClaim.variables, async (variables) => {
            const answer = await send(recordClaim.query, variables, asEditor());
            checkAnswer(answer, stringsIn(variables));
            if (outcome(answer, 'recordClaim') === 'refused') return;
            const input = variables.input as { id: string; text: string };
            const stored = await send('query ($id: ID!) { claim(id: $id) { text } }', {
              id: input.id,
            });
            expect(stored.body.data.claim.text).toBe(input.text);
          }),
          {
            ...runs<[Record<string, unknown>]>(30),
            // A lone surrogate: JSON carries it, Neo4j's UTF-8 cannot.
            examples: [[{ input: { id: 'clm-fuzz-lone-surrogate', text: 'before \ud800 after' } }]],
          },
        );
      },
      PROPERTY_TIMEOUT_MS,
    );

    it(
      'a write without a key, with a reader key or with an unknown key never writes',
      async () => {
        const caller = fc.oneof(
          fc.constant({ kind: 'none' as const, headers: {} as Record<string, string> }),
          fc.constant({ kind: 'reader' as const, headers: { 'x-api-key': readerKey } }),
          fc
            .tuple(
              fc.oneof(
                fc.string({ unit: 'grapheme-ascii', maxLength: 60 }),
                fc.stringMatching(/^[A-Za-z0-9_-]{32}$/).map((key) => `cg_${key}`),
                fc.constantFrom("' OR 1=1 //", 'Bearer', 'null', editorKey.slice(0, -1)),
              ),
              fc.constantFrom('authorization', 'x-api-key'),
            )
            .map(([key, header]) => ({
              kind: 'unknown' as const,
              headers: { [header]: header === 'authorization' ? `Bearer ${key}` : key },
            })),
        );
        await fc.assert(
          fc.asyncProperty(
            fc
              .constantFrom(...cases.map((mutation) => mutation.name))
              .chain((name) =>
                fc.tuple(
                  fc.constant(name),
                  cases.find((mutation) => mutation.name === name)!.variables,
                ),
              ),
            caller,
            async ([name, variables], who) => {
              const mutation = cases.find((candidate) => candidate.name === name)!;
              const before = await fingerprint();
              const answer = await send(mutation.query, variables, who.headers);
              const after = await fingerprint();
              checkAnswer(answer, stringsIn(variables));
              expect(after, answer.text.slice(0, 300)).toEqual(before);
              if (answer.tooLarge) return;
              const errors: any[] = answer.body.errors ?? [];
              expect(errors.length).toBeGreaterThan(0);
              // Variables of the wrong type (a wrong enum value, a missing reason) are refused
              // by GraphQL before any resolver asks for a key.
              if (errors.every((error) => /^Variable "\$/.test(error.message))) {
                expect(new Set(errors.map((error) => error.extensions?.code))).toEqual(
                  new Set(['BAD_USER_INPUT']),
                );
                return;
              }
              const codes = errors.map((error) => error.extensions?.code);
              expect(new Set(codes)).toEqual(
                new Set([who.kind === 'reader' ? 'FORBIDDEN' : 'UNAUTHENTICATED']),
              );
            },
          ),
          runs(60),
        );
      },
      PROPERTY_TIMEOUT_MS,
    );
  });
});
