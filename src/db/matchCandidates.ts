import neo4j from 'neo4j-driver';
import { fullTextIndexes } from './databaseSchema.js';
import type { Executor } from './executor.js';
import { Label, Rel } from './graphVocabulary.js';
import { luceneTerms } from './searchQuery.js';

/** A claim of the graph as the desk's matcher reads it. */
export interface ClaimCandidate {
  readonly id: string;
  readonly text: string;
  /** The node's revision when read: a commit refuses a match whose claim changed since. */
  readonly revision: number;
  readonly refersTo?: { readonly value: string; readonly precision: string };
  readonly quantities: {
    raw: string;
    value: number;
    unit: string;
    kind: string;
    change?: { raw: string; value: number; unit: string };
  }[];
  readonly speakerIds: string[];
}

/** A source of the graph as the desk's citation matcher reads it. */
export interface SourceCandidate {
  readonly id: string;
  readonly title: string;
  readonly kind: string;
  readonly primary: boolean;
  readonly publisherId: string;
  /** Of the claim ids asked about, those it carries. */
  readonly carries: string[];
}

const claimProjection = `{
  id: c.id, text: c.text, revision: coalesce(c.revision, 1),
  refersToValue: c.refersToValue, refersToPrecision: c.refersToPrecision,
  quantities: [(c)-[:${Rel.HAS_QUANTITY}]->(q:${Label.Quantity}) |
    q {.raw, .value, .unit, .kind, .position, .changeRaw, .changeValue, .changeUnit}],
  speakerIds: [(a:${Label.Attribution})-[:${Rel.ABOUT}]->(c) WHERE coalesce(a.retracted, false) <> true
    | [(a)-[:${Rel.BY}]->(s:${Label.Actor}) | s.id][0]]
}`;

/**
 * Full-text candidates for many drafted claims in one statement: for each `{key, text}`, up to
 * `limit` claims of the claim_text index whose words overlap, with what the matcher compares
 * (figures, time, speakers). Words of one or two letters are left out of the query.
 */
export async function claimCandidates(
  executor: Executor,
  queries: readonly { key: string; text: string }[],
  limit = 25,
): Promise<Map<string, ClaimCandidate[]>> {
  const terms = queries
    .map((query) => ({
      key: query.key,
      query: luceneTerms(
        query.text
          .split(/\s+/)
          .filter((word) => word.replace(/\W/g, '').length > 2)
          .join(' '),
      ),
    }))
    .filter((query) => query.query.length > 0);
  const result = new Map<string, ClaimCandidate[]>(queries.map((query) => [query.key, []]));
  if (terms.length === 0) return result;
  const rows = await executor.read(
    {
      name: 'deskClaimCandidates',
      cypher: `
        UNWIND $terms AS term
        CALL (term) {
          CALL db.index.fulltext.queryNodes('${fullTextIndexes.claims.name}', term.query, {limit: $limit})
          YIELD node AS c, score
          RETURN c ${claimProjection} AS claim, score
        }
        RETURN term.key AS key, claim ORDER BY key, score DESC`,
    },
    { terms, limit: neo4j.int(limit) },
  );
  for (const row of rows) result.get(String(row.key))?.push(toCandidate(row.claim));
  return result;
}

/** Claims by id, as candidates (an editor picking a claim the full-text search did not offer). */
export async function claimsAsCandidates(
  executor: Executor,
  ids: readonly string[],
): Promise<Map<string, ClaimCandidate>> {
  const rows = await executor.read(
    {
      name: 'deskClaimsById',
      cypher: `MATCH (c:${Label.Claim}) WHERE c.id IN $ids RETURN c ${claimProjection} AS claim`,
    },
    { ids },
  );
  return new Map(
    rows.map((row) => {
      const claim = toCandidate(row.claim);
      return [claim.id, claim];
    }),
  );
}

/**
 * Sources published by any of `publisherIds`, each with which of `claimIds` it carries, at most
 * `limit` per publisher (those carrying the most of the claims first).
 */
export async function sourceCandidates(
  executor: Executor,
  publisherIds: readonly string[],
  claimIds: readonly string[],
  limit = 20,
): Promise<SourceCandidate[]> {
  if (publisherIds.length === 0) return [];
  const rows = await executor.read(
    {
      name: 'deskSourceCandidates',
      cypher: `
        UNWIND $publisherIds AS publisherId
        CALL (publisherId) {
          MATCH (s:${Label.Source})-[:${Rel.PUBLISHED_BY}]->(:${Label.Actor} {id: publisherId})
          WITH s, [(s)-[:${Rel.CARRIES}]->(c:${Label.Claim}) WHERE c.id IN $claimIds | c.id] AS carries
          RETURN s, carries ORDER BY size(carries) DESC, s.id LIMIT $limit
        }
        RETURN s.id AS id, s.title AS title, s.kind AS kind, coalesce(s.primary, false) AS primary,
               publisherId, carries`,
    },
    { publisherIds, claimIds, limit: neo4j.int(limit) },
  );
  return rows.map((row) => ({
    id: String(row.id),
    title: String(row.title),
    kind: String(row.kind),
    primary: row.primary === true,
    publisherId: String(row.publisherId),
    carries: (row.carries as unknown[]).map(String),
  }));
}

function toCandidate(value: unknown): ClaimCandidate {
  const row = value as Record<string, unknown>;
  const quantities = (row.quantities as Record<string, unknown>[])
    .sort((a, b) => Number(a.position) - Number(b.position))
    .map((q) => ({
      raw: String(q.raw),
      value: Number(q.value),
      unit: String(q.unit),
      kind: String(q.kind),
      ...(typeof q.changeValue === 'number'
        ? {
            change: {
              raw: String(q.changeRaw),
              value: q.changeValue,
              unit: String(q.changeUnit),
            },
          }
        : {}),
    }));
  return {
    id: String(row.id),
    text: String(row.text),
    revision: Number(row.revision),
    ...(typeof row.refersToValue === 'string'
      ? {
          refersTo: {
            value: row.refersToValue,
            precision: String(row.refersToPrecision),
          },
        }
      : {}),
    quantities,
    speakerIds: [...new Set((row.speakerIds as unknown[]).filter((id) => id !== null).map(String))],
  };
}
