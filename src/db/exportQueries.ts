import neo4j from 'neo4j-driver';
import type { Executor } from './executor.js';
import { Label, Rel } from './graphVocabulary.js';

/** A node label of the vocabulary. */
export type KnownLabel = (typeof Label)[keyof typeof Label];

/** A relationship type of the vocabulary. */
export type KnownType = (typeof Rel)[keyof typeof Rel];

/** Every label, in vocabulary order: a node with several is exported under the first. */
export const knownLabels: readonly KnownLabel[] = Object.values(Label);

/** Every relationship type. */
export const knownTypes: readonly KnownType[] = Object.values(Rel);

/**
 * Which nodes an export reads: those carrying one of `labels` and, when `ids` is set, only
 * those ids. Relationships are read when both ends are in scope.
 */
export interface NodeScope {
  readonly labels: readonly KnownLabel[];
  readonly ids?: readonly string[];
}

/** An actor as a claim description names it. */
export interface DescribedActor {
  readonly id: string;
  readonly name: string | null;
  readonly kind: string | null;
  readonly anonymous: boolean | null;
  readonly description: string | null;
  readonly aliases: string[] | null;
}

/** A source carrying a claim, with its publisher. */
export interface DescribedSource {
  readonly id: string;
  readonly title: string | null;
  readonly kind: string | null;
  readonly url: string | null;
  readonly publishedValue: string | null;
  readonly primary: boolean | null;
  readonly publisher: { id: string; name: string | null; kind: string | null } | null;
}

/** A claim with who asserts it and where it appears. */
export interface ClaimDescription {
  readonly claim: Record<string, unknown>;
  readonly authors: DescribedActor[];
  readonly appearances: DescribedSource[];
}

/** A node as read, before its properties are encoded: `typed` lists the non-plain value types. */
export interface RawNode {
  readonly id: string;
  readonly labels: string[];
  readonly properties: Record<string, unknown>;
  readonly typed: [string, string][];
}

/** A relationship as read, before its properties are encoded. */
export interface RawRelationship {
  readonly type: string;
  readonly from: string;
  readonly to: string;
  readonly properties: Record<string, unknown>;
  readonly typed: [string, string][];
}

/** Property value types that plain JSON carries without a hint (see src/export/exportFormat.ts). */
export const plainValueTypes = [
  'STRING NOT NULL',
  'FLOAT NOT NULL',
  'BOOLEAN NOT NULL',
  'LIST<STRING NOT NULL> NOT NULL',
  'LIST<FLOAT NOT NULL> NOT NULL',
  'LIST<BOOLEAN NOT NULL> NOT NULL',
  'LIST<NOTHING> NOT NULL',
] as const;

/** `[key, valueType]` of each property of `variable` whose type is not plain. */
const typedProperties = (variable: string) =>
  `[k IN keys(${variable}) WHERE NOT valueType(${variable}[k]) IN $plainValueTypes | [k, valueType(${variable}[k])]]`;

const hasStringId = (variable: string) => `valueType(${variable}.id) = 'STRING NOT NULL'`;

/**
 * The predicate that puts node `variable` of label `labels[index]` in scope exactly once: it is
 * not also under an earlier label, and its id is selected. Labels are vocabulary constants.
 */
function ownedBy(scope: NodeScope, index: number, variable: string): string {
  const earlier = scope.labels.slice(0, index).map((label) => `NOT ${variable}:${label}`);
  const ids = scope.ids ? [`${variable}.id IN $ids`] : [];
  return [hasStringId(variable), ...ids, ...earlier].join(' AND ');
}

/** The predicate that puts the end node `variable` of a relationship in scope. */
function inScope(scope: NodeScope, variable: string): string {
  const labels = scope.labels.map((label) => `${variable}:${label}`).join(' OR ');
  const ids = scope.ids ? ` AND ${variable}.id IN $ids` : '';
  return `(${labels}) AND ${hasStringId(variable)}${ids}`;
}

/** Reads an export's nodes and relationships page by page, keyset-paged on `id` per label. */
export class ExportQueries {
  constructor(private readonly executor: Executor) {}

  /** How many nodes of `scope.labels[index]` are in scope, and how many lack a string id. */
  async countNodes(
    scope: NodeScope,
    index: number,
  ): Promise<{ withId: number; withoutId: number }> {
    const label = scope.labels[index]!;
    const earlier = scope.labels.slice(0, index).map((other) => `NOT n:${other}`);
    const [row] = await this.executor.read(
      {
        name: `exportCount${label}Nodes`,
        cypher: `
          MATCH (n:${label}) ${earlier.length > 0 ? `WHERE ${earlier.join(' AND ')}` : ''}
          WITH n, ${hasStringId('n')} AS identified
          WHERE ${scope.ids ? 'identified AND n.id IN $ids' : 'true'}
          RETURN sum(CASE WHEN identified THEN 1 ELSE 0 END) AS withId,
                 sum(CASE WHEN identified THEN 0 ELSE 1 END) AS withoutId`,
      },
      { ids: scope.ids ?? null },
    );
    return { withId: Number(row?.withId ?? 0), withoutId: Number(row?.withoutId ?? 0) };
  }

  /** Up to `limit` nodes of `scope.labels[index]` with ids after `after`, in id order. */
  async nodePage(
    scope: NodeScope,
    index: number,
    after: string,
    limit: number,
  ): Promise<RawNode[]> {
    const label = scope.labels[index]!;
    const rows = await this.executor.read(
      {
        name: `export${label}Nodes`,
        cypher: `
          MATCH (n:${label})
          WHERE n.id > $after AND ${ownedBy(scope, index, 'n')}
          RETURN n.id AS id, labels(n) AS labels, properties(n) AS properties,
                 ${typedProperties('n')} AS typed
          ORDER BY n.id
          LIMIT $limit`,
      },
      { after, limit: intParameter(limit), ids: scope.ids ?? null, plainValueTypes },
    );
    return rows as unknown as RawNode[];
  }

  /** How many relationships start at nodes of `scope.labels[index]` and end in scope. */
  async countRelationships(scope: NodeScope, index: number): Promise<number> {
    const label = scope.labels[index]!;
    const [row] = await this.executor.read(
      {
        name: `exportCount${label}Relationships`,
        cypher: `
          MATCH (a:${label})-[r]->(b)
          WHERE ${ownedBy(scope, index, 'a')} AND ${inScope(scope, 'b')}
          RETURN count(r) AS count`,
      },
      { ids: scope.ids ?? null },
    );
    return Number(row?.count ?? 0);
  }

  /**
   * The relationships going out of the next `limit` start nodes of `scope.labels[index]` after
   * `after`, and the last start node's id (the next page's cursor; undefined when none is left).
   */
  async relationshipPage(
    scope: NodeScope,
    index: number,
    after: string,
    limit: number,
  ): Promise<{ relationships: RawRelationship[]; cursor: string | undefined; starts: number }> {
    const label = scope.labels[index]!;
    const rows = await this.executor.read(
      {
        name: `export${label}Relationships`,
        cypher: `
          MATCH (a:${label})
          WHERE a.id > $after AND ${ownedBy(scope, index, 'a')}
          WITH a ORDER BY a.id LIMIT $limit
          OPTIONAL MATCH (a)-[r]->(b) WHERE ${inScope(scope, 'b')}
          RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS properties,
                 ${typedProperties('r')} AS typed
          ORDER BY from, type, to, r.key`,
      },
      { after, limit: intParameter(limit), ids: scope.ids ?? null, plainValueTypes },
    );
    const starts = new Set(rows.map((row) => String(row.from)));
    return {
      relationships: rows.filter((row) => row.type !== null) as unknown as RawRelationship[],
      cursor: rows.length > 0 ? String(rows[rows.length - 1]!.from) : undefined,
      starts: starts.size,
    };
  }

  /** Every property key of the nodes in scope, with each Neo4j value type it has. */
  async nodePropertyTypes(scope: NodeScope): Promise<Map<string, Set<string>>> {
    const types = new Map<string, Set<string>>();
    for (const [index, label] of scope.labels.entries()) {
      const rows = await this.executor.read(
        {
          name: `export${label}PropertyTypes`,
          cypher: `
            MATCH (n:${label}) WHERE ${ownedBy(scope, index, 'n')}
            UNWIND keys(n) AS key
            RETURN DISTINCT key, valueType(n[key]) AS type`,
        },
        { ids: scope.ids ?? null },
      );
      collectTypes(types, rows);
    }
    return types;
  }

  /** Every property key of the relationships in scope, with each Neo4j value type it has. */
  async relationshipPropertyTypes(scope: NodeScope): Promise<Map<string, Set<string>>> {
    const types = new Map<string, Set<string>>();
    for (const [index, label] of scope.labels.entries()) {
      const rows = await this.executor.read(
        {
          name: `export${label}RelationshipPropertyTypes`,
          cypher: `
            MATCH (a:${label})-[r]->(b)
            WHERE ${ownedBy(scope, index, 'a')} AND ${inScope(scope, 'b')}
            UNWIND keys(r) AS key
            RETURN DISTINCT key, valueType(r[key]) AS type`,
        },
        { ids: scope.ids ?? null },
      );
      collectTypes(types, rows);
    }
    return types;
  }

  /**
   * The ids of a claim's neighbourhood: the claim, its attributions and their actors, sources
   * and events, its quantities and events, the sources carrying it and their publishers, and
   * the claims it supports, contradicts or responds to (either way). Undefined: no such claim.
   */
  async claimNeighbourhood(claimId: string): Promise<string[] | undefined> {
    const [row] = await this.executor.read(
      {
        name: 'exportClaimNeighbourhood',
        cypher: `
          MATCH (c:${Label.Claim} {id: $claimId})
          CALL (c) {
            RETURN c AS n
            UNION
            MATCH (c)<-[:${Rel.ABOUT}]-(n:${Label.Attribution}) RETURN n
            UNION
            MATCH (c)<-[:${Rel.ABOUT}]-(:${Label.Attribution})
                  -[:${Rel.BY}|${Rel.RECORDED_IN}|${Rel.AT_EVENT}]->(n)
            RETURN n
            UNION
            MATCH (c)-[:${Rel.HAS_QUANTITY}|${Rel.CONCERNS}]->(n) RETURN n
            UNION
            MATCH (n:${Label.Source})-[:${Rel.CARRIES}]->(c) RETURN n
            UNION
            MATCH (s:${Label.Source})-[:${Rel.PUBLISHED_BY}]->(n:${Label.Actor})
            WHERE (s)-[:${Rel.CARRIES}]->(c)
               OR (c)<-[:${Rel.ABOUT}]-(:${Label.Attribution})-[:${Rel.RECORDED_IN}]->(s)
            RETURN n
            UNION
            MATCH (c)-[:${Rel.SUPPORTS}|${Rel.CONTRADICTS}|${Rel.RESPONDS_TO}]-(n:${Label.Claim})
            RETURN n
          }
          WITH n WHERE ${hasStringId('n')}
          RETURN collect(DISTINCT n.id) AS ids`,
      },
      { claimId },
    );
    const ids = (row?.ids ?? []) as string[];
    return ids.length > 0 ? ids : undefined;
  }

  /**
   * What a claim's JSON-LD needs: its properties, the actors of its standing attributions with
   * one of `stances`, and the sources carrying it (by the carrier rule of
   * src/domain/retraction.ts) with their publishers. Undefined: no such claim.
   */
  async claimDescription(
    claimId: string,
    stances: readonly string[],
  ): Promise<ClaimDescription | undefined> {
    const [row] = await this.executor.read(
      {
        name: 'exportClaimDescription',
        cypher: `
          MATCH (c:${Label.Claim} {id: $claimId})
          RETURN properties(c) AS claim,
            [(c)<-[:${Rel.ABOUT}]-(a:${Label.Attribution})-[:${Rel.BY}]->(who:${Label.Actor})
              WHERE a.stance IN $stances AND coalesce(a.retracted, false) <> true
              | who {.id, .name, .kind, .anonymous, .description, .aliases}] AS authors,
            [(s:${Label.Source})-[:${Rel.CARRIES}]->(c)
              WHERE NOT EXISTS { MATCH (x:${Label.Attribution})-[:${Rel.ABOUT}]->(c) WHERE (x)-[:${Rel.RECORDED_IN}]->(s) }
                 OR EXISTS { MATCH (x:${Label.Attribution})-[:${Rel.ABOUT}]->(c)
                             WHERE (x)-[:${Rel.RECORDED_IN}]->(s) AND coalesce(x.retracted, false) <> true }
              | s {.id, .title, .kind, .url, .publishedValue, .primary,
                   publisher: [(s)-[:${Rel.PUBLISHED_BY}]->(p:${Label.Actor}) | p {.id, .name, .kind}][0]}
            ] AS appearances`,
      },
      { claimId, stances },
    );
    return row as ClaimDescription | undefined;
  }
}

function collectTypes(types: Map<string, Set<string>>, rows: Record<string, unknown>[]) {
  for (const row of rows) {
    const key = String(row.key);
    const set = types.get(key) ?? new Set<string>();
    set.add(String(row.type));
    types.set(key, set);
  }
}

/** LIMIT needs an INTEGER, and the driver sends a JS number as a FLOAT. */
function intParameter(value: number) {
  return neo4j.int(Math.max(1, Math.floor(value)));
}
