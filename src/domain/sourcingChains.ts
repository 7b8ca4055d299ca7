import type { CarrierGraph, CarrierSource } from '../db/graphReader.js';

/** The longest chain followed; real chains are a handful of hops, loops are cut before this. */
export const MAX_CHAIN_HOPS = 12;

/** One path of citing sources, from the latest source back to where the claim entered. */
export interface SourcingChain {
  /** Source ids, first the latest (e.g. the article), last the origin. */
  readonly sourceIds: string[];
  readonly originId: string;
  readonly reachesPrimary: boolean;
  /** A source on the chain cites back into it (circular reporting); the loop was cut. */
  readonly circular: boolean;
}

/**
 * Every sourcing chain of a claim: depth-first along citations among the sources that carry it,
 * starting from carriers nobody else cites, stopping at primary sources, at sources citing no
 * further carrier, at loops and at MAX_CHAIN_HOPS.
 */
export function sourcingChains(graph: CarrierGraph): SourcingChain[] {
  const byId = new Map(graph.sources.map((source) => [source.id, source]));
  const cited = new Set(graph.sources.flatMap((source) => source.cites));
  let starts = graph.sources.filter((source) => !cited.has(source.id));
  // Every carrier is cited by another: the carriers form a loop. Start anywhere, deterministically.
  if (starts.length === 0 && graph.sources.length > 0) {
    starts = [...graph.sources].sort((a, b) => a.id.localeCompare(b.id)).slice(0, 1);
  }
  const chains: SourcingChain[] = [];
  const walk = (path: CarrierSource[]) => {
    const current = path[path.length - 1]!;
    const next = current.primary
      ? []
      : current.cites.map((id) => byId.get(id)).filter((s) => s !== undefined);
    const end = (circular: boolean) =>
      chains.push({
        sourceIds: path.map((source) => source.id),
        originId: current.id,
        reachesPrimary: current.primary,
        circular,
      });
    if (next.length === 0 || path.length >= MAX_CHAIN_HOPS) return end(false);
    for (const source of next) {
      if (path.includes(source)) end(true);
      else walk([...path, source]);
    }
  };
  for (const start of [...starts].sort((a, b) => a.id.localeCompare(b.id))) walk([start]);
  return chains;
}

/** Origins grouped into independent lines of support, with why they were joined. */
export interface IndependenceAnalysis {
  /** Each group is one independent origin: the origin source ids it collapses. */
  readonly groups: string[][];
  /** Why origins were joined: e.g. `src-a and src-b share state affiliation act-china`. */
  readonly reasons: string[];
}

/**
 * Counts independent origins: the distinct origins of a claim's chains, joined when they cite
 * one another or share a publisher, an owner or a state affiliation (a state's own agencies and
 * its state media are not independent of each other).
 */
export function independentOrigins(
  graph: CarrierGraph,
  chains: SourcingChain[],
): IndependenceAnalysis {
  const byId = new Map(graph.sources.map((source) => [source.id, source]));
  const origins = [...new Set(chains.map((chain) => chain.originId))].sort();
  const parent = new Map(origins.map((id) => [id, id]));
  const find = (id: string): string => {
    const up = parent.get(id)!;
    return up === id ? id : find(up);
  };
  const reasons: string[] = [];
  const join = (a: string, b: string, why: string) => {
    if (find(a) === find(b)) return;
    parent.set(find(a), find(b));
    reasons.push(`${a} and ${b} ${why}`);
  };
  const controllers = (source: CarrierSource) => [
    ...(source.publisherId ? [['publisher', source.publisherId] as const] : []),
    ...source.ownerIds.map((id) => ['owner', id] as const),
    ...source.stateIds.map((id) => ['state affiliation', id] as const),
    ...(source.publisherIsState && source.publisherId
      ? [['state affiliation', source.publisherId] as const]
      : []),
  ];
  for (let i = 0; i < origins.length; i++) {
    for (let j = i + 1; j < origins.length; j++) {
      const a = byId.get(origins[i]!)!;
      const b = byId.get(origins[j]!)!;
      if (a.cites.includes(b.id) || b.cites.includes(a.id)) join(a.id, b.id, 'cite one another');
      for (const [kind, id] of controllers(a)) {
        if (controllers(b).some(([otherKind, otherId]) => otherKind === kind && otherId === id)) {
          join(a.id, b.id, `share ${kind} ${id}`);
        }
      }
    }
  }
  const groups = new Map<string, string[]>();
  for (const id of origins) groups.set(find(id), [...(groups.get(find(id)) ?? []), id]);
  return { groups: [...groups.values()], reasons };
}
