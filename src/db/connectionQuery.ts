import type { Executor } from './executor.js';
import { identifiedLabels, Label } from './graphVocabulary.js';

/** A node on a path, as the API shows it. */
export interface PathNodeRow {
  readonly kind: string;
  readonly id: string;
  readonly label: string;
}

/** One shortest path: its nodes, and for each relationship its type and whether it points forward. */
export interface PathRow {
  readonly nodes: PathNodeRow[];
  readonly relationships: { type: string; forward: boolean }[];
}

/** Binds `variable` to the node with id `$parameter`, whatever its label, using each label's id index. */
function nodeById(variable: string, parameter: string): string {
  return identifiedLabels
    .map((label) => `MATCH (${variable}:${label} {id: $${parameter}}) RETURN ${variable}`)
    .join(' UNION ');
}

/**
 * Up to 10 shortest paths between two nodes of any kind, at most `maxHops` relationships long,
 * not passing through history (Revision) nodes, nor (unless `includeRetracted`) through
 * retracted attributions or along retracted relationships (citations, claim relations).
 * `maxHops` must already be validated (1..8): Cypher needs it as a literal.
 */
export async function shortestPaths(
  executor: Executor,
  fromId: string,
  toId: string,
  maxHops: number,
  includeRetracted = false,
): Promise<PathRow[]> {
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > 8)
    throw new Error('maxHops must be 1..8');
  const rows = await executor.read(
    {
      name: 'shortestPaths',
      cypher: `
        CALL () { ${nodeById('a', 'fromId')} }
        CALL () { ${nodeById('b', 'toId')} }
        MATCH path = allShortestPaths((a)-[*..${maxHops}]-(b))
        WHERE a <> b AND none(n IN nodes(path) WHERE n:${Label.Revision})
          ${
            includeRetracted
              ? ''
              : `AND none(n IN nodes(path) WHERE n:${Label.Attribution} AND coalesce(n.retracted, false) = true)
          AND none(r IN relationships(path) WHERE coalesce(r.retracted, false) = true)`
          }
        WITH path LIMIT 10
        RETURN [n IN nodes(path) | {
                  kind: labels(n)[0], id: n.id,
                  label: coalesce(n.name, n.title, n.quote, n.text, n.raw, n.id)
                }] AS nodes,
               [i IN range(0, length(path) - 1) | {
                  type: type(relationships(path)[i]),
                  forward: startNode(relationships(path)[i]) = nodes(path)[i]
                }] AS relationships`,
    },
    { fromId, toId },
  );
  return rows as unknown as PathRow[];
}
