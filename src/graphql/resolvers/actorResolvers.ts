import type { NodeProperties } from '../../db/graphReader.js';
import { Label, Rel } from '../../db/graphVocabulary.js';
import type { GraphQLContext } from '../context.js';
import { withStance } from './claimResolvers.js';
import { present, provenance, timeExpression } from './shared.js';

type ActorLink = typeof Rel.BASED_IN | typeof Rel.STATE_AFFILIATED_WITH | typeof Rel.OWNED_BY;

function linkedActor(type: ActorLink) {
  return async (actor: NodeProperties, _: unknown, { loaders }: GraphQLContext) => {
    const [link] = await loaders.neighbours(Label.Actor, type, 'out', Label.Actor).load(actor.id);
    return link ? loaders.node(Label.Actor).load(link.id) : null;
  };
}

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
    country: linkedActor(Rel.BASED_IN),
    stateAffiliation: linkedActor(Rel.STATE_AFFILIATED_WITH),
    ownedBy: linkedActor(Rel.OWNED_BY),
    attributions: async (
      actor: NodeProperties,
      args: { stance?: string | null },
      { loaders }: GraphQLContext,
    ) => withStance(await loaders.attributionsOf('actor').load(actor.id), args.stance),
    events: async (actor: NodeProperties, _: unknown, { loaders }: GraphQLContext) => {
      const links = await loaders
        .neighbours(Label.Actor, Rel.PARTICIPATED_IN, 'out', Label.Event)
        .load(actor.id);
      return present(
        (await loaders
          .node(Label.Event)
          .loadMany([...new Set(links.map((link) => link.id))])) as (NodeProperties | null)[],
      );
    },
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
