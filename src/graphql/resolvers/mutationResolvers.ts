import { requireRole } from '../../auth/requestCaller.js';
import { Label } from '../../db/graphVocabulary.js';
import type { claimRelationTypes } from '../../db/graphVocabulary.js';
import {
  recordActor,
  recordAttribution,
  recordCitation,
  recordClaim,
  recordSource,
  relateClaims,
  type ActorInput,
  type AttributionInput,
  type ClaimInput,
  type SourceInput,
} from '../../editing/editingMutations.js';
import type { GraphQLContext } from '../context.js';

/** Resolvers of type Mutation: check the caller is an editor, call one editing function, return the node. */
export const mutationResolvers = {
  recordSource: async (_: unknown, { input }: { input: SourceInput }, context: GraphQLContext) => {
    const id = await recordSource(context.executor, requireRole(context.caller, 'editor'), input);
    return context.loaders.node(Label.Source).load(id);
  },
  recordActor: async (_: unknown, { input }: { input: ActorInput }, context: GraphQLContext) => {
    const id = await recordActor(context.executor, requireRole(context.caller, 'editor'), input);
    return context.loaders.node(Label.Actor).load(id);
  },
  recordClaim: async (_: unknown, { input }: { input: ClaimInput }, context: GraphQLContext) => {
    const id = await recordClaim(context.executor, requireRole(context.caller, 'editor'), input);
    return context.loaders.node(Label.Claim).load(id);
  },
  recordAttribution: async (
    _: unknown,
    { input }: { input: AttributionInput },
    context: GraphQLContext,
  ) => {
    const id = await recordAttribution(
      context.executor,
      requireRole(context.caller, 'editor'),
      input,
    );
    return context.loaders.attribution.load(id);
  },
  recordCitation: async (
    _: unknown,
    args: { sourceId: string; citesSourceId: string },
    context: GraphQLContext,
  ) => {
    const id = await recordCitation(
      context.executor,
      requireRole(context.caller, 'editor'),
      args.sourceId,
      args.citesSourceId,
    );
    return context.loaders.node(Label.Source).load(id);
  },
  relateClaims: async (
    _: unknown,
    args: {
      fromId: string;
      type: keyof typeof claimRelationTypes;
      toId: string;
      notes?: string | null;
    },
    context: GraphQLContext,
  ) => {
    const caller = requireRole(context.caller, 'editor');
    const id = await relateClaims(
      context.executor,
      caller,
      args.fromId,
      args.type,
      args.toId,
      args.notes,
    );
    return context.loaders.node(Label.Claim).load(id);
  },
};
