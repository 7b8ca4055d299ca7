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
  /**
   * Positions (1-based, as hops are numbered) of the sources reached through a confirmed copy
   * link rather than a citation: the previous source reproduces this one's text without credit.
   */
  readonly copiedHops: number[];
}

/**
 * Every sourcing chain of a claim: depth-first along citations (and confirmed copy links) among
 * the sources that carry it, starting from carriers nobody else cites or copies, stopping at
 * primary sources, at sources citing no further carrier, at loops and at MAX_CHAIN_HOPS.
 */
export function sourcingChains(graph: CarrierGraph): SourcingChain[] {
  const byId = new Map(graph.sources.map((source) => [source.id, source]));
  const cited = new Set(graph.sources.flatMap((source) => [...source.cites, ...source.copies]));
  let starts = graph.sources.filter((source) => !cited.has(source.id));
  // Every carrier is cited by another: the carriers form a loop. Start anywhere, deterministically.
  if (starts.length === 0 && graph.sources.length > 0) {
    starts = [...graph.sources].sort((a, b) => a.id.localeCompare(b.id)).slice(0, 1);
  }
  const chains: SourcingChain[] = [];
  // A copy link is a citation the copier does not admit to: chains follow it like one.
  const walk = (path: CarrierSource[], copied: number[]) => {
    const current = path[path.length - 1]!;
    const next: { source: CarrierSource; viaCopy: boolean }[] = [];
    if (!current.primary) {
      for (const id of current.cites) {
        const source = byId.get(id);
        if (source) next.push({ source, viaCopy: false });
      }
      for (const id of current.copies) {
        const source = byId.get(id);
        if (source && !current.cites.includes(id)) next.push({ source, viaCopy: true });
      }
    }
    const end = (circular: boolean) =>
      chains.push({
        sourceIds: path.map((source) => source.id),
        originId: current.id,
        reachesPrimary: current.primary,
        circular,
        copiedHops: copied,
      });
    if (next.length === 0 || path.length >= MAX_CHAIN_HOPS) return end(false);
    for (const { source, viaCopy } of next) {
      if (path.includes(source)) end(true);
      else walk([...path, source], viaCopy ? [...copied, path.length + 1] : copied);
    }
  };
  for (const start of [...starts].sort((a, b) => a.id.localeCompare(b.id))) walk([start], []);
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
 * one another, are linked by a confirmed copy link, or share a publisher, an owner or a state
 * affiliation (a state's own agencies and its state media are not independent of each other).
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
      if (a.copies.includes(b.id) || b.copies.includes(a.id))
        join(a.id, b.id, 'are one text: a confirmed copy link joins them');
      for (const [kind, id] of controllers(a)) {
        if (controllers(b).some(([otherKind, otherId]) => otherKind === kind && otherId === id)) {
          join(a.id, b.id, `share ${kind} ${id}`);
        }
      }
    }
  }
  // Copies followed on the chains: say so, since they would otherwise have been origins.
  for (const chain of chains)
    for (const position of chain.copiedHops) {
      const copier = chain.sourceIds[position - 2];
      const original = chain.sourceIds[position - 1];
      const line = `${copier} copies ${original} without credit: followed to ${original}'s origin, not counted as an origin of its own`;
      if (copier && original && !reasons.includes(line)) reasons.push(line);
    }
  const groups = new Map<string, string[]>();
  for (const id of origins) groups.set(find(id), [...(groups.get(find(id)) ?? []), id]);
  return { groups: [...groups.values()], reasons };
}
