import type { AttributionRow } from '../../db/graphReader.js';
import { Label } from '../../db/graphVocabulary.js';
import type { GraphQLContext } from '../context.js';
import { provenance, timeExpression } from './shared.js';

/** Resolvers of type Attribution: its four ends come from ids the attribution row carries. */
export const attributionResolvers = {
  actor: (a: AttributionRow, _: unknown, { loaders }: GraphQLContext) =>
    loaders.node(Label.Actor).load(a.actorId),
  claim: (a: AttributionRow, _: unknown, { loaders }: GraphQLContext) =>
    loaders.node(Label.Claim).load(a.claimId),
  source: (a: AttributionRow, _: unknown, { loaders }: GraphQLContext) =>
    loaders.node(Label.Source).load(a.sourceId),
  event: (a: AttributionRow, _: unknown, { loaders }: GraphQLContext) =>
    a.eventId ? loaders.node(Label.Event).load(a.eventId) : null,
  said: (a: AttributionRow) => timeExpression(a, 'said'),
  provenance,
};
