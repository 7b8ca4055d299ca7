import type { NodeProperties } from '../../db/graphReader.js';
import { Label, Rel } from '../../db/graphVocabulary.js';
import { figureConflicts, type StatedFigure } from '../../domain/figureConflicts.js';
import {
  isRetracted,
  onlyRetractedSupport,
  retractionReasoning,
  type RetractionFacts,
} from '../../domain/retraction.js';
import { sourcingFlags, type SourcingFlags } from '../../domain/sourcingFlags.js';
import { attributionFigures } from './attributionResolvers.js';
import type { GraphQLContext } from '../context.js';
import { present } from './shared.js';

type Loaders = GraphQLContext['loaders'];

async function nodes(
  loaders: Loaders,
  label: (typeof Label)[keyof typeof Label],
  ids: readonly string[],
) {
  return present((await loaders.node(label).loadMany(ids)) as (NodeProperties | null)[]);
}

/**
 * The loads Claim.sourcing starts from, all in one tick (one round trip each, in parallel).
 * Query.claim starts them too when `sourcing` is asked for, so they run beside the carrier
 * graph instead of after it; DataLoader hands the resolver the same promises.
 */
export function claimSourcingLoads(loaders: Loaders, claimId: string) {
  return Promise.all([
    loaders.sourcing.load(claimId),
    loaders.attributionsOf('claim').load(claimId),
    loaders.neighbours(Label.Claim, Rel.CONTRADICTS, 'out', Label.Claim).load(claimId),
    loaders.neighbours(Label.Claim, Rel.CONTRADICTS, 'in', Label.Claim).load(claimId),
    loaders.neighbours(Label.Claim, Rel.HAS_QUANTITY, 'out', Label.Quantity).load(claimId),
  ]);
}

/**
 * Claim.sourcing: chains, independence with its reasoning, and the warning flags. Only what
 * stands is analysed: retracted attributions, citations and CONTRADICTS relations are set aside
 * (the carrier graph already leaves out retracted citations and the carriers only retracted
 * attributions made), and the reasoning says what was set aside.
 */
export async function claimSourcing(
  claim: NodeProperties,
  _: unknown,
  { loaders }: GraphQLContext,
) {
  const [analysis, allAttributions, contradictsLinks, contradictedByLinks, quantityLinks] =
    await claimSourcingLoads(loaders, claim.id);
  const attributions = allAttributions.filter((attribution) => !isRetracted(attribution));
  const retractedAttributions = allAttributions
    .filter((attribution) => isRetracted(attribution))
    .sort((a, b) => a.id.localeCompare(b.id));
  const contradicts = contradictsLinks.filter((link) => !isRetracted(link.properties));
  const contradictedBy = contradictedByLinks.filter((link) => !isRetracted(link.properties));
  const facts: RetractionFacts = {
    attributionCount: allAttributions.length,
    retractedAttributions: retractedAttributions.map((attribution) => ({
      id: attribution.id,
      reason: String(attribution.retractionReason ?? ''),
    })),
    retractedCarrierIds: analysis.graph.retractedCarrierIds ?? [],
    standingCarrierIds: analysis.graph.sources.map((source) => source.id).sort(),
    retractedCitations: analysis.graph.retractedCitations ?? [],
    retractedContradictions: [
      ...contradictsLinks
        .filter((link) => isRetracted(link.properties))
        .map((link) => ({ fromId: claim.id, toId: link.id, properties: link.properties })),
      ...contradictedByLinks
        .filter((link) => isRetracted(link.properties))
        .map((link) => ({ fromId: link.id, toId: claim.id, properties: link.properties })),
    ].map(({ fromId, toId, properties }) => ({
      fromId,
      toId,
      reason: String(properties.retractionReason ?? ''),
    })),
  };
  const quantities = await nodes(
    loaders,
    Label.Quantity,
    quantityLinks.map((link) => link.id),
  );
  const actors = await loaders.node(Label.Actor).loadMany(attributions.map((a) => a.actorId));
  const flags = sourcingFlags(
    analysis.graph,
    analysis.chains,
    analysis.independence,
    attributions.map((attribution, index) => ({
      stance: attribution.stance,
      actorId: attribution.actorId,
      actor: (actors[index] instanceof Error ? {} : (actors[index] ?? {})) as Record<
        string,
        unknown
      >,
    })),
    [...contradicts, ...contradictedBy].map((link) => link.id),
  );
  const conflicts = figureConflicts(
    quantities.map((quantity) => ({
      raw: String(quantity.raw),
      value: Number(quantity.value),
      unit: String(quantity.unit),
    })),
    attributions.map((attribution) => ({
      sourceId: attribution.sourceId,
      figures: attributionFigures(attribution),
    })),
  );
  return {
    chains: analysis.chains.map((chain) => ({ ...chain, claimId: claim.id })),
    independentOrigins: analysis.independence.groups.length,
    originGroups: analysis.independence.groups.map((originIds) => ({ originIds })),
    reasoning: [...analysis.independence.reasons, ...retractionReasoning(facts)],
    flags: {
      ...flags,
      figureConflicts: conflicts,
      onlyRetractedSupport: onlyRetractedSupport(facts),
    },
    retractedAttributions,
    retractedCarrierIds: facts.retractedCarrierIds,
  };
}

/** Resolvers of the analysis types: ids become nodes. */
export const analysisResolvers = {
  SourcingAnalysis: {
    retractedCarriers: (
      analysis: { retractedCarrierIds: string[] },
      _: unknown,
      { loaders }: GraphQLContext,
    ) => nodes(loaders, Label.Source, analysis.retractedCarrierIds),
  },
  OriginGroup: {
    origins: ({ originIds }: { originIds: string[] }, _: unknown, { loaders }: GraphQLContext) =>
      nodes(loaders, Label.Source, originIds),
  },
  SourcingFlags: {
    stateAffiliations: (flags: SourcingFlags, _: unknown, { loaders }: GraphQLContext) =>
      nodes(loaders, Label.Actor, flags.stateAffiliationIds),
    denied: (flags: SourcingFlags) => flags.deniedByIds.length > 0,
    deniedBy: (flags: SourcingFlags, _: unknown, { loaders }: GraphQLContext) =>
      nodes(loaders, Label.Actor, flags.deniedByIds),
    copiedWithoutCredit: (flags: SourcingFlags) => flags.uncreditedCopierIds.length > 0,
    uncreditedCopiers: (flags: SourcingFlags, _: unknown, { loaders }: GraphQLContext) =>
      nodes(loaders, Label.Source, flags.uncreditedCopierIds),
    contradicted: (flags: SourcingFlags) => flags.contradictedByIds.length > 0,
    contradictedBy: (flags: SourcingFlags, _: unknown, { loaders }: GraphQLContext) =>
      nodes(loaders, Label.Claim, flags.contradictedByIds),
  },
  StatedFigure: {
    sources: (stated: StatedFigure, _: unknown, { loaders }: GraphQLContext) =>
      nodes(loaders, Label.Source, stated.sourceIds),
  },
};
