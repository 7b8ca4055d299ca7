import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase.js';

/**
 * Reads that follow a write must see it on a cluster too: every session of one executor (one
 * API process, one CLI command) shares a bookmark manager, so a read waits for a member that has
 * the last write. A single server cannot show a lagging replica; what is checked here is that
 * the sessions really share the bookmarks a write leaves.
 */
describe('the executor shares bookmarks across its sessions', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('holds the bookmark of each committed write, and a read after it sees the write', async () => {
    const before = await database.executor.sharedBookmarks();
    await database.executor.write({
      name: 'bookmarkedWrite',
      cypher: "MERGE (n:BookmarkProbe {id: 'probe'}) SET n.at = timestamp()",
    });
    const afterWrite = await database.executor.sharedBookmarks();
    expect(afterWrite.length).toBeGreaterThan(0);
    expect(afterWrite).not.toEqual(before);
    const [row] = await database.executor.read({
      name: 'bookmarkedRead',
      cypher: "MATCH (n:BookmarkProbe {id: 'probe'}) RETURN count(n) AS n",
    });
    expect(Number(row?.n)).toBe(1);
    await database.executor.write({
      name: 'bookmarkCleanup',
      cypher: 'MATCH (n:BookmarkProbe) DELETE n',
    });
    expect(await database.executor.sharedBookmarks()).not.toEqual(afterWrite);
  });
});
