/** Graph sizes as people write them: `500`, `10k`, `1m` (claims). */

/** `10k` → 10000; undefined when the text is not a size. */
export function parseGraphSize(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (!match) return undefined;
  const factor = { '': 1, k: 1000, m: 1_000_000 }[match[2]!.toLowerCase() as '' | 'k' | 'm'];
  return Math.round(Number(match[1]) * factor);
}

/** 10000 → `10k`, 1000000 → `1M`, 300 → `300`. */
export function formatGraphSize(claims: number): string {
  if (claims >= 1_000_000 && claims % 1_000_000 === 0) return `${claims / 1_000_000}M`;
  if (claims >= 1000 && claims % 1000 === 0) return `${claims / 1000}k`;
  return String(claims);
}

/** Heap and page cache for the benchmark's throwaway Neo4j, by graph size (2 cores, 24 GiB). */
export function neo4jMemoryFor(claims: number): { heapMb: number; pageCacheMb: number } {
  if (claims >= 500_000) return { heapMb: 4096, pageCacheMb: 6144 };
  if (claims >= 50_000) return { heapMb: 2048, pageCacheMb: 2048 };
  return { heapMb: 1024, pageCacheMb: 512 };
}
