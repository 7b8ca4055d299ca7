import { requireRole } from '../../auth/requestCaller.js';
import { Label, type claimRelationTypes } from '../../db/graphVocabulary.js';
import {
  correctRecord,
  type CorrectableKind,
  type CorrectionInput,
} from '../../editing/correctRecords.js';
import {
  correctCitation,
  correctClaimRelation,
  type CorrectCitationInput,
  type CorrectClaimRelationInput,
} from '../../editing/linkCorrections.js';
import {
  retractAttribution,
  retractCitation,
  retractClaimRelation,
} from '../../editing/retractions.js';
import type { GraphQLContext } from '../context.js';

type RelationName = keyof typeof claimRelationTypes;

/** A correct… resolver for one kind of node: correct it, then load it as it now stands. */
function correction(kind: CorrectableKind, load: (context: GraphQLContext, id: string) => unknown) {
  return async (_: unknown, { input }: { input: CorrectionInput }, context: GraphQLContext) => {
    const id = await correctRecord(
      context.executor,
      requireRole(context.caller, 'editor'),
      kind,
      input,
    );
    return load(context, id);
  };
}

const node = (label: (typeof Label)[keyof typeof Label]) => (context: GraphQLContext, id: string) =>
  context.loaders.node(label).load(id);

/** Resolvers of the correct… and retract… mutations (editors only). */
export const correctionResolvers = {
  correctClaim: correction('claim', node(Label.Claim)),
  correctActor: correction('actor', node(Label.Actor)),
  correctSource: correction('source', node(Label.Source)),
  correctEvent: correction('event', node(Label.Event)),
  correctAttribution: correction('attribution', (context, id) =>
    context.loaders.attribution.load(id),
  ),
  correctCitation: async (
    _: unknown,
    { input }: { input: CorrectCitationInput },
    context: GraphQLContext,
  ) => {
    const id = await correctCitation(
      context.executor,
      requireRole(context.caller, 'editor'),
      input,
    );
    return context.loaders.node(Label.Source).load(id);
  },
  correctClaimRelation: async (
    _: unknown,
    { input }: { input: CorrectClaimRelationInput },
    context: GraphQLContext,
  ) => {
    const id = await correctClaimRelation(
      context.executor,
      requireRole(context.caller, 'editor'),
      input,
    );
    return context.loaders.node(Label.Claim).load(id);
  },
  retractAttribution: async (
    _: unknown,
    args: { id: string; reason: string },
    context: GraphQLContext,
  ) => {
    const id = await retractAttribution(
      context.executor,
      requireRole(context.caller, 'editor'),
      args.id,
      args.reason,
    );
    return context.loaders.attribution.load(id);
  },
  retractCitation: async (
    _: unknown,
    args: { sourceId: string; citesSourceId: string; reason: string },
    context: GraphQLContext,
  ) => {
    const id = await retractCitation(
      context.executor,
      requireRole(context.caller, 'editor'),
      args.sourceId,
      args.citesSourceId,
      args.reason,
    );
    return context.loaders.node(Label.Source).load(id);
  },
  retractClaimRelation: async (
    _: unknown,
    args: { fromId: string; type: RelationName; toId: string; reason: string },
    context: GraphQLContext,
  ) => {
    const id = await retractClaimRelation(
      context.executor,
      requireRole(context.caller, 'editor'),
      args.fromId,
      args.type,
      args.toId,
      args.reason,
    );
    return context.loaders.node(Label.Claim).load(id);
  },
};
