/**
 * Node labels and relationship types of the claim graph. Cypher in src/db uses these names
 * only; they never come from input. docs/model.md draws them.
 */
export const Label = {
  Claim: 'Claim',
  Actor: 'Actor',
  Source: 'Source',
  Attribution: 'Attribution',
  Event: 'Event',
  Quantity: 'Quantity',
  /** A snapshot of a node's properties before a correction changed them. */
  Revision: 'Revision',
} as const;

/** Labels whose nodes have a stable, unique `id`. */
export const identifiedLabels = [
  Label.Claim,
  Label.Actor,
  Label.Source,
  Label.Attribution,
  Label.Event,
  Label.Quantity,
] as const;

/** Relationship types, named from the start node's point of view. */
export const Rel = {
  /** (Attribution)-[:BY]->(Actor): who said it. */
  BY: 'BY',
  /** (Attribution)-[:ABOUT]->(Claim): what was said. */
  ABOUT: 'ABOUT',
  /** (Attribution)-[:RECORDED_IN]->(Source): where it is recorded (the quote is in its text). */
  RECORDED_IN: 'RECORDED_IN',
  /** (Attribution)-[:AT_EVENT]->(Event): the occasion it was said at. */
  AT_EVENT: 'AT_EVENT',
  /** (Source)-[:CITES]->(Source): this source draws on that one. */
  CITES: 'CITES',
  /**
   * (Source copier)-[:COPIES]->(Source original): an editor confirmed that the copier reproduces
   * passages of the original (without crediting it, unless it also CITES it); the passages are
   * the relationship's evidence (docs/reuse.md).
   */
  COPIES: 'COPIES',
  /** (Source)-[:CARRIES]->(Claim): the source carries the claim (quoted or not). */
  CARRIES: 'CARRIES',
  /** (Source)-[:PUBLISHED_BY]->(Actor). */
  PUBLISHED_BY: 'PUBLISHED_BY',
  /** (Claim)-[:HAS_QUANTITY]->(Quantity). */
  HAS_QUANTITY: 'HAS_QUANTITY',
  /** (Claim)-[:CONCERNS]->(Event). */
  CONCERNS: 'CONCERNS',
  SUPPORTS: 'SUPPORTS',
  CONTRADICTS: 'CONTRADICTS',
  RESPONDS_TO: 'RESPONDS_TO',
  /** (Actor)-[:AFFILIATED_WITH {role, time…}]->(Actor). */
  AFFILIATED_WITH: 'AFFILIATED_WITH',
  /** (Actor outlet)-[:OWNED_BY]->(Actor). */
  OWNED_BY: 'OWNED_BY',
  /** (Actor outlet)-[:STATE_AFFILIATED_WITH]->(Actor state). */
  STATE_AFFILIATED_WITH: 'STATE_AFFILIATED_WITH',
  /** (Actor)-[:BASED_IN]->(Actor state). */
  BASED_IN: 'BASED_IN',
  /** (Actor)-[:PARTICIPATED_IN {role}]->(Event). */
  PARTICIPATED_IN: 'PARTICIPATED_IN',
  /** (Revision)-[:REVISION_OF]->(any node). */
  REVISION_OF: 'REVISION_OF',
} as const;

/** Claim-to-claim relation types, keyed by the seed format's and API's names. */
export const claimRelationTypes = {
  supports: Rel.SUPPORTS,
  contradicts: Rel.CONTRADICTS,
  'responds-to': Rel.RESPONDS_TO,
} as const;

/**
 * Relationship types a node has at most one of: an attribution has one speaker, one claim, one
 * source; a source one publisher. A write that would add a second is refused as a CONFLICT.
 */
export const singleValuedRelationships: ReadonlySet<string> = new Set([
  Rel.BY,
  Rel.ABOUT,
  Rel.RECORDED_IN,
  Rel.AT_EVENT,
  Rel.PUBLISHED_BY,
  Rel.BASED_IN,
  Rel.STATE_AFFILIATED_WITH,
  Rel.OWNED_BY,
]);
