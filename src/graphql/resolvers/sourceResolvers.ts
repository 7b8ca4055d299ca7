import type { NodeProperties } from '../../db/graphReader.js';
import { Label, Rel } from '../../db/graphVocabulary.js';
import type { GraphQLContext } from '../context.js';
import { withStance } from './claimResolvers.js';
import { present, provenance, timeExpression } from './shared.js';

async function linked(
  loaders: GraphQLContext['loaders'],
  owner: NodeProperties,
  ownerLabel: typeof Label.Source | typeof Label.Event,
  type: typeof Rel.CITES | typeof Rel.CARRIES | typeof Rel.CONCERNS,
  direction: 'out' | 'in',
  otherLabel: typeof Label.Source | typeof Label.Claim,
) {
  const links = await loaders.neighbours(ownerLabel, type, direction, otherLabel).load(owner.id);
  return present(
    (await loaders
      .node(otherLabel)
      .loadMany(links.map((link) => link.id))) as (NodeProperties | null)[],
  );
}

/** Resolvers of types Source and Event. */
export const sourceResolvers = {
  Source: {
    publisher: async (source: NodeProperties, _: unknown, { loaders }: GraphQLContext) => {
      const [link] = await loaders
        .neighbours(Label.Source, Rel.PUBLISHED_BY, 'out', Label.Actor)
        .load(source.id);
      return link ? loaders.node(Label.Actor).load(link.id) : null;
    },
    published: (source: NodeProperties) => timeExpression(source, 'published'),
    primary: (source: NodeProperties) => source.primary === true,
    cites: (source: NodeProperties, _: unknown, { loaders }: GraphQLContext) =>
      linked(loaders, source, Label.Source, Rel.CITES, 'out', Label.Source),
    citedBy: (source: NodeProperties, _: unknown, { loaders }: GraphQLContext) =>
      linked(loaders, source, Label.Source, Rel.CITES, 'in', Label.Source),
    claims: (source: NodeProperties, _: unknown, { loaders }: GraphQLContext) =>
      linked(loaders, source, Label.Source, Rel.CARRIES, 'out', Label.Claim),
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
    claims: (event: NodeProperties, _: unknown, { loaders }: GraphQLContext) =>
      linked(loaders, event, Label.Event, Rel.CONCERNS, 'in', Label.Claim),
    attributions: (event: NodeProperties, _: unknown, { loaders }: GraphQLContext) =>
      loaders.attributionsOf('event').load(event.id),
  },
};
