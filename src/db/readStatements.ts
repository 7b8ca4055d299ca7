import type { NamedQuery } from './executor.js';
import { Label, Rel } from './graphVocabulary.js';

type NodeLabel = (typeof Label)[keyof typeof Label];
type RelType = (typeof Rel)[keyof typeof Rel];

/** Which relationship joins an attribution to the thing we list attributions of. */
const attributionOwnerRel = {
  claim: { rel: Rel.ABOUT, label: Label.Claim },
  actor: { rel: Rel.BY, label: Label.Actor },
  source: { rel: Rel.RECORDED_IN, label: Label.Source },
  event: { rel: Rel.AT_EVENT, label: Label.Event },
} as const;

/** The owners whose attributions can be listed. */
export type AttributionOwner = keyof typeof attributionOwnerRel;

const attributionProjection = `a {
  .*,
  actorId: [(a)-[:${Rel.BY}]->(x) | x.id][0],
  claimId: [(a)-[:${Rel.ABOUT}]->(x) | x.id][0],
  sourceId: [(a)-[:${Rel.RECORDED_IN}]->(x) | x.id][0],
  eventId: [(a)-[:${Rel.AT_EVENT}]->(x) | x.id][0]
}`;

/**
 * The Cypher behind GraphReader, one statement per batched read, each taking `$ids`. They live
 * apart from the reader so the benchmarks can send exactly these statements straight through
 * neo4j-driver and compare that with the API (bench/scale). Labels and types are constants.
 *
 * Statements that expand from the owner name its id index (`USING INDEX`): without the hint
 * the planner sometimes started from a scan of the other end's index, which PROFILE showed
 * growing with the graph (bench/results/scale.md, Plans).
 */
export const readStatements = {
  nodesById: (label: NodeLabel): NamedQuery => ({
    name: `${label}ById`,
    cypher: `MATCH (n:${label}) WHERE n.id IN $ids RETURN n {.*} AS node`,
  }),

  attributionsOf: (owner: AttributionOwner): NamedQuery => {
    const { rel, label } = attributionOwnerRel[owner];
    return {
      name: `attributionsOf${label}`,
      cypher: `
        MATCH (a:${Label.Attribution})-[:${rel}]->(o:${label}) USING INDEX o:${label}(id)
        WHERE o.id IN $ids
        RETURN o.id AS ownerId, ${attributionProjection} AS attribution
        ORDER BY a.quoteStart, a.id`,
    };
  },

  attributionsById: {
    name: 'attributionsById',
    cypher: `MATCH (a:${Label.Attribution}) WHERE a.id IN $ids RETURN ${attributionProjection} AS attribution`,
  } satisfies NamedQuery,

  /** `direction` is the relationship's direction seen from the owner. */
  neighbours: (
    ownerLabel: NodeLabel,
    type: RelType,
    direction: 'out' | 'in',
    otherLabel: NodeLabel,
  ): NamedQuery => {
    const pattern =
      direction === 'out'
        ? `(o:${ownerLabel})-[r:${type}]->(n:${otherLabel})`
        : `(o:${ownerLabel})<-[r:${type}]-(n:${otherLabel})`;
    return {
      name: `${ownerLabel}${direction === 'out' ? '' : 'Incoming'}${type}`,
      cypher: `
        MATCH ${pattern} USING INDEX o:${ownerLabel}(id) WHERE o.id IN $ids
        RETURN o.id AS ownerId, n.id AS id, properties(r) AS properties
        ORDER BY coalesce(n.position, 0), n.id`,
    };
  },

  /**
   * For each claim, the subgraph that sourcing analysis needs: the sources carrying it, with
   * publisher, owner and state affiliation, and the citations among those sources. Retractions
   * (src/domain/retraction.ts) are applied here: a source whose attributions of the claim are all
   * retracted is not a carrier (it is listed in `retractedCarriers`), and a retracted citation is
   * left out of `cites` (listed in the source's `retractedCites` with its reason).
   *
   * It also returns every property of the claim (`claim`), of each carrier (`node`) and of the
   * set-apart carriers (`retractedCarriers`), as `nodesById` would, so the API primes its node
   * loaders with them and answers a claim's chains, origins and retracted carriers in this one
   * round trip (src/graphql/loaders.ts).
   */
  carrierGraphs: {
    name: 'carrierGraphs',
    cypher: `
      MATCH (c:${Label.Claim}) WHERE c.id IN $ids
      CALL (c) {
        MATCH (s:${Label.Source})-[:${Rel.CARRIES}]->(c)
        WITH s, [(x:${Label.Attribution})-[:${Rel.ABOUT}]->(c) WHERE (x)-[:${Rel.RECORDED_IN}]->(s)
                 | coalesce(x.retracted, false) = true] AS retractions
        WITH s, size(retractions) > 0 AND all(r IN retractions WHERE r) AS retractedOut
        RETURN collect(CASE WHEN retractedOut THEN null ELSE s END) AS carriers,
               collect(CASE WHEN retractedOut THEN s {.*} END) AS retractedCarriers
      }
      CALL (c, carriers) {
        UNWIND carriers AS s
        OPTIONAL MATCH (s)-[:${Rel.PUBLISHED_BY}]->(p:${Label.Actor})
        RETURN collect({
          id: s.id, node: s {.*}, primary: coalesce(s.primary, false), publisherId: p.id,
          ownerIds: [(p)-[:${Rel.OWNED_BY}]->(x) | x.id],
          stateIds: [(p)-[:${Rel.STATE_AFFILIATED_WITH}]->(x) | x.id],
          publisherIsState: coalesce(p.kind = 'state', false),
          cites: [(s)-[r:${Rel.CITES}]->(t) WHERE t IN carriers AND coalesce(r.retracted, false) <> true | t.id],
          retractedCites: [(s)-[r:${Rel.CITES}]->(t) WHERE t IN carriers AND r.retracted = true
                           | {toId: t.id, reason: coalesce(r.retractionReason, '')}],
          copies: [(s)-[:${Rel.COPIES}]->(t) WHERE t IN carriers | t.id]
        }) AS sources
      }
      RETURN c.id AS claimId, c {.*} AS claim, sources, retractedCarriers`,
  } satisfies NamedQuery,
};
