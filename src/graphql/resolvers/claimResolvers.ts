import type { AttributionRow, NeighbourRow, NodeProperties } from '../../db/graphReader.js';
import { Label, Rel } from '../../db/graphVocabulary.js';
import { isRetracted, retractionOf, unlessRetracted } from '../../domain/retraction.js';
import { isOnTheRecord, isSpeakingStance } from '../../domain/speakers.js';
import type { GraphQLContext } from '../context.js';
import { claimSourcing } from './analysisResolvers.js';
import {
  carriesLinks,
  linkedNodes,
  present,
  provenance,
  timeExpression,
  type RetractionArgs,
} from './shared.js';

/** Attributions filtered by an optional stance (stored value, e.g. `denies`). */
export function withStance(attributions: AttributionRow[], stance: string | null | undefined) {
  return stance
    ? attributions.filter((attribution) => attribution.stance === stance)
    : attributions;
}

/** The claim relation types, stored spelling (the ClaimRelationType enum's internal values). */
const relationTypes = [
  [Rel.SUPPORTS, 'supports'],
  [Rel.CONTRADICTS, 'contradicts'],
  [Rel.RESPONDS_TO, 'responds-to'],
] as const;

/** A claim relation as ClaimRelation's resolvers get it. */
interface ClaimRelationParent {
  readonly fromId: string;
  readonly toId: string;
  readonly type: string;
  readonly properties: Record<string, unknown>;
}

/** Claim.relations: its claim relations both ways, standing ones unless includeRetracted. */
async function claimRelations(
  claim: NodeProperties,
  args: RetractionArgs,
  { loaders }: GraphQLContext,
): Promise<ClaimRelationParent[]> {
  const both = await Promise.all(
    relationTypes.flatMap(([rel, type]) =>
      (['out', 'in'] as const).map(async (direction) =>
        (await loaders.neighbours(Label.Claim, rel, direction, Label.Claim).load(claim.id)).map(
          (link: NeighbourRow) => ({
            fromId: direction === 'out' ? claim.id : link.id,
            toId: direction === 'out' ? link.id : claim.id,
            type,
            properties: link.properties,
          }),
        ),
      ),
    ),
  );
  return both
    .flat()
    .filter((relation) => args.includeRetracted === true || !isRetracted(relation.properties));
}

/** Resolvers of type Claim. */
export const claimResolvers = {
  topics: (claim: NodeProperties) => claim.topics ?? [],
  refersTo: (claim: NodeProperties) => timeExpression(claim, 'refersTo'),
  quantities: linkedNodes(Label.Claim, Rel.HAS_QUANTITY, 'out', Label.Quantity),
  attributions: async (
    claim: NodeProperties,
    args: { stance?: string | null } & RetractionArgs,
    { loaders }: GraphQLContext,
  ) =>
    unlessRetracted(
      withStance(await loaders.attributionsOf('claim').load(claim.id), args.stance),
      args.includeRetracted,
    ),
  carriedBy: carriesLinks('in'),
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
  relations: claimRelations,
  events: linkedNodes(Label.Claim, Rel.CONCERNS, 'out', Label.Event),
  hasNamedSpeaker: async (
    claim: NodeProperties,
    args: RetractionArgs,
    { loaders }: GraphQLContext,
  ) => {
    const speaking = unlessRetracted(
      await loaders.attributionsOf('claim').load(claim.id),
      args.includeRetracted,
    ).filter((a) => isSpeakingStance(a.stance));
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
      // Sourcing analysis never uses retracted attributions.
      unlessRetracted(await loaders.attributionsOf('claim').load(hop.claimId), false).filter(
        (attribution) => attribution.sourceId === hop.sourceId,
      ),
  },
};

/** Resolvers of type ClaimRelation. */
export const claimRelationResolvers = {
  from: (relation: ClaimRelationParent, _: unknown, { loaders }: GraphQLContext) =>
    loaders.node(Label.Claim).load(relation.fromId),
  to: (relation: ClaimRelationParent, _: unknown, { loaders }: GraphQLContext) =>
    loaders.node(Label.Claim).load(relation.toId),
  notes: (relation: ClaimRelationParent) =>
    typeof relation.properties.notes === 'string' ? relation.properties.notes : null,
  retracted: (relation: ClaimRelationParent) => isRetracted(relation.properties),
  retraction: (relation: ClaimRelationParent) => retractionOf(relation.properties),
  provenance: (relation: ClaimRelationParent) =>
    provenance({
      id: `${relation.fromId}-${relation.type}->${relation.toId}`,
      ...relation.properties,
    }),
};
