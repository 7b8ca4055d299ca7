import type { AttributionRow, NodeProperties } from '../../db/graphReader.js';
import { Label, Rel } from '../../db/graphVocabulary.js';
import { isOnTheRecord, isSpeakingStance } from '../../domain/speakers.js';
import type { GraphQLContext } from '../context.js';
import { claimSourcing } from './analysisResolvers.js';
import { linkedNodes, present, provenance, timeExpression } from './shared.js';

/** Attributions filtered by an optional stance (stored value, e.g. `denies`). */
export function withStance(attributions: AttributionRow[], stance: string | null | undefined) {
  return stance
    ? attributions.filter((attribution) => attribution.stance === stance)
    : attributions;
}

/** Resolvers of type Claim. */
export const claimResolvers = {
  topics: (claim: NodeProperties) => claim.topics ?? [],
  refersTo: (claim: NodeProperties) => timeExpression(claim, 'refersTo'),
  quantities: linkedNodes(Label.Claim, Rel.HAS_QUANTITY, 'out', Label.Quantity),
  attributions: async (
    claim: NodeProperties,
    args: { stance?: string | null },
    { loaders }: GraphQLContext,
  ) => withStance(await loaders.attributionsOf('claim').load(claim.id), args.stance),
  carriedBy: linkedNodes(Label.Claim, Rel.CARRIES, 'in', Label.Source),
  sourcingChains: async (claim: NodeProperties, _: unknown, { loaders }: GraphQLContext) => {
    const analysis = await loaders.sourcing.load(claim.id);
    return analysis.chains.map((chain) => ({ ...chain, claimId: claim.id }));
  },
  sourcing: claimSourcing,
  independentOrigins: async (claim: NodeProperties, _: unknown, { loaders }: GraphQLContext) =>
    (await loaders.sourcing.load(claim.id)).independence.groups.length,
  contradicts: linkedNodes(Label.Claim, Rel.CONTRADICTS, 'out', Label.Claim),
  contradictedBy: linkedNodes(Label.Claim, Rel.CONTRADICTS, 'in', Label.Claim),
  supports: linkedNodes(Label.Claim, Rel.SUPPORTS, 'out', Label.Claim),
  supportedBy: linkedNodes(Label.Claim, Rel.SUPPORTS, 'in', Label.Claim),
  respondsTo: linkedNodes(Label.Claim, Rel.RESPONDS_TO, 'out', Label.Claim),
  respondedToBy: linkedNodes(Label.Claim, Rel.RESPONDS_TO, 'in', Label.Claim),
  events: linkedNodes(Label.Claim, Rel.CONCERNS, 'out', Label.Event),
  hasNamedSpeaker: async (claim: NodeProperties, _: unknown, { loaders }: GraphQLContext) => {
    const speaking = (await loaders.attributionsOf('claim').load(claim.id)).filter((a) =>
      isSpeakingStance(a.stance),
    );
    const actors = await loaders.node(Label.Actor).loadMany(speaking.map((a) => a.actorId));
    return present(actors as (NodeProperties | null)[]).some((actor) => isOnTheRecord(actor));
  },
  provenance,
};

/** Resolvers of type Quantity. */
export const quantityResolvers = {
  change: (quantity: NodeProperties) =>
    quantity.changeValue === undefined
      ? null
      : {
          raw: quantity.changeRaw,
          value: quantity.changeValue,
          unit: quantity.changeUnit,
          basis: quantity.changeBasis,
        },
};

/** Resolvers of types SourcingChain and SourcingHop. */
export const sourcingResolvers = {
  SourcingChain: {
    hops: (chain: { sourceIds: string[]; claimId: string; copiedHops: number[] }) =>
      chain.sourceIds.map((sourceId, index) => ({
        position: index + 1,
        sourceId,
        claimId: chain.claimId,
        viaCopy: chain.copiedHops.includes(index + 1),
      })),
    origin: (chain: { originId: string }, _: unknown, { loaders }: GraphQLContext) =>
      loaders.node(Label.Source).load(chain.originId),
  },
  SourcingHop: {
    source: (hop: { sourceId: string }, _: unknown, { loaders }: GraphQLContext) =>
      loaders.node(Label.Source).load(hop.sourceId),
    attributions: async (
      hop: { sourceId: string; claimId: string },
      _: unknown,
      { loaders }: GraphQLContext,
    ) =>
      (await loaders.attributionsOf('claim').load(hop.claimId)).filter(
        (attribution) => attribution.sourceId === hop.sourceId,
      ),
  },
};
