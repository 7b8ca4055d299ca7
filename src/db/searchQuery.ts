import neo4j from 'neo4j-driver';
import { fullTextIndexes } from './databaseSchema.js';
import type { Executor, NamedQuery } from './executor.js';
import { Label, Rel } from './graphVocabulary.js';

/** One full-text match; `claimId` is set for claims and for quotes (the quoted claim). */
export interface SearchRow {
  readonly kind: 'CLAIM' | 'QUOTE' | 'ACTOR' | 'SOURCE' | 'EVENT';
  readonly id: string;
  readonly score: number;
  readonly text: string;
  readonly claimId: string | null;
}

/**
 * All full-text indexes in one statement, hits merged by score. Takes `$query` (from
 * luceneTerms), `$limit` and `$includeRetracted` (false: retracted attributions' quotes are
 * left out); exported so the benchmarks can send it straight through the driver. Retracted
 * quotes are dropped after the index's top-k, so the quote index is asked for `$limit` plus the
 * number of retracted attributions (an index count): however many of its best hits are
 * retracted, `$limit` standing ones remain when there are that many. The count names its index:
 * with no retracted attribution yet, the planner sometimes chose a label scan instead.
 */
export const searchStatement: NamedQuery = {
  name: 'search',
  cypher: `
        OPTIONAL MATCH (retracted:${Label.Attribution}) USING INDEX retracted:${Label.Attribution}(retracted)
          WHERE retracted.retracted = true AND NOT $includeRetracted
        WITH count(retracted) AS retractedQuotes
        CALL (retractedQuotes) {
          CALL db.index.fulltext.queryNodes('${fullTextIndexes.claims.name}', $query, {limit: $limit}) YIELD node, score
          RETURN 'CLAIM' AS kind, node.id AS id, score, node.text AS text, node.id AS claimId
          UNION ALL
          CALL db.index.fulltext.queryNodes('${fullTextIndexes.quotes.name}', $query, {limit: $limit + retractedQuotes}) YIELD node, score
          WHERE $includeRetracted OR coalesce(node.retracted, false) <> true
          RETURN 'QUOTE' AS kind, node.id AS id, score, node.quote AS text,
                 [(node)-[:${Rel.ABOUT}]->(c:${Label.Claim}) | c.id][0] AS claimId
          UNION ALL
          CALL db.index.fulltext.queryNodes('${fullTextIndexes.actors.name}', $query, {limit: $limit}) YIELD node, score
          RETURN 'ACTOR' AS kind, node.id AS id, score, node.name AS text, null AS claimId
          UNION ALL
          CALL db.index.fulltext.queryNodes('${fullTextIndexes.sources.name}', $query, {limit: $limit}) YIELD node, score
          RETURN 'SOURCE' AS kind, node.id AS id, score, node.title AS text, null AS claimId
          UNION ALL
          CALL db.index.fulltext.queryNodes('${fullTextIndexes.events.name}', $query, {limit: $limit}) YIELD node, score
          RETURN 'EVENT' AS kind, node.id AS id, score, node.name AS text, null AS claimId
        }
        RETURN kind, id, score, text, claimId ORDER BY score DESC, id LIMIT $limit`,
};

/**
 * Searches all full-text indexes in one round trip and merges the hits by score. The user's
 * text is escaped, so Lucene syntax in it is matched literally rather than interpreted. Quotes
 * of retracted attributions are found only with `includeRetracted`.
 */
export async function searchGraph(
  executor: Executor,
  text: string,
  first: number,
  includeRetracted = false,
): Promise<SearchRow[]> {
  const query = searchTerms(text);
  if (query === '') return [];
  const limit = neo4j.int(first);
  const rows = await executor.read(searchStatement, { query, limit, includeRetracted });
  return rows as unknown as SearchRow[];
}

/**
 * Splits user text into words and escapes each, joined with OR so any word matches and
 * documents matching more words score higher. Backticks (the seed article's apostrophes) count
 * as word separators.
 */
export function luceneTerms(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase() // so AND, OR and NOT are words, not operators
    .split(/[\s`'’]+/)
    .map((word) => word.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, (ch) => `\\${ch}`))
    .filter((word) => word.replace(/\\/g, '').trim().length > 0)
    .slice(0, 32)
    .join(' OR ');
}

/**
 * The terms of Query.search: luceneTerms, plus a fuzzy variant of each word of five letters or
 * more (`muller~1` finds "Mueller", one edit away) and the grouped spellings of a bare number of
 * four digits or more (`14000` also finds "14,000" and the seed's "14.000"). Exact words still
 * score highest. At most 64 terms.
 */
export function searchTerms(text: string): string {
  const words = luceneTerms(text)
    .split(' OR ')
    .filter((word) => word !== '');
  const terms = words.flatMap((word) => {
    if (/^\p{Ll}{5,}$/u.test(word)) return [word, `${word}~1`];
    if (/^\d{4,15}$/.test(word)) {
      const grouped = word.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
      return [word, grouped, grouped.replace(/,/g, '.')];
    }
    return [word];
  });
  return [...new Set(terms)].slice(0, 64).join(' OR ');
}
