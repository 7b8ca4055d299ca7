/**
 * (A) in the scale benchmark: each benchmarked question answered with the API's own Cypher
 * (src/db/readStatements.ts, src/db/searchQuery.ts) sent straight through neo4j-driver, and the
 * same domain functions the resolvers use. No Executor, no DataLoader, no GraphQL, no HTTP.
 * The answers are plain JSON, the shape every mode is normalised to before being compared.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import type { NamedQuery } from '../../src/db/executor.js';
import {
  carrierGraphRead,
  type AttributionRow,
  type CarrierGraphRead,
  type NodeProperties,
} from '../../src/db/graphReader.js';
import { Label, Rel } from '../../src/db/graphVocabulary.js';
import { readStatements } from '../../src/db/readStatements.js';
import { searchStatement, searchTerms } from '../../src/db/searchQuery.js';
import { isRetracted } from '../../src/domain/retraction.js';
import { toPlain } from '../../src/db/toPlain.js';
import { independentOrigins, sourcingChains } from '../../src/domain/sourcingChains.js';
import { sourcingFlags } from '../../src/domain/sourcingFlags.js';

export interface ClaimAnswer {
  readonly id: string;
  readonly text: string;
  readonly topics: string[];
}
export interface SearchAnswerRow {
  readonly kind: string;
  readonly id: string;
  readonly score: number;
}
export interface ChainAnswer {
  readonly sources: { readonly id: string; readonly title: string }[];
  readonly reachesPrimary: boolean;
  readonly circular: boolean;
}
export interface IndependenceAnswer {
  readonly independentOrigins: number;
  readonly originGroups: string[][];
  readonly reasoning: string[];
  readonly flags: {
    readonly singleOrigin: boolean;
    readonly onlyAnonymousSpeakers: boolean;
    readonly onlyStateAffiliated: boolean;
    readonly stateAffiliations: string[];
    readonly circularReporting: boolean;
    readonly denied: boolean;
    readonly deniedBy: string[];
    readonly contradicted: boolean;
    readonly contradictedBy: string[];
  };
}

/** Runs one read statement in a managed transaction of its own session, rows as plain objects. */
export async function runRead(
  driver: Driver,
  statement: NamedQuery,
  parameters: Record<string, unknown>,
): Promise<Record<string, unknown>[]> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.executeRead((tx) => tx.run(statement.cypher, parameters));
    return result.records.map((record) => toPlain(record.toObject()) as Record<string, unknown>);
  } finally {
    await session.close();
  }
}

/** `claim(id) { id text topics }`: one statement. */
export async function claimById(driver: Driver, id: string): Promise<ClaimAnswer | null> {
  const [row] = await runRead(driver, readStatements.nodesById(Label.Claim), { ids: [id] });
  if (!row) return null;
  const claim = row.node as NodeProperties;
  return { id: claim.id, text: String(claim.text), topics: (claim.topics as string[]) ?? [] };
}

/** `search(text, first: 10) { kind id score }`: one statement over the five full-text indexes. */
export async function search(driver: Driver, text: string): Promise<SearchAnswerRow[]> {
  const query = searchTerms(text);
  if (query === '') return [];
  const rows = await runRead(driver, searchStatement, {
    query,
    limit: neo4j.int(10),
    includeRetracted: false,
  });
  return rows.map((row) => ({
    kind: String(row.kind),
    id: String(row.id),
    score: Number(row.score),
  }));
}

/**
 * `claim(id) { sourcingChains { hops { source { id title } } reachesPrimary circular } }`:
 * the carrier graph, which also tells whether the claim exists and brings the sources' titles.
 */
export async function chains(driver: Driver, id: string): Promise<ChainAnswer[] | null> {
  const read = await carrierGraph(driver, id);
  if (!read) return null;
  const found = sourcingChains(read.graph);
  const titles = new Map(read.sourceNodes.map((source) => [source.id, source]));
  return found.map((chain) => ({
    sources: chain.sourceIds.map((sourceId) => ({
      id: sourceId,
      title: String(titles.get(sourceId)?.title),
    })),
    reachesPrimary: chain.reachesPrimary,
    circular: chain.circular,
  }));
}

/**
 * `claim(id) { sourcing { independentOrigins originGroups reasoning flags } }`: the carrier
 * graph, attributions and contradictions in parallel, then the speakers (anonymity counts).
 */
export async function independence(driver: Driver, id: string): Promise<IndependenceAnswer | null> {
  const [read, attributionRows, contradicts, contradictedBy] = await Promise.all([
    carrierGraph(driver, id),
    runRead(driver, readStatements.attributionsOf('claim'), { ids: [id] }),
    runRead(driver, readStatements.neighbours(Label.Claim, Rel.CONTRADICTS, 'out', Label.Claim), {
      ids: [id],
    }),
    runRead(driver, readStatements.neighbours(Label.Claim, Rel.CONTRADICTS, 'in', Label.Claim), {
      ids: [id],
    }),
  ]);
  if (!read) return null;
  const { graph } = read;
  // As the API: sourcing analysis uses standing attributions and relations only.
  const attributions = attributionRows
    .map((row) => row.attribution as AttributionRow)
    .filter((attribution) => !isRetracted(attribution));
  const actors = await nodesById(
    driver,
    Label.Actor,
    attributions.map((attribution) => attribution.actorId),
  );
  const found = sourcingChains(graph);
  const origins = independentOrigins(graph, found);
  const flags = sourcingFlags(
    graph,
    found,
    origins,
    attributions.map((attribution) => ({
      stance: attribution.stance,
      actorId: attribution.actorId,
      actor: actors.get(attribution.actorId) ?? {},
    })),
    [...contradicts, ...contradictedBy]
      .filter((row) => !isRetracted((row.properties ?? {}) as Record<string, unknown>))
      .map((row) => String(row.id)),
  );
  return {
    independentOrigins: origins.groups.length,
    originGroups: origins.groups,
    reasoning: origins.reasons,
    flags: {
      singleOrigin: flags.singleOrigin,
      onlyAnonymousSpeakers: flags.onlyAnonymousSpeakers,
      onlyStateAffiliated: flags.onlyStateAffiliated,
      stateAffiliations: flags.stateAffiliationIds,
      circularReporting: flags.circularReporting,
      denied: flags.deniedByIds.length > 0,
      deniedBy: flags.deniedByIds,
      contradicted: flags.contradictedByIds.length > 0,
      contradictedBy: flags.contradictedByIds,
    },
  };
}

async function carrierGraph(driver: Driver, claimId: string): Promise<CarrierGraphRead | null> {
  const [row] = await runRead(driver, readStatements.carrierGraphs, { ids: [claimId] });
  return row ? carrierGraphRead(row) : null;
}

async function nodesById(
  driver: Driver,
  label: (typeof Label)[keyof typeof Label],
  ids: readonly string[],
): Promise<Map<string, NodeProperties>> {
  if (ids.length === 0) return new Map();
  const rows = await runRead(driver, readStatements.nodesById(label), { ids: [...new Set(ids)] });
  return new Map(
    rows.map((row) => {
      const node = row.node as NodeProperties;
      return [node.id, node];
    }),
  );
}
