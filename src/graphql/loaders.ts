import DataLoader from 'dataloader';
import type {
  AttributionOwner,
  AttributionRow,
  CarrierGraph,
  GraphReader,
  NeighbourRow,
  NodeProperties,
} from '../db/graphReader.js';
import { Label, Rel } from '../db/graphVocabulary.js';
import {
  independentOrigins,
  sourcingChains,
  type IndependenceAnalysis,
  type SourcingChain,
} from '../domain/sourcingChains.js';

type NodeLabel = (typeof Label)[keyof typeof Label];
type RelType = (typeof Rel)[keyof typeof Rel];

/** A claim's sourcing analysis, computed once per request and shared by its fields. */
export interface SourcingAnalysis {
  /** The claim's properties, read with its carrier graph; null when there is no such claim. */
  readonly claim: NodeProperties | null;
  readonly graph: CarrierGraph;
  readonly chains: SourcingChain[];
  readonly independence: IndependenceAnalysis;
}

/**
 * Per-request batching: all loads of one kind in one tick become one Cypher round trip.
 * A new set is made for every request, so nothing is cached across requests.
 */
export function createLoaders(reader: GraphReader) {
  const nodeLoaders = new Map<NodeLabel, DataLoader<string, NodeProperties | null>>();
  const node = (label: NodeLabel) => {
    let loader = nodeLoaders.get(label);
    if (!loader) {
      loader = new DataLoader(async (ids: readonly string[]) => {
        const found = await reader.nodesById(label, ids);
        return ids.map((id) => found.get(id) ?? null);
      });
      nodeLoaders.set(label, loader);
    }
    return loader;
  };

  const attributionLoaders = new Map<AttributionOwner, DataLoader<string, AttributionRow[]>>();
  const attributionsOf = (owner: AttributionOwner) => {
    let loader = attributionLoaders.get(owner);
    if (!loader) {
      loader = new DataLoader(async (ids: readonly string[]) => {
        const found = await reader.attributionsOf(owner, ids);
        return ids.map((id) => found.get(id) ?? []);
      });
      attributionLoaders.set(owner, loader);
    }
    return loader;
  };

  const neighbourLoaders = new Map<string, DataLoader<string, NeighbourRow[]>>();
  const neighbours = (
    ownerLabel: NodeLabel,
    type: RelType,
    direction: 'out' | 'in',
    otherLabel: NodeLabel,
  ) => {
    const key = `${ownerLabel} ${type} ${direction} ${otherLabel}`;
    let loader = neighbourLoaders.get(key);
    if (!loader) {
      loader = new DataLoader(async (ids: readonly string[]) => {
        const found = await reader.neighbours(ownerLabel, type, direction, otherLabel, ids);
        return ids.map((id) => found.get(id) ?? []);
      });
      neighbourLoaders.set(key, loader);
    }
    return loader;
  };

  const newAttributionLoader = () =>
    new DataLoader(async (ids: readonly string[]) => {
      const found = await reader.attributionsById(ids);
      return ids.map((id) => found.get(id) ?? null);
    });

  // The carrier graph comes with the claim's and its sources' properties: priming the node
  // loaders with them lets hops, origins and retracted carriers resolve without another round
  // trip (prime never replaces what a loader already holds).
  const newSourcingLoader = () =>
    new DataLoader(async (claimIds: readonly string[]) => {
      const graphs = await reader.carrierGraphs(claimIds);
      return claimIds.map((id): SourcingAnalysis => {
        const read = graphs.get(id);
        if (read) {
          node(Label.Claim).prime(read.claim.id, read.claim);
          for (const source of read.sourceNodes) node(Label.Source).prime(source.id, source);
        }
        const graph = read?.graph ?? { sources: [] };
        const chains = sourcingChains(graph);
        return {
          claim: read?.claim ?? null,
          graph,
          chains,
          independence: independentOrigins(graph, chains),
        };
      });
    });

  // The two single loaders are made when first used, like the keyed ones above: most requests
  // need neither, and every request builds a fresh set.
  let attribution: ReturnType<typeof newAttributionLoader> | undefined;
  let sourcing: ReturnType<typeof newSourcingLoader> | undefined;
  return {
    node,
    attributionsOf,
    neighbours,
    get attribution() {
      return (attribution ??= newAttributionLoader());
    },
    get sourcing() {
      return (sourcing ??= newSourcingLoader());
    },
  };
}

/** The loaders of one request. */
export type Loaders = ReturnType<typeof createLoaders>;
