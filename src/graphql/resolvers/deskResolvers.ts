import { requireRole } from '../../auth/requestCaller.js';
import type { NodeProperties } from '../../db/graphReader.js';
import { Label } from '../../db/graphVocabulary.js';
import type { DeskDraft, DraftStatus } from '../../desk/deskDraft.js';
import {
  commitDraft,
  createDraft,
  discardDraft,
  findDrafts,
  getDraft,
  updateDraftCitation,
  updateDraftCopy,
  updateDraftItems,
  type ItemUpdateRequest,
} from '../../desk/deskService.js';
import type { DraftRequest } from '../../desk/draftRequest.js';
import { draftView, type ActorView, type MatchView } from '../../desk/draftView.js';
import type { GraphQLContext } from '../context.js';
import { pageSize, present } from './shared.js';

// A draft's view is computed once per draft object, however many fields a query asks for.
const views = new WeakMap<DeskDraft, ReturnType<typeof draftView>>();
function viewOf(draft: DeskDraft) {
  let view = views.get(draft);
  if (!view) {
    view = draftView(draft);
    views.set(draft, view);
  }
  return view;
}

const editor = (context: GraphQLContext) => requireRole(context.caller, 'editor');

const node = (label: (typeof Label)[keyof typeof Label]) => (id: string, context: GraphQLContext) =>
  context.loaders.node(label).load(id) as Promise<NodeProperties | null>;

/** Query.draft, Query.drafts and the desk's mutations: editor key, one desk service call each. */
export const deskResolvers = {
  Query: {
    draft: async (_: unknown, { id }: { id: string }, context: GraphQLContext) => {
      editor(context);
      return (await getDraft(context.executor, id)) ?? null;
    },
    drafts: async (
      _: unknown,
      args: { status?: DraftStatus | null; first?: number | null },
      context: GraphQLContext,
    ) => {
      editor(context);
      return findDrafts(context.executor, args.status ?? null, pageSize(args.first));
    },
  },
  Mutation: {
    createDraft: (_: unknown, { input }: { input: DraftRequest }, context: GraphQLContext) =>
      createDraft(context.executor, editor(context), input),
    updateDraftItem: (
      _: unknown,
      args: {
        draftId: string;
        itemId: string;
        update: ItemUpdateRequest;
        revision?: number | null;
      },
      context: GraphQLContext,
    ) =>
      updateDraftItems(
        context.executor,
        editor(context),
        args.draftId,
        [args.itemId],
        args.update,
        args.revision,
      ),
    updateDraftItems: (
      _: unknown,
      args: {
        draftId: string;
        itemIds: string[];
        update: ItemUpdateRequest;
        revision?: number | null;
      },
      context: GraphQLContext,
    ) =>
      updateDraftItems(
        context.executor,
        editor(context),
        args.draftId,
        args.itemIds,
        args.update,
        args.revision,
      ),
    updateDraftCitation: (
      _: unknown,
      args: {
        draftId: string;
        citationId: string;
        update: { sourceId?: string | null; asNew?: boolean | null };
        revision?: number | null;
      },
      context: GraphQLContext,
    ) =>
      updateDraftCitation(
        context.executor,
        editor(context),
        args.draftId,
        args.citationId,
        args.update,
        args.revision,
      ),
    updateDraftCopy: (
      _: unknown,
      args: { draftId: string; sourceId: string; confirmed: boolean; revision?: number | null },
      context: GraphQLContext,
    ) =>
      updateDraftCopy(
        context.executor,
        editor(context),
        args.draftId,
        args.sourceId,
        args.confirmed,
        args.revision,
      ),
    commitDraft: (_: unknown, { id }: { id: string }, context: GraphQLContext) =>
      commitDraft(context.executor, editor(context), id),
    discardDraft: (_: unknown, { id }: { id: string }, context: GraphQLContext) =>
      discardDraft(context.executor, editor(context), id),
  },
  Draft: {
    title: (draft: DeskDraft) => draft.article.title ?? null,
    publisher: (draft: DeskDraft) => draft.article.publisher ?? null,
    url: (draft: DeskDraft) => draft.article.url ?? null,
    published: (draft: DeskDraft) => draft.article.published ?? null,
    byline: (draft: DeskDraft) => draft.article.byline ?? null,
    text: (draft: DeskDraft) => draft.article.text,
    extractorVersion: (draft: DeskDraft) => draft.extracted.extraction?.version ?? 'unknown',
    items: (draft: DeskDraft) => viewOf(draft).items,
    claims: (draft: DeskDraft) => viewOf(draft).claims,
    actors: (draft: DeskDraft) => viewOf(draft).actors,
    citations: (draft: DeskDraft) => viewOf(draft).citations,
    figureConflicts: (draft: DeskDraft) => viewOf(draft).figureConflicts,
    copies: (draft: DeskDraft) => viewOf(draft).copies,
    counts: (draft: DeskDraft) => viewOf(draft).counts,
    committed: (draft: DeskDraft) => draft.committed ?? null,
  },
  ClaimMatch: {
    claim: (match: MatchView, _: unknown, context: GraphQLContext) =>
      node(Label.Claim)(match.id, context),
  },
  SourceMatch: {
    source: (match: MatchView, _: unknown, context: GraphQLContext) =>
      node(Label.Source)(match.id, context),
  },
  DraftActorReview: {
    actor: (actor: ActorView, _: unknown, context: GraphQLContext) =>
      actor.existing ? node(Label.Actor)(actor.id, context) : null,
  },
  DraftCopy: {
    source: (copy: { sourceId: string }, _: unknown, context: GraphQLContext) =>
      node(Label.Source)(copy.sourceId, context),
  },
  DraftFigureConflict: {
    claim: (conflict: { claimId: string }, _: unknown, context: GraphQLContext) =>
      node(Label.Claim)(conflict.claimId, context),
  },
  DraftCommit: {
    source: (commit: { sourceId: string }, _: unknown, context: GraphQLContext) =>
      node(Label.Source)(commit.sourceId, context),
    claims: async (commit: { claimIds: string[] }, _: unknown, context: GraphQLContext) =>
      present(
        (await context.loaders
          .node(Label.Claim)
          .loadMany(commit.claimIds)) as (NodeProperties | null)[],
      ),
    attributions: async (
      commit: { attributionIds: string[] },
      _: unknown,
      context: GraphQLContext,
    ) =>
      present(
        (await context.loaders.attribution.loadMany(
          commit.attributionIds,
        )) as (NodeProperties | null)[],
      ),
  },
};
