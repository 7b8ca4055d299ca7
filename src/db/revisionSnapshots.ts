import { Label, Rel } from './graphVocabulary.js';

/**
 * The single-valued links a node's revision snapshot records beside its properties, so a
 * correction that points an attribution at another speaker (or an outlet at another owner)
 * keeps the old target in history: property name in the snapshot → relationship type.
 */
export const snapshotLinks: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  [Label.Attribution]: {
    actorId: Rel.BY,
    claimId: Rel.ABOUT,
    sourceId: Rel.RECORDED_IN,
    eventId: Rel.AT_EVENT,
  },
  [Label.Actor]: {
    countryId: Rel.BASED_IN,
    stateAffiliationId: Rel.STATE_AFFILIATED_WITH,
    ownedById: Rel.OWNED_BY,
  },
  [Label.Source]: { publisherId: Rel.PUBLISHED_BY },
};

/** A Cypher map of the node `variable`'s single-valued link targets (constants only). */
export function linkSnapshotMap(label: string, variable: string): string {
  return `{${linkSnapshotEntries(label, variable).join(', ')}}`;
}

/** The node's properties with its link targets, as a Cypher map projection. */
export function withLinkSnapshot(label: string, variable: string): string {
  return `${variable} {${['.*', ...linkSnapshotEntries(label, variable)].join(', ')}}`;
}

function linkSnapshotEntries(label: string, variable: string): string[] {
  return Object.entries(snapshotLinks[label] ?? {}).map(
    ([property, type]) => `${property}: [(${variable})-[:${type}]->(x) | x.id][0]`,
  );
}

/**
 * Node properties that are the node's state rather than its content: kept when a load or a
 * correction replaces the content, outside the content hash. Retraction is state: reloading the
 * seed file an attribution came from does not bring it back.
 */
export const keptStateProperties = [
  'enteredBy',
  'enteredVia',
  'enteredAt',
  'extractedBy',
  'retracted',
  'retractionReason',
  'retractedBy',
  'retractedAt',
] as const;

/** Derived properties (fingerprints) a revision snapshot leaves out: they follow from the text. */
export const unsnapshottedProperties = [
  'fingerprintText',
  'fingerprintCount',
  'fingerprintScheme',
] as const;

/**
 * Cypher that copies node `n` into a new Revision `old` (properties, link targets) before it
 * changes, linked by REVISION_OF; expects `$now`, `$enteredBy` in scope.
 */
export function snapshotNode(label: string): string {
  return `
        CREATE (old:${Label.Revision})
        SET old = properties(n), old += ${linkSnapshotMap(label, 'n')},
            old.id = n.id + '@' + toString(n.revision), old.revisionOf = n.id,
            old.supersededAt = $now, old.supersededBy = $enteredBy
        REMOVE ${unsnapshottedProperties.map((key) => `old.${key}`).join(', ')}
        CREATE (old)-[:${Rel.REVISION_OF}]->(n)`;
}

/** Stored properties that are not a node's content: identity, bookkeeping, state, derived. */
const nonContentProperties: ReadonlySet<string> = new Set([
  'id',
  'contentHash',
  'revision',
  'updatedBy',
  'updatedVia',
  'updatedAt',
  'correctionReason',
  ...keptStateProperties,
  ...unsnapshottedProperties,
]);

/** A node's content: what its content hash is taken over (as planSeedLoad writes it). */
export function contentOf<T>(properties: Record<string, T>): Record<string, T> {
  return Object.fromEntries(
    Object.entries(properties).filter(([key]) => !nonContentProperties.has(key)),
  );
}
