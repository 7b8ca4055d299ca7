import neo4j from 'neo4j-driver';
import type { Executor } from './executor.js';
import { Label, Rel } from './graphVocabulary.js';

/** What a timeline is about: exactly one of a claim, an actor or a topic. */
export type TimelineScope = { claimId: string } | { actorId: string } | { topic: string };

/** A dated thing on a timeline, by kind and id; the API loads the node. */
export interface TimelineRow {
  readonly kind: 'EVENT' | 'ATTRIBUTION' | 'PUBLICATION';
  readonly id: string;
}

/**
 * The dated events, attributions and source publications of a claim (or of every claim with a
 * topic), or of an actor. Undated ones are left out: a timeline can only place what has a time.
 * Unless `includeRetracted`, retracted attributions (and events reached only through them) are
 * left out, and a claim's publications follow the carrier rule (src/domain/retraction.ts).
 */
export async function timelineEntries(
  executor: Executor,
  scope: TimelineScope,
  includeRetracted = false,
): Promise<TimelineRow[]> {
  const claimsOrActor =
    'actorId' in scope
      ? `
        MATCH (actor:${Label.Actor} {id: $actorId})
        CALL (actor) {
          MATCH (a:${Label.Attribution})-[:${Rel.BY}]->(actor)
          WHERE a.saidFrom IS NOT NULL AND ($includeRetracted OR coalesce(a.retracted, false) <> true)
          RETURN 'ATTRIBUTION' AS kind, a.id AS id
          UNION
          MATCH (actor)-[:${Rel.PARTICIPATED_IN}]->(e:${Label.Event}) WHERE e.timeFrom IS NOT NULL
          RETURN 'EVENT' AS kind, e.id AS id
          UNION
          MATCH (a2:${Label.Attribution})-[:${Rel.BY}]->(actor), (a2)-[:${Rel.AT_EVENT}]->(e:${Label.Event})
          WHERE e.timeFrom IS NOT NULL AND ($includeRetracted OR coalesce(a2.retracted, false) <> true)
          RETURN 'EVENT' AS kind, e.id AS id
        }`
      : `
        MATCH (c:${Label.Claim}) WHERE c.id = $claimId OR $topic IN c.topics
        CALL (c) {
          MATCH (a:${Label.Attribution})-[:${Rel.ABOUT}]->(c)
          WHERE a.saidFrom IS NOT NULL AND ($includeRetracted OR coalesce(a.retracted, false) <> true)
          RETURN 'ATTRIBUTION' AS kind, a.id AS id
          UNION
          MATCH (c)-[:${Rel.CONCERNS}]->(e:${Label.Event}) WHERE e.timeFrom IS NOT NULL
          RETURN 'EVENT' AS kind, e.id AS id
          UNION
          MATCH (a2:${Label.Attribution})-[:${Rel.ABOUT}]->(c), (a2)-[:${Rel.AT_EVENT}]->(e:${Label.Event})
          WHERE e.timeFrom IS NOT NULL AND ($includeRetracted OR coalesce(a2.retracted, false) <> true)
          RETURN 'EVENT' AS kind, e.id AS id
          UNION
          MATCH (s:${Label.Source})-[:${Rel.CARRIES}]->(c)
          WHERE s.publishedFrom IS NOT NULL
            AND ($includeRetracted
                 OR NOT EXISTS { MATCH (x:${Label.Attribution})-[:${Rel.ABOUT}]->(c) WHERE (x)-[:${Rel.RECORDED_IN}]->(s) }
                 OR EXISTS { MATCH (x:${Label.Attribution})-[:${Rel.ABOUT}]->(c)
                             WHERE (x)-[:${Rel.RECORDED_IN}]->(s) AND coalesce(x.retracted, false) <> true })
          RETURN 'PUBLICATION' AS kind, s.id AS id
        }`;
  const rows = await executor.read(
    { name: 'timeline', cypher: `${claimsOrActor} RETURN DISTINCT kind, id` },
    {
      claimId: 'claimId' in scope ? scope.claimId : null,
      topic: 'topic' in scope ? scope.topic : null,
      actorId: 'actorId' in scope ? scope.actorId : null,
      includeRetracted,
    },
  );
  return rows as unknown as TimelineRow[];
}

/**
 * The `first` oldest dated events, attributions and source publications of the whole graph, in
 * the order of domain/timelineOrder (first day, then last day, then id), so the cap keeps the
 * same entries the API then sorts. Retracted attributions only with `includeRetracted`.
 */
export async function wholeGraphTimeline(
  executor: Executor,
  first: number,
  includeRetracted = false,
): Promise<TimelineRow[]> {
  const rows = await executor.read(
    {
      name: 'wholeGraphTimeline',
      cypher: `
        CALL () {
          MATCH (e:${Label.Event}) WHERE e.timeFrom IS NOT NULL
          RETURN 'EVENT' AS kind, e.id AS id, e.timeFrom AS from, e.timeTo AS to
          UNION ALL
          MATCH (a:${Label.Attribution})
          WHERE a.saidFrom IS NOT NULL AND ($includeRetracted OR coalesce(a.retracted, false) <> true)
          RETURN 'ATTRIBUTION' AS kind, a.id AS id, a.saidFrom AS from, a.saidTo AS to
          UNION ALL
          MATCH (s:${Label.Source}) WHERE s.publishedFrom IS NOT NULL
          RETURN 'PUBLICATION' AS kind, s.id AS id, s.publishedFrom AS from, s.publishedTo AS to
        }
        RETURN kind, id ORDER BY from, to, id LIMIT $first`,
    },
    { first: neo4j.int(first), includeRetracted },
  );
  return rows as unknown as TimelineRow[];
}
