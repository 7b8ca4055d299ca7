import DataLoader from 'dataloader';
import type { NodeProperties } from '../../db/graphReader.js';
import { Label, Rel, claimRelationTypes } from '../../db/graphVocabulary.js';
import type { LinkAddress } from '../../db/correctionQueries.js';
import { linkVersions, nodeVersions, type StoredVersions } from '../../db/revisionQueries.js';
import { revisionHistory } from '../../domain/revisionHistory.js';
import type { GraphQLContext } from '../context.js';
import { provenance } from './shared.js';

type NodeLabel = (typeof Label)[keyof typeof Label];

/**
 * Per-request loaders of node versions, one per label, so `revisions` on every item of a list
 * is one round trip. Kept beside the context (not in it) since only these resolvers use them.
 */
const versionLoaders = new WeakMap<
  GraphQLContext,
  Map<NodeLabel, DataLoader<string, StoredVersions>>
>();

function versionsOf(context: GraphQLContext, label: NodeLabel, id: string) {
  let loaders = versionLoaders.get(context);
  if (!loaders) {
    loaders = new Map();
    versionLoaders.set(context, loaders);
  }
  let loader = loaders.get(label);
  if (!loader) {
    loader = new DataLoader(async (ids: readonly string[]) => {
      const found = await nodeVersions(context.executor, label, ids);
      return ids.map((key) => found.get(key) ?? { versions: [], current: false });
    });
    loaders.set(label, loader);
  }
  return loader.load(id);
}

const nodeRevisions =
  (label: NodeLabel) => async (node: NodeProperties, _: unknown, context: GraphQLContext) => {
    const stored = await versionsOf(context, label, node.id);
    return revisionHistory(stored.versions, stored.current);
  };

const linkRevisions = async (link: LinkAddress, context: GraphQLContext) => {
  const stored = await linkVersions(context.executor, link);
  return revisionHistory(stored.versions, stored.current);
};

/** A claim relation's stored type from its seed name (`supports`) or its type (`SUPPORTS`). */
function relationType(type: string): string {
  return type in claimRelationTypes
    ? claimRelationTypes[type as keyof typeof claimRelationTypes]
    : type;
}

/** `revisions` of every node type and of citations and claim relations. */
export const historyResolvers = {
  Claim: { revisions: nodeRevisions(Label.Claim) },
  Actor: { revisions: nodeRevisions(Label.Actor) },
  Source: { revisions: nodeRevisions(Label.Source) },
  Attribution: { revisions: nodeRevisions(Label.Attribution) },
  // Events had no provenance field before corrections existed; it is served with their history.
  Event: { revisions: nodeRevisions(Label.Event), provenance },
  // An attribution's own figures are Quantity values without a node (and so without an id).
  Quantity: {
    revisions: (quantity: Partial<NodeProperties>, args: unknown, context: GraphQLContext) =>
      typeof quantity.id === 'string'
        ? nodeRevisions(Label.Quantity)(quantity as NodeProperties, args, context)
        : [],
  },
  Citation: {
    revisions: (
      citation: { sourceId: string; citedId: string },
      _: unknown,
      context: GraphQLContext,
    ) =>
      linkRevisions(
        {
          type: Rel.CITES,
          fromLabel: Label.Source,
          toLabel: Label.Source,
          from: citation.sourceId,
          to: citation.citedId,
        },
        context,
      ),
  },
  ClaimRelation: {
    revisions: (
      relation: { fromId: string; toId: string; type: string },
      _: unknown,
      context: GraphQLContext,
    ) =>
      linkRevisions(
        {
          type: relationType(relation.type),
          fromLabel: Label.Claim,
          toLabel: Label.Claim,
          from: relation.fromId,
          to: relation.toId,
        },
        context,
      ),
  },
};
