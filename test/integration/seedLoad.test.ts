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

  it('keeps the previous version as history when a record is corrected', async () => {
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

    const report = await loadSeedFile(database.executor, corrected);
    expect(report.nodesUpdated).toBe(1);
    const [row] = await database.executor.read({
      name: 'history',
      cypher: `MATCH (c:Claim {id: 'clm-us-has-133-cyber-teams'})<-[:REVISION_OF]-(old:Revision)
               RETURN c.text AS text, c.revision AS revision, old.text AS oldText, old.revision AS oldRevision`,
    });
    expect(row).toEqual({
      text: `${originalText} (corrected)`,
      revision: 2,
      oldText: originalText,
      oldRevision: 1,
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
});
