import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockedNode } from '../../src/db/correctionQueries.js';
import { Label } from '../../src/db/graphVocabulary.js';
import { contentHash } from '../../src/db/writeGraphPlan.js';
import { validatedSeedSet, type Section } from '../../src/editing/recordValidation.js';
import {
  storedActor,
  storedAttribution,
  storedClaim,
  storedEvent,
  storedSource,
} from '../../src/editing/storedRecords.js';
import { planSeedLoad } from '../../src/ingest/planSeedLoad.js';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase.js';

/**
 * Corrections rebuild a stored node's seed record, merge the changes and plan it again; a field
 * they do not touch must come out exactly as stored. Checked on every node of the seed graph:
 * record → plan → the same content hash.
 */
describe('stored records round-trip through the seed plan', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase();
    await database.resetAndSeed();
  });
  afterAll(async () => {
    await database.close();
  });

  const kinds = [
    [Label.Source, 'sources', storedSource],
    [Label.Actor, 'actors', storedActor],
    [Label.Claim, 'claims', storedClaim],
    [Label.Attribution, 'attributions', storedAttribution],
    [Label.Event, 'events', storedEvent],
  ] as const;

  it.each(kinds)('every %s', async (label, section: Section, toRecord) => {
    const rows = await database.executor.read({
      name: 'ids',
      cypher: `MATCH (n:${label}) RETURN n.id AS id ORDER BY id`,
    });
    expect(rows.length).toBeGreaterThan(0);
    const mismatches: string[] = [];
    for (const { id } of rows) {
      const stored = await database.executor.writeTransaction('roundTrip', async (scope) =>
        lockedNode(scope, label, String(id)),
      );
      const record = toRecord(stored!);
      const text = stored!.properties.text;
      const plan = planSeedLoad({
        file: 'test',
        seedSet: validatedSeedSet(section, record),
        sourceTexts: new Map(typeof text === 'string' ? [[String(id), text]] : []),
      });
      const planned = plan.nodes.find((group) => group.label === label)!.rows[0]!;
      if (contentHash(planned.properties) !== stored!.properties.contentHash)
        mismatches.push(String(id));
    }
    expect(mismatches).toEqual([]);
  });
});
