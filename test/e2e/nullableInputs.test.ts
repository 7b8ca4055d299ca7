import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyStore, createApiKey } from '../../src/auth/apiKeys.js';
import { buildGraphQLSchema } from '../../src/graphql/buildSchema.js';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- inputs are walked as JSON. */

/*
 * Schema and validation must agree: every field an input type declares nullable must accept both
 * null and absence. For each operation taking an input object, a valid base input is sent again
 * with each nullable field (at every depth the base reaches) set to null, then left out; the
 * answer must not be a validation error about that field. A walk over the schema checks that
 * every nullable field of every input type was exercised.
 */

const time = { raw: 'in May', value: '2024-05', precision: 'MONTH', basis: 'Stated.' };

interface Operation {
  readonly name: string;
  /** The document; `$input` is the input object tried. */
  readonly document: string;
  readonly inputType: string;
  readonly base: (n: number) => Record<string, unknown>;
  /** Extra variables the document needs. */
  readonly variables?: Record<string, unknown>;
}

const operations: Operation[] = [
  {
    name: 'recordSource',
    document: 'mutation ($input: RecordSourceInput!) { recordSource(input: $input) { id } }',
    inputType: 'RecordSourceInput',
    base: (n) => ({
      id: `src-nullable-${n}`,
      kind: 'ARTICLE',
      title: 'A source',
      publisherId: 'act-xinhua',
      published: time,
      text: 'Some text.',
      url: 'https://example.org/a',
      primary: false,
    }),
  },
  {
    name: 'recordActor',
    document: 'mutation ($input: RecordActorInput!) { recordActor(input: $input) { id } }',
    inputType: 'RecordActorInput',
    base: (n) => ({
      id: `act-nullable-${n}`,
      kind: 'PERSON',
      name: `Nullable Person ${n}`,
      aliases: ['N.'],
      anonymous: false,
      description: 'A person.',
      claimedAffiliation: 'An agency',
      affiliations: [{ organisationId: 'act-xinhua', role: 'reporter', time }],
    }),
  },
  {
    name: 'recordClaim',
    document: 'mutation ($input: RecordClaimInput!) { recordClaim(input: $input) { id } }',
    inputType: 'RecordClaimInput',
    base: (n) => ({
      id: `clm-nullable-${n}`,
      text: `Claim number ${n}.`,
      topics: ['testing'],
      refersTo: time,
      quantities: [
        {
          raw: '12',
          value: 12,
          unit: 'ports',
          kind: 'count',
          change: { raw: '3 percent', value: 3, unit: 'percent', basis: 'year-on-year' },
        },
      ],
      eventIds: [],
    }),
  },
  {
    name: 'recordAttribution',
    document:
      'mutation ($input: RecordAttributionInput!) { recordAttribution(input: $input) { id } }',
    inputType: 'RecordAttributionInput',
    base: (n) => ({
      id: `att-nullable-${n}`,
      actorId: 'act-bolton',
      claimId: 'clm-us-biggest-cyber-attacker',
      sourceId: 'src-article',
      stance: 'ASSERTS',
      quote: 'the US itself is the biggest cyber attacker',
      cue: 'noted',
      speech: 'INDIRECT',
      said: time,
      quotedWords: [],
      figures: [],
    }),
  },
  {
    name: 'correctClaim',
    document: 'mutation ($input: CorrectClaimInput!) { correctClaim(input: $input) { id } }',
    inputType: 'CorrectClaimInput',
    base: (n) => ({
      id: 'clm-us-biggest-cyber-attacker',
      text: `The US itself is the biggest cyber attacker (${n}).`,
      topics: ['cyberattacks'],
      refersTo: time,
      reason: 'Testing nullable fields.',
    }),
  },
  {
    name: 'correctActor',
    document: 'mutation ($input: CorrectActorInput!) { correctActor(input: $input) { id } }',
    inputType: 'CorrectActorInput',
    base: (n) => ({
      id: 'act-huawei',
      kind: 'ORGANISATION',
      name: `Huawei (${n})`,
      aliases: ['Huawei Technologies'],
      anonymous: false,
      description: 'A telecoms equipment maker.',
      claimedAffiliation: 'An agency',
      countryId: 'act-china',
      stateAffiliationId: 'act-china',
      ownedById: 'act-china',
      notes: `Correction ${n}.`,
      reason: 'Testing nullable fields.',
    }),
  },
  {
    name: 'correctSource',
    document: 'mutation ($input: CorrectSourceInput!) { correctSource(input: $input) { id } }',
    inputType: 'CorrectSourceInput',
    base: (n) => ({
      id: 'src-article',
      kind: 'ARTICLE',
      title: `The seed article (${n})`,
      publisherId: 'act-xinhua',
      published: time,
      url: 'https://example.org/a',
      primary: false,
      notes: `Correction ${n}.`,
      reason: 'Testing nullable fields.',
    }),
  },
  {
    name: 'correctAttribution',
    document:
      'mutation ($input: CorrectAttributionInput!) { correctAttribution(input: $input) { id } }',
    inputType: 'CorrectAttributionInput',
    base: (n) => ({
      id: 'att-cncert-servers-hosts',
      actorId: 'act-cncert',
      stance: 'ASSERTS',
      quote: 'The CNCERT said that in 2018',
      start: 160,
      cue: 'said',
      speech: 'INDIRECT',
      said: time,
      eventId: 'evt-cncert-report-release',
      quotedWords: ['CNCERT'],
      figures: [
        {
          raw: '14.000',
          value: 14_000,
          unit: 'servers',
          kind: 'count',
          change: { raw: '90.8 percent', value: 90.8, unit: 'percent', basis: 'year-on-year' },
        },
      ],
      notes: `Correction ${n}.`,
      reason: 'Testing nullable fields.',
    }),
  },
  {
    name: 'correctEvent',
    document: 'mutation ($input: CorrectEventInput!) { correctEvent(input: $input) { id } }',
    inputType: 'CorrectEventInput',
    base: (n) => ({
      id: 'evt-cncert-report-release',
      name: `CNCERT report release (${n})`,
      kind: 'REPORT_RELEASE',
      time,
      place: 'Beijing',
      notes: `Correction ${n}.`,
      reason: 'Testing nullable fields.',
    }),
  },
  {
    // No nullable fields: only the base input is sent, and must be accepted.
    name: 'correctCitation',
    document: 'mutation ($input: CorrectCitationInput!) { correctCitation(input: $input) { id } }',
    inputType: 'CorrectCitationInput',
    base: () => ({
      sourceId: 'src-xinhua-report',
      citesSourceId: 'src-cncert-annual-report-2018',
      newCitesSourceId: 'src-huawei-announcement',
      reason: 'Testing nullable fields.',
    }),
  },
  {
    // The relation keeps its type and target (given as they are), so every try finds it again.
    name: 'correctClaimRelation',
    document:
      'mutation ($input: CorrectClaimRelationInput!) { correctClaimRelation(input: $input) { id } }',
    inputType: 'CorrectClaimRelationInput',
    base: (n) => ({
      fromId: 'clm-us-biggest-cyber-attacker',
      type: 'RESPONDS_TO',
      toId: 'clm-china-threatening-us-cybersecurity',
      newType: 'RESPONDS_TO',
      newToId: 'clm-china-threatening-us-cybersecurity',
      notes: `Correction ${n}.`,
      reason: 'Testing nullable fields.',
    }),
  },
  {
    name: 'createDraft',
    document: 'mutation ($input: CreateDraftInput!) { createDraft(input: $input) { id } }',
    inputType: 'CreateDraftInput',
    base: () => ({
      text: 'Officials said the port reopened.',
      title: 'Port reopens',
      url: 'https://example.org/b',
      publisher: 'Harbour Post',
      published: '2024-05-02',
    }),
  },
  {
    name: 'extractArticle',
    document: 'query ($input: ExtractArticleInput!) { extractArticle(input: $input) { words } }',
    inputType: 'ExtractArticleInput',
    base: () => ({
      text: 'Officials said the port reopened.',
      title: 'Port reopens',
      url: 'https://example.org/b',
      publisher: 'Harbour Post',
      published: '2024-05-02',
    }),
  },
  {
    name: 'claims',
    document: 'query ($input: ClaimFilter) { claims(filter: $input) { totalCount } }',
    inputType: 'ClaimFilter',
    base: () => ({
      topic: 'cyberattacks',
      actorId: 'act-cncert',
      stance: 'ASSERTS',
      sourceId: 'src-article',
      namedSpeaker: true,
      hasQuantities: true,
      from: '2018-01-01',
      to: '2019-12-31',
    }),
  },
  {
    name: 'actors',
    document: 'query ($input: ActorFilter) { actors(filter: $input) { totalCount } }',
    inputType: 'ActorFilter',
    base: () => ({ kind: 'PERSON', anonymous: false }),
  },
  {
    name: 'attributions',
    document: 'query ($input: AttributionFilter) { attributions(filter: $input) { totalCount } }',
    inputType: 'AttributionFilter',
    base: () => ({
      stance: 'ASSERTS',
      actorId: 'act-cncert',
      claimId: 'clm-us-servers-controlled-china-hosts-2018',
      sourceId: 'src-article',
    }),
  },
];

// Types are read by their printed form, not graphql's is…Type helpers: under vitest graphql's ESM
// and CJS builds can both load, and those helpers refuse objects of the other build.
interface InputTypeLike {
  readonly name: string;
  getFields(): Record<string, { name: string; type: unknown }>;
}
type SchemaLike = ReturnType<typeof buildGraphQLSchema>;
const typeText = (type: unknown) => String(type);
const isNonNull = (type: unknown) => typeText(type).endsWith('!');
const isList = (type: unknown) => typeText(type).replace(/!$/, '').startsWith('[');
const namedOf = (type: unknown) => typeText(type).replace(/[[\]!]/g, '');
function inputType(schema: SchemaLike, name: string): InputTypeLike | undefined {
  const type = schema.getType(name) as unknown as InputTypeLike | undefined;
  return type && type.constructor.name === 'GraphQLInputObjectType' ? type : undefined;
}

/** Every nullable field path the base reaches: `published.raw`, `quantities[0].change`… */
function nullablePaths(
  schema: SchemaLike,
  type: InputTypeLike,
  value: Record<string, unknown>,
  prefix: (string | number)[] = [],
  seen: Set<string> = new Set(),
): { path: (string | number)[]; field: string }[] {
  const paths: { path: (string | number)[]; field: string }[] = [];
  for (const field of Object.values(type.getFields())) {
    const here = [...prefix, field.name];
    if (!isNonNull(field.type)) {
      paths.push({ path: here, field: `${type.name}.${field.name}` });
      seen.add(`${type.name}.${field.name}`);
    }
    const named = inputType(schema, namedOf(field.type));
    const inner = value[field.name];
    if (!named || inner === undefined || inner === null) continue;
    if (isList(field.type)) {
      const first = (inner as unknown[])[0];
      if (first && typeof first === 'object')
        paths.push(
          ...nullablePaths(schema, named, first as Record<string, unknown>, [...here, 0], seen),
        );
    } else
      paths.push(...nullablePaths(schema, named, inner as Record<string, unknown>, here, seen));
  }
  return paths;
}

function withChange(
  base: Record<string, unknown>,
  path: readonly (string | number)[],
  mode: 'null' | 'absent',
): Record<string, unknown> {
  const copy = structuredClone(base);
  let node: any = copy;
  for (const key of path.slice(0, -1)) node = node[key];
  const last = path[path.length - 1]!;
  if (mode === 'null') node[last] = null;
  else delete node[last];
  return copy;
}

describe('nullable input fields accept null and absence', () => {
  let database: TestDatabase;
  let api: TestServer;
  let editorKey: string;

  beforeAll(async () => {
    database = await openTestDatabase();
    await database.resetAndSeed();
    const keysFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'claimgraph-null-')), 'k.json');
    editorKey = createApiKey(keysFile, 'nullable-editor', 'editor');
    api = await startTestServer(database.executor, [], {
      apiKeys: apiKeyStore(keysFile),
      readsRequireKey: false,
    });
  });
  afterAll(async () => {
    await api.close();
    await database.close();
  });

  it('for every operation taking an input object, field by field', async () => {
    const schema = buildGraphQLSchema();
    const exercised = new Set<string>();
    const refusals: string[] = [];
    let n = 0;
    for (const operation of operations) {
      const type = inputType(schema, operation.inputType);
      if (!type) throw new Error(`${operation.inputType} is not an input type`);
      const base = operation.base(++n);
      const first = await api.graphql(
        operation.document,
        { input: base },
        { authorization: `Bearer ${editorKey}` },
      );
      expect(first.body.errors, `${operation.name} base input`).toBeUndefined();
      for (const { path: fieldPath } of nullablePaths(schema, type, base, [], exercised)) {
        for (const mode of ['null', 'absent'] as const) {
          const input = withChange(operation.base(++n), fieldPath, mode);
          const { body } = await api.graphql(
            operation.document,
            { input },
            { authorization: `Bearer ${editorKey}` },
          );
          for (const error of body.errors ?? []) {
            // Refusals for other reasons (a correction that changes nothing) are not the point.
            if (/expected|required|Invalid input|must not be null/i.test(error.message))
              refusals.push(`${operation.name} ${fieldPath.join('.')} ${mode}: ${error.message}`);
          }
        }
      }
    }
    expect(refusals).toEqual([]);
    // Every nullable field of every input type these operations reach was tried.
    const reachable = new Set<string>();
    const nullable: string[] = [];
    const visit = (typeName: string) => {
      const type = inputType(schema, typeName);
      if (!type) return;
      for (const field of Object.values(type.getFields())) {
        const key = `${type.name}.${field.name}`;
        if (reachable.has(key)) continue;
        reachable.add(key);
        if (!isNonNull(field.type)) nullable.push(key);
        visit(namedOf(field.type));
      }
    };
    for (const operation of operations) visit(operation.inputType);
    expect(nullable.filter((key) => !exercised.has(key))).toEqual([]);
  });
});
