import type { SeedSet } from '../ingest/seedFormat.js';

/**
 * The set with ids replaced by `renames` (old id → new id) wherever they occur: record ids and
 * every reference to them. Ids not in the map stay. Pure.
 */
export function renameIds(seedSet: SeedSet, renames: ReadonlyMap<string, string>): SeedSet {
  if (renames.size === 0) return seedSet;
  const to = (id: string) => renames.get(id) ?? id;
  const maybe = (id: string | undefined) => (id === undefined ? undefined : to(id));
  const defined = <T extends object>(record: T): T =>
    Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
  return {
    ...seedSet,
    sources: seedSet.sources.map((source) =>
      defined({
        ...source,
        id: to(source.id),
        publisher: maybe(source.publisher),
        cites: source.cites.map(to),
        carries: source.carries.map(to),
      }),
    ),
    actors: seedSet.actors.map((actor) =>
      defined({
        ...actor,
        id: to(actor.id),
        country: maybe(actor.country),
        stateAffiliation: maybe(actor.stateAffiliation),
        ownedBy: maybe(actor.ownedBy),
        affiliations: actor.affiliations.map((affiliation) => ({
          ...affiliation,
          organisation: to(affiliation.organisation),
        })),
      }),
    ),
    claims: seedSet.claims.map((claim) => ({
      ...claim,
      id: to(claim.id),
      events: claim.events.map(to),
    })),
    attributions: seedSet.attributions.map((attribution) =>
      defined({
        ...attribution,
        id: to(attribution.id),
        actor: to(attribution.actor),
        claim: to(attribution.claim),
        source: to(attribution.source),
        event: maybe(attribution.event),
      }),
    ),
    claimRelations: seedSet.claimRelations.map((relation) => ({
      ...relation,
      from: to(relation.from),
      to: to(relation.to),
    })),
    events: seedSet.events.map((event) => ({
      ...event,
      id: to(event.id),
      participants: event.participants.map((participant) => ({
        ...participant,
        actor: to(participant.actor),
      })),
    })),
  };
}
