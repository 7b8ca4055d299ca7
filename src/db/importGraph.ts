import neo4j from 'neo4j-driver';
import { AppError } from '../errors/appError.js';
import type { Executor, WriteScope } from './executor.js';
import { knownLabels, type KnownLabel, type KnownType } from './exportQueries.js';
import { Label, Rel } from './graphVocabulary.js';
import { contentOf, linkSnapshotMap, unsnapshottedProperties } from './revisionSnapshots.js';
import { contentHash } from './writeGraphPlan.js';

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

/** Who imports, and whether the import may correct stored records (see writeImportPlan). */
export interface ImportOptions {
  /** The editor's key name, stamped on corrected nodes and their Revisions. */
  readonly editor?: string;
  /** Given: nodes the file changes are corrected (history kept) instead of refused. */
  readonly correction?: { readonly reason: string };
  readonly onProgress?: ImportProgress;
}

/**
 * Properties a correction stamps or recomputes: a stored node that differs from the file only in
 * these has the file's content, so importing a file again after a corrected import changes
 * nothing.
 */
const correctionStamp = new Set([
  'revision',
  'contentHash',
  'updatedBy',
  'updatedVia',
  'updatedAt',
  'correctionReason',
]);

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
 * end, key) with exactly the file's properties. A node the database already holds with the same
 * content is left alone; one with other content is refused as a CONFLICT (nothing is written)
 * unless the import is a correction: then the stored version is kept as a Revision and the node
 * takes the file's content, stamped with the editor, the reason and the next revision. History
 * (Revision nodes) is never rewritten: a Revision that differs is refused either way. Labels and
 * types in the Cypher are vocabulary constants the plan was checked against. Any failure rolls
 * everything back.
 */
export async function writeImportPlan(
  executor: Executor,
  plan: ImportPlan,
  options: ImportOptions = {},
): Promise<ImportCounts> {
  const onProgress = options.onProgress ?? (() => undefined);
  const now = new Date().toISOString();
  return executor.writeTransaction('importGraph', async (scope) => {
    const counts: ImportCounts = {
      nodesCreated: 0,
      nodesUpdated: 0,
      nodesUnchanged: 0,
      relationshipsCreated: 0,
      relationshipsMatched: 0,
    };
    const groups = [...groupBy(plan.nodes, (node) => node.labels.join(':')).values()];
    const classified = [];
    for (const nodes of groups) classified.push(await classifyNodes(scope, nodes));
    const changed = classified.flatMap((group) => group.changed);
    const history = changed.filter((node) => node.labels[0] === Label.Revision);
    if (history.length > 0 || (changed.length > 0 && !options.correction))
      throw changedNodesError(history.length > 0 ? history : changed, history.length > 0);
    let done = 0;
    for (const group of classified) {
      counts.nodesUnchanged += group.unchanged;
      const labels = group.fresh[0]?.labels ?? group.changed[0]?.labels;
      if (!labels) continue;
      for (const batch of batches(group.fresh)) {
        await scope.run(mergeNodes(labels), { rows: batch.map(nodeRow) });
        counts.nodesCreated += batch.length;
      }
      for (const batch of batches(group.changed)) {
        await scope.run(correctNodes(labels), {
          // The file was edited: its contentHash is the old content's, so it is taken again.
          rows: batch.map((node) => {
            const row = nodeRow(node);
            return 'contentHash' in node.properties
              ? {
                  ...row,
                  properties: {
                    ...row.properties,
                    contentHash: contentHash(contentOf(node.properties) as never),
                  },
                }
              : row;
          }),
          now,
          enteredBy: options.editor ?? 'import',
          enteredVia: 'import',
          reason: options.correction?.reason ?? null,
        });
        counts.nodesUpdated += batch.length;
      }
      done += group.fresh.length + group.changed.length + group.unchanged;
      onProgress('nodes', done, plan.nodes.length);
    }
    done = 0;
    const relationshipGroups = groupBy(
      plan.relationships,
      (relationship) => `${relationship.type} ${relationship.fromLabel} ${relationship.toLabel}`,
    );
    for (const relationships of relationshipGroups.values()) {
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

const nodeRow = (node: ImportNode) => ({
  id: node.id,
  properties: neo4jProperties(node.properties, node.integerProperties),
});

/** The group's nodes split into new ones, ones with other content, and a count of the same. */
async function classifyNodes(scope: WriteScope, nodes: readonly ImportNode[]) {
  const primary = nodes[0]!.labels[0]!;
  const fresh: ImportNode[] = [];
  const changed: ImportNode[] = [];
  let unchanged = 0;
  for (const batch of batches(nodes)) {
    const rows = await scope.run(
      {
        name: `import${primary}Stored`,
        cypher: `MATCH (n:${primary}) WHERE n.id IN $ids RETURN n.id AS id, properties(n) AS properties`,
      },
      { ids: batch.map((node) => node.id) },
    );
    const stored = new Map(
      rows.map((row) => [String(row.id), row.properties as Record<string, unknown>]),
    );
    for (const node of batch) {
      const held = stored.get(node.id);
      if (!held) fresh.push(node);
      else if (sameContent(held, node.properties)) unchanged++;
      else changed.push(node);
    }
  }
  return { fresh, changed, unchanged };
}

/** Equal apart from a correction's stamp (numbers compared as numbers, whatever their type). */
function sameContent(stored: Record<string, unknown>, file: Record<string, ImportValue>): boolean {
  const canonical = (properties: Record<string, unknown>) =>
    JSON.stringify(
      Object.keys(properties)
        .filter((key) => !correctionStamp.has(key))
        .sort()
        .map((key) => [key, properties[key]]),
    );
  return canonical(stored) === canonical(file);
}

function changedNodesError(nodes: readonly ImportNode[], history: boolean): AppError {
  const named = nodes
    .slice(0, 5)
    .map((node) => `${node.labels[0]} "${node.id}"`)
    .join(', ');
  const more = nodes.length > 5 ? ` and ${nodes.length - 5} more` : '';
  return new AppError(
    'CONFLICT',
    history
      ? `The file holds history that differs from the database's (${named}${more}); history is not rewritten. Nothing was written.`
      : `The file would change ${nodes.length} stored record(s) (${named}${more}). Nothing was written: import into an empty database to restore one, or give --correct "reason" to keep the stored versions as history and take the file's.`,
    { ids: nodes.slice(0, 5).map((node) => node.id) },
  );
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
      MERGE (n:${primary} {id: row.id})
      SET n = row.properties
      ${extraLabels}`,
  };
}

/** A corrected import of nodes that exist: the stored version becomes a Revision first. */
function correctNodes(labels: readonly KnownLabel[]) {
  const [primary, ...extra] = labels;
  const extraLabels = extra.length > 0 ? `SET n:${extra.join(':')}` : '';
  return {
    name: `importCorrected${labels.join('')}Nodes`,
    cypher: `
      UNWIND $rows AS row
      MATCH (n:${primary} {id: row.id})
      WITH n, row, coalesce(n.revision, 1) AS revision
      MERGE (old:${Label.Revision} {id: n.id + '@' + toString(revision)})
      ON CREATE SET old += properties(n), old += ${linkSnapshotMap(primary ?? '', 'n')},
                    old.id = n.id + '@' + toString(revision), old.revisionOf = n.id,
                    old.revision = revision, old.supersededAt = $now, old.supersededBy = $enteredBy,
                    ${unsnapshottedProperties.map((key) => `old.${key} = null`).join(', ')}
      MERGE (old)-[:${Rel.REVISION_OF}]->(n)
      SET n = row.properties, n.revision = revision + 1, n.updatedBy = $enteredBy,
          n.updatedVia = $enteredVia, n.updatedAt = $now, n.correctionReason = $reason
      ${extraLabels}`,
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
