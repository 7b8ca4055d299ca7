import type { Executor } from '../db/executor.js';
import { ExportQueries, knownLabels, type NodeScope } from '../db/exportQueries.js';
import { AppError } from '../errors/appError.js';
import type { ExportedNode, ExportedRelationship } from './exportFormat.js';
import type { GraphSelection } from './graphSelection.js';
import { encodeProperties } from './propertyEncoding.js';

/** Progress of an export: how many nodes or relationships have been read of how many. */
export type ExportProgress = (what: 'nodes' | 'relationships', done: number, total: number) => void;

/** Property keys of the selection with the Neo4j value types each has (for GraphML's keys). */
export interface PropertyTypes {
  readonly nodes: ReadonlyMap<string, ReadonlySet<string>>;
  readonly relationships: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * A selection of the graph read page by page, never all at once. The format writers consume
 * it; tests can hand them an in-memory one.
 */
export interface GraphStream {
  readonly totals: { readonly nodes: number; readonly relationships: number };
  /** Things the export leaves out, e.g. nodes without an id. */
  readonly warnings: readonly string[];
  nodePages(): AsyncGenerator<ExportedNode[]>;
  relationshipPages(): AsyncGenerator<ExportedRelationship[]>;
  propertyTypes(): Promise<PropertyTypes>;
}

/** Options of an export read. */
export interface GraphStreamOptions {
  /** Nodes (or start nodes, for relationships) per read; ~5000 keeps memory flat. */
  readonly pageSize?: number;
  readonly onProgress?: ExportProgress;
}

/**
 * Opens a selection for export: resolves a claim's neighbourhood (NOT_FOUND when there is no
 * such claim) and counts what will be read, so progress can say "15000/120000". Pages are
 * keyset-paged on `id` per label, each in its own read transaction; the export is therefore
 * not a snapshot of a graph that is being written to at the same time.
 */
export async function openGraphStream(
  executor: Executor,
  selection: GraphSelection,
  { pageSize = 5000, onProgress = () => undefined }: GraphStreamOptions = {},
): Promise<GraphStream> {
  const queries = new ExportQueries(executor);
  const scope = await resolveScope(queries, selection);
  const warnings: string[] = [];
  let nodeTotal = 0;
  let relationshipTotal = 0;
  for (const [index, label] of scope.labels.entries()) {
    const counts = await queries.countNodes(scope, index);
    nodeTotal += counts.withId;
    if (counts.withoutId > 0) {
      warnings.push(`${counts.withoutId} ${label} node(s) have no string id and were left out.`);
    }
    relationshipTotal += await queries.countRelationships(scope, index);
  }

  return {
    totals: { nodes: nodeTotal, relationships: relationshipTotal },
    warnings,
    async *nodePages() {
      let done = 0;
      for (const index of scope.labels.keys()) {
        let after = '';
        for (;;) {
          const page = await queries.nodePage(scope, index, after, pageSize);
          if (page.length === 0) break;
          after = page[page.length - 1]!.id;
          done += page.length;
          onProgress('nodes', done, nodeTotal);
          yield page.map((node) => {
            const encoded = encodeProperties(`node "${node.id}"`, node.properties, node.typed);
            return {
              labels: knownLabels.filter((label) => node.labels.includes(label)),
              properties: encoded.properties,
              ...(encoded.integerProperties.length > 0
                ? { integerProperties: encoded.integerProperties }
                : {}),
            };
          });
          if (page.length < pageSize) break;
        }
      }
    },
    async *relationshipPages() {
      let done = 0;
      for (const index of scope.labels.keys()) {
        let after = '';
        for (;;) {
          const page = await queries.relationshipPage(scope, index, after, pageSize);
          if (page.cursor === undefined) break;
          after = page.cursor;
          if (page.relationships.length > 0) {
            done += page.relationships.length;
            onProgress('relationships', done, relationshipTotal);
            yield page.relationships.map((relationship) => {
              const encoded = encodeProperties(
                `relationship (${relationship.from})-[:${relationship.type}]->(${relationship.to})`,
                relationship.properties,
                relationship.typed,
              );
              return {
                type: relationship.type,
                from: relationship.from,
                to: relationship.to,
                properties: encoded.properties,
                ...(encoded.integerProperties.length > 0
                  ? { integerProperties: encoded.integerProperties }
                  : {}),
              };
            });
          }
          if (page.starts < pageSize) break;
        }
      }
    },
    async propertyTypes() {
      return {
        nodes: await queries.nodePropertyTypes(scope),
        relationships: await queries.relationshipPropertyTypes(scope),
      };
    },
  };
}

async function resolveScope(queries: ExportQueries, selection: GraphSelection): Promise<NodeScope> {
  switch (selection.kind) {
    case 'all':
      return { labels: knownLabels };
    case 'label':
      return { labels: [selection.label] };
    case 'claim': {
      const ids = await queries.claimNeighbourhood(selection.claimId);
      if (!ids) {
        throw new AppError('NOT_FOUND', `No claim has the id "${selection.claimId}".`, {
          id: selection.claimId,
        });
      }
      return { labels: knownLabels, ids: ids.sort() };
    }
  }
}
