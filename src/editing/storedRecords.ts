import type { StoredNode } from '../db/correctionQueries.js';

/**
 * The seed-format record a stored node was written from: the inverse of planSeedLoad for one
 * node's own fields and single-valued links. Pure. A correction merges its changes into this
 * record and plans it again, so a field it does not touch is stored exactly as before (the
 * round trip is tested on every node of the seed graph).
 *
 * Multi-valued links (a source's citations and carried claims, an actor's affiliations, a claim's
 * figures and events, an event's participants) are not part of the record: a correction leaves
 * them as they are.
 */
export type StoredRecord = Record<string, unknown>;

/** A flattened time (`<prefix>Value`, …) as the seed format's time expression, if there is one. */
function storedTime(properties: Record<string, unknown>, prefix: string): unknown {
  const value = properties[`${prefix}Value`];
  if (typeof value !== 'string') return undefined;
  return {
    raw: properties[`${prefix}Raw`] ?? null,
    value,
    precision: properties[`${prefix}Precision`],
    basis: properties[`${prefix}Basis`],
  };
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** The record of a stored source (its text is handed to the plan separately). */
export function storedSource({ properties: p, links }: StoredNode): StoredRecord {
  return {
    id: p.id,
    kind: p.kind,
    title: p.title,
    publisher: links.publisherId ?? undefined,
    published: storedTime(p, 'published'),
    url: p.url,
    primary: p.primary ?? false,
    notes: p.notes,
  };
}

/** The record of a stored actor. */
export function storedActor({ properties: p, links }: StoredNode): StoredRecord {
  return {
    id: p.id,
    kind: p.kind,
    name: p.name,
    aliases: list(p.aliases),
    anonymous: p.anonymous ?? false,
    description: p.description,
    claimedAffiliation: p.claimedAffiliation,
    country: links.countryId ?? undefined,
    stateAffiliation: links.stateAffiliationId ?? undefined,
    ownedBy: links.ownedById ?? undefined,
    notes: p.notes,
  };
}

/** The record of a stored claim (its figures are Quantity nodes, left as they are). */
export function storedClaim({ properties: p }: StoredNode): StoredRecord {
  return {
    id: p.id,
    text: p.text,
    topics: list(p.topics),
    refersTo: storedTime(p, 'refersTo'),
    notes: p.notes,
  };
}

/** The record of a stored attribution, with its quoted words and own figures. */
export function storedAttribution({ properties: p, links }: StoredNode): StoredRecord {
  const wordsText = list(p.quotedWordsText);
  const figuresRaw = list(p.figuresRaw);
  return {
    id: p.id,
    actor: links.actorId ?? undefined,
    claim: links.claimId ?? undefined,
    source: links.sourceId ?? undefined,
    stance: p.stance,
    quote: p.quote,
    start: p.quoteStart,
    end: p.quoteEnd,
    cue: p.cue,
    speech: p.speech,
    quotedWords: wordsText.map((text, i) => ({
      text,
      start: list(p.quotedWordsStart)[i],
      end: list(p.quotedWordsEnd)[i],
    })),
    figures: figuresRaw.map((raw, i) => ({
      raw,
      value: list(p.figuresValue)[i],
      unit: list(p.figuresUnit)[i],
      kind: list(p.figuresKind)[i],
    })),
    said: storedTime(p, 'said'),
    event: links.eventId ?? undefined,
    notes: p.notes,
    confidence: p.confidence,
  };
}

/** The record of a stored event (participants are links, left as they are). */
export function storedEvent({ properties: p }: StoredNode): StoredRecord {
  return {
    id: p.id,
    name: p.name,
    kind: p.kind,
    time: storedTime(p, 'time'),
    place: p.place,
    notes: p.notes,
  };
}
