import type { Executor } from './executor.js';
import type { Label, Rel } from './graphVocabulary.js';
import { readStatements, type AttributionOwner } from './readStatements.js';

export type { AttributionOwner } from './readStatements.js';

/** A node's stored properties, as plain values. */
export type NodeProperties = Record<string, unknown> & { id: string };

/** An attribution with the ids of the four things it joins. */
export type AttributionRow = NodeProperties & {
  actorId: string;
  claimId: string;
  sourceId: string;
  eventId: string | null;
};

/** A relationship seen from one end: the owner's id, the other end's id, the relationship's properties. */
export interface NeighbourRow {
  readonly ownerId: string;
  readonly id: string;
  readonly properties: Record<string, unknown>;
}

type NodeLabel = (typeof Label)[keyof typeof Label];
type RelType = (typeof Rel)[keyof typeof Rel];

/**
 * Batched reads of the claim graph: every method takes many ids and costs one round trip, so
 * GraphQL's nested fields are resolved per level, never per parent. Labels and relationship
 * types are constants; ids are parameters.
 */
export class GraphReader {
  constructor(private readonly executor: Executor) {}

  /** Nodes of one label by id. */
  async nodesById(label: NodeLabel, ids: readonly string[]): Promise<Map<string, NodeProperties>> {
    const rows = await this.executor.read(readStatements.nodesById(label), { ids });
    return new Map(
      rows.map((row) => {
        const node = row.node as NodeProperties;
        return [node.id, node];
      }),
    );
  }

  /** Attributions of many claims (or actors, sources, events), each with its four endpoints. */
  async attributionsOf(
    owner: AttributionOwner,
    ids: readonly string[],
  ): Promise<Map<string, AttributionRow[]>> {
    const rows = await this.executor.read(readStatements.attributionsOf(owner), { ids });
    return groupBy(rows, (row) => row.attribution as AttributionRow);
  }

  /** Attributions by id, each with its four endpoints. */
  async attributionsById(ids: readonly string[]): Promise<Map<string, AttributionRow>> {
    const rows = await this.executor.read(readStatements.attributionsById, { ids });
    return new Map(
      rows.map((row) => {
        const a = row.attribution as AttributionRow;
        return [a.id, a];
      }),
    );
  }

  /**
   * The nodes at the other end of one relationship type, from many owners. `direction` is the
   * relationship's direction seen from the owner.
   */
  async neighbours(
    ownerLabel: NodeLabel,
    type: RelType,
    direction: 'out' | 'in',
    otherLabel: NodeLabel,
    ids: readonly string[],
  ): Promise<Map<string, NeighbourRow[]>> {
    const rows = await this.executor.read(
      readStatements.neighbours(ownerLabel, type, direction, otherLabel),
      { ids },
    );
    return groupBy(rows, (row) => ({
      ownerId: String(row.ownerId),
      id: String(row.id),
      properties: row.properties as Record<string, unknown>,
    }));
  }

  /**
   * For each claim, the subgraph that sourcing analysis needs: the sources carrying it, with
   * publisher, owner and state affiliation, and the standing citations among those sources.
   * Retracted attributions, citations and the carriers they leave behind are set apart. Claims
   * that do not exist are missing from the map. Each entry also holds the claim's and every
   * named source's properties, as `nodesById` returns them.
   */
  async carrierGraphs(claimIds: readonly string[]): Promise<Map<string, CarrierGraphRead>> {
    const rows = await this.executor.read(readStatements.carrierGraphs, { ids: claimIds });
    return new Map(rows.map((row) => [String(row.claimId), carrierGraphRead(row)]));
  }
}

/** One row of `readStatements.carrierGraphs`, as plain values. */
export function carrierGraphRead(row: Record<string, unknown>): CarrierGraphRead {
  const read = row.sources as (CarrierSource & {
    node: NodeProperties;
    retractedCites?: { toId: string; reason: string }[];
  })[];
  const sources = read.map(({ retractedCites: _, node: __, ...source }) => source);
  const retractedCitations = read
    .flatMap((source) =>
      (source.retractedCites ?? []).map((cite) => ({ fromId: source.id, ...cite })),
    )
    .sort((a, b) => `${a.fromId} ${a.toId}`.localeCompare(`${b.fromId} ${b.toId}`));
  const retractedCarriers = (row.retractedCarriers ?? []) as NodeProperties[];
  const retractedCarrierIds = retractedCarriers.map((source) => String(source.id)).sort();
  return {
    claim: row.claim as NodeProperties,
    graph: { sources, retractedCarrierIds, retractedCitations },
    sourceNodes: [...read.map((source) => source.node), ...retractedCarriers],
  };
}

/** A claim's carrier graph with the properties of the claim and of the sources it names. */
export interface CarrierGraphRead {
  readonly claim: NodeProperties;
  readonly graph: CarrierGraph;
  /** Every property of each standing and set-apart carrier, as `nodesById` reads a Source. */
  readonly sourceNodes: NodeProperties[];
}

/** A source that carries a claim, with what independence analysis needs to know about it. */
export interface CarrierSource {
  readonly id: string;
  readonly primary: boolean;
  readonly publisherId: string | null;
  readonly ownerIds: string[];
  readonly stateIds: string[];
  readonly publisherIsState: boolean;
  /** The sources it cites that also carry the claim. */
  readonly cites: string[];
  /** The sources it copies (confirmed COPIES links) that also carry the claim. */
  readonly copies: string[];
}

/** The sources carrying one claim and the citations among them. */
export interface CarrierGraph {
  /** The standing carriers (src/domain/retraction.ts: the carrier rule). */
  readonly sources: CarrierSource[];
  /** Sources with a CARRIES link to the claim that record only retracted attributions of it. */
  readonly retractedCarrierIds?: string[];
  /** Retracted citations between standing carriers, with their reasons (in no `cites`). */
  readonly retractedCitations?: { fromId: string; toId: string; reason: string }[];
}

/** Groups rows by their `ownerId` column. */
function groupBy<T>(
  rows: Record<string, unknown>[],
  pick: (row: Record<string, unknown>) => T,
): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = String(row.ownerId);
    const list = groups.get(key) ?? [];
    list.push(pick(row));
    groups.set(key, list);
  }
  return groups;
}
