import type { NodeProperties } from '../../db/graphReader.js';
import { Label, Rel } from '../../db/graphVocabulary.js';
import type { GraphQLContext } from '../context.js';
import { unlessRetracted } from '../../domain/retraction.js';
import { withStance } from './claimResolvers.js';
import {
  linkedNode,
  linkedNodes,
  provenance,
  timeExpression,
  type RetractionArgs,
} from './shared.js';

/** Resolvers of types Actor, Affiliation and Participation. */
export const actorResolvers = {
  Actor: {
    aliases: (actor: NodeProperties) => actor.aliases ?? [],
    anonymous: (actor: NodeProperties) => actor.anonymous === true,
    affiliations: async (actor: NodeProperties, _: unknown, { loaders }: GraphQLContext) =>
      (
        await loaders
          .neighbours(Label.Actor, Rel.AFFILIATED_WITH, 'out', Label.Actor)
          .load(actor.id)
      ).map((link) => ({
        organisationId: link.id,
        ...link.properties,
      })),
    country: linkedNode(Label.Actor, Rel.BASED_IN, Label.Actor),
    stateAffiliation: linkedNode(Label.Actor, Rel.STATE_AFFILIATED_WITH, Label.Actor),
    ownedBy: linkedNode(Label.Actor, Rel.OWNED_BY, Label.Actor),
    attributions: async (
      actor: NodeProperties,
      args: { stance?: string | null } & RetractionArgs,
      { loaders }: GraphQLContext,
    ) =>
      unlessRetracted(
        withStance(await loaders.attributionsOf('actor').load(actor.id), args.stance),
        args.includeRetracted,
      ),
    events: linkedNodes(Label.Actor, Rel.PARTICIPATED_IN, 'out', Label.Event),
    provenance,
  },
  Affiliation: {
    organisation: (
      affiliation: { organisationId: string },
      _: unknown,
      { loaders }: GraphQLContext,
    ) => loaders.node(Label.Actor).load(affiliation.organisationId),
    time: (affiliation: Record<string, unknown>) => timeExpression(affiliation, 'time'),
  },
  Participation: {
    actor: (participation: { actorId: string }, _: unknown, { loaders }: GraphQLContext) =>
      loaders.node(Label.Actor).load(participation.actorId),
  },
};
