import type { GraphQLResolveInfo } from 'graphql';
import type { NodeProperties } from '../../db/graphReader.js';
import { Label } from '../../db/graphVocabulary.js';
import {
  actorIdsByNameKey,
  listActors,
  listAttributions,
  listClaims,
  listEvents,
  type ActorListFilter,
  type AttributionListFilter,
  type ClaimListFilter,
  type EventListFilter,
  sortKeys,
  type IdPage,
} from '../../db/listQueries.js';
import { searchGraph } from '../../db/searchQuery.js';
import { wholeGraphTimeline } from '../../db/timelineQuery.js';
import { nameKey } from '../../domain/normaliseName.js';
import { AppError } from '../../errors/appError.js';
import type { GraphQLContext } from '../context.js';
import { connection as connectionResolver, timeline, timelineOf } from './exploreResolvers.js';
import { claimSourcingLoads } from './analysisResolvers.js';
import {
  decodeCursor,
  encodeCursor,
  pageSize,
  present,
  selectedFieldNames,
  sortRequest,
} from './shared.js';

interface PageArgs<F> {
  filter?: F | null;
  orderBy?: { field?: string | null; direction?: string | null } | null;
  first?: number | null;
  after?: string | null;
  /** Query.claims and Query.attributions: count retracted attributions too. */
  includeRetracted?: boolean | null;
}

/** Validated paging and sorting for one list. */
function pageRequest<F>(args: PageArgs<F>, allowed: Record<string, string>) {
  return {
    first: pageSize(args.first),
    after: decodeCursor(args.after),
    ...sortRequest(args.orderBy, allowed),
  };
}

const MAX_SEARCH_TEXT = 500;

/** Loads the nodes of a page of ids and shapes a connection. */
async function connection(page: IdPage, load: (ids: string[]) => Promise<(unknown | Error)[]>) {
  const nodes = present(
    (await load(page.items.map((item) => item.id))).map((node) =>
      node instanceof Error ? null : node,
    ),
  );
  const last = page.items[page.items.length - 1];
  return {
    nodes,
    totalCount: page.totalCount,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: last ? encodeCursor(last) : null },
  };
}

function checkDay(value: string | undefined, field: string) {
  // Date.parse accepts 2019-02-30 and rolls it over, so compare the round trip too.
  const isCalendarDay = (day: string) => {
    const time = Date.parse(`${day}T00:00:00Z`);
    return (
      /^\d{4}-\d{2}-\d{2}$/.test(day) &&
      !Number.isNaN(time) &&
      new Date(time).toISOString().startsWith(day)
    );
  };
  if (value !== undefined && !isCalendarDay(value)) {
    throw new AppError(
      'BAD_USER_INPUT',
      `"${field}" must be a day as YYYY-MM-DD; got "${value}".`,
      { field },
    );
  }
}

/** Refuses a from/to window with a bad day or from after to, naming the field. */
function checkWindow(filter: { from?: string | null; to?: string | null }) {
  checkDay(filter.from ?? undefined, 'filter.from');
  checkDay(filter.to ?? undefined, 'filter.to');
  if (filter.from && filter.to && filter.from > filter.to) {
    throw new AppError('BAD_USER_INPUT', '"filter.from" is after "filter.to".', {
      field: 'filter.from',
    });
  }
}

const WHOLE_GRAPH_TIMELINE = 100;
const MAX_TIMELINE = 500;

/** Validates timeline's `first`: 1..500, or the default (none for a scoped timeline). */
function timelineSize(first: number | null | undefined, fallback: number | null) {
  const value = first ?? fallback;
  if (value !== null && (!Number.isInteger(value) || value < 1 || value > MAX_TIMELINE)) {
    throw new AppError(
      'BAD_USER_INPUT',
      `"first" must be between 1 and ${MAX_TIMELINE}; got ${value}.`,
      { field: 'first' },
    );
  }
  return value;
}

/**
 * Query.timeline: with a claim, actor or topic, exploreResolvers' scoped timeline (cut to
 * `first` if given); without, the oldest entries of the whole graph.
 */
async function timelineOrWholeGraph(
  parent: unknown,
  args: Parameters<typeof timeline>[1] & { first?: number | null },
  context: GraphQLContext,
) {
  // Any scope argument given, even "", is the scoped timeline's to accept or refuse as before.
  const scoped = [args.claimId, args.actorId, args.topic].some(
    (value) => value !== null && value !== undefined,
  );
  const first = timelineSize(args.first, scoped ? null : WHOLE_GRAPH_TIMELINE);
  if (scoped) {
    const entries = await timeline(parent, args, context);
    return first === null ? entries : entries.slice(0, first);
  }
  const rows = await wholeGraphTimeline(
    context.executor,
    first ?? WHOLE_GRAPH_TIMELINE,
    args.includeRetracted === true,
  );
  return timelineOf(rows, context.loaders);
}

/** Claim fields answered from the carrier graph (loaders.sourcing). */
const sourcingFields = ['sourcingChains', 'sourcing', 'independentOrigins'];

/**
 * Query.claim. When the selection asks for the claim's sourcing, the claim is read with its
 * carrier graph (the same statement returns its properties and primes the node loaders), so
 * the chains come back in one round trip instead of a claim lookup followed by the graph.
 */
async function claimById(
  _: unknown,
  { id }: { id: string },
  { loaders }: GraphQLContext,
  info: GraphQLResolveInfo,
) {
  const selected = selectedFieldNames(info);
  if (!sourcingFields.some((field) => selected.has(field)))
    return loaders.node(Label.Claim).load(id);
  if (selected.has('sourcing')) {
    // Started now, awaited (and any failure reported) by Claim.sourcing through the loaders.
    claimSourcingLoads(loaders, id).catch(() => undefined);
  }
  return (await loaders.sourcing.load(id)).claim;
}

/** Resolvers of type Query: read arguments, call one function, return. */
export const queryResolvers = {
  claim: claimById,
  actor: (_: unknown, { id }: { id: string }, { loaders }: GraphQLContext) =>
    loaders.node(Label.Actor).load(id),
  source: (_: unknown, { id }: { id: string }, { loaders }: GraphQLContext) =>
    loaders.node(Label.Source).load(id),
  event: (_: unknown, { id }: { id: string }, { loaders }: GraphQLContext) =>
    loaders.node(Label.Event).load(id),

  search: async (
    _: unknown,
    args: { text: string; first?: number | null; includeRetracted?: boolean | null },
    { executor }: GraphQLContext,
  ) => {
    if (args.text.length > MAX_SEARCH_TEXT) {
      throw new AppError('BAD_USER_INPUT', `"text" may be at most ${MAX_SEARCH_TEXT} characters.`, {
        field: 'text',
      });
    }
    return searchGraph(executor, args.text, pageSize(args.first), args.includeRetracted === true);
  },

  claims: async (
    _: unknown,
    args: PageArgs<ClaimListFilter>,
    { executor, loaders }: GraphQLContext,
  ) => {
    const filter = args.filter ?? {};
    checkWindow(filter);
    const page = await listClaims(
      executor,
      { ...filter, includeRetracted: args.includeRetracted === true },
      pageRequest(args, sortKeys.claims),
    );
    return connection(page, (ids) => loaders.node(Label.Claim).loadMany(ids));
  },
  actors: async (
    _: unknown,
    args: PageArgs<ActorListFilter>,
    { executor, loaders }: GraphQLContext,
  ) => {
    const page = await listActors(executor, args.filter ?? {}, pageRequest(args, sortKeys.actors));
    return connection(page, (ids) => loaders.node(Label.Actor).loadMany(ids));
  },
  attributions: async (
    _: unknown,
    args: PageArgs<AttributionListFilter>,
    { executor, loaders }: GraphQLContext,
  ) => {
    const page = await listAttributions(
      executor,
      { ...args.filter, includeRetracted: args.includeRetracted === true },
      pageRequest(args, sortKeys.attributions),
    );
    return connection(page, (ids) => loaders.attribution.loadMany(ids));
  },
  events: async (
    _: unknown,
    args: PageArgs<EventListFilter>,
    { executor, loaders }: GraphQLContext,
  ) => {
    const filter = { ...args.filter };
    checkWindow(filter);
    if (typeof filter.place === 'string' && filter.place.length > MAX_SEARCH_TEXT) {
      throw new AppError(
        'BAD_USER_INPUT',
        `"filter.place" may be at most ${MAX_SEARCH_TEXT} characters.`,
        { field: 'filter.place' },
      );
    }
    // EventKind is not in enumValues, so the SDL name (REPORT_RELEASE) arrives; idempotent on
    // the stored kebab-case should it ever be mapped there.
    if (filter.kind) filter.kind = filter.kind.toLowerCase().replaceAll('_', '-');
    const page = await listEvents(executor, filter, pageRequest(args, sortKeys.events));
    return connection(page, (ids) => loaders.node(Label.Event).loadMany(ids));
  },
  connection: connectionResolver,
  timeline: timelineOrWholeGraph,
  actorsByName: async (
    _: unknown,
    { name }: { name: string },
    { executor, loaders }: GraphQLContext,
  ) => {
    if (name.length > MAX_SEARCH_TEXT) {
      throw new AppError('BAD_USER_INPUT', `"name" may be at most ${MAX_SEARCH_TEXT} characters.`, {
        field: 'name',
      });
    }
    const ids = await actorIdsByNameKey(executor, nameKey(name));
    return present((await loaders.node(Label.Actor).loadMany(ids)) as (NodeProperties | null)[]);
  },
};

/** Resolvers of type SearchHit: the matching node by kind. */
export const searchHitResolvers = {
  claim: (hit: { claimId: string | null }, _: unknown, { loaders }: GraphQLContext) =>
    hit.claimId ? loaders.node(Label.Claim).load(hit.claimId) : null,
  actor: (hit: { kind: string; id: string }, _: unknown, { loaders }: GraphQLContext) =>
    hit.kind === 'ACTOR' ? loaders.node(Label.Actor).load(hit.id) : null,
  source: (hit: { kind: string; id: string }, _: unknown, { loaders }: GraphQLContext) =>
    hit.kind === 'SOURCE' ? loaders.node(Label.Source).load(hit.id) : null,
  event: (hit: { kind: string; id: string }, _: unknown, { loaders }: GraphQLContext) =>
    hit.kind === 'EVENT' ? loaders.node(Label.Event).load(hit.id) : null,
  attribution: (hit: { kind: string; id: string }, _: unknown, { loaders }: GraphQLContext) =>
    hit.kind === 'QUOTE' ? loaders.attribution.load(hit.id) : null,
};
