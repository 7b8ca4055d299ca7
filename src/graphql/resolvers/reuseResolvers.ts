import { requireRole } from '../../auth/requestCaller.js';
import type { NodeProperties } from '../../db/graphReader.js';
import { Label, Rel } from '../../db/graphVocabulary.js';
import { isRetracted } from '../../domain/retraction.js';
import { recordCopy } from '../../editing/recordCopy.js';
import { sharedTextWith, type PassagePair, type SharedText } from '../../reuse/reuseService.js';
import type { GraphQLContext } from '../context.js';
import { pageSize, provenance } from './shared.js';

/** A confirmed copy link as the resolvers pass it on: its ends and the relationship's properties. */
interface CopyLinkParent {
  readonly copierId: string;
  readonly originalId: string;
  readonly properties: Record<string, unknown>;
}

const list = (properties: Record<string, unknown>, key: string): number[] =>
  Array.isArray(properties[key]) ? (properties[key] as unknown[]).map(Number) : [];

/** The copy links between two sources, either way, from the loaders. */
async function copyLinksBetween(
  context: GraphQLContext,
  sourceId: string,
  otherId?: string,
): Promise<CopyLinkParent[]> {
  const [out, incoming] = await Promise.all([
    context.loaders.neighbours(Label.Source, Rel.COPIES, 'out', Label.Source).load(sourceId),
    context.loaders.neighbours(Label.Source, Rel.COPIES, 'in', Label.Source).load(sourceId),
  ]);
  return [
    ...out.map((link) => ({
      copierId: sourceId,
      originalId: link.id,
      properties: link.properties,
    })),
    ...incoming.map((link) => ({
      copierId: link.id,
      originalId: sourceId,
      properties: link.properties,
    })),
  ].filter(
    (link) => otherId === undefined || link.copierId === otherId || link.originalId === otherId,
  );
}

/** Source.sharedPassages and copyLinks, SharedText, CopyLink and Mutation.recordCopy. */
export const reuseResolvers = {
  Source: {
    sharedPassages: async (
      source: NodeProperties,
      args: { first?: number | null },
      context: GraphQLContext,
    ) => {
      if (typeof source.text !== 'string') return [];
      const shared = await sharedTextWith(
        context.executor,
        {
          text: source.text,
          sourceId: source.id,
          publishedFrom: (source.publishedFrom as string | undefined) ?? null,
          publishedTo: (source.publishedTo as string | undefined) ?? null,
        },
        pageSize(args.first),
      );
      return shared.map((entry) => ({ ...entry, thisId: source.id, thisText: source.text }));
    },
    copyLinks: (source: NodeProperties, _: unknown, context: GraphQLContext) =>
      copyLinksBetween(context, source.id),
  },
  SharedText: {
    source: (entry: SharedText, _: unknown, context: GraphQLContext) =>
      context.loaders.node(Label.Source).load(entry.source.id),
    passages: (entry: SharedText & { thisText: string }) =>
      entry.passages.map((passage) => withTexts(passage, entry.thisText, entry.source.text ?? '')),
    copyLink: async (entry: SharedText & { thisId: string }, _: unknown, context: GraphQLContext) =>
      (await copyLinksBetween(context, entry.thisId, entry.source.id))[0] ?? null,
  },
  CopyLink: {
    copier: (link: CopyLinkParent, _: unknown, context: GraphQLContext) =>
      context.loaders.node(Label.Source).load(link.copierId),
    original: (link: CopyLinkParent, _: unknown, context: GraphQLContext) =>
      context.loaders.node(Label.Source).load(link.originalId),
    passages: async (link: CopyLinkParent, _: unknown, context: GraphQLContext) => {
      const [copier, original] = (await context.loaders
        .node(Label.Source)
        .loadMany([link.copierId, link.originalId])) as (NodeProperties | null)[];
      const text = (node: NodeProperties | null | undefined) =>
        typeof node?.text === 'string' ? node.text : '';
      const starts = list(link.properties, 'copierStarts');
      const ends = list(link.properties, 'copierEnds');
      const originalStarts = list(link.properties, 'originalStarts');
      const originalEnds = list(link.properties, 'originalEnds');
      const words = list(link.properties, 'passageWords');
      return starts.map((start, i) =>
        withTexts(
          {
            thisStart: start,
            thisEnd: ends[i] ?? start,
            otherStart: originalStarts[i] ?? 0,
            otherEnd: originalEnds[i] ?? 0,
            words: words[i] ?? 0,
          },
          text(copier),
          text(original),
        ),
      );
    },
    shareOfCopier: (link: CopyLinkParent) => Number(link.properties.shareOfCopier ?? 0),
    // Only a standing citation credits the original: a retracted one no longer does.
    credited: async (link: CopyLinkParent, _: unknown, context: GraphQLContext) =>
      (
        await context.loaders
          .neighbours(Label.Source, Rel.CITES, 'out', Label.Source)
          .load(link.copierId)
      ).some((cited) => cited.id === link.originalId && !isRetracted(cited.properties)),
    provenance: (link: CopyLinkParent) =>
      provenance({ id: `${link.copierId}->${link.originalId}`, ...link.properties }),
  },
  Mutation: {
    recordCopy: async (
      _: unknown,
      args: { copierId: string; originalId: string },
      context: GraphQLContext,
    ) => {
      const caller = requireRole(context.caller, 'editor');
      await recordCopy(context.executor, caller, args.copierId, args.originalId);
      // Read back through a fresh lookup: the loaders may hold the state from before the write.
      const links = await copyLinksBetween(context, args.copierId, args.originalId);
      const link = links.find((candidate) => candidate.copierId === args.copierId);
      return link ?? { copierId: args.copierId, originalId: args.originalId, properties: {} };
    },
  },
};

function withTexts(passage: PassagePair, thisText: string, otherText: string) {
  return {
    ...passage,
    thisText: thisText.slice(passage.thisStart, passage.thisEnd),
    otherText: otherText.slice(passage.otherStart, passage.otherEnd),
  };
}
