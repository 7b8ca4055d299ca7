import neo4j from 'neo4j-driver';
import type { Executor, WriteScope } from './executor.js';

/*
 * Drafts of the editor's desk, stored as (:Draft) nodes. The label is deliberately not in the
 * claim graph's vocabulary (graphVocabulary.ts), so nothing that reads the claim graph (search,
 * lists, export, sourcing, paths) can see a draft: they all match the vocabulary's labels. A
 * draft has no relationships; its review state is one JSON document, written whole.
 */

/** A draft as stored: listing fields as properties, the review state as a JSON document. */
export interface StoredDraft {
  readonly id: string;
  readonly status: string;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedBy: string;
  readonly updatedAt: string;
  readonly revision: number;
  readonly title: string | null;
  /** JSON of the desk's DeskDraft (src/desk/deskDraft.ts). */
  readonly document: string;
}

const draftProjection = `d {.id, .status, .createdBy, .createdAt, .updatedBy, .updatedAt,
  .revision, .title, .document} AS draft`;

/** The uniqueness constraint on draft ids (applied with the rest of the schema). */
export const draftConstraint =
  'CREATE CONSTRAINT draft_id IF NOT EXISTS FOR (n:Draft) REQUIRE n.id IS UNIQUE';

/** Stores a new draft; CONFLICT (constraint) if the id is taken. */
export async function insertDraft(executor: Executor, draft: StoredDraft): Promise<void> {
  await executor.write(
    {
      name: 'insertDraft',
      cypher: `CREATE (d:Draft) SET d = $draft`,
    },
    { draft: { ...draft, revision: neo4j.int(draft.revision) } },
  );
}

/** One draft by id, or undefined. */
export async function readDraft(executor: Executor, id: string): Promise<StoredDraft | undefined> {
  const [row] = await executor.read(
    { name: 'readDraft', cypher: `MATCH (d:Draft {id: $id}) RETURN ${draftProjection}` },
    { id },
  );
  return row ? toStoredDraft(row.draft) : undefined;
}

/** Drafts newest first, optionally of one status. */
export async function listDrafts(
  executor: Executor,
  status: string | null,
  limit: number,
): Promise<StoredDraft[]> {
  const rows = await executor.read(
    {
      name: 'listDrafts',
      cypher: `MATCH (d:Draft) WHERE $status IS NULL OR d.status = $status
        RETURN ${draftProjection} ORDER BY d.createdAt DESC, d.id LIMIT $limit`,
    },
    { status, limit: neo4j.int(limit) },
  );
  return rows.map((row) => toStoredDraft(row.draft));
}

/**
 * Reads a draft inside a write transaction after taking its write lock (a SET before the read),
 * so two editors changing one draft at once are serialised instead of losing an update.
 */
export async function lockDraft(scope: WriteScope, id: string): Promise<StoredDraft | undefined> {
  const [row] = await scope.run(
    {
      name: 'lockDraft',
      cypher: `MATCH (d:Draft {id: $id}) SET d.lockedAt = $now RETURN ${draftProjection}`,
    },
    { id, now: new Date().toISOString() },
  );
  return row ? toStoredDraft(row.draft) : undefined;
}

/** Writes a draft's new state (inside the transaction that locked it). */
export async function saveDraft(scope: WriteScope, draft: StoredDraft): Promise<void> {
  await scope.run(
    {
      name: 'saveDraft',
      cypher: `MATCH (d:Draft {id: $id}) SET d += $draft`,
    },
    { id: draft.id, draft: { ...draft, revision: neo4j.int(draft.revision) } },
  );
}

function toStoredDraft(value: unknown): StoredDraft {
  const row = value as Record<string, unknown>;
  return {
    id: String(row.id),
    status: String(row.status),
    createdBy: String(row.createdBy),
    createdAt: String(row.createdAt),
    updatedBy: String(row.updatedBy),
    updatedAt: String(row.updatedAt),
    revision: Number(row.revision),
    title: typeof row.title === 'string' ? row.title : null,
    document: String(row.document),
  };
}
