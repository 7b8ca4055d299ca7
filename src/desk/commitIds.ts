import type { SeedSet } from '../ingest/seedFormat.js';

/** The ids a commit would create, by section (records marked existing are references, not new). */
export function newRecordIds(seedSet: SeedSet): {
  sources: string[];
  actors: string[];
  claims: string[];
  attributions: string[];
} {
  const fresh = (records: readonly { id: string; resolution?: { status: string } }[]) =>
    records.filter((record) => record.resolution?.status !== 'existing').map((r) => r.id);
  return {
    sources: fresh(seedSet.sources),
    actors: fresh(seedSet.actors),
    claims: fresh(seedSet.claims),
    attributions: seedSet.attributions.map((attribution) => attribution.id),
  };
}

/**
 * New ids the graph already holds for something another load entered get the draft's key as a
 * suffix (`att-xinhua-servers` → `att-xinhua-servers-k3v9q2x7`), so a commit never overwrites
 * another article's records. A node entered through this same desk commit is this commit's own
 * (committing again), so it keeps its id, which makes a second commit change nothing.
 */
export function collisionRenames(
  ids: readonly string[],
  takenBy: ReadonlyMap<string, string>,
  deskVia: string,
  draftKey: string,
): Map<string, string> {
  const renames = new Map<string, string>();
  for (const id of ids) {
    const via = takenBy.get(id);
    if (via !== undefined && via !== deskVia) renames.set(id, `${id.slice(0, 180)}-${draftKey}`);
  }
  return renames;
}
