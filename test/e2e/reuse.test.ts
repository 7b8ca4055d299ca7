import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyStore, createApiKey } from '../../src/auth/apiKeys.js';
import { projectRoot } from '../../src/config/config.js';
import { recordReusedSource, REUSED_SOURCE_ID, reusedSourceText } from '../support/reusedSource.js';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are walked as JSON. */

// A text that reuses two of the seed article's paragraphs with its damage undone (real commas,
// digit grouping), framed by sentences of our own; recorded as a new source carrying two claims.
const COPY_ID = REUSED_SOURCE_ID;
const copyText = reusedSourceText;
const seedText = readFileSync(path.join(projectRoot, 'seeds/cncert-2019.article.txt'), 'utf8');
const SERVERS_CLAIM = 'clm-us-servers-controlled-china-hosts-2018';
const IP_CLAIM = 'clm-us-ip-addresses-infected-china-websites-2018';

const SHARED = `query ($id: ID!) { source(id: $id) { sharedPassages {
  source { id } shareOfThis shareOfOther publishedFirst copyLink { copier { id } }
  passages { words thisStart thisEnd thisText otherStart otherEnd otherText } } } }`;
const SOURCING = `query ($id: ID!) { claim(id: $id) { sourcing {
  independentOrigins reasoning
  chains { hops { source { id } viaCopy } }
  flags { copiedWithoutCredit uncreditedCopiers { id } } } } }`;

describe('hidden sourcing: passages copied from a stored source', () => {
  let database: TestDatabase;
  let api: TestServer;
  let editorKey: string;
  const asEditor = async (query: string, variables?: Record<string, unknown>) => {
    const { body } = await api.graphql(query, variables, { authorization: `Bearer ${editorKey}` });
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return body.data as any;
  };

  beforeAll(async () => {
    database = await openTestDatabase();
    await database.resetAndSeed();
    const keysFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'claimgraph-reuse-')), 'k.json');
    editorKey = createApiKey(keysFile, 'reuse-editor', 'editor');
    api = await startTestServer(database.executor, [], {
      apiKeys: apiKeyStore(keysFile),
      readsRequireKey: false,
    });
    await recordReusedSource(asEditor);
  });
  afterAll(async () => {
    await api.close();
    await database.close();
  });

  it('finds both reused paragraphs with their offsets in each text', async () => {
    const shared = (await asEditor(SHARED, { id: COPY_ID })).source.sharedPassages;
    const fromSeed = shared.find((entry: any) => entry.source.id === 'src-article');
    expect(fromSeed, JSON.stringify(shared)).toBeDefined();
    expect(fromSeed.copyLink).toBeNull();
    expect(fromSeed.publishedFirst).toBe('OTHER');
    const [first, second] = [copyText.split('\n\n')[1]!, copyText.split('\n\n')[3]!];
    expect(fromSeed.passages).toHaveLength(2);
    for (const [passage, paragraph] of [
      [fromSeed.passages[0], first],
      [fromSeed.passages[1], second],
    ] as const) {
      expect(copyText.slice(passage.thisStart, passage.thisEnd)).toBe(passage.thisText);
      expect(seedText.slice(passage.otherStart, passage.otherEnd)).toBe(passage.otherText);
      // The whole paragraph, give or take a word at its edges.
      expect(passage.thisText.length).toBeGreaterThan(paragraph.length * 0.9);
      expect(paragraph).toContain(passage.thisText);
    }
    // The seed's damaged spelling is what the other side shows.
    expect(fromSeed.passages[0].otherText).toContain('14.000 servers');
    expect(fromSeed.passages[1].otherText).toContain('3.325 US IP addresses');
    // The two paragraphs' words, of all the text's words.
    const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
    expect(fromSeed.shareOfThis).toBeCloseTo((words(first) + words(second)) / words(copyText), 1);
  });

  it('confirming the copy link joins the copy to the seed article’s chain: one origin again, with the reason', async () => {
    const before = (await asEditor(SOURCING, { id: SERVERS_CLAIM })).claim.sourcing;
    expect(before.independentOrigins).toBe(2);
    expect(before.flags.copiedWithoutCredit).toBe(false);

    const link = (
      await asEditor(
        `mutation { recordCopy(copierId: "${COPY_ID}", originalId: "src-article") {
          copier { id } original { id } credited shareOfCopier passages { words thisText }
          provenance { enteredBy enteredVia } } }`,
      )
    ).recordCopy;
    expect(link).toMatchObject({
      copier: { id: COPY_ID },
      original: { id: 'src-article' },
      credited: false,
      provenance: { enteredBy: 'reuse-editor', enteredVia: 'mutation:recordCopy' },
    });
    expect(link.passages).toHaveLength(2);

    for (const claimId of [SERVERS_CLAIM, IP_CLAIM]) {
      const after = (await asEditor(SOURCING, { id: claimId })).claim.sourcing;
      expect(after.independentOrigins).toBe(1);
      expect(after.reasoning).toContain(
        `${COPY_ID} copies src-article without credit: followed to src-article's origin, not counted as an origin of its own`,
      );
      expect(after.flags).toEqual({
        copiedWithoutCredit: true,
        uncreditedCopiers: [{ id: COPY_ID }],
      });
      const viaCopy = after.chains.find((chain: any) => chain.hops[0].source.id === COPY_ID);
      expect(viaCopy.hops[1]).toEqual({ source: { id: 'src-article' }, viaCopy: true });
      expect(viaCopy.hops.at(-1).source.id).toBe('src-cncert-annual-report-2018');
    }
    // Recording it again changes nothing.
    const again = await api.graphql(
      `mutation { recordCopy(copierId: "${COPY_ID}", originalId: "src-article") { copier { id } } }`,
      {},
      { authorization: `Bearer ${editorKey}` },
    );
    expect(again.body.errors).toBeUndefined();
    const [row] = await database.executor.read(
      {
        name: 'copyLinks',
        cypher: `MATCH (:Source {id: $id})-[r:COPIES]->() RETURN count(r) AS n`,
      },
      { id: COPY_ID },
    );
    expect(Number(row?.n)).toBe(1);
  });

  it('refuses a copy link without shared text', async () => {
    const { body } = await api.graphql(
      `mutation { recordCopy(copierId: "${COPY_ID}", originalId: "src-mueller-report") { copier { id } } }`,
      {},
      { authorization: `Bearer ${editorKey}` },
    );
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
