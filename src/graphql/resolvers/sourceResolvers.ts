import type { NodeProperties } from '../../db/graphReader.js';
import { Label, Rel } from '../../db/graphVocabulary.js';
import { isRetracted, retractionOf, unlessRetracted } from '../../domain/retraction.js';
import type { GraphQLContext } from '../context.js';
import { withStance } from './claimResolvers.js';
import {
  carriesLinks,
  linkedNode,
  linkedNodes,
  provenance,
  timeExpression,
  type RetractionArgs,
} from './shared.js';

/** A citation as Citation's resolvers get it: its ends and the relationship's properties. */
interface CitationParent {
  readonly sourceId: string;
  readonly citedId: string;
  readonly properties: Record<string, unknown>;
}

/** Source.citations: its CITES links both ways, standing ones unless includeRetracted. */
async function citations(
  source: NodeProperties,
  args: RetractionArgs,
  { loaders }: GraphQLContext,
): Promise<CitationParent[]> {
  const [out, incoming] = await Promise.all([
    loaders.neighbours(Label.Source, Rel.CITES, 'out', Label.Source).load(source.id),
    loaders.neighbours(Label.Source, Rel.CITES, 'in', Label.Source).load(source.id),
  ]);
  return [
    ...out.map((link) => ({ sourceId: source.id, citedId: link.id, properties: link.properties })),
    ...incoming.map((link) => ({
      sourceId: link.id,
      citedId: source.id,
      properties: link.properties,
    })),
  ].filter((citation) => args.includeRetracted === true || !isRetracted(citation.properties));
}

/** Resolvers of type Citation. */
export const citationResolvers = {
  source: (citation: CitationParent, _: unknown, { loaders }: GraphQLContext) =>
    loaders.node(Label.Source).load(citation.sourceId),
  cited: (citation: CitationParent, _: unknown, { loaders }: GraphQLContext) =>
    loaders.node(Label.Source).load(citation.citedId),
  retracted: (citation: CitationParent) => isRetracted(citation.properties),
  retraction: (citation: CitationParent) => retractionOf(citation.properties),
  provenance: (citation: CitationParent) =>
    provenance({ id: `${citation.sourceId}->${citation.citedId}`, ...citation.properties }),
};

/** Resolvers of types Source and Event. */
export const sourceResolvers = {
  Source: {
    publisher: linkedNode(Label.Source, Rel.PUBLISHED_BY, Label.Actor),
    published: (source: NodeProperties) => timeExpression(source, 'published'),
    primary: (source: NodeProperties) => source.primary === true,
    cites: linkedNodes(Label.Source, Rel.CITES, 'out', Label.Source),
    citedBy: linkedNodes(Label.Source, Rel.CITES, 'in', Label.Source),
    citations,
    claims: carriesLinks('out'),
    attributions: async (
      source: NodeProperties,
      args: { stance?: string | null } & RetractionArgs,
      { loaders }: GraphQLContext,
    ) =>
      unlessRetracted(
        withStance(await loaders.attributionsOf('source').load(source.id), args.stance),
        args.includeRetracted,
      ),
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
    attributions: async (
      event: NodeProperties,
      args: RetractionArgs,
      { loaders }: GraphQLContext,
    ) =>
      unlessRetracted(await loaders.attributionsOf('event').load(event.id), args.includeRetracted),
  },
};
