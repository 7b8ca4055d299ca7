import neo4j from 'neo4j-driver';
import { AppError } from '../errors/appError.js';
import type { Executor, WriteScope } from './executor.js';
import { knownLabels, type KnownLabel, type KnownType } from './exportQueries.js';

/** A property value as an import file carries it (see src/export/exportFormat.ts). */
export type ImportValue = string | number | boolean | string[] | number[] | boolean[];

/** One node to write: labels in vocabulary order (the first is the one it is MERGEd under). */
export interface ImportNode {
  readonly labels: readonly KnownLabel[];
  readonly id: string;
  readonly properties: Record<string, ImportValue>;
  /** Keys whose numbers are written as Neo4j INTEGERs; every other number is a FLOAT. */
  readonly integerProperties: readonly string[];
}

/** One relationship to write, with the labels its end nodes are MERGEd under. */
export interface ImportRelationship {
  readonly type: KnownType;
  readonly from: string;
  readonly fromLabel: KnownLabel;
  readonly to: string;
  readonly toLabel: KnownLabel;
  /** `properties.key`, or null when the relationship has none. */
  readonly key: string | null;
  readonly properties: Record<string, ImportValue>;
  readonly integerProperties: readonly string[];
}

/** Everything an import writes, already validated. */
export interface ImportPlan {
  readonly nodes: readonly ImportNode[];
  readonly relationships: readonly ImportRelationship[];
}

/** What an import did. */
export interface ImportCounts {
  nodesCreated: number;
  /** Existing nodes whose properties were replaced by different ones. */
  nodesUpdated: number;
  nodesUnchanged: number;
  relationshipsCreated: number;
  /** Existing relationships (same type, ends and key) whose properties were set again. */
  relationshipsMatched: number;
}

/** Progress of an import: what was written so far. */
export type ImportProgress = (what: 'nodes' | 'relationships', done: number, total: number) => void;

const BATCH = 5000;

/**
 * The labels of the nodes that have these ids, looked up per label through the id constraints'
 * indexes (Revision nodes by label scan). Ids without a node are absent from the map.
 */
export async function findNodeLabels(
  executor: Executor,
  ids: readonly string[],
): Promise<Map<string, KnownLabel[]>> {
  const found = new Map<string, KnownLabel[]>();
  for (let start = 0; start < ids.length; start += BATCH) {
    const batch = ids.slice(start, start + BATCH);
    for (const label of knownLabels) {
      const rows = await executor.read(
        {
          name: `import${label}Lookup`,
          cypher: `MATCH (n:${label}) WHERE n.id IN $ids RETURN DISTINCT n.id AS id`,
        },
        { ids: batch },
      );
      for (const row of rows) {
        const id = String(row.id);
        const labels = found.get(id);
        if (labels) labels.push(label);
        else found.set(id, [label]);
      }
    }
  }
  return found;
}

/**
 * Writes a validated plan in ONE transaction: nodes MERGEd on id under their first label and
 * set to exactly the file's properties (`SET n = …`), then relationships MERGEd on (type, start,
 * end, key) with exactly the file's properties. Labels and types in the Cypher are vocabulary
 * constants the plan was checked against. Any failure rolls everything back.
 */
export async function writeImportPlan(
  executor: Executor,
  plan: ImportPlan,
  onProgress: ImportProgress = () => undefined,
): Promise<ImportCounts> {
  return executor.writeTransaction('importGraph', async (scope) => {
    const counts: ImportCounts = {
      nodesCreated: 0,
      nodesUpdated: 0,
      nodesUnchanged: 0,
      relationshipsCreated: 0,
      relationshipsMatched: 0,
    };
    let done = 0;
    for (const nodes of groupBy(plan.nodes, (node) => node.labels.join(':')).values()) {
      const statement = mergeNodes(nodes[0]!.labels);
      for (const batch of batches(nodes)) {
        const [row] = await scope.run(statement, {
          rows: batch.map((node) => ({
            id: node.id,
            properties: neo4jProperties(node.properties, node.integerProperties),
          })),
        });
        const created = Number(row?.created ?? 0);
        const unchanged = Number(row?.unchanged ?? 0);
        counts.nodesCreated += created;
        counts.nodesUnchanged += unchanged;
        counts.nodesUpdated += batch.length - created - unchanged;
        done += batch.length;
        onProgress('nodes', done, plan.nodes.length);
      }
    }
    done = 0;
    const groups = groupBy(
      plan.relationships,
      (relationship) => `${relationship.type} ${relationship.fromLabel} ${relationship.toLabel}`,
    );
    for (const relationships of groups.values()) {
      const { type, fromLabel, toLabel } = relationships[0]!;
      const statement = mergeRelationships(type, fromLabel, toLabel);
      for (const batch of batches(relationships)) {
        await writeRelationships(scope, statement, batch, counts);
        done += batch.length;
        onProgress('relationships', done, plan.relationships.length);
      }
    }
    return counts;
  });
}

async function writeRelationships(
  scope: WriteScope,
  statement: { name: string; cypher: string },
  batch: readonly ImportRelationship[],
  counts: ImportCounts,
) {
  const [row] = await scope.run(statement, {
    rows: batch.map((relationship) => ({
      from: relationship.from,
      to: relationship.to,
      key: relationship.key,
      properties: neo4jProperties(relationship.properties, relationship.integerProperties),
    })),
  });
  const written = Number(row?.written ?? 0);
  if (written !== batch.length) {
    // Validation found one end node per id; anything else changed while the import ran.
    throw new AppError(
      'CONFLICT',
      `${batch.length} ${batch[0]!.type} relationship(s) matched ${written} pairs of end nodes: ` +
        'the graph changed during the import, or an id is held by several nodes. Nothing was written.',
    );
  }
  const created = Number(row?.created ?? 0);
  counts.relationshipsCreated += created;
  counts.relationshipsMatched += written - created;
}

function mergeNodes(labels: readonly KnownLabel[]) {
  const [primary, ...extra] = labels;
  const extraLabels = extra.length > 0 ? `SET n:${extra.join(':')}` : '';
  return {
    name: `import${labels.join('')}Nodes`,
    cypher: `
      UNWIND $rows AS row
      OPTIONAL MATCH (old:${primary} {id: row.id})
      WITH row, old IS NULL AS isNew, coalesce(properties(old) = row.properties, false) AS same
      MERGE (n:${primary} {id: row.id})
      SET n = row.properties
      ${extraLabels}
      RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created,
             sum(CASE WHEN same THEN 1 ELSE 0 END) AS unchanged`,
  };
}

function mergeRelationships(type: KnownType, fromLabel: KnownLabel, toLabel: KnownLabel) {
  return {
    name: `import${type}Relationships`,
    cypher: `
      UNWIND $rows AS row
      MATCH (a:${fromLabel} {id: row.from})
      MATCH (b:${toLabel} {id: row.to})
      OPTIONAL MATCH (a)-[old:${type}]->(b)
        WHERE old.key = row.key OR (old.key IS NULL AND row.key IS NULL)
      WITH a, b, row, head(collect(old)) AS old
      CALL (a, b, row, old) {
        WITH a, b, row, old WHERE old IS NULL
        CREATE (a)-[r:${type}]->(b)
        SET r = row.properties
      }
      CALL (row, old) {
        WITH row, old WHERE old IS NOT NULL
        SET old = row.properties
      }
      RETURN count(*) AS written, sum(CASE WHEN old IS NULL THEN 1 ELSE 0 END) AS created`,
  };
}

/** The properties as driver values: listed keys become Neo4j INTEGERs, other numbers FLOATs. */
export function neo4jProperties(
  properties: Record<string, ImportValue>,
  integerProperties: readonly string[],
): Record<string, unknown> {
  const integers = new Set(integerProperties);
  return Object.fromEntries(
    Object.entries(properties).map(([key, value]) => {
      if (!integers.has(key)) return [key, value];
      return [
        key,
        Array.isArray(value)
          ? value.map((item) => neo4j.int(item as number))
          : neo4j.int(value as number),
      ];
    }),
  );
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = key(item);
    const group = groups.get(name);
    if (group) group.push(item);
    else groups.set(name, [item]);
  }
  return groups;
}

function* batches<T>(rows: readonly T[], size = BATCH): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}
