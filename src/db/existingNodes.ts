import type { WriteScope } from './executor.js';
import { Label } from './graphVocabulary.js';

type NodeLabel = (typeof Label)[keyof typeof Label];

/** A node an input refers to, with the input field that names it. */
export interface NodeReference {
  readonly field: string;
  readonly label: NodeLabel;
  readonly id: string;
}

/** The references whose node does not exist; one indexed lookup per label, inside the write's transaction. */
export async function missingReferences(
  scope: WriteScope,
  references: readonly NodeReference[],
): Promise<NodeReference[]> {
  const missing: NodeReference[] = [];
  for (const label of new Set(references.map((reference) => reference.label))) {
    const ids = references
      .filter((reference) => reference.label === label)
      .map((reference) => reference.id);
    const rows = await scope.run(
      {
        name: `existing${label}Ids`,
        cypher: `MATCH (n:${label}) WHERE n.id IN $ids RETURN n.id AS id`,
      },
      { ids },
    );
    const found = new Set(rows.map((row) => row.id));
    missing.push(
      ...references.filter((reference) => reference.label === label && !found.has(reference.id)),
    );
  }
  return missing;
}

/** The stored properties of existing nodes of one label, by id. */
export async function existingNodes(
  scope: WriteScope,
  label: NodeLabel,
  ids: readonly string[],
): Promise<Map<string, Record<string, unknown>>> {
  const rows = await scope.run(
    {
      name: `existing${label}`,
      cypher: `MATCH (n:${label}) WHERE n.id IN $ids RETURN n {.*} AS node`,
    },
    { ids },
  );
  return new Map(
    rows.map((row) => [
      String((row.node as { id: string }).id),
      row.node as Record<string, unknown>,
    ]),
  );
}
