import neo4j from 'neo4j-driver';
import type { Executor } from './executor.js';
import { Label, Rel } from './graphVocabulary.js';

/** An actor as speaker resolution needs it. */
export interface KnownActorRow {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
  readonly aliases: string[];
  readonly anonymous: boolean;
  readonly description?: string;
  readonly affiliations: { role: string; organisationNames: string[] }[];
}

/**
 * The graph's actors for speaker resolution (names, aliases, kind, anonymity, affiliations with
 * their organisations' names), at most `limit`,
 * in id order. Typo matching compares against every name, so extraction reads them all; the
 * limit keeps one request bounded on a very large graph (docs/extract.md).
 */
export async function readKnownActors(
  executor: Executor,
  limit = 20_000,
): Promise<KnownActorRow[]> {
  const rows = await executor.read(
    {
      name: 'knownActorsForExtraction',
      cypher: `MATCH (n:${Label.Actor})
        RETURN n.id AS id, n.kind AS kind, n.name AS name, coalesce(n.aliases, []) AS aliases,
               coalesce(n.anonymous, false) AS anonymous, n.description AS description,
               [(n)-[r:${Rel.AFFILIATED_WITH}]->(o:${Label.Actor}) |
                 {role: r.role, names: [o.name] + coalesce(o.aliases, [])}] AS affiliations
        ORDER BY id LIMIT $limit`,
    },
    { limit: neo4j.int(limit) },
  );
  return rows.map((row) => ({
    id: String(row.id),
    kind: String(row.kind),
    name: String(row.name),
    aliases: Array.isArray(row.aliases) ? row.aliases.map(String) : [],
    anonymous: row.anonymous === true,
    ...(typeof row.description === 'string' ? { description: row.description } : {}),
    affiliations: (row.affiliations as { role: unknown; names: unknown[] }[]).map((a) => ({
      role: String(a.role),
      organisationNames: a.names.map(String),
    })),
  }));
}
