import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyStore, createApiKey } from '../../src/auth/apiKeys.js';
import { projectRoot } from '../../src/config/config.js';
import { commitDraftFile } from '../../src/desk/commitFile.js';
import { extractArticle } from '../../src/extract/extractArticle.js';
import { readKnownActors } from '../../src/db/knownActorsQuery.js';
import type { KnownActor } from '../../src/extract/articleInput.js';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are walked as JSON. */

const fixture = (name: string) =>
  readFileSync(path.join(projectRoot, 'test/fixtures/desk', name), 'utf8');
const IP_CLAIM = 'clm-us-ip-addresses-infected-china-websites-2018';
const SERVERS_CLAIM = 'clm-us-servers-controlled-china-hosts-2018';

const DRAFT_FIELDS = `id status revision createdBy updatedBy text
  counts { pending accepted rejected }
  items { id decision edited stance quote quoteStart quoteEnd confidence
    actor { id name existing reason }
    claim { id text extractedText matches { claim { id } score tier reason } chosen { claim { id } tier } } }
  citations { id title optional publisher { id existing } matches { source { id } tier reason } chosen { source { id } } }
  figureConflicts { draftClaimId claim { id } unit draftValue graphValue }
  committed { source { id } claims { id } attributions { id } nodesCreated relationshipsCreated }`;
const CREATE = `mutation ($input: CreateDraftInput!) { createDraft(input: $input) { ${DRAFT_FIELDS} } }`;
const UPDATE_ITEMS = `mutation ($draftId: ID!, $itemIds: [ID!]!, $update: DraftItemUpdate!, $revision: Int) {
  updateDraftItems(draftId: $draftId, itemIds: $itemIds, update: $update, revision: $revision) { ${DRAFT_FIELDS} } }`;
const UPDATE_ITEM = `mutation ($draftId: ID!, $itemId: ID!, $update: DraftItemUpdate!, $revision: Int) {
  updateDraftItem(draftId: $draftId, itemId: $itemId, update: $update, revision: $revision) { ${DRAFT_FIELDS} } }`;
const COMMIT = `mutation ($id: ID!) { commitDraft(id: $id) { ${DRAFT_FIELDS} } }`;
const DISCARD = `mutation ($id: ID!) { discardDraft(id: $id) { id status } }`;
const CLAIM_SOURCING = `query ($id: ID!) { claim(id: $id) {
  id carriedBy { id }
  attributions { id source { id } figures { raw value unit } confidence provenance { enteredBy enteredVia extractedBy } }
  sourcing { independentOrigins chains { sourceIds: hops { source { id } } }
    flags { figureConflicts { unit values { value raw sources { id } } } } } } }`;

describe('the editor’s desk: drafts, matching and commit', () => {
  let database: TestDatabase;
  let api: TestServer;
  let editorKey: string;
  let readerKey: string;
  const asEditor = async (query: string, variables?: Record<string, unknown>) => {
    const { body } = await api.graphql(query, variables, { authorization: `Bearer ${editorKey}` });
    return body as { data?: any; errors?: { message: string; extensions?: any }[] };
  };
  const ok = async (query: string, variables?: Record<string, unknown>) => {
    const body = await asEditor(query, variables);
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return body.data;
  };
  const count = async (cypher: string) => {
    const [row] = await database.executor.read({ name: 'count', cypher });
    return Number(row?.n);
  };
  const graphCounts = async () => ({
    nodes: await count('MATCH (n) WHERE NOT n:Draft RETURN count(n) AS n'),
    relationships: await count('MATCH ()-[r]->() RETURN count(r) AS n'),
  });

  beforeAll(async () => {
    database = await openTestDatabase();
    await database.resetAndSeed();
    const keysFile = path.join(
      mkdtempSync(path.join(os.tmpdir(), 'claimgraph-desk-')),
      'keys.json',
    );
    editorKey = createApiKey(keysFile, 'desk-editor', 'editor');
    readerKey = createApiKey(keysFile, 'desk-reader', 'reader');
    api = await startTestServer(database.executor, [], {
      apiKeys: apiKeyStore(keysFile),
      readsRequireKey: false,
    });
  });
  afterAll(async () => {
    await api.close();
    await database.close();
  });

  it('stores a claim once when another outlet repeats it with another figure, and flags the figures with their sources', async () => {
    const created = (
      await ok(CREATE, {
        input: {
          text: fixture('ip-addresses-restated.article.txt'),
          publisher: 'Harbour Post',
          published: '2019-06-14',
          title: 'US addresses behind malware on Chinese sites, agency says',
          url: 'https://harbour-post.example/2019/06/14/malware',
        },
      })
    ).createDraft;
    expect(created.status).toBe('OPEN');
    expect(created.createdBy).toBe('desk-editor');
    const item = created.items.find((i: any) => i.actor.id === 'act-cncert');
    expect(item, 'CNCERT is resolved to the graph’s actor').toBeDefined();
    // 3,525 where the graph says 3,325: a suggestion to confirm, never a match by itself.
    const proposal = item.claim.matches.find((m: any) => m.claim.id === IP_CLAIM);
    expect(proposal?.tier).toBe('SUGGESTION');
    expect(item.claim.chosen).toBeNull();

    const before = await graphCounts();
    const picked = (
      await ok(UPDATE_ITEM, {
        draftId: created.id,
        itemId: item.id,
        update: { decision: 'ACCEPTED', claimMatchId: IP_CLAIM },
        revision: created.revision,
      })
    ).updateDraftItem;
    expect(picked.revision).toBe(created.revision + 1);
    expect(picked.figureConflicts).toEqual([
      expect.objectContaining({
        claim: { id: IP_CLAIM },
        unit: 'IP addresses',
        draftValue: 3525,
        graphValue: 3325,
      }),
    ]);
    // Everything else is rejected, so only the CNCERT item is written.
    const others = picked.items.filter((i: any) => i.id !== item.id).map((i: any) => i.id);
    if (others.length > 0)
      await ok(UPDATE_ITEMS, {
        draftId: created.id,
        itemIds: others,
        update: { decision: 'REJECTED' },
      });

    const committed = (await ok(COMMIT, { id: created.id })).commitDraft;
    expect(committed.status).toBe('COMMITTED');
    expect(committed.committed.claims).toEqual([{ id: IP_CLAIM }]);
    const newSource = committed.committed.source.id as string;
    expect(newSource).toMatch(/^src-harbour-post-2019-06-14-/);

    const claim = (await ok(CLAIM_SOURCING, { id: IP_CLAIM })).claim;
    expect(claim.carriedBy.map((s: any) => s.id).sort()).toEqual(
      expect.arrayContaining(['src-article', newSource]),
    );
    const ours = claim.attributions.filter((a: any) => a.source.id === newSource);
    expect(ours).toHaveLength(1);
    expect(ours[0].figures).toEqual(
      expect.arrayContaining([{ raw: '3,525', value: 3525, unit: 'IP addresses' }]),
    );
    expect(ours[0].provenance).toEqual({
      enteredBy: 'desk-editor',
      enteredVia: `desk:${created.id}`,
      extractedBy: 'claimgraph-rules 0.1.0',
    });
    expect(ours[0].confidence).toBeGreaterThan(0);
    // "CNCERT said in its annual report": linked to the graph's CNCERT report, so no second origin.
    const chains = claim.sourcing.chains.map((chain: any) =>
      chain.sourceIds.map((hop: any) => hop.source.id),
    );
    expect(chains).toContainEqual([newSource, 'src-cncert-annual-report-2018']);
    expect(claim.sourcing.independentOrigins).toBe(1);
    expect(claim.sourcing.flags.figureConflicts).toEqual([
      {
        unit: 'IP addresses',
        values: [
          { value: 3325, raw: '3.325', sources: [{ id: 'src-article' }] },
          { value: 3525, raw: '3,525', sources: [{ id: newSource }] },
        ],
      },
    ]);
    // No second claim with that proposition was written.
    expect(
      await count(
        `MATCH (c:Claim) WHERE c.text CONTAINS 'Trojan virus infected' RETURN count(c) AS n`,
      ),
    ).toBe(1);
    const after = await graphCounts();
    expect(after.nodes).toBeGreaterThan(before.nodes);

    // Committing again changes nothing.
    const again = (await ok(COMMIT, { id: created.id })).commitDraft;
    expect(again.status).toBe('COMMITTED');
    expect(await graphCounts()).toEqual(after);
  });

  it('joins an article citing Xinhua to the graph’s chain: new article → Xinhua → CNCERT, one independent origin', async () => {
    const created = (
      await ok(CREATE, {
        input: {
          text: fixture('servers-via-xinhua.article.txt'),
          publisher: 'Harbour Post',
          published: '2019-06-13',
          title: 'Botnet traffic from US servers',
        },
      })
    ).createDraft;
    const item = created.items.find((i: any) => i.actor.id === 'act-xinhua');
    expect(item.claim.chosen?.claim.id, JSON.stringify(item.claim.matches)).toBe(SERVERS_CLAIM);
    expect(item.claim.chosen.tier).toBe('MATCH');
    const citation = created.citations.find((c: any) => c.publisher?.id === 'act-xinhua');
    expect(citation.chosen?.source.id).toBe('src-xinhua-report');

    await ok(UPDATE_ITEMS, {
      draftId: created.id,
      itemIds: created.items.map((i: any) => i.id),
      update: { decision: 'ACCEPTED' },
    });
    const committed = (await ok(COMMIT, { id: created.id })).commitDraft;
    const newSource = committed.committed.source.id;

    const claim = (await ok(CLAIM_SOURCING, { id: SERVERS_CLAIM })).claim;
    const chains = claim.sourcing.chains.map((chain: any) =>
      chain.sourceIds.map((hop: any) => hop.source.id),
    );
    expect(chains).toContainEqual([
      newSource,
      'src-xinhua-report',
      'src-cncert-annual-report-2018',
    ]);
    expect(claim.sourcing.independentOrigins).toBe(1);
    // The seed's Xinhua report was referenced, not rewritten.
    const [xinhua] = await database.executor.read({
      name: 'xinhua',
      cypher: `MATCH (s:Source {id: 'src-xinhua-report'}) RETURN s.revision AS revision, s.enteredVia AS via`,
    });
    expect(xinhua).toEqual({ revision: 1, via: expect.stringMatching(/^seed:/) });
  });

  it('writes accepted items only, with the editor’s speaker and the extracted span', async () => {
    const created = (
      await ok(CREATE, {
        input: {
          text: devArticle('wire-agencies'),
          publisher: 'Alpine Wire',
          published: '2024-03-05',
        },
      })
    ).createDraft;
    expect(created.items.length).toBeGreaterThan(2);
    const [first, second, ...rest] = created.items;
    await ok(UPDATE_ITEM, {
      draftId: created.id,
      itemId: first.id,
      update: { decision: 'ACCEPTED', actorName: 'Maria Keller', stance: 'CONFIRMS' },
    });
    await ok(UPDATE_ITEM, {
      draftId: created.id,
      itemId: second.id,
      update: { decision: 'REJECTED' },
    });
    const edited = (
      await ok(UPDATE_ITEMS, {
        draftId: created.id,
        itemIds: rest.map((i: any) => i.id),
        update: { decision: 'REJECTED' },
      })
    ).updateDraftItems;
    const editedFirst = edited.items.find((i: any) => i.id === first.id);
    expect(editedFirst).toMatchObject({
      decision: 'ACCEPTED',
      edited: true,
      stance: 'CONFIRMS',
      quote: first.quote,
      actor: { name: 'Maria Keller', existing: false },
    });
    expect(edited.counts).toEqual({ pending: 0, accepted: 1, rejected: created.items.length - 1 });

    const committed = (await ok(COMMIT, { id: created.id })).commitDraft;
    expect(committed.committed.attributions).toHaveLength(1);
    const [row] = await database.executor.read(
      {
        name: 'written',
        cypher: `MATCH (a:Attribution {id: $id})-[:BY]->(actor:Actor), (a)-[:RECORDED_IN]->(s:Source)
               RETURN a.stance AS stance, a.quoteStart AS start, a.quote AS quote, actor.name AS speaker,
                      a.enteredVia AS via, s.text AS text`,
      },
      { id: committed.committed.attributions[0].id },
    );
    expect(row).toMatchObject({
      stance: 'confirms',
      start: first.quoteStart,
      quote: first.quote,
      speaker: 'Maria Keller',
      via: `desk:${created.id}`,
    });
    expect(String(row!.text).slice(first.quoteStart, first.quoteEnd)).toBe(first.quote);
    for (const rejected of [second, ...rest])
      expect(
        await count(
          `MATCH (a:Attribution) WHERE a.id STARTS WITH '${rejected.id}' RETURN count(a) AS n`,
        ),
      ).toBe(0);
  });

  it('refuses a stale draft whose matched claim was corrected meanwhile (CONFLICT), writing nothing', async () => {
    const created = (
      await ok(CREATE, {
        input: { text: fixture('servers-via-xinhua.article.txt'), publisher: 'Bay Courier' },
      })
    ).createDraft;
    await ok(UPDATE_ITEMS, {
      draftId: created.id,
      itemIds: created.items.map((i: any) => i.id),
      update: { decision: 'ACCEPTED' },
    });
    await ok(
      `mutation { correctClaim(input: {id: "${SERVERS_CLAIM}", topics: ["cyberattacks", "botnets"], reason: "Topic list tidied."}) { id } }`,
    );
    const before = await graphCounts();
    const refused = await asEditor(COMMIT, { id: created.id });
    expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(refused.errors?.[0]?.message).toContain(SERVERS_CLAIM);
    expect(await graphCounts()).toEqual(before);
    const still = (await ok(`query ($id: ID!) { draft(id: $id) { status } }`, { id: created.id }))
      .draft;
    expect(still.status).toBe('OPEN');
  });

  it('keeps drafts out of every read of the claim graph', async () => {
    const created = (
      await ok(CREATE, {
        input: { text: 'Zanzibarian officials said the quixotic flotilla sailed at dawn.' },
      })
    ).createDraft;
    const search = await api.graphql(`{ search(text: "quixotic flotilla") { id } }`);
    expect(search.body.data?.search).toEqual([]);
    const exported = await fetch(`${api.url}/export?format=json`);
    expect(await exported.text()).not.toContain(created.id);
    const listed = (await ok(`{ drafts(status: OPEN) { id createdBy } }`)).drafts;
    expect(listed.map((d: any) => d.id)).toContain(created.id);
    await ok(DISCARD, { id: created.id });
    const refused = await asEditor(COMMIT, { id: created.id });
    expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('serialises concurrent edits of one draft and lets editors work on different drafts at once', async () => {
    const [a, b] = await Promise.all([
      ok(CREATE, { input: { text: devArticle('denials-rebuttals') } }),
      ok(CREATE, { input: { text: devArticle('speech-quotes') } }),
    ]);
    const draftA = a.createDraft;
    const draftB = b.createDraft;
    expect(draftA.id).not.toBe(draftB.id);
    // Every item of A accepted by concurrent calls: none of the decisions is lost.
    await Promise.all([
      ...draftA.items.map((item: any) =>
        ok(UPDATE_ITEM, { draftId: draftA.id, itemId: item.id, update: { decision: 'ACCEPTED' } }),
      ),
      ok(UPDATE_ITEMS, {
        draftId: draftB.id,
        itemIds: [draftB.items[0].id],
        update: { decision: 'REJECTED' },
      }),
    ]);
    const reread = (
      await ok(`query ($id: ID!) { draft(id: $id) { revision counts { accepted } } }`, {
        id: draftA.id,
      })
    ).draft;
    expect(reread.counts.accepted).toBe(draftA.items.length);
    expect(reread.revision).toBe(1 + draftA.items.length);
    const stale = await asEditor(UPDATE_ITEM, {
      draftId: draftA.id,
      itemId: draftA.items[0].id,
      update: { decision: 'REJECTED' },
      revision: 1,
    });
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('answers bad input with typed errors and no stack trace', async () => {
    const both = await asEditor(CREATE, { input: { text: 'A said B.', html: '<p>A said B.</p>' } });
    expect(both.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badDate = await asEditor(CREATE, {
      input: { text: 'A said B.', published: '2019-02-30' },
    });
    expect(badDate.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(badDate.errors?.[0]?.message).toContain('input.published');
    const missing = await asEditor(COMMIT, { id: 'draft-nope' });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const reader = await api.graphql(
      `{ drafts { id } }`,
      {},
      { authorization: `Bearer ${readerKey}` },
    );
    expect(reader.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await api.graphql(`{ drafts { id } }`);
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const nothing = (await ok(CREATE, { input: { text: devArticle('numbers-dates') } }))
      .createDraft;
    const empty = await asEditor(COMMIT, { id: nothing.id });
    expect(empty.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify([both, badDate, missing, empty])).not.toMatch(/at .*\.ts:\d+/);
  });

  it('makes a draft from a saved web page: article text, title and date read with Readability', async () => {
    const html = `<!doctype html><html><head><title>Port authority expands night shifts | Harbour Post</title>
      <meta property="article:published_time" content="2024-05-02T08:00:00Z"></head><body>
      <nav><a href="/">Home</a> <a href="/world">World</a></nav>
      <article><h1>Port authority expands night shifts</h1><p class="byline">By Lena Ortiz</p>
      <p>The port authority said on Wednesday that it would add two night shifts at the container terminal from June, citing longer queues of ships waiting to berth.</p>
      <p>"We cannot keep ships waiting for three days," harbour master Tomas Lind said. Dock workers' union officials said they had not been consulted about the change.</p>
      </article><aside>Most read: <a href="/x">Other story</a></aside></body></html>`;
    const created = (await ok(CREATE, { input: { html, publisher: 'Harbour Post' } })).createDraft;
    const draft = (
      await ok(
        `query ($id: ID!) { draft(id: $id) { title published byline text items { actor { name } } } }`,
        {
          id: created.id,
        },
      )
    ).draft;
    expect(draft.title).toContain('Port authority expands night shifts');
    expect(draft.published).toBe('2024-05-02');
    expect(draft.text).toContain('"We cannot keep ships waiting for three days,"');
    expect(draft.text).not.toContain('Most read');
    expect(draft.items.map((i: any) => i.actor.name)).toContain('Tomas Lind');
  });

  it('proposes a copy link for an article that reuses a stored text; confirmed, the commit writes it', async () => {
    const text = readFileSync(
      path.join(projectRoot, 'test/fixtures/reuse/seed-paragraphs-reused.article.txt'),
      'utf8',
    );
    const created = (
      await ok(
        `mutation ($input: CreateDraftInput!) { createDraft(input: $input) { id items { id }
          copies { source { id } shareOfDraft publishedFirst confirmed passages { words thisText otherText } } } }`,
        {
          input: {
            text,
            publisher: 'Strait Wire',
            published: '2019-07-03',
            title: 'Officials cite botnet figures',
          },
        },
      )
    ).createDraft;
    const proposal = created.copies.find((copy: any) => copy.source.id === 'src-article');
    expect(proposal, JSON.stringify(created.copies)).toMatchObject({
      confirmed: false,
      publishedFirst: 'OTHER',
    });
    expect(proposal.passages).toHaveLength(2);
    expect(proposal.passages[0].otherText).toContain('14.000 servers');
    const confirmed = (
      await ok(
        `mutation ($draftId: ID!) { updateDraftCopy(draftId: $draftId, sourceId: "src-article", confirmed: true) {
          copies { source { id } confirmed } } }`,
        { draftId: created.id },
      )
    ).updateDraftCopy;
    expect(confirmed.copies.find((c: any) => c.source.id === 'src-article').confirmed).toBe(true);
    await ok(UPDATE_ITEMS, {
      draftId: created.id,
      itemIds: created.items.map((i: any) => i.id),
      update: { decision: 'ACCEPTED' },
    });
    const committed = (await ok(COMMIT, { id: created.id })).commitDraft;
    const [link] = await database.executor.read(
      {
        name: 'deskCopyLink',
        cypher: `MATCH (:Source {id: $id})-[r:COPIES]->(o:Source) RETURN o.id AS original,
                 r.enteredVia AS via, size(r.copierStarts) AS passages`,
      },
      { id: committed.committed.source.id },
    );
    expect(link).toEqual({ original: 'src-article', via: `desk:${created.id}`, passages: 2 });
  });

  it('commits a draft reviewed as a file (claimgraph desk commit), once', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'claimgraph-desk-file-'));
    const textFile = path.join(dir, 'restated.article.txt');
    copyFileSync(
      path.join(projectRoot, 'test/fixtures/desk/ip-addresses-restated.article.txt'),
      textFile,
    );
    const known = (await readKnownActors(database.executor)) as KnownActor[];
    const draft = extractArticle(
      {
        text: readFileSync(textFile, 'utf8'),
        publisher: 'Gulf Ledger',
        published: '2019-06-15',
        textFile: 'restated.article.txt',
      },
      { knownActors: known },
    );
    // The editor's review, by hand: the claim is the graph's IP-address claim.
    const reviewed = parse(stringify(draft)) as any;
    const claim = reviewed.claims[0];
    claim.id = IP_CLAIM;
    claim.resolution = { status: 'existing', reason: 'checked by the editor', score: 1 };
    for (const attribution of reviewed.attributions) attribution.claim = IP_CLAIM;
    const file = path.join(dir, 'restated.draft.yaml');
    writeFileSync(file, stringify(reviewed));

    const first = await commitDraftFile(
      database.executor,
      { name: 'file-editor', role: 'editor' },
      file,
    );
    expect(first.counts.nodesCreated).toBeGreaterThan(0);
    // src-article is the seed article's id: the file's article gets the set's key instead.
    expect(first.renames.get('src-article')).toMatch(/^src-article-/);
    const attribution = first.seedSet.attributions[0]!;
    expect(attribution.figures.map((f) => f.value)).toContain(3525);
    const second = await commitDraftFile(
      database.executor,
      { name: 'file-editor', role: 'editor' },
      file,
    );
    expect(second.counts).toMatchObject({
      nodesCreated: 0,
      nodesUpdated: 0,
      relationshipsCreated: 0,
    });
    const [seedClaim] = await database.executor.read(
      {
        name: 'seedClaim',
        cypher: `MATCH (c:Claim {id: $id}) RETURN c.revision AS revision, c.text AS text`,
      },
      { id: IP_CLAIM },
    );
    expect(seedClaim?.text).toContain('3,325');

    // The editor fixes a stance in the file after committing it: refused unless corrected.
    const edited = parse(readFileSync(file, 'utf8')) as any;
    const fixed = edited.attributions[0];
    fixed.stance = fixed.stance === 'reports' ? 'asserts' : 'reports';
    writeFileSync(file, stringify(edited));
    const editor = { name: 'file-editor', role: 'editor' } as const;
    const refused = await commitDraftFile(database.executor, editor, file).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'CONFLICT' });
    const corrected = await commitDraftFile(database.executor, editor, file, {
      reason: 'test: stance misread',
    });
    expect(corrected.counts).toMatchObject({ nodesCreated: 0, nodesUpdated: 1 });
    const [history] = await database.executor.read(
      {
        name: 'correctedStance',
        cypher: `MATCH (a:Attribution {id: $id})<-[:REVISION_OF]-(old:Revision)
                 RETURN a.stance AS stance, a.correctionReason AS reason, old.stance AS before`,
      },
      { id: corrected.seedSet.attributions[0]!.id },
    );
    expect(history).toEqual({
      stance: fixed.stance,
      reason: 'test: stance misread',
      before: fixed.stance === 'reports' ? 'asserts' : 'reports',
    });
  });
});

function devArticle(name: string): string {
  return readFileSync(
    path.join(projectRoot, 'bench/extraction/dev', `${name}.article.txt`),
    'utf8',
  );
}
