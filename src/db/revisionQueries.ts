import type { Executor } from './executor.js';
import { Label } from './graphVocabulary.js';
import { linkIdentity, linkIdentityOfR, type LinkAddress } from './correctionQueries.js';
import { withLinkSnapshot } from './revisionSnapshots.js';

type NodeLabel = (typeof Label)[keyof typeof Label];

/** Every stored version of a record, oldest first; the last is the current one (when it exists). */
export interface StoredVersions {
  readonly versions: readonly Record<string, unknown>[];
  /** False when the record itself is gone (a link moved to another end keeps its history). */
  readonly current: boolean;
}

/**
 * The versions of nodes of one label, by id: their Revision snapshots (with the link targets
 * they had) and the node as it stands, with its links read the same way.
 */
export async function nodeVersions(
  executor: Executor,
  label: NodeLabel,
  ids: readonly string[],
): Promise<Map<string, StoredVersions>> {
  const rows = await executor.read(
    {
      name: `${label}Versions`,
      cypher: `
        MATCH (n:${label}) WHERE n.id IN $ids
        CALL (n) {
          OPTIONAL MATCH (old:${Label.Revision} {revisionOf: n.id})
          WITH old ORDER BY old.revision
          RETURN collect(properties(old)) AS snapshots
        }
        RETURN n.id AS id, snapshots + [${withLinkSnapshot(label, 'n')}] AS versions`,
    },
    { ids },
  );
  return new Map(
    rows.map((row) => [
      String(row.id),
      { versions: row.versions as Record<string, unknown>[], current: true },
    ]),
  );
}

/** The versions of one link (a citation, a claim relation), filed under its identity. */
export async function linkVersions(executor: Executor, link: LinkAddress): Promise<StoredVersions> {
  const [row] = await executor.read(
    {
      name: `${link.type}LinkVersions`,
      cypher: `
        OPTIONAL MATCH (a:${link.fromLabel} {id: $from})-[r:${link.type}]->(b:${link.toLabel} {id: $to})
        WITH r, CASE WHEN r IS NULL THEN null ELSE ${linkIdentityOfR} END AS identity
        CALL (identity) {
          OPTIONAL MATCH (old:${Label.Revision} {revisionOf: identity})
          WITH old ORDER BY old.revision
          RETURN collect(properties(old)) AS snapshots
        }
        RETURN snapshots, CASE WHEN r IS NULL THEN null ELSE properties(r) END AS current`,
    },
    { from: link.from, to: link.to, linkId: linkIdentity(link.type, link.from, link.to) },
  );
  const snapshots = (row?.snapshots ?? []) as Record<string, unknown>[];
  const current = row?.current as Record<string, unknown> | null | undefined;
  return current
    ? { versions: [...snapshots, current], current: true }
    : { versions: snapshots, current: false };
}
