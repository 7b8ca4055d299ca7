import neo4j from 'neo4j-driver';
import type { Executor } from './executor.js';
import { speakingStances } from '../domain/speakers.js';
import { Label, Rel } from './graphVocabulary.js';

/** A node on a page: its id and the value it is sorted by (the cursor is made of both). */
export interface PageItem {
  readonly id: string;
  readonly key: string | number;
}

/** One page in sort order, with the total matching count. */
export interface IdPage {
  readonly items: PageItem[];
  readonly hasNextPage: boolean;
  readonly totalCount: number;
}

/** Filters of Query.claims, in stored vocabulary (stance lowercase). */
export interface ClaimListFilter {
  topic?: string | undefined;
  actorId?: string | undefined;
  stance?: string | undefined;
  sourceId?: string | undefined;
  namedSpeaker?: boolean | undefined;
  hasQuantities?: boolean | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Let retracted attributions (and the carriers they alone make) count for the filters. */
  includeRetracted?: boolean | undefined;
}

/** Filters of Query.actors. */
export interface ActorListFilter {
  kind?: string | undefined;
  anonymous?: boolean | undefined;
}

/** Filters of Query.attributions. */
export interface AttributionListFilter {
  stance?: string | undefined;
  actorId?: string | undefined;
  claimId?: string | undefined;
  sourceId?: string | undefined;
  /** List retracted attributions too. */
  includeRetracted?: boolean | undefined;
}

/** Filters of Query.events, in stored vocabulary (kind kebab-case). */
export interface EventListFilter {
  kind?: string | undefined;
  actorId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  place?: string | undefined;
}

/** Paging and sorting after validation: 1 ≤ first ≤ 100; `after` is the last item of the previous page. */
export interface PageRequest {
  readonly first: number;
  readonly after: PageItem | null;
  /** A key of the list's sort keys, e.g. `ID` or `TEXT`. */
  readonly orderBy: string;
  readonly descending: boolean;
}

/** What each list can be sorted by: GraphQL enum value → Cypher expression over `n` (constants only). */
export const sortKeys = {
  claims: { ID: 'n.id', TEXT: 'n.text', REFERS_TO: "coalesce(n.refersToFrom, '')" },
  actors: { ID: 'n.id', NAME: 'n.name' },
  attributions: { ID: 'n.id', SAID: "coalesce(n.saidFrom, '')", STANCE: 'n.stance' },
  events: { ID: 'n.id', TIME: "coalesce(n.timeFrom, '')", NAME: 'n.name' },
} as const;

/**
 * Claims matching every given filter. Unset filters are null parameters and always hold. Unless
 * `includeRetracted`, the filters that go through attributions see only standing ones, and
 * `sourceId` follows the carrier rule (src/domain/retraction.ts): a source whose attributions of
 * the claim are all retracted does not carry it.
 */
export async function listClaims(
  executor: Executor,
  filter: ClaimListFilter,
  page: PageRequest,
): Promise<IdPage> {
  return pageOf(
    executor,
    'listClaims',
    `
    MATCH (n:${Label.Claim})
    WHERE ($topic IS NULL OR $topic IN n.topics)
      AND ($sourceId IS NULL OR EXISTS {
            MATCH (s:${Label.Source} {id: $sourceId})-[:${Rel.CARRIES}]->(n)
            WHERE $includeRetracted
               OR NOT EXISTS { MATCH (x:${Label.Attribution})-[:${Rel.ABOUT}]->(n) WHERE (x)-[:${Rel.RECORDED_IN}]->(s) }
               OR EXISTS { MATCH (x:${Label.Attribution})-[:${Rel.ABOUT}]->(n)
                           WHERE (x)-[:${Rel.RECORDED_IN}]->(s) AND coalesce(x.retracted, false) <> true } })
      AND ($actorId IS NULL AND $stance IS NULL OR EXISTS {
            MATCH (a:${Label.Attribution})-[:${Rel.ABOUT}]->(n), (a)-[:${Rel.BY}]->(actor:${Label.Actor})
            WHERE ($actorId IS NULL OR actor.id = $actorId) AND ($stance IS NULL OR a.stance = $stance)
              AND ($includeRetracted OR coalesce(a.retracted, false) <> true) })
      // The same rule as domain/speakers.ts: a speaking stance, by an actor on the record.
      AND ($namedSpeaker IS NULL OR $namedSpeaker = EXISTS {
            MATCH (a:${Label.Attribution})-[:${Rel.ABOUT}]->(n), (a)-[:${Rel.BY}]->(actor:${Label.Actor})
            WHERE a.stance IN $speakingStances AND NOT actor.anonymous AND actor.kind <> 'unnamed-group'
              AND ($includeRetracted OR coalesce(a.retracted, false) <> true) })
      AND ($hasQuantities IS NULL OR $hasQuantities = EXISTS { (n)-[:${Rel.HAS_QUANTITY}]->() })
      AND ($from IS NULL AND $to IS NULL OR EXISTS {
            MATCH (a:${Label.Attribution})-[:${Rel.ABOUT}]->(n)
            WHERE ($from IS NULL OR a.saidTo >= $from) AND ($to IS NULL OR a.saidFrom <= $to)
              AND ($includeRetracted OR coalesce(a.retracted, false) <> true) }
          OR (($from IS NULL OR n.refersToTo >= $from) AND ($to IS NULL OR n.refersToFrom <= $to)
              AND n.refersToValue IS NOT NULL))`,
    sortKeys.claims,
    {
      topic: null,
      sourceId: null,
      actorId: null,
      stance: null,
      namedSpeaker: null,
      hasQuantities: null,
      speakingStances,
      from: null,
      to: null,
      ...filter,
      includeRetracted: filter.includeRetracted === true,
    },
    page,
  );
}

/** Actors matching every given filter. */
export async function listActors(
  executor: Executor,
  filter: ActorListFilter,
  page: PageRequest,
): Promise<IdPage> {
  return pageOf(
    executor,
    'listActors',
    `
    MATCH (n:${Label.Actor})
    WHERE ($kind IS NULL OR n.kind = $kind) AND ($anonymous IS NULL OR n.anonymous = $anonymous)`,
    sortKeys.actors,
    { kind: null, anonymous: null, ...filter },
    page,
  );
}

/** Attributions matching every given filter; standing ones only unless `includeRetracted`. */
export async function listAttributions(
  executor: Executor,
  filter: AttributionListFilter,
  page: PageRequest,
): Promise<IdPage> {
  return pageOf(
    executor,
    'listAttributions',
    `
    MATCH (n:${Label.Attribution})
    WHERE ($stance IS NULL OR n.stance = $stance)
      AND ($actorId IS NULL OR EXISTS { (n)-[:${Rel.BY}]->(:${Label.Actor} {id: $actorId}) })
      AND ($claimId IS NULL OR EXISTS { (n)-[:${Rel.ABOUT}]->(:${Label.Claim} {id: $claimId}) })
      AND ($sourceId IS NULL OR EXISTS { (n)-[:${Rel.RECORDED_IN}]->(:${Label.Source} {id: $sourceId}) })
      AND ($includeRetracted OR coalesce(n.retracted, false) <> true)`,
    sortKeys.attributions,
    {
      stance: null,
      actorId: null,
      claimId: null,
      sourceId: null,
      ...filter,
      includeRetracted: filter.includeRetracted === true,
    },
    page,
  );
}

/**
 * Events matching every given filter. The time window keeps events whose time bounds overlap
 * it (like the claims' refersTo window), so undated events drop out once from or to is given;
 * place matches as a case-insensitive substring.
 */
export async function listEvents(
  executor: Executor,
  filter: EventListFilter,
  page: PageRequest,
): Promise<IdPage> {
  return pageOf(
    executor,
    'listEvents',
    `
    MATCH (n:${Label.Event})
    WHERE ($kind IS NULL OR n.kind = $kind)
      AND ($actorId IS NULL OR EXISTS { (:${Label.Actor} {id: $actorId})-[:${Rel.PARTICIPATED_IN}]->(n) })
      AND ($from IS NULL AND $to IS NULL
           OR n.timeFrom IS NOT NULL AND ($from IS NULL OR n.timeTo >= $from) AND ($to IS NULL OR n.timeFrom <= $to))
      AND ($place IS NULL OR toLower(n.place) CONTAINS toLower($place))`,
    sortKeys.events,
    { kind: null, actorId: null, from: null, to: null, place: null, ...filter },
    page,
  );
}

/** Actors whose name or alias has the same key as `key` (see domain/normaliseName). */
export async function actorIdsByNameKey(executor: Executor, key: string): Promise<string[]> {
  const rows = await executor.read(
    {
      name: 'actorsByNameKey',
      cypher: `MATCH (n:${Label.Actor}) WHERE $key IN n.nameKeys RETURN n.id AS id ORDER BY id`,
    },
    { key },
  );
  return rows.map((row) => String(row.id));
}

/** Runs `match` (which binds `n`) once for the total and the page, in one round trip. */
async function pageOf(
  executor: Executor,
  name: string,
  match: string,
  sortKeys: Record<string, string>,
  parameters: Record<string, unknown>,
  page: PageRequest,
): Promise<IdPage> {
  const sortKey = sortKeys[page.orderBy];
  if (sortKey === undefined) throw new Error(`unknown sort field ${page.orderBy}`);
  // Keyset paging on (sort key, id): stable when nodes are added, and an index seek per page.
  const [before, after] = page.descending ? ['<', 'DESC'] : ['>', 'ASC'];
  const [row] = await executor.read(
    {
      name,
      cypher: `
        CALL () { ${match} RETURN count(n) AS totalCount }
        CALL () {
          ${match}
          WITH n, ${sortKey} AS key
          WHERE $afterId IS NULL OR key ${before} $afterKey OR (key = $afterKey AND n.id ${before} $afterId)
          WITH n.id AS id, key ORDER BY key ${after}, id ${after} LIMIT $limit
          // Aggregating inside the subquery keeps one row when the page is empty.
          RETURN collect({id: id, key: key}) AS items
        }
        RETURN totalCount, items`,
    },
    {
      ...parameters,
      afterKey: page.after?.key ?? null,
      afterId: page.after?.id ?? null,
      limit: neo4j.int(page.first + 1),
    },
  );
  const items = (row?.items as PageItem[] | undefined) ?? [];
  return {
    items: items.slice(0, page.first),
    hasNextPage: items.length > page.first,
    totalCount: Number(row?.totalCount ?? 0),
  };
}
