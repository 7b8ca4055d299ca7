import type { CarrierGraph } from '../db/graphReader.js';
import { isOnTheRecord, isSpeakingStance } from './speakers.js';
import type { IndependenceAnalysis, SourcingChain } from './sourcingChains.js';

/** An attribution of the claim, with what the flags need to know of its speaker. */
export interface AttributionOfClaim {
  readonly stance: unknown;
  readonly actorId: string;
  readonly actor: Record<string, unknown>;
}

/** Warning signs about a claim's support (ids; the API resolves them to nodes). */
export interface SourcingFlags {
  readonly singleOrigin: boolean;
  readonly onlyAnonymousSpeakers: boolean;
  readonly onlyStateAffiliated: boolean;
  readonly stateAffiliationIds: string[];
  readonly circularReporting: boolean;
  readonly deniedByIds: string[];
  readonly contradictedByIds: string[];
  /** Carriers that copy another carrier (confirmed copy link) without citing it. */
  readonly uncreditedCopierIds: string[];
}

/**
 * The journalist's checklist for one claim. "Only state-affiliated" looks at every source on
 * the chains except their first hop (the source being read, such as the seed article): if all
 * of them are published by outlets or agencies affiliated with a state, the claim reaches the
 * reader only through that state's channels.
 */
export function sourcingFlags(
  graph: CarrierGraph,
  chains: readonly SourcingChain[],
  independence: IndependenceAnalysis,
  attributions: readonly AttributionOfClaim[],
  contradictingClaimIds: readonly string[],
): SourcingFlags {
  const byId = new Map(graph.sources.map((source) => [source.id, source]));
  const upstream = [...new Set(chains.flatMap((chain) => chain.sourceIds.slice(1)))].map((id) =>
    byId.get(id)!,
  );
  const statesOf = (id: string) => {
    const source = byId.get(id);
    if (!source) return [];
    return [
      ...source.stateIds,
      ...(source.publisherIsState && source.publisherId ? [source.publisherId] : []),
    ];
  };
  const onlyStateAffiliated =
    upstream.length > 0 && upstream.every((source) => statesOf(source.id).length > 0);
  const speakers = attributions.filter((attribution) => isSpeakingStance(attribution.stance));
  return {
    singleOrigin: independence.groups.length <= 1,
    onlyAnonymousSpeakers:
      speakers.length > 0 && speakers.every((speaker) => !isOnTheRecord(speaker.actor)),
    onlyStateAffiliated,
    stateAffiliationIds: onlyStateAffiliated
      ? [...new Set(upstream.flatMap((source) => statesOf(source.id)))].sort()
      : [],
    circularReporting: chains.some((chain) => chain.circular),
    deniedByIds: [
      ...new Set(attributions.filter((a) => a.stance === 'denies').map((a) => a.actorId)),
    ].sort(),
    contradictedByIds: [...new Set(contradictingClaimIds)].sort(),
    uncreditedCopierIds: graph.sources
      .filter((source) => source.copies.some((id) => !source.cites.includes(id)))
      .map((source) => source.id)
      .sort(),
  };
}
