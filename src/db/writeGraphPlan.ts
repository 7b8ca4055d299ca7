import { createHash } from 'node:crypto';
import { Neo4jError } from 'neo4j-driver';
import type { WriteScope } from './executor.js';
import { AppError } from '../errors/appError.js';
import { singleValuedRelationships } from './graphVocabulary.js';
import type {
  GraphWritePlan,
  Provenance,
  RelationshipWrite,
  StoredValue,
} from './graphWritePlan.js';
import { keptStateProperties, snapshotNode } from './revisionSnapshots.js';

/** How many nodes and relationships a write created or changed. */
export interface WriteCounts {
  nodesCreated: number;
  nodesUpdated: number;
  nodesUnchanged: number;
  relationshipsCreated: number;
  relationshipsUnchanged: number;
}

/** Progress of a long write: what was just written. */
export type WriteProgress = (step: string, done: number, total: number) => void;

/** How a write treats stored records it would change. */
export interface WriteOptions {
  /**
   * Absent: a node whose stored content differs, or a single-valued link that points elsewhere,
   * is refused as a CONFLICT naming it, and nothing is written. Given: the write is a correction:
   * the previous version is kept as a Revision (with its links) and the new one records why.
   */
  readonly correction?: { readonly reason: string };
  readonly onProgress?: WriteProgress;
}

/**
 * Upserts a plan inside the caller's transaction. Nodes are MERGEd on id; unchanged content
 * writes nothing, so loading the same data twice leaves the graph identical. Changed content is
 * refused unless the write is a correction, which first copies the node into a Revision
 * (history is kept, nothing is silently overwritten).
 */
export async function writeGraphPlan(
  scope: WriteScope,
  plan: GraphWritePlan,
  provenance: Provenance,
  options: WriteOptions = {},
): Promise<WriteCounts> {
  const onProgress = options.onProgress ?? (() => undefined);
  const reason = options.correction?.reason ?? null;
  const now = new Date().toISOString();
  const counts: WriteCounts = {
    nodesCreated: 0,
    nodesUpdated: 0,
    nodesUnchanged: 0,
    relationshipsCreated: 0,
    relationshipsUnchanged: 0,
  };
  const total = plan.nodes.length + plan.relationships.length;
  let done = 0;
  const derivedByLabel = new Map(
    (plan.derived ?? []).map((group) => [
      group.label,
      new Map(group.rows.map((row) => [row.id, row.properties])),
    ]),
  );
  // Nodes this write creates: nothing can link from them yet, so their links are CREATEd
  // without the existence and single-valued checks an already stored node needs.
  const createdHere = new Map<string, Set<string>>();
  for (const group of plan.nodes) {
    const derived = derivedByLabel.get(group.label);
    const { fresh, changed } = await sortByStoredContent(scope, group.label, group.rows);
    if (changed.length > 0 && !options.correction) refuseChangedNodes(group.label, changed);
    for (const batch of batches(fresh)) {
      const [result] = await scope.run(createNodes(group.label), {
        rows: batch.map((row) => ({ ...row, derived: derived?.get(row.id) ?? {} })),
        now,
        extractedBy: null,
        ...provenance,
      });
      const created = Number(result?.created ?? 0);
      // Another transaction created some of these ids after they were read as absent: run the
      // whole write again, when they will be compared with what that transaction stored.
      if (created < batch.length) throw concurrentCreation(group.label);
      counts.nodesCreated += created;
    }
    createdHere.set(group.label, new Set(fresh.map((row) => row.id)));
    for (const batch of batches(changed)) {
      const [result] = await scope.run(upsertNodes(group.label), {
        rows: batch,
        now,
        reason,
        extractedBy: null,
        ...provenance,
      });
      counts.nodesCreated += Number(result?.created ?? 0);
      counts.nodesUpdated += Number(result?.updated ?? 0);
    }
    onProgress(`${group.label} nodes`, ++done, total);
  }
  for (const group of plan.derived ?? []) {
    // Nodes created above already hold theirs; stored ones get them recomputed.
    const created = createdHere.get(group.label);
    const stored = group.rows.filter((row) => !created?.has(row.id));
    for (const batch of batches(stored))
      await scope.run(setDerived(group.label), {
        rows: batch.map((row) => ({ id: row.id, properties: row.properties })),
      });
  }
  const stamp = { now, reason, enteredBy: provenance.enteredBy, enteredVia: provenance.enteredVia };
  if (plan.unlinks && plan.unlinks.length > 0) {
    if (!options.correction) throw new Error('Only a correction removes links.');
    for (const group of plan.unlinks)
      await relink(
        scope,
        group.type,
        group.fromLabel,
        group.ids.map((from) => ({ from, to: null })),
        stamp,
      );
  }
  for (const group of plan.relationships) {
    const created = createdHere.get(group.fromLabel);
    const fromNew = distinctLinks(group.rows.filter((row) => created?.has(row.from)));
    const fromStored = group.rows.filter((row) => !created?.has(row.from));
    const parameters = { now, extractedBy: null, ...provenance };
    for (const batch of batches(fromNew)) {
      const [result] = await scope.run(
        createRelationships(group.type, group.fromLabel, group.toLabel),
        { rows: batch, ...parameters },
      );
      refuseMissingEnds(group.type, batch.length, Number(result?.created ?? 0));
      counts.relationshipsCreated += batch.length;
    }
    if (fromStored.length > 0 && singleValuedRelationships.has(group.type)) {
      if (options.correction) await relink(scope, group.type, group.fromLabel, fromStored, stamp);
      else await refuseSecondLink(scope, group.type, group.fromLabel, fromStored);
    }
    for (const batch of batches(fromStored)) {
      const [result] = await scope.run(
        upsertRelationships(group.type, group.fromLabel, group.toLabel),
        { rows: batch, ...parameters },
      );
      const created = Number(result?.created ?? 0);
      const matched = Number(result?.matched ?? 0);
      refuseMissingEnds(group.type, batch.length, matched);
      counts.relationshipsCreated += created;
      counts.relationshipsUnchanged += matched - created;
    }
    onProgress(`${group.type} relationships`, ++done, total);
  }
  const nodeTotal = plan.nodes.reduce((sum, group) => sum + group.rows.length, 0);
  counts.nodesUnchanged = nodeTotal - counts.nodesCreated - counts.nodesUpdated;
  return counts;
}

/** A node row with the digest of its content. */
interface HashedRow {
  readonly id: string;
  readonly properties: Record<string, StoredValue>;
  readonly hash: string;
}

/**
 * Reads which of a group's ids are stored and with what content, in one index seek per id:
 * `fresh` rows are new (each id once), `changed` ones are stored with other content, and stored
 * rows with the same content are left out, since writing them would change nothing. A node
 * without a content hash (none is ever written so) counts as unchanged, as MERGE treated it.
 */
async function sortByStoredContent(
  scope: WriteScope,
  label: string,
  rows: readonly { id: string; properties: Record<string, StoredValue> }[],
): Promise<{ fresh: HashedRow[]; changed: HashedRow[] }> {
  const stored = new Map<string, unknown>();
  for (const batch of batches(rows)) {
    const found = await scope.run(storedContentHashes(label), { ids: batch.map((row) => row.id) });
    for (const row of found) stored.set(String(row.id), row.hash);
  }
  const fresh = new Map<string, HashedRow>();
  const changed: HashedRow[] = [];
  for (const row of rows) {
    const hashed = { id: row.id, properties: row.properties, hash: contentHash(row.properties) };
    if (!stored.has(row.id)) {
      if (!fresh.has(row.id)) fresh.set(row.id, hashed);
    } else {
      const storedHash = stored.get(row.id);
      if (storedHash !== null && storedHash !== undefined && storedHash !== hashed.hash)
        changed.push(hashed);
    }
  }
  return { fresh: [...fresh.values()], changed };
}

/**
 * A retryable error: the driver rolls the transaction back and runs the write again. Thrown when
 * ids read as absent were created meanwhile by a concurrent write (two loads sharing actors).
 */
function concurrentCreation(label: string): Neo4jError {
  const message = `A concurrent write created ${label} nodes this write was about to create.`;
  return new Neo4jError(
    message,
    'Neo.TransientError.Transaction.ConcurrentCreation',
    '50N42',
    `error: general processing exception - unexpected error. ${message}`,
  );
}

/** The same link listed twice is written once, as MERGE wrote it. */
function distinctLinks(rows: readonly RelationshipWrite[]): RelationshipWrite[] {
  const seen = new Map<string, RelationshipWrite>();
  for (const row of rows) {
    const key = JSON.stringify([row.from, row.to, row.key]);
    if (!seen.has(key)) seen.set(key, row);
  }
  return [...seen.values()];
}

/** BAD_USER_INPUT when fewer relationships were written than asked: an end does not exist. */
function refuseMissingEnds(type: string, wanted: number, matched: number) {
  if (matched < wanted) {
    throw new AppError(
      'BAD_USER_INPUT',
      `${wanted - matched} ${type} relationships name a node that does not exist.`,
    );
  }
}

/**
 * Refuses a write that would give a node a second relationship of a single-valued type.
 * The existing links are read by expanding from `a`, with no label on the other end: with one
 * (as a MATCH, or inside the comprehension) the planner sometimes, after replanning on fresh
 * statistics, joined every row with a scan of that label, and one 5,000-claim shard of the
 * scale benchmark spent 20-133 s here instead of well under a second. Each relationship type
 * only ever points at one label (graphVocabulary), so the label adds nothing.
 */
async function refuseSecondLink(
  scope: WriteScope,
  type: string,
  fromLabel: string,
  rows: readonly RelationshipWrite[],
) {
  const [clash] = await scope.run(
    {
      name: `existing${type}Links`,
      cypher: `
        UNWIND $rows AS row
        MATCH (a:${fromLabel} {id: row.from}) USING INDEX a:${fromLabel}(id)
        WITH a, row, [(a)-[:${type}]->(b) WHERE b.id <> row.to | b.id] AS others
        WHERE size(others) > 0
        RETURN a.id AS from, others[0] AS existing, row.to AS wanted LIMIT 1`,
    },
    { rows: rows.map(({ from, to }) => ({ from, to })) },
  );
  if (clash) {
    throw new AppError(
      'CONFLICT',
      `"${String(clash.from)}" is already linked by ${type} to "${String(clash.existing)}"; ` +
        `it cannot also be linked to "${String(clash.wanted)}". Nothing was written.`,
    );
  }
}

/** Refuses a write in which nodes already stored have other content (CONFLICT, naming them). */
function refuseChangedNodes(label: string, changed: readonly { id: string }[]): never {
  const ids = changed.map((row) => row.id);
  throw new AppError(
    'CONFLICT',
    `${label} ${ids
      .slice(0, 5)
      .map((id) => `"${id}"`)
      .join(', ')}${ids.length > 5 ? ' and more' : ''} already ${
      ids.length === 1 ? 'exists' : 'exist'
    } with other content. Nothing was written: record new content under a new id, or correct the stored record (a correct… mutation, or --correct "reason" for a load).`,
    { ids: ids.slice(0, 5) },
  );
}

/**
 * A correction's single-valued links: where a node links elsewhere, links nowhere yet, or must no
 * longer link (`to` null), the node is first revised (a Revision recording the old target, or
 * none, unless this write already revised it) and an old link is removed; the write then adds the
 * new one.
 */
async function relink(
  scope: WriteScope,
  type: string,
  fromLabel: string,
  rows: readonly { from: string; to: string | null }[],
  parameters: { now: string; reason: string | null; enteredBy: string; enteredVia: string },
) {
  await scope.run(
    {
      name: `relink${type}`,
      cypher: `
        UNWIND $rows AS row
        MATCH (n:${fromLabel} {id: row.from}) USING INDEX n:${fromLabel}(id)
        OPTIONAL MATCH (n)-[link:${type}]->(other)
        WITH n, row, collect(link) AS links, collect(other.id) AS targets
        WHERE CASE WHEN row.to IS NULL THEN size(targets) > 0 ELSE targets <> [row.to] END
        CALL (n) {
          WITH n WHERE coalesce(n.updatedAt, '') <> $now AND n.enteredAt <> $now
          ${snapshotNode(fromLabel)}
          SET n.revision = n.revision + 1, n.updatedBy = $enteredBy, n.updatedVia = $enteredVia,
              n.updatedAt = $now, n.correctionReason = $reason
        }
        FOREACH (stale IN [l IN links WHERE row.to IS NULL OR endNode(l).id <> row.to] | DELETE stale)
        RETURN count(n) AS relinked`,
    },
    { rows: rows.map(({ from, to }) => ({ from, to })), ...parameters },
  );
}

function storedContentHashes(label: string) {
  return {
    name: `stored${label}Hashes`,
    cypher: `
      UNWIND $ids AS id
      MATCH (n:${label} {id: id}) USING INDEX n:${label}(id)
      RETURN n.id AS id, n.contentHash AS hash`,
  };
}

/**
 * Nodes read as absent. MERGE rather than CREATE, so that one created meanwhile by a concurrent
 * write is found (and counted as not created here) instead of failing the uniqueness constraint.
 */
function createNodes(label: string) {
  return {
    name: `create${label}Nodes`,
    cypher: `
      UNWIND $rows AS row
      MERGE (n:${label} {id: row.id})
      ON CREATE SET n = row.properties, n += row.derived, n.id = row.id,
                    n.contentHash = row.hash, n.revision = 1,
                    n.enteredBy = $enteredBy, n.enteredVia = $enteredVia, n.enteredAt = $now,
                    n.extractedBy = $extractedBy
      RETURN sum(CASE WHEN n.enteredAt = $now AND n.contentHash = row.hash THEN 1 ELSE 0 END) AS created`,
  };
}

function upsertNodes(label: string) {
  return {
    name: `upsert${label}Nodes`,
    cypher: `
      UNWIND $rows AS row
      MERGE (n:${label} {id: row.id})
      ON CREATE SET n = row.properties, n.id = row.id, n.contentHash = row.hash, n.revision = 1,
                    n.enteredBy = $enteredBy, n.enteredVia = $enteredVia, n.enteredAt = $now,
                    n.extractedBy = $extractedBy
      WITH n, row
      CALL (n, row) {
        WITH n, row WHERE n.contentHash <> row.hash
        ${snapshotNode(label)}
        WITH n, row, n {${keptStateProperties.map((key) => `.${key}`).join(', ')}} AS kept,
             n.revision AS revision
        SET n = row.properties, n += kept, n.id = row.id, n.contentHash = row.hash,
            n.revision = revision + 1,
            n.updatedBy = $enteredBy, n.updatedVia = $enteredVia, n.updatedAt = $now,
            n.correctionReason = $reason
        RETURN count(*) AS changed
      }
      RETURN sum(CASE WHEN n.enteredAt = $now THEN 1 ELSE 0 END) AS created,
             sum(CASE WHEN n.updatedAt = $now AND n.enteredAt <> $now THEN 1 ELSE 0 END) AS updated`,
  };
}

function setDerived(label: string) {
  return {
    name: `setDerived${label}Properties`,
    cypher: `
      UNWIND $rows AS row
      MATCH (n:${label} {id: row.id}) USING INDEX n:${label}(id)
      SET n += row.properties`,
  };
}

/** Links from nodes this write created: none can exist yet, so no MERGE is needed. */
function createRelationships(type: string, fromLabel: string, toLabel: string) {
  return {
    name: `create${type}Relationships`,
    cypher: `
      UNWIND $rows AS row
      MATCH (a:${fromLabel} {id: row.from}) USING INDEX a:${fromLabel}(id)
      MATCH (b:${toLabel} {id: row.to}) USING INDEX b:${toLabel}(id)
      CREATE (a)-[r:${type} {key: row.key}]->(b)
      SET r += row.properties, r.enteredBy = $enteredBy, r.enteredVia = $enteredVia,
          r.enteredAt = $now, r.extractedBy = $extractedBy
      RETURN count(r) AS created`,
  };
}

function upsertRelationships(type: string, fromLabel: string, toLabel: string) {
  return {
    name: `upsert${type}Relationships`,
    cypher: `
      UNWIND $rows AS row
      MATCH (a:${fromLabel} {id: row.from}) USING INDEX a:${fromLabel}(id)
      MATCH (b:${toLabel} {id: row.to}) USING INDEX b:${toLabel}(id)
      MERGE (a)-[r:${type} {key: row.key}]->(b)
      ON CREATE SET r += row.properties, r.enteredBy = $enteredBy, r.enteredVia = $enteredVia,
                    r.enteredAt = $now, r.extractedBy = $extractedBy
      RETURN count(r) AS matched, sum(CASE WHEN r.enteredAt = $now THEN 1 ELSE 0 END) AS created`,
  };
}

/** A stable digest of a node's content, so an unchanged node is recognised and left alone. */
export function contentHash(properties: Record<string, StoredValue>): string {
  const canonical = JSON.stringify(
    Object.keys(properties)
      .sort()
      .map((key) => [key, properties[key]]),
  );
  return createHash('sha256').update(canonical).digest('hex').slice(0, 32);
}

/** Rows in slices of one UNWIND statement each (also used by bench/scale/ingestCeiling.ts). */
export function* batches<T>(rows: readonly T[], size = 5000): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}
