import type { NodeProperties } from '../../db/graphReader.js';
import { Label } from '../../db/graphVocabulary.js';
import { shortestPaths } from '../../db/connectionQuery.js';
import { timelineEntries, type TimelineScope } from '../../db/timelineQuery.js';
import { byTime } from '../../domain/timelineOrder.js';
import { AppError } from '../../errors/appError.js';
import type { GraphQLContext } from '../context.js';
import { timeExpression } from './shared.js';

/** Which stored time each kind of timeline entry uses. */
const timePrefix = { EVENT: 'time', ATTRIBUTION: 'said', PUBLICATION: 'published' } as const;

/** Query.connection: shortest paths between two nodes, as steps. */
export async function connection(
  _: unknown,
  args: {
    fromId: string;
    toId: string;
    maxHops?: number | null;
    includeRetracted?: boolean | null;
  },
  { executor }: GraphQLContext,
) {
  const maxHops = args.maxHops ?? 6;
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > 8) {
    throw new AppError('BAD_USER_INPUT', `"maxHops" must be between 1 and 8; got ${maxHops}.`, {
      field: 'maxHops',
    });
  }
  const paths = await shortestPaths(
    executor,
    args.fromId,
    args.toId,
    maxHops,
    args.includeRetracted === true,
  );
  return paths.map((path) => ({
    length: path.relationships.length,
    steps: path.nodes.map((node, index) => {
      const via = index === 0 ? null : path.relationships[index - 1]!;
      return {
        node,
        via: via && { type: via.type, direction: via.forward ? 'FORWARD' : 'BACKWARD' },
      };
    }),
  }));
}

/** Query.timeline: dated entries of one claim, actor or topic, oldest first. */
export async function timeline(
  _: unknown,
  args: {
    claimId?: string | null;
    actorId?: string | null;
    topic?: string | null;
    includeRetracted?: boolean | null;
  },
  { executor, loaders }: GraphQLContext,
) {
  const given = (['claimId', 'actorId', 'topic'] as const).filter((key) => args[key]);
  if (given.length !== 1) {
    throw new AppError('BAD_USER_INPUT', 'Give exactly one of claimId, actorId or topic.', {
      field: given[1] ?? 'claimId',
    });
  }
  const key = given[0]!;
  const scope = { [key]: args[key] } as TimelineScope;
  return timelineOf(
    await timelineEntries(executor, scope, args.includeRetracted === true),
    loaders,
  );
}

/**
 * Timeline rows (kind and id, from src/db/timelineQuery.ts) as API entries, oldest first: each
 * node read through the loaders (batched per kind) with its time and a one-line label. Shared
 * by the scoped timeline and the whole graph's (queryResolvers).
 */
export async function timelineOf(
  rows: readonly { kind: keyof typeof timePrefix; id: string }[],
  loaders: GraphQLContext['loaders'],
) {
  const entries = await Promise.all(
    rows.map(async (row) => {
      const node = (await (row.kind === 'ATTRIBUTION'
        ? loaders.attribution.load(row.id)
        : loaders
            .node(row.kind === 'EVENT' ? Label.Event : Label.Source)
            .load(row.id))) as NodeProperties | null;
      if (!node) return null;
      const time = timeExpression(node, timePrefix[row.kind]);
      if (!time) return null;
      return {
        kind: row.kind,
        time,
        id: row.id,
        from: String(time.from),
        to: String(time.to),
        label: await entryLabel(row.kind, node, loaders),
        event: row.kind === 'EVENT' ? node : null,
        attribution: row.kind === 'ATTRIBUTION' ? node : null,
        source: row.kind === 'PUBLICATION' ? node : null,
      };
    }),
  );
  return entries.filter((entry) => entry !== null).sort(byTime);
}

async function entryLabel(
  kind: keyof typeof timePrefix,
  node: NodeProperties,
  loaders: GraphQLContext['loaders'],
) {
  if (kind === 'EVENT') return String(node.name);
  if (kind === 'PUBLICATION') return `Published: ${String(node.title)}`;
  const attribution = node as NodeProperties & { actorId: string; claimId: string };
  const [actor, claim] = (await Promise.all([
    loaders.node(Label.Actor).load(attribution.actorId),
    loaders.node(Label.Claim).load(attribution.claimId),
  ])) as (NodeProperties | null)[];
  return `${String(actor?.name)} ${String(node.cue)}: ${String(claim?.text)}`;
}
