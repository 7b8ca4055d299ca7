/** A property value Neo4j can store (null-free: absent properties are simply left out). */
export type StoredValue = string | number | boolean | string[] | number[];

/** One node to upsert, keyed by its stable id. */
export interface NodeWrite {
  readonly id: string;
  readonly properties: Record<string, StoredValue>;
}

/** One relationship to upsert between two existing nodes; `key` tells parallel ones apart. */
export interface RelationshipWrite {
  readonly from: string;
  readonly to: string;
  readonly key: string;
  readonly properties: Record<string, StoredValue>;
}

/**
 * Everything one load or mutation writes, grouped so that each group is one UNWIND statement.
 * Labels and types come from graphVocabulary, never from input.
 */
export interface GraphWritePlan {
  readonly nodes: ReadonlyArray<{ readonly label: string; readonly rows: readonly NodeWrite[] }>;
  /**
   * Properties derived from a node's content (a source's text fingerprints), set after the nodes
   * are written: outside the content hash and the revision history, since they follow from
   * content already there and are recomputed when the method changes.
   */
  readonly derived?: ReadonlyArray<{ readonly label: string; readonly rows: readonly NodeWrite[] }>;
  /**
   * Corrections only: single-valued links the corrected nodes must no longer have (a cleared
   * publisher, country, state affiliation, owner or event); the old target is kept in history.
   */
  readonly unlinks?: ReadonlyArray<{
    readonly type: string;
    readonly fromLabel: string;
    readonly ids: readonly string[];
  }>;
  readonly relationships: ReadonlyArray<{
    readonly type: string;
    readonly fromLabel: string;
    readonly toLabel: string;
    readonly rows: readonly RelationshipWrite[];
  }>;
}

/** Who entered the data and through what, stamped on every node and relationship written. */
export interface Provenance {
  /** A person, API key name or curation team. */
  readonly enteredBy: string;
  /** e.g. `seed:cncert-2019 (seeds/cncert-2019.seed.yaml)`, `mutation:recordClaim` or `desk:<draft id>`. */
  readonly enteredVia: string;
  /** The extractor (name and version) that proposed the data, when it came from a draft. */
  readonly extractedBy?: string;
}

/** Drops undefined and null values, which Neo4j cannot store. */
export function storedProperties(
  properties: Record<string, StoredValue | undefined | null>,
): Record<string, StoredValue> {
  return Object.fromEntries(
    Object.entries(properties).filter(
      (entry): entry is [string, StoredValue] => entry[1] !== undefined && entry[1] !== null,
    ),
  );
}
