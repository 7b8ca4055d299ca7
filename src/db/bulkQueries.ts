import { databaseSchemaStatements } from './databaseSchema.js';
import type { Executor } from './executor.js';
import type { StoredValue } from './graphWritePlan.js';
import { batches } from './writeGraphPlan.js';

/**
 * The Cypher of the bulk load (src/ingest/bulk/): whether a database is empty before its store
 * is replaced, what it holds after, and the property values the importer's CSV cannot carry
 * (empty lists and the like), set by id once the import is done and the id constraints exist.
 */

/** True when the database holds no node at all (a bulk import may replace it). */
export async function databaseIsEmpty(executor: Executor): Promise<boolean> {
  const [row] = await executor.read({
    name: 'bulkDatabaseIsEmpty',
    cypher: 'RETURN NOT EXISTS { MATCH (n) } AS empty',
  });
  return row?.empty === true;
}

/** How many nodes and relationships the database holds. */
export async function countNodesAndRelationships(
  executor: Executor,
): Promise<{ nodes: number; relationships: number }> {
  const [nodes] = await executor.read({
    name: 'bulkCountNodes',
    cypher: 'MATCH (n) RETURN count(n) AS count',
  });
  const [relationships] = await executor.read({
    name: 'bulkCountRelationships',
    cypher: 'MATCH ()-[r]->() RETURN count(r) AS count',
  });
  return { nodes: Number(nodes?.count ?? 0), relationships: Number(relationships?.count ?? 0) };
}

/**
 * Sets properties on nodes of `label` (a vocabulary constant from a write plan) by id; returns
 * how many nodes were found.
 */
export async function setNodeProperties(
  executor: Executor,
  label: string,
  rows: readonly { id: string; properties: Record<string, StoredValue> }[],
): Promise<number> {
  let matched = 0;
  for (const batch of batches(rows)) {
    const [row] = await executor.write(
      {
        name: `bulkSet${label}Properties`,
        cypher: `
          UNWIND $rows AS row
          MATCH (n:${label} {id: row.id})
          SET n += row.properties
          RETURN count(n) AS matched`,
      },
      { rows: batch },
    );
    matched += Number(row?.matched ?? 0);
  }
  return matched;
}

/**
 * Sets properties on relationships of `type` (a vocabulary constant) found by their ends' ids
 * and key; returns how many were found.
 */
export async function setRelationshipProperties(
  executor: Executor,
  type: string,
  fromLabel: string,
  toLabel: string,
  rows: readonly {
    from: string;
    to: string;
    key: string;
    properties: Record<string, StoredValue>;
  }[],
): Promise<number> {
  let matched = 0;
  for (const batch of batches(rows)) {
    const [row] = await executor.write(
      {
        name: `bulkSet${type}Properties`,
        cypher: `
          UNWIND $rows AS row
          MATCH (a:${fromLabel} {id: row.from})-[r:${type} {key: row.key}]->(b:${toLabel} {id: row.to})
          SET r += row.properties
          RETURN count(r) AS matched`,
      },
      { rows: batch },
    );
    matched += Number(row?.matched ?? 0);
  }
  return matched;
}

/**
 * The database schema (databaseSchemaStatements, the same statements applyDatabaseSchema runs)
 * on a freshly imported store, ordered for it: the plain and full-text indexes first, whose
 * population runs in the background, then the uniqueness constraints, each of which blocks until
 * its own index is built, so the two overlap. Returns once the constraints hold; `awaitIndexes`
 * then waits for the rest (kept apart so work that needs only the constraints, such as setting
 * properties by id, overlaps the full-text population too).
 */
export async function applyImportedSchema(executor: Executor): Promise<void> {
  const statements = databaseSchemaStatements();
  const isConstraint = (cypher: string) => cypher.startsWith('CREATE CONSTRAINT');
  const ordered = [
    ...statements.filter((cypher) => !isConstraint(cypher)),
    ...statements.filter(isConstraint),
  ];
  for (const cypher of ordered) await executor.write({ name: 'applyImportedSchema', cypher });
}

/**
 * Waits until every index is online, up to an hour (Neo4j fails the call after that): the
 * full-text indexes of a large import take longer than the minute applyDatabaseSchema allows.
 */
export async function awaitIndexes(executor: Executor): Promise<void> {
  await executor.write({ name: 'bulkAwaitIndexes', cypher: 'CALL db.awaitIndexes(3600)' });
}
