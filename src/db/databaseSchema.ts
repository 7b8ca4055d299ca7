import { draftConstraint } from './draftStore.js';
import type { Executor } from './executor.js';
import { identifiedLabels, Label } from './graphVocabulary.js';

/** Full-text indexes behind Query.search, one per kind of thing a user searches for. */
export const fullTextIndexes = {
  claims: { name: 'claim_text', label: Label.Claim, properties: ['text', 'topicsText'] },
  quotes: { name: 'attribution_quote', label: Label.Attribution, properties: ['quote'] },
  actors: {
    name: 'actor_names',
    label: Label.Actor,
    properties: ['name', 'aliasesText', 'description'],
  },
  sources: { name: 'source_titles', label: Label.Source, properties: ['title'] },
  events: { name: 'event_names', label: Label.Event, properties: ['name', 'place'] },
} as const;

/**
 * The index behind text-reuse candidates (docs/reuse.md): each source's fingerprints as
 * whitespace-separated tokens, so finding the sources that share fingerprints with a text is an
 * index lookup of its hashes, not a scan. Not one of Query.search's indexes.
 */
export const fingerprintIndex = {
  name: 'source_fingerprints',
  label: Label.Source,
  property: 'fingerprintText',
} as const;

/**
 * The statements that make the database schema: a uniqueness constraint on every `id` (which
 * also gives MERGE and lookups an index seek), range indexes used by filters, and full-text
 * indexes. All are IF NOT EXISTS, so applying them at every start is safe.
 */
export function databaseSchemaStatements(): string[] {
  const statements = identifiedLabels.map(
    (label) =>
      `CREATE CONSTRAINT ${label.toLowerCase()}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
  );
  statements.push(
    `CREATE INDEX attribution_stance IF NOT EXISTS FOR (n:${Label.Attribution}) ON (n.stance)`,
    `CREATE INDEX actor_kind IF NOT EXISTS FOR (n:${Label.Actor}) ON (n.kind)`,
    `CREATE INDEX source_kind IF NOT EXISTS FOR (n:${Label.Source}) ON (n.kind)`,
    // Retracted attributions are few; search counts them to fetch enough quotes (searchQuery.ts).
    `CREATE INDEX attribution_retracted IF NOT EXISTS FOR (n:${Label.Attribution}) ON (n.retracted)`,
    `CREATE INDEX revision_of IF NOT EXISTS FOR (n:${Label.Revision}) ON (n.revisionOf)`,
    // Revisions are not in identifiedLabels (no uniqueness needed), but import matches them by id.
    `CREATE INDEX revision_id IF NOT EXISTS FOR (n:${Label.Revision}) ON (n.id)`,
    draftConstraint,
    `CREATE FULLTEXT INDEX ${fingerprintIndex.name} IF NOT EXISTS FOR (n:${fingerprintIndex.label}) ON EACH [n.${fingerprintIndex.property}] OPTIONS {indexConfig: {\`fulltext.analyzer\`: 'whitespace'}}`,
  );
  for (const index of Object.values(fullTextIndexes)) {
    const properties = index.properties.map((property) => `n.${property}`).join(', ');
    statements.push(
      `CREATE FULLTEXT INDEX ${index.name} IF NOT EXISTS FOR (n:${index.label}) ON EACH [${properties}]`,
    );
  }
  return statements;
}

/** Applies constraints and indexes idempotently, then waits until the indexes are online. */
export async function applyDatabaseSchema(executor: Executor): Promise<void> {
  for (const cypher of databaseSchemaStatements()) {
    await executor.write({ name: 'applyDatabaseSchema', cypher });
  }
  await executor.write({ name: 'awaitIndexes', cypher: 'CALL db.awaitIndexes(60)' });
}
