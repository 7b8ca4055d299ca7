import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config/config.js';
import { loadSeedFile } from '../../src/ingest/loadSeedFile.js';
import { AppError } from '../../src/errors/appError.js';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase.js';

const seedFile = path.join(projectRoot, 'seeds/cncert-2019.seed.yaml');

/** Every node and relationship with all its properties, in a stable order. */
async function snapshot(database: TestDatabase) {
  const [nodes] = await database.executor.read({
    name: 'snapshotNodes',
    cypher:
      'MATCH (n) WITH labels(n) AS labels, properties(n) AS p ORDER BY p.id RETURN collect({labels: labels, p: p}) AS all',
  });
  const [relationships] = await database.executor.read({
    name: 'snapshotRelationships',
    cypher: `MATCH (a)-[r]->(b) WITH a.id + ' ' + type(r) + ' ' + b.id + ' ' + coalesce(r.key, '') AS k, properties(r) AS p
             ORDER BY k RETURN collect({k: k, p: p}) AS all`,
  });
  return { nodes: nodes?.all as unknown[], relationships: relationships?.all as unknown[] };
}

describe('loading the seed set into Neo4j', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase();
    await database.reset();
  });
  afterAll(() => database.close());

  it('writes every record, then changes nothing when loaded again', async () => {
    const first = await loadSeedFile(database.executor, seedFile);
    expect(first.nodesCreated).toBeGreaterThan(100);
    const before = await snapshot(database);

    const second = await loadSeedFile(database.executor, seedFile);
    expect(second).toMatchObject({ nodesCreated: 0, nodesUpdated: 0, relationshipsCreated: 0 });
    expect(second.nodesUnchanged).toBe(first.nodesCreated);
    expect(await snapshot(database)).toEqual(before);
  });

  it("stores an attribution's quoted words as parallel lists, none for indirect speech", async () => {
    const rows = await database.executor.read(
      {
        name: 'quotedWords',
        cypher: `MATCH (a:Attribution) WHERE a.id IN $ids
               RETURN a.id AS id, a.quotedWordsText AS text, a.quotedWordsStart AS start,
                      a.quotedWordsEnd AS end, a.confidence AS confidence ORDER BY id`,
      },
      {
        ids: [
          'att-bolton-offensive-cyber-operations-abroad',
          'att-bolton-operations-show-will-pay-price',
        ],
      },
    );
    expect(rows).toEqual([
      {
        id: 'att-bolton-offensive-cyber-operations-abroad',
        text: null,
        start: null,
        end: null,
        confidence: null,
      },
      {
        id: 'att-bolton-operations-show-will-pay-price',
        text: ['will pay a price'],
        start: [3097],
        end: [3113],
        confidence: null,
      },
    ]);
    const [count] = await database.executor.read({
      name: 'directWithWords',
      cypher: `MATCH (a:Attribution) WHERE a.quotedWordsText IS NOT NULL
               RETURN count(a) AS withWords, sum(CASE WHEN a.speech = 'direct' THEN 1 ELSE 0 END) AS direct`,
    });
    expect(count).toEqual({ withWords: 5, direct: 5 });
  });

  it('stamps provenance on nodes and relationships', async () => {
    const [row] = await database.executor.read({
      name: 'provenance',
      cypher: `MATCH (c:Claim {id: 'clm-us-servers-controlled-china-hosts-2018'})<-[r:CARRIES]-(:Source {id: 'src-article'})
               RETURN c.enteredVia AS nodeVia, c.enteredBy AS nodeBy, r.enteredVia AS relVia, c.revision AS revision`,
    });
    expect(row).toMatchObject({
      nodeVia: 'seed:cncert-2019 (seeds/cncert-2019.seed.yaml)',
      nodeBy: expect.any(String),
      relVia: 'seed:cncert-2019 (seeds/cncert-2019.seed.yaml)',
      revision: 1,
    });
  });

  it('refuses a file that would change a stored record, and with a correction keeps history', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'claimgraph-seed-'));
    copyFileSync(
      path.join(projectRoot, 'seeds/cncert-2019.article.txt'),
      path.join(dir, 'cncert-2019.article.txt'),
    );
    const seed = parse(readFileSync(seedFile, 'utf8')) as {
      claims: { id: string; text: string }[];
    };
    const claim = seed.claims.find((c) => c.id === 'clm-us-has-133-cyber-teams')!;
    const originalText = claim.text;
    claim.text = `${originalText} (corrected)`;
    const corrected = path.join(dir, 'corrected.seed.yaml');
    writeFileSync(corrected, stringify(seed));

    const before = await database.executor.read({
      name: 'claimText',
      cypher: `MATCH (c:Claim {id: 'clm-us-has-133-cyber-teams'}) RETURN c.text AS text, c.revision AS revision`,
    });
    const refused = await loadSeedFile(database.executor, corrected).catch(
      (error: unknown) => error,
    );
    expect(refused).toMatchObject({ code: 'CONFLICT' });
    expect((refused as Error).message).toContain('clm-us-has-133-cyber-teams');
    expect(
      await database.executor.read({
        name: 'claimText',
        cypher: `MATCH (c:Claim {id: 'clm-us-has-133-cyber-teams'}) RETURN c.text AS text, c.revision AS revision`,
      }),
    ).toEqual(before);

    const report = await loadSeedFile(database.executor, corrected, {
      correction: { reason: 'test: re-curated' },
    });
    expect(report.nodesUpdated).toBe(1);
    const [row] = await database.executor.read({
      name: 'history',
      cypher: `MATCH (c:Claim {id: 'clm-us-has-133-cyber-teams'})<-[:REVISION_OF]-(old:Revision)
               RETURN c.text AS text, c.revision AS revision, old.text AS oldText, old.revision AS oldRevision,
                      c.correctionReason AS reason`,
    });
    expect(row).toEqual({
      text: `${originalText} (corrected)`,
      revision: 2,
      oldText: originalText,
      oldRevision: 1,
      reason: 'test: re-curated',
    });
  });

  it('refuses a file with one bad record, naming file, record and field, and writes nothing', async () => {
    await database.reset();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'claimgraph-seed-'));
    copyFileSync(
      path.join(projectRoot, 'seeds/cncert-2019.article.txt'),
      path.join(dir, 'cncert-2019.article.txt'),
    );
    const seed = parse(readFileSync(seedFile, 'utf8')) as { attributions: { stance: string }[] };
    seed.attributions[5]!.stance = 'shrugs';
    const bad = path.join(dir, 'bad.seed.yaml');
    writeFileSync(bad, stringify(seed));

    const error = await loadSeedFile(database.executor, bad).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('BAD_USER_INPUT');
    expect((error as AppError).message).toMatch(
      /bad\.seed\.yaml: attributions\[5\] \(att-[a-z0-9-]+\): stance: /,
    );
    const [count] = await database.executor.read({
      name: 'count',
      cypher: 'MATCH (n) RETURN count(n) AS nodes',
    });
    expect(count?.nodes).toBe(0);
  });

  it("stores a draft's attribution confidence, not its evidence, resolution or extraction", async () => {
    await database.reset();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'claimgraph-seed-'));
    copyFileSync(
      path.join(projectRoot, 'seeds/cncert-2019.article.txt'),
      path.join(dir, 'cncert-2019.article.txt'),
    );
    type Item = Record<string, unknown>;
    const seed = parse(readFileSync(seedFile, 'utf8')) as Record<string, Item[]> & {
      extraction?: Item;
    };
    seed.extraction = { extractor: 'test-extractor', version: '1', published: '2019-06-12' };
    const evidence = () => [{ rule: 'frame:X-said-that', start: 0, end: 10, note: 'n' }];
    for (const section of ['sources', 'actors', 'claims', 'attributions', 'events']) {
      seed[section]!.forEach((record, i) =>
        Object.assign(record, { confidence: (i % 10) / 10, evidence: evidence() }),
      );
    }
    for (const claim of seed.claims!)
      for (const quantity of (claim.quantities ?? []) as Item[])
        Object.assign(quantity, { confidence: 0.5, evidence: evidence() });
    for (const relation of seed.claimRelations!)
      Object.assign(relation, { confidence: 0.5, evidence: evidence() });
    for (const actor of seed.actors!)
      actor.resolution = { status: 'new', reason: 'no match', score: 0.1 };
    const draft = path.join(dir, 'draft.seed.yaml');
    writeFileSync(draft, stringify(seed));

    const first = await loadSeedFile(database.executor, draft);
    expect(first.nodesCreated).toBeGreaterThan(100);
    const [row] = await database.executor.read({
      name: 'draftProperties',
      cypher: `MATCH (n) WHERE n:Attribution OR n:Actor OR n:Claim OR n:Source OR n:Event OR n:Quantity
               UNWIND keys(n) AS key
               WITH DISTINCT key, labels(n)[0] AS label
               WHERE key IN ['confidence', 'evidence', 'resolution', 'extraction']
                  OR key STARTS WITH 'evidence' OR key STARTS WITH 'resolution'
                  OR key STARTS WITH 'extract'
               RETURN collect(key + ' on ' + label) AS keys`,
    });
    expect(row?.keys).toEqual(['confidence on Attribution']);
    const [attribution] = await database.executor.read(
      {
        name: 'draftConfidence',
        cypher: `MATCH (a:Attribution {id: $id}) RETURN a.confidence AS confidence`,
      },
      { id: seed.attributions![3]!.id as string },
    );
    expect(attribution?.confidence).toBe(0.3);
    const again = await loadSeedFile(database.executor, draft);
    expect(again).toMatchObject({ nodesCreated: 0, nodesUpdated: 0, relationshipsCreated: 0 });
  });
});
