import neo4j from 'neo4j-driver';
import { fingerprintIndex } from './databaseSchema.js';
import type { Executor } from './executor.js';
import { Label } from './graphVocabulary.js';

/** A stored source as text-reuse comparison reads it. */
export interface ReuseSource {
  readonly id: string;
  readonly title: string;
  readonly kind: string;
  readonly text: string | null;
  /** First day of its publication time (YYYY-MM-DD), if known. */
  readonly publishedFrom: string | null;
  readonly publishedTo: string | null;
}

/** Lucene's default limit on the clauses of one query; a text's hashes are cut to it. */
const MAX_QUERY_HASHES = 1000;

const sourceProjection = `s {.id, .title, .kind, .text, .publishedFrom, .publishedTo} AS source`;

/**
 * The stored sources sharing most fingerprints with `hashes`, with their texts: one lookup of
 * the fingerprint index (its posting lists), so the cost follows the text's hashes, not the
 * number of sources. `excludeId` leaves the text's own source out. Best first, at most `limit`.
 */
export async function reuseCandidates(
  executor: Executor,
  hashes: readonly string[],
  excludeId: string | null,
  limit: number,
): Promise<{ source: ReuseSource; score: number }[]> {
  if (hashes.length === 0) return [];
  const rows = await executor.read(
    {
      name: 'reuseCandidates',
      cypher: `
        CALL db.index.fulltext.queryNodes('${fingerprintIndex.name}', $query, {limit: $limit})
        YIELD node AS s, score
        WHERE $excludeId IS NULL OR s.id <> $excludeId
        RETURN ${sourceProjection}, score`,
    },
    {
      query: sampled(hashes, MAX_QUERY_HASHES).join(' OR '),
      excludeId,
      limit: neo4j.int(limit + (excludeId ? 1 : 0)),
    },
  );
  return rows
    .slice(0, limit)
    .map((row) => ({ source: toReuseSource(row.source), score: Number(row.score) }));
}

/** At most `max` of the hashes, spread evenly over the text, so a long text is looked up whole. */
function sampled(hashes: readonly string[], max: number): readonly string[] {
  if (hashes.length <= max) return hashes;
  return Array.from({ length: max }, (_, i) => hashes[Math.floor((i * hashes.length) / max)]!);
}

/** Sources by id with their texts. */
export async function reuseSources(
  executor: Executor,
  ids: readonly string[],
): Promise<Map<string, ReuseSource>> {
  const rows = await executor.read(
    {
      name: 'reuseSources',
      cypher: `MATCH (s:${Label.Source}) WHERE s.id IN $ids RETURN ${sourceProjection}`,
    },
    { ids },
  );
  return new Map(
    rows.map((row) => {
      const source = toReuseSource(row.source);
      return [source.id, source];
    }),
  );
}

function toReuseSource(value: unknown): ReuseSource {
  const source = value as Record<string, unknown>;
  const text = (key: string) => (typeof source[key] === 'string' ? String(source[key]) : null);
  return {
    id: String(source.id),
    title: String(source.title),
    kind: String(source.kind),
    text: text('text'),
    publishedFrom: text('publishedFrom'),
    publishedTo: text('publishedTo'),
  };
}

/** Sources with text whose fingerprints are missing or of another scheme, in id order. */
export async function staleFingerprintSources(
  executor: Executor,
  scheme: string,
  after: string,
  limit: number,
): Promise<{ id: string; text: string }[]> {
  const rows = await executor.read(
    {
      name: 'staleFingerprintSources',
      cypher: `
        MATCH (s:${Label.Source}) WHERE s.id > $after AND s.text IS NOT NULL
          AND coalesce(s.fingerprintScheme, '') <> $scheme
        RETURN s.id AS id, s.text AS text ORDER BY s.id LIMIT $limit`,
    },
    { scheme, after, limit: neo4j.int(limit) },
  );
  return rows.map((row) => ({ id: String(row.id), text: String(row.text) }));
}

/** Counts sources with text, and those whose fingerprints are current. */
export async function fingerprintCoverage(
  executor: Executor,
  scheme: string,
): Promise<{ withText: number; current: number }> {
  const [row] = await executor.read(
    {
      name: 'fingerprintCoverage',
      cypher: `
        MATCH (s:${Label.Source}) WHERE s.text IS NOT NULL
        RETURN count(s) AS withText,
               sum(CASE WHEN s.fingerprintScheme = $scheme THEN 1 ELSE 0 END) AS current`,
    },
    { scheme },
  );
  return { withText: Number(row?.withText ?? 0), current: Number(row?.current ?? 0) };
}
