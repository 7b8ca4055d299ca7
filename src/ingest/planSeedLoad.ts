import { Label, Rel, claimRelationTypes } from '../db/graphVocabulary.js';
import {
  storedProperties,
  type GraphWritePlan,
  type NodeWrite,
  type RelationshipWrite,
  type StoredValue,
} from '../db/graphWritePlan.js';
import { nameKey } from '../domain/normaliseName.js';
import { timeBounds } from '../domain/timeBounds.js';
import { fingerprintProperties } from '../reuse/fingerprintScheme.js';
import type {
  SeedCopy,
  SeedQuantity,
  SeedQuotedWords,
  SeedResolution,
  SeedSet,
  SeedTime,
} from './seedFormat.js';
import type { ValidSeedSet } from './validateSeedSet.js';

/**
 * Turns a validated seed set into the nodes and relationships to write. Pure: no I/O, so the
 * mapping from the editor's format to the graph model can be read (and tested) in one place.
 *
 * Of a draft's fields (seeds/README.md) only an attribution's `confidence` is stored; evidence,
 * resolution, the `extraction` block and the confidence of other records are read by the
 * editor's desk and not written.
 *
 * A record whose resolution is `existing` is a reference to a node already in the graph: it is
 * not written, nor are the links its own fields describe (an existing actor's affiliations, an
 * existing claim's figures), except what a citing article reports of an existing source: that it
 * carries a claim and cites another source. The write checks the references exist.
 */
export function planSeedLoad({ seedSet: fullSet, sourceTexts }: ValidSeedSet): GraphWritePlan {
  const seedSet = withoutExistingRecords(fullSet);
  const node = (id: string, properties: Record<string, StoredValue | undefined>): NodeWrite => ({
    id,
    properties: storedProperties(properties),
  });
  const link = (
    from: string,
    to: string,
    properties: Record<string, StoredValue | undefined> = {},
    key = '',
  ): RelationshipWrite => ({
    from,
    to,
    key,
    properties: storedProperties(properties),
  });

  const sources = seedSet.sources.map((source) =>
    node(source.id, {
      kind: source.kind,
      title: source.title,
      url: source.url,
      primary: source.primary,
      text: sourceTexts.get(source.id),
      notes: source.notes,
      ...timeProperties('published', source.published),
    }),
  );
  const actors = seedSet.actors.map((actor) =>
    node(actor.id, {
      kind: actor.kind,
      name: actor.name,
      aliases: actor.aliases,
      aliasesText: actor.aliases.join(' | '),
      nameKeys: [...new Set([actor.name, ...actor.aliases].map(nameKey))],
      anonymous: actor.anonymous,
      description: actor.description,
      claimedAffiliation: actor.claimedAffiliation,
      notes: actor.notes,
    }),
  );
  const claims = seedSet.claims.map((claim) =>
    node(claim.id, {
      text: claim.text,
      topics: claim.topics,
      topicsText: claim.topics.join(' '),
      notes: claim.notes,
      ...timeProperties('refersTo', claim.refersTo),
    }),
  );
  const quantities = seedSet.claims.flatMap((claim) =>
    claim.quantities.map((quantity, index) =>
      node(`${claim.id}-q${index + 1}`, {
        raw: quantity.raw,
        value: quantity.value,
        unit: quantity.unit,
        kind: quantity.kind,
        position: index + 1,
        changeRaw: quantity.change?.raw,
        changeValue: quantity.change?.value,
        changeUnit: quantity.change?.unit,
        changeBasis: quantity.change?.basis,
      }),
    ),
  );
  const attributions = seedSet.attributions.map((attribution) =>
    node(attribution.id, {
      stance: attribution.stance,
      quote: attribution.quote,
      quoteStart: attribution.start,
      quoteEnd: attribution.end,
      cue: attribution.cue,
      speech: attribution.speech,
      ...quotedWordsProperties(attribution.quotedWords),
      ...figureProperties(attribution.figures),
      confidence: attribution.confidence,
      notes: attribution.notes,
      ...timeProperties('said', attribution.said),
    }),
  );
  const events = seedSet.events.map((event) =>
    node(event.id, {
      name: event.name,
      kind: event.kind,
      place: event.place,
      notes: event.notes,
      ...timeProperties('time', event.time),
    }),
  );

  // A source carries the claims it lists and every claim it records an attribution of.
  const carried = new Map<string, RelationshipWrite>();
  for (const source of fullSet.sources) {
    for (const claim of source.carries)
      carried.set(`${source.id} ${claim}`, link(source.id, claim));
  }
  for (const attribution of seedSet.attributions) {
    carried.set(
      `${attribution.source} ${attribution.claim}`,
      link(attribution.source, attribution.claim),
    );
  }

  const claimRelations = Object.entries(claimRelationTypes).map(([name, type]) => ({
    type,
    fromLabel: Label.Claim,
    toLabel: Label.Claim,
    rows: seedSet.claimRelations
      .filter((relation) => relation.type === name)
      .map((relation) => link(relation.from, relation.to, { notes: relation.notes })),
  }));
  const actorLinks = (field: 'country' | 'stateAffiliation' | 'ownedBy') =>
    seedSet.actors.flatMap((actor) => (actor[field] ? [link(actor.id, actor[field])] : []));

  const relationships = [
    {
      type: Rel.PUBLISHED_BY,
      fromLabel: Label.Source,
      toLabel: Label.Actor,
      rows: seedSet.sources.flatMap((s) => (s.publisher ? [link(s.id, s.publisher)] : [])),
    },
    {
      type: Rel.CITES,
      fromLabel: Label.Source,
      toLabel: Label.Source,
      rows: fullSet.sources.flatMap((s) => s.cites.map((cited) => link(s.id, cited))),
    },
    {
      type: Rel.CARRIES,
      fromLabel: Label.Source,
      toLabel: Label.Claim,
      rows: [...carried.values()],
    },
    {
      type: Rel.COPIES,
      fromLabel: Label.Source,
      toLabel: Label.Source,
      rows: fullSet.sources.flatMap((s) =>
        s.copies.map((copy) => link(s.id, copy.original, copyProperties(copy))),
      ),
    },
    {
      type: Rel.BASED_IN,
      fromLabel: Label.Actor,
      toLabel: Label.Actor,
      rows: actorLinks('country'),
    },
    {
      type: Rel.STATE_AFFILIATED_WITH,
      fromLabel: Label.Actor,
      toLabel: Label.Actor,
      rows: actorLinks('stateAffiliation'),
    },
    {
      type: Rel.OWNED_BY,
      fromLabel: Label.Actor,
      toLabel: Label.Actor,
      rows: actorLinks('ownedBy'),
    },
    {
      type: Rel.AFFILIATED_WITH,
      fromLabel: Label.Actor,
      toLabel: Label.Actor,
      rows: seedSet.actors.flatMap((actor) =>
        actor.affiliations.map((affiliation) =>
          link(
            actor.id,
            affiliation.organisation,
            { role: affiliation.role, ...timeProperties('time', affiliation.time) },
            nameKey(affiliation.role),
          ),
        ),
      ),
    },
    {
      type: Rel.HAS_QUANTITY,
      fromLabel: Label.Claim,
      toLabel: Label.Quantity,
      rows: seedSet.claims.flatMap((claim) =>
        claim.quantities.map((_, index) => link(claim.id, `${claim.id}-q${index + 1}`)),
      ),
    },
    {
      type: Rel.CONCERNS,
      fromLabel: Label.Claim,
      toLabel: Label.Event,
      rows: seedSet.claims.flatMap((c) => c.events.map((event) => link(c.id, event))),
    },
    ...claimRelations,
    {
      type: Rel.BY,
      fromLabel: Label.Attribution,
      toLabel: Label.Actor,
      rows: seedSet.attributions.map((a) => link(a.id, a.actor)),
    },
    {
      type: Rel.ABOUT,
      fromLabel: Label.Attribution,
      toLabel: Label.Claim,
      rows: seedSet.attributions.map((a) => link(a.id, a.claim)),
    },
    {
      type: Rel.RECORDED_IN,
      fromLabel: Label.Attribution,
      toLabel: Label.Source,
      rows: seedSet.attributions.map((a) => link(a.id, a.source)),
    },
    {
      type: Rel.AT_EVENT,
      fromLabel: Label.Attribution,
      toLabel: Label.Event,
      rows: seedSet.attributions.flatMap((a) => (a.event ? [link(a.id, a.event)] : [])),
    },
    {
      type: Rel.PARTICIPATED_IN,
      fromLabel: Label.Actor,
      toLabel: Label.Event,
      rows: seedSet.events.flatMap((event) =>
        event.participants.map((p) => link(p.actor, event.id, { role: p.role }, nameKey(p.role))),
      ),
    },
  ];

  return {
    derived: [{ label: Label.Source, rows: fingerprintRows(sourceTexts) }],
    nodes: [
      { label: Label.Source, rows: sources },
      { label: Label.Actor, rows: actors },
      { label: Label.Claim, rows: claims },
      { label: Label.Quantity, rows: quantities },
      { label: Label.Attribution, rows: attributions },
      { label: Label.Event, rows: events },
    ],
    relationships: relationships.filter((group) => group.rows.length > 0),
  };
}

/** Flattens a time expression into `<prefix>Raw`, `…Value`, `…Precision`, `…Basis`, `…From`, `…To`. */
function timeProperties(
  prefix: string,
  time: SeedTime | undefined,
): Record<string, StoredValue | undefined> {
  if (!time) return {};
  const bounds = timeBounds(time.value);
  return {
    [`${prefix}Raw`]: time.raw ?? undefined,
    [`${prefix}Value`]: time.value,
    [`${prefix}Precision`]: time.precision,
    [`${prefix}Basis`]: time.basis,
    [`${prefix}From`]: bounds.from,
    [`${prefix}To`]: bounds.to,
  };
}

/**
 * Every source text's fingerprints (docs/reuse.md), as a space-separated property indexed for
 * full-text lookup, with the scheme that made them (so `claimgraph reuse --all` can tell stale
 * ones). Derived: outside the content hash.
 */
function fingerprintRows(sourceTexts: ReadonlyMap<string, string>): NodeWrite[] {
  return [...sourceTexts].map(([id, text]) => ({ id, properties: fingerprintProperties(text) }));
}

/** A copy link's evidence as parallel lists (Neo4j properties cannot hold maps). */
function copyProperties(copy: SeedCopy): Record<string, StoredValue | undefined> {
  return {
    copierStarts: copy.passages.map((p) => p.start),
    copierEnds: copy.passages.map((p) => p.end),
    originalStarts: copy.passages.map((p) => p.originalStart),
    originalEnds: copy.passages.map((p) => p.originalEnd),
    passageWords: copy.passages.map((p) => p.words),
    shareOfCopier: copy.shareOfCopier,
    shareOfOriginal: copy.shareOfOriginal,
    notes: copy.notes,
  };
}

/** The set without the records that refer to existing nodes (resolution `existing`). */
function withoutExistingRecords(seedSet: SeedSet): SeedSet {
  const isNew = (record: { resolution?: SeedResolution }) =>
    record.resolution?.status !== 'existing';
  return {
    ...seedSet,
    sources: seedSet.sources.filter(isNew),
    actors: seedSet.actors.filter(isNew),
    claims: seedSet.claims.filter(isNew),
  };
}

/**
 * An attribution's own figures as four parallel lists (`figuresRaw`, `figuresValue`,
 * `figuresUnit`, `figuresKind`), left out when there are none, like quoted words.
 */
function figureProperties(
  figures: readonly SeedQuantity[],
): Record<string, StoredValue | undefined> {
  if (figures.length === 0) return {};
  return {
    figuresRaw: figures.map((figure) => figure.raw),
    figuresValue: figures.map((figure) => figure.value),
    figuresUnit: figures.map((figure) => figure.unit),
    figuresKind: figures.map((figure) => figure.kind),
  };
}

/**
 * Quoted words as three parallel lists, `quotedWordsText`, `quotedWordsStart`, `quotedWordsEnd`
 * (element i of each is span i): Neo4j properties cannot hold maps. Left out when there are none,
 * so indirect speech keeps the properties (and content hash) it had before quoted words existed.
 */
function quotedWordsProperties(
  quotedWords: readonly SeedQuotedWords[],
): Record<string, StoredValue | undefined> {
  if (quotedWords.length === 0) return {};
  return {
    quotedWordsText: quotedWords.map((words) => words.text),
    quotedWordsStart: quotedWords.map((words) => words.start),
    quotedWordsEnd: quotedWords.map((words) => words.end),
  };
}
