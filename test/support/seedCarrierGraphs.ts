import type { CarrierGraph, CarrierSource } from '../../src/db/graphReader.js';
import type { SeedSet } from '../../src/ingest/seedFormat.js';

/**
 * Each claim's carrier graph as graphReader.carrierGraphs would read it after loading: a source
 * carries a claim it lists or records an attribution of; cites keeps only cited carriers.
 */
export function seedCarrierGraphs(seedSet: SeedSet): Map<string, CarrierGraph> {
  const actors = new Map(seedSet.actors.map((actor) => [actor.id, actor]));
  const sources = new Map(seedSet.sources.map((source) => [source.id, source]));
  const carriers = new Map<string, Set<string>>();
  const carry = (sourceId: string, claimId: string) =>
    carriers.set(claimId, (carriers.get(claimId) ?? new Set()).add(sourceId));
  for (const source of seedSet.sources) for (const claim of source.carries) carry(source.id, claim);
  for (const attribution of seedSet.attributions) carry(attribution.source, attribution.claim);

  const graphs = new Map<string, CarrierGraph>();
  for (const [claimId, ids] of carriers) {
    const carrierSources = [...ids].map((id): CarrierSource => {
      const source = sources.get(id)!;
      const publisher = source.publisher ? actors.get(source.publisher) : undefined;
      return {
        id,
        primary: source.primary,
        publisherId: source.publisher ?? null,
        ownerIds: publisher?.ownedBy ? [publisher.ownedBy] : [],
        stateIds: publisher?.stateAffiliation ? [publisher.stateAffiliation] : [],
        publisherIsState: publisher?.kind === 'state',
        cites: source.cites.filter((cited) => ids.has(cited)),
        copies: source.copies.map((copy) => copy.original).filter((original) => ids.has(original)),
      };
    });
    graphs.set(claimId, { sources: carrierSources });
  }
  return graphs;
}
