import type { NodeProperties } from '../../db/graphReader.js';
import { Label, Rel } from '../../db/graphVocabulary.js';
import type { GraphQLContext } from '../context.js';
import { withStance } from './claimResolvers.js';
import { linkedNode, linkedNodes, provenance, timeExpression } from './shared.js';

/** Resolvers of types Source and Event. */
export const sourceResolvers = {
  Source: {
    publisher: linkedNode(Label.Source, Rel.PUBLISHED_BY, Label.Actor),
    published: (source: NodeProperties) => timeExpression(source, 'published'),
    primary: (source: NodeProperties) => source.primary === true,
    cites: linkedNodes(Label.Source, Rel.CITES, 'out', Label.Source),
    citedBy: linkedNodes(Label.Source, Rel.CITES, 'in', Label.Source),
    claims: linkedNodes(Label.Source, Rel.CARRIES, 'out', Label.Claim),
    attributions: async (
      source: NodeProperties,
      args: { stance?: string | null },
      { loaders }: GraphQLContext,
    ) => withStance(await loaders.attributionsOf('source').load(source.id), args.stance),
    provenance,
  },
  Event: {
    time: (event: NodeProperties) => timeExpression(event, 'time'),
    participants: async (event: NodeProperties, _: unknown, { loaders }: GraphQLContext) =>
      (
        await loaders.neighbours(Label.Event, Rel.PARTICIPATED_IN, 'in', Label.Actor).load(event.id)
      ).map((link) => ({
        actorId: link.id,
        role: link.properties.role,
      })),
    claims: linkedNodes(Label.Event, Rel.CONCERNS, 'in', Label.Claim),
    attributions: (event: NodeProperties, _: unknown, { loaders }: GraphQLContext) =>
      loaders.attributionsOf('event').load(event.id),
  },
};
