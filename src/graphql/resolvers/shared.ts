import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { NodeProperties } from '../../db/graphReader.js';
import type { PageItem } from '../../db/listQueries.js';
import { Label, Rel } from '../../db/graphVocabulary.js';
import { isRetracted, keysWithOnlyRetracted } from '../../domain/retraction.js';
import type { GraphQLContext } from '../context.js';
import { AppError } from '../../errors/appError.js';

/** The TimeExpression stored under `<prefix>Raw`, `…Value`… on a node, or null if absent. */
export function timeExpression(node: Record<string, unknown>, prefix: string) {
  const value = node[`${prefix}Value`];
  if (typeof value !== 'string') return null;
  return {
    raw: node[`${prefix}Raw`] ?? null,
    value,
    precision: node[`${prefix}Precision`],
    basis: node[`${prefix}Basis`],
    from: node[`${prefix}From`],
    to: node[`${prefix}To`],
  };
}

/** The Provenance of a node. */
export function provenance(node: NodeProperties) {
  return {
    enteredBy: node.enteredBy,
    enteredVia: node.enteredVia,
    enteredAt: node.enteredAt,
    extractedBy: node.extractedBy ?? null,
    updatedBy: node.updatedBy ?? null,
    updatedAt: node.updatedAt ?? null,
    updatedVia: node.updatedVia ?? null,
    revision: node.revision ?? 1,
  };
}

/** Drops nulls (ids whose node vanished between two reads of one request). */
export function present<T>(values: readonly (T | null)[]): T[] {
  return values.filter((value): value is T => value !== null);
}

/** Validates a page size: 1..100, so no request can ask for the whole graph at once. */
export function pageSize(first: number | null | undefined, argument = 'first'): number {
  const value = first ?? 20;
  if (!Number.isInteger(value) || value < 1 || value > 100) {
    throw new AppError('BAD_USER_INPUT', `"${argument}" must be between 1 and 100; got ${value}.`, {
      field: argument,
    });
  }
  return value;
}

/** Cursors are opaque to clients: base64url of the JSON [sort key, id] of the last item on a page. */
export function encodeCursor(item: PageItem): string {
  return Buffer.from(JSON.stringify([item.key, item.id]), 'utf8').toString('base64url');
}

/** Decodes a cursor from `encodeCursor`, refusing anything else with BAD_USER_INPUT. */
export function decodeCursor(cursor: string | null | undefined): PageItem | null {
  if (cursor === null || cursor === undefined) return null;
  const refuse = () =>
    new AppError('BAD_USER_INPUT', '"after" is not a cursor returned by this API.', {
      field: 'after',
    });
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  if (
    !Array.isArray(decoded) ||
    decoded.length !== 2 ||
    !['string', 'number'].includes(typeof decoded[0]) ||
    typeof decoded[1] !== 'string' ||
    !/^[a-z]{3}-[a-z0-9-]+$/.test(decoded[1])
  ) {
    throw refuse();
  }
  return { key: decoded[0] as string | number, id: decoded[1] };
}

/** The list's sort request: which key (from the list's whitelist) and which way. */
export function sortRequest(
  orderBy: { field?: string | null; direction?: string | null } | null | undefined,
  allowed: Record<string, string>,
): { orderBy: string; descending: boolean } {
  const field = orderBy?.field ?? 'ID';
  if (!(field in allowed)) {
    throw new AppError(
      'BAD_USER_INPUT',
      `"orderBy.field" must be one of ${Object.keys(allowed).join(', ')}.`,
      {
        field: 'orderBy.field',
      },
    );
  }
  return { orderBy: field, descending: orderBy?.direction === 'DESC' };
}

type NodeLabel = (typeof Label)[keyof typeof Label];
type RelType = (typeof Rel)[keyof typeof Rel];

/** Arguments of the list fields that leave retracted facts out unless asked. */
export interface RetractionArgs {
  readonly includeRetracted?: boolean | null;
}

/**
 * A resolver for the nodes at the other end of one relationship type, batched per level of the
 * query (one round trip for the links, one for the nodes), each node once, in stored order.
 * Retracted relationships (a citation, a claim relation) are left out unless the field's
 * `includeRetracted` argument is true.
 */
export function linkedNodes(
  ownerLabel: NodeLabel,
  type: RelType,
  direction: 'out' | 'in',
  otherLabel: NodeLabel,
) {
  return async (owner: NodeProperties, args: RetractionArgs, { loaders }: GraphQLContext) => {
    const links = await loaders.neighbours(ownerLabel, type, direction, otherLabel).load(owner.id);
    const kept =
      args?.includeRetracted === true
        ? links
        : links.filter((link) => !isRetracted(link.properties));
    const ids = [...new Set(kept.map((link) => link.id))];
    return present((await loaders.node(otherLabel).loadMany(ids)) as (NodeProperties | null)[]);
  };
}

/** Like linkedNodes, for a relationship a node has at most one of (a publisher, a country). */
export function linkedNode(ownerLabel: NodeLabel, type: RelType, otherLabel: NodeLabel) {
  const all = linkedNodes(ownerLabel, type, 'out', otherLabel);
  return async (owner: NodeProperties, _: unknown, context: GraphQLContext) =>
    (await all(owner, {}, context))[0] ?? null;
}

/**
 * A resolver for the CARRIES links of a claim (`'in'`: its sources) or a source (`'out'`: its
 * claims), with the carrier rule of src/domain/retraction.ts unless `includeRetracted`: a source
 * whose attributions of the claim are all retracted does not carry it.
 */
export function carriesLinks(direction: 'in' | 'out') {
  const [ownerLabel, otherLabel, owner, otherEnd] =
    direction === 'in'
      ? ([Label.Claim, Label.Source, 'claim', 'sourceId'] as const)
      : ([Label.Source, Label.Claim, 'source', 'claimId'] as const);
  return async (node: NodeProperties, args: RetractionArgs, { loaders }: GraphQLContext) => {
    const [links, attributions] = await Promise.all([
      loaders.neighbours(ownerLabel, Rel.CARRIES, direction, otherLabel).load(node.id),
      loaders.attributionsOf(owner).load(node.id),
    ]);
    const dropped =
      args?.includeRetracted === true
        ? new Set<string>()
        : keysWithOnlyRetracted(attributions, (attribution) => attribution[otherEnd]);
    const ids = [...new Set(links.map((link) => link.id))].filter((id) => !dropped.has(id));
    return present((await loaders.node(otherLabel).loadMany(ids)) as (NodeProperties | null)[]);
  };
}

/**
 * The names of the fields selected directly on the field being resolved (through inline
 * fragments and fragment spreads too; directives are not evaluated, so a skipped field counts).
 * For look-ahead only: a resolver may start loads early with it, never answer differently.
 */
export function selectedFieldNames(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  const visit = (selectionSet: SelectionSetNode | undefined) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else visit(info.fragments[selection.name.value]?.selectionSet);
    }
  };
  for (const fieldNode of info.fieldNodes) visit(fieldNode.selectionSet);
  return names;
}
