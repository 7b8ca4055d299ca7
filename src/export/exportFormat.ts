/**
 * The claimgraph JSON export (`claimgraph-export/1`): every node with its labels and properties,
 * every relationship with its type, end-point ids and properties. docs/export.md describes it.
 *
 * Type encoding: strings, booleans and lists of them are plain JSON. A JSON number is a Neo4j
 * FLOAT unless its key is listed in the record's `integerProperties`, in which case it (or
 * every element of the list) is a Neo4j INTEGER. Nothing else (dates, points, byte arrays,
 * NaN, integers beyond ±2^53) is exported: the export refuses such a value by name.
 */
export const exportFormatName = 'claimgraph-export/1';

/** A property value the export carries. */
export type ExportValue = string | number | boolean | string[] | number[] | boolean[];

/** A node's or relationship's properties, keys in sorted order. */
export type ExportProperties = Record<string, ExportValue>;

/** One node: its labels (vocabulary order) and properties; `properties.id` identifies it. */
export interface ExportedNode {
  readonly labels: string[];
  readonly properties: ExportProperties;
  /** Keys whose numbers are Neo4j INTEGERs (or lists of them); absent when there are none. */
  readonly integerProperties?: string[];
}

/** One relationship, identified by (type, from, to, properties.key). */
export interface ExportedRelationship {
  readonly type: string;
  /** The start node's id. */
  readonly from: string;
  /** The end node's id. */
  readonly to: string;
  readonly properties: ExportProperties;
  /** Keys whose numbers are Neo4j INTEGERs (or lists of them); absent when there are none. */
  readonly integerProperties?: string[];
}

/** What part of the graph a file holds: the whole graph, one label, or one claim's neighbourhood. */
export interface ExportScopeDescription {
  readonly claim?: string;
  readonly label?: string;
}

/** A whole export file. */
export interface ExportDocument {
  readonly format: typeof exportFormatName;
  readonly exportedAt: string;
  readonly selection?: ExportScopeDescription;
  readonly nodes: ExportedNode[];
  readonly relationships: ExportedRelationship[];
}
