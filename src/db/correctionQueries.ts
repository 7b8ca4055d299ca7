import type { WriteScope } from './executor.js';
import { Label } from './graphVocabulary.js';
import { linkSnapshotMap, snapshotNode } from './revisionSnapshots.js';

type NodeLabel = (typeof Label)[keyof typeof Label];

/** A stored node as a correction starts from it: its properties and single-valued link targets. */
export interface StoredNode {
  readonly properties: Record<string, unknown>;
  readonly links: Record<string, string | null>;
}

/**
 * The node with its links, read and write-locked inside the correction's transaction, so two
 * corrections of one record apply one after the other instead of the later undoing the earlier.
 */
export async function lockedNode(
  scope: WriteScope,
  label: NodeLabel,
  id: string,
): Promise<StoredNode | undefined> {
  const [row] = await scope.run(
    {
      name: `locked${label}`,
      cypher: `
        MATCH (n:${label} {id: $id})
        SET n._lock = true REMOVE n._lock
        RETURN properties(n) AS properties, ${linkSnapshotMap(label, 'n')} AS links`,
    },
    { id },
  );
  if (!row) return undefined;
  return {
    properties: row.properties as Record<string, unknown>,
    links: row.links as Record<string, string | null>,
  };
}

/** Who retracts or corrects, when and why: the parameters every revising statement takes. */
export interface RevisionStamp {
  readonly enteredBy: string;
  readonly enteredVia: string;
  readonly now: string;
  readonly reason: string;
}

/**
 * Retracts a node (an attribution): a Revision keeps the version before, then the node is
 * marked retracted with the reason; its content and links stay. False if it was already retracted.
 */
export async function retractNode(
  scope: WriteScope,
  label: NodeLabel,
  id: string,
  stamp: RevisionStamp,
): Promise<boolean> {
  const [row] = await scope.run(
    {
      name: `retract${label}`,
      cypher: `
        MATCH (n:${label} {id: $id}) WHERE n.retracted IS NULL
        ${snapshotNode(label)}
        SET n.retracted = true, n.retractionReason = $reason, n.retractedBy = $enteredBy,
            n.retractedAt = $now, n.revision = n.revision + 1, n.updatedBy = $enteredBy,
            n.updatedVia = $enteredVia, n.updatedAt = $now, n.correctionReason = $reason
        RETURN n.id AS id`,
    },
    { id, ...stamp },
  );
  return row !== undefined;
}

/** A relationship between two identified nodes, named by its type and ends. */
export interface LinkAddress {
  readonly type: string;
  readonly fromLabel: NodeLabel;
  readonly toLabel: NodeLabel;
  readonly from: string;
  readonly to: string;
}

/**
 * The start of the identity a link's revisions are filed under: `TYPE:from->to`, to which the
 * Cypher adds `~<enteredAt>` (a link recorded again after a correction moved the first one away
 * gets its own history). The whole identity is kept in `linkId` once a link is revised, so it
 * survives a correction that points the link at another end or gives it another type.
 */
export function linkIdentity(type: string, from: string, to: string): string {
  return `${type}:${from}->${to}`;
}

/** Cypher for the identity of link `r` (see linkIdentity), given `$linkId`. */
export const linkIdentityOfR = `coalesce(r.linkId, $linkId + '~' + coalesce(r.enteredAt, ''))`;

const linkSnapshot = `
        CREATE (old:${Label.Revision})
        SET old = properties(r), old.revision = coalesce(r.revision, 1),
            old.revisionOf = ${linkIdentityOfR},
            old.id = ${linkIdentityOfR} + '@' + toString(coalesce(r.revision, 1)),
            old.linkType = type(r), old.linkFrom = a.id, old.linkTo = b.id,
            old.supersededAt = $now, old.supersededBy = $enteredBy`;

/** The stored link's properties, locked; undefined when there is no such link. */
export async function lockedLink(
  scope: WriteScope,
  link: LinkAddress,
): Promise<Record<string, unknown> | undefined> {
  const [row] = await scope.run(
    {
      name: `locked${link.type}Link`,
      cypher: `
        MATCH (a:${link.fromLabel} {id: $from})-[r:${link.type}]->(b:${link.toLabel} {id: $to})
        SET r._lock = true REMOVE r._lock
        RETURN properties(r) AS properties`,
    },
    { from: link.from, to: link.to },
  );
  return row ? (row.properties as Record<string, unknown>) : undefined;
}

/**
 * Retracts a link (a citation, a claim relation): a Revision keeps the version before (filed
 * under the link's identity), then the link is marked retracted with the reason.
 */
export async function retractLink(
  scope: WriteScope,
  link: LinkAddress,
  stamp: RevisionStamp,
): Promise<boolean> {
  const rows = await scope.run(
    {
      name: `retract${link.type}Link`,
      cypher: `
        MATCH (a:${link.fromLabel} {id: $from})-[r:${link.type}]->(b:${link.toLabel} {id: $to})
        WHERE r.retracted IS NULL
        ${linkSnapshot}
        SET r.retracted = true, r.retractionReason = $reason, r.retractedBy = $enteredBy,
            r.retractedAt = $now, r.revision = coalesce(r.revision, 1) + 1,
            r.linkId = ${linkIdentityOfR}, r.updatedBy = $enteredBy,
            r.updatedVia = $enteredVia, r.updatedAt = $now, r.correctionReason = $reason
        RETURN count(r) AS retracted`,
    },
    { from: link.from, to: link.to, linkId: linkIdentity(link.type, link.from, link.to), ...stamp },
  );
  return Number(rows[0]?.retracted ?? 0) > 0;
}

/**
 * Corrects a link: a Revision keeps the version before; the link then gets the new properties
 * (`notes`), and when `moveTo` names another type or end node it is replaced by a link of that
 * type to that node, carrying the same identity, provenance and history.
 */
export async function correctLink(
  scope: WriteScope,
  link: LinkAddress,
  change: { readonly notes: string | null; readonly moveTo: { type: string; to: string } },
  stamp: RevisionStamp,
): Promise<boolean> {
  const rows = await scope.run(
    {
      name: `correct${link.type}LinkAs${change.moveTo.type}`,
      cypher: `
        MATCH (a:${link.fromLabel} {id: $from})-[r:${link.type}]->(b:${link.toLabel} {id: $to})
        MATCH (c:${link.toLabel} {id: $newTo})
        ${linkSnapshot}
        CREATE (a)-[moved:${change.moveTo.type}]->(c)
        SET moved = properties(r), moved.notes = $notes,
            moved.revision = coalesce(r.revision, 1) + 1, moved.linkId = ${linkIdentityOfR},
            moved.updatedBy = $enteredBy, moved.updatedVia = $enteredVia, moved.updatedAt = $now,
            moved.correctionReason = $reason
        DELETE r
        RETURN count(moved) AS corrected`,
    },
    {
      from: link.from,
      to: link.to,
      newTo: change.moveTo.to,
      notes: change.notes,
      linkId: linkIdentity(link.type, link.from, link.to),
      ...stamp,
    },
  );
  return Number(rows[0]?.corrected ?? 0) > 0;
}
