import type { GraphWritePlan, Provenance, StoredValue } from '../../db/graphWritePlan.js';
import { singleValuedRelationships } from '../../db/graphVocabulary.js';
import { contentHash } from '../../db/writeGraphPlan.js';
import {
  cellText,
  cellType,
  csvLine,
  headerField,
  isPlainKey,
  spansLines,
  type CellType,
  type CellValue,
} from './csvCells.js';

/** One CSV file for the importer: one label's nodes or one type's relationships of one plan. */
export interface BulkCsvFile {
  readonly kind: 'nodes' | 'relationships';
  /** The label (nodes) or relationship type, a vocabulary constant. */
  readonly name: string;
  /** The header line, then one line per row. */
  readonly text: string;
  readonly rows: number;
  /** UTF-8 size of `text`. */
  readonly bytes: number;
  /** Some field spans lines: the importer must be told (`--multiline-fields`). */
  readonly multiline: boolean;
  /** The longest field, in UTF-16 units (the importer's read buffer must hold it). */
  readonly longestField: number;
}

/** Properties a node gets after the import, through Cypher (values no CSV cell carries). */
export interface NodePropertyFix {
  readonly label: string;
  readonly id: string;
  readonly properties: Record<string, StoredValue>;
}

/** The same for a relationship, found by its ends, type and key. */
export interface RelationshipPropertyFix {
  readonly type: string;
  readonly fromLabel: string;
  readonly toLabel: string;
  readonly from: string;
  readonly to: string;
  readonly key: string;
  readonly properties: Record<string, StoredValue>;
}

/** A record the set marks `existing`: in a bulk load it must come from an earlier file. */
export interface ExistingReference {
  readonly field: string;
  readonly label: string;
  readonly id: string;
}

/** What the builder has written so far. */
export interface BulkCounts {
  readonly nodes: number;
  readonly relationships: number;
  /** Nodes and relationships an earlier plan had already written identically (skipped). */
  readonly unchangedNodes: number;
  readonly unchangedRelationships: number;
}

/**
 * Turns write plans (planSeedLoad per file, in load order) into the importer's CSV files, with
 * exactly what writeGraphPlan would store in an empty database: the plan's properties, the
 * content hash, revision 1 (an INTEGER), enteredBy/enteredVia/enteredAt (and extractedBy when the
 * provenance has one), the derived fingerprint properties of sources with text; relationships
 * with their key and provenance. Pure: it returns file texts, the caller writes them.
 *
 * Several plans merge as consecutive online loads would: a node already written with the same
 * content is skipped (the first load's provenance stays), with other content it is a problem
 * (the online load refuses it as a CONFLICT); a relationship already written (same ends, type and
 * key) is skipped; a second single-valued link to another node, a relationship naming a node no
 * plan wrote, or an `existing` reference to a record no earlier plan wrote is a problem. Problems
 * are collected, never thrown: the caller refuses the load with all of them.
 */
export class BulkCsvBuilder {
  /** Every problem found, one line each. */
  readonly problems: string[] = [];
  /** Values to set after the import (empty lists and the like). */
  readonly nodeFixes: NodePropertyFix[] = [];
  readonly relationshipFixes: RelationshipPropertyFix[] = [];
  private readonly nodeHashes = new Map<string, string>();
  private readonly relationshipKeys = new Set<string>();
  private readonly singleTargets = new Map<string, string>();
  private counts = { nodes: 0, relationships: 0, unchangedNodes: 0, unchangedRelationships: 0 };

  /** `now`: the enteredAt of everything written (one ISO time for the whole load). */
  constructor(private readonly now: string) {}

  /** Totals so far. */
  get totals(): BulkCounts {
    return { ...this.counts };
  }

  /**
   * Adds one plan (one file's load); `origin` names it in problems. Returns its CSV files (none
   * for an empty group), or none at all when the plan has problems.
   */
  add(
    plan: GraphWritePlan,
    provenance: Provenance,
    origin: string,
    existing: readonly ExistingReference[] = [],
  ): BulkCsvFile[] {
    const before = this.problems.length;
    for (const reference of existing) {
      if (!this.nodeHashes.has(nodeKey(reference.label, reference.id))) {
        this.problems.push(
          `${origin}: ${reference.field}: marked existing, but no ${reference.label} "${reference.id}" is in the files before it (a bulk load starts from an empty database)`,
        );
      }
    }
    const stamp: Record<string, StoredValue> = {
      enteredBy: provenance.enteredBy,
      enteredVia: provenance.enteredVia,
      enteredAt: this.now,
      ...(provenance.extractedBy !== undefined ? { extractedBy: provenance.extractedBy } : {}),
    };
    const derived = new Map<string, Record<string, StoredValue>>();
    for (const group of plan.derived ?? []) {
      for (const row of group.rows) {
        const key = nodeKey(group.label, row.id);
        derived.set(key, { ...derived.get(key), ...row.properties });
      }
    }

    const nodeTables: Table[] = [];
    for (const group of plan.nodes) {
      const table = new Table('nodes', group.label, [`id:ID(${group.label})`]);
      for (const row of group.rows) {
        const key = nodeKey(group.label, row.id);
        const hash = contentHash(row.properties);
        const stored = this.nodeHashes.get(key);
        if (stored !== undefined) {
          if (stored === hash) this.counts.unchangedNodes++;
          else
            this.problems.push(
              `${origin}: ${group.label} "${row.id}" has other content than an earlier file gives it (an online load refuses this as a CONFLICT)`,
            );
          continue;
        }
        this.nodeHashes.set(key, hash);
        const properties: Record<string, StoredValue> = {
          ...row.properties,
          contentHash: hash,
          revision: 1,
          ...stamp,
          ...derived.get(key),
        };
        const unfit = table.add([row.id], properties, integerProperties);
        if (unfit) this.nodeFixes.push({ label: group.label, id: row.id, properties: unfit });
      }
      nodeTables.push(table);
    }

    const relationshipTables: Table[] = [];
    for (const group of plan.relationships) {
      const table = new Table('relationships', group.type, [
        `:START_ID(${group.fromLabel})`,
        `:END_ID(${group.toLabel})`,
      ]);
      for (const row of group.rows) {
        for (const [label, id] of [
          [group.fromLabel, row.from],
          [group.toLabel, row.to],
        ] as const) {
          if (!this.nodeHashes.has(nodeKey(label, id))) {
            this.problems.push(
              `${origin}: ${group.type} from "${row.from}" to "${row.to}" names a ${label} "${id}" that no file holds`,
            );
          }
        }
        if (singleValuedRelationships.has(group.type)) {
          const single = `${group.type}\u0000${row.from}`;
          const target = this.singleTargets.get(single);
          if (target !== undefined && target !== row.to) {
            this.problems.push(
              `${origin}: "${row.from}" is already linked by ${group.type} to "${target}"; it cannot also be linked to "${row.to}"`,
            );
            continue;
          }
          this.singleTargets.set(single, row.to);
        }
        const identity = `${group.type}\u0000${row.from}\u0000${row.to}\u0000${row.key}`;
        if (this.relationshipKeys.has(identity)) {
          this.counts.unchangedRelationships++;
          continue;
        }
        this.relationshipKeys.add(identity);
        const properties: Record<string, StoredValue> = {
          key: row.key,
          ...row.properties,
          ...stamp,
        };
        const unfit = table.add([row.from, row.to], properties, new Set());
        if (unfit) {
          this.relationshipFixes.push({
            type: group.type,
            fromLabel: group.fromLabel,
            toLabel: group.toLabel,
            from: row.from,
            to: row.to,
            key: row.key,
            properties: unfit,
          });
        }
      }
      relationshipTables.push(table);
    }

    if (this.problems.length > before) return [];
    const files = [...nodeTables, ...relationshipTables].flatMap((table) => table.files());
    for (const file of files) {
      if (file.kind === 'nodes') this.counts.nodes += file.rows;
      else this.counts.relationships += file.rows;
    }
    return files;
  }
}

/** The largest file (bytes) a table with multiline fields is written in, below the read buffer. */
export const multilineFileBytes = 3 * 1024 * 1024;

/** Properties the online loader writes as INTEGERs (Cypher literals), not FLOATs. */
const integerProperties: ReadonlySet<string> = new Set(['revision']);

const nodeKey = (label: string, id: string) => `${label}\u0000${id}`;

/** The rows of one file: columns typed by the first value that fits a cell. */
class Table {
  private readonly columns = new Map<string, { index: number; type: CellType }>();
  private readonly rows: { ids: string[]; cells: Map<number, string> }[] = [];

  constructor(
    private readonly kind: BulkCsvFile['kind'],
    private readonly name: string,
    private readonly idHeaders: readonly string[],
  ) {}

  /** Adds a row; returns the properties no cell of this table can carry (undefined: none). */
  add(
    ids: string[],
    properties: Record<string, StoredValue>,
    integers: ReadonlySet<string>,
  ): Record<string, StoredValue> | undefined {
    const cells = new Map<number, string>();
    let unfit: Record<string, StoredValue> | undefined;
    for (const [key, value] of Object.entries(properties)) {
      const type = isPlainKey(key) ? cellType(value as CellValue, integers.has(key)) : undefined;
      let column = this.columns.get(key);
      if (type !== undefined && column === undefined) {
        column = { index: this.columns.size, type };
        this.columns.set(key, column);
      }
      if (type === undefined || column === undefined || column.type !== type) {
        unfit = { ...unfit, [key]: value };
        continue;
      }
      cells.set(column.index, cellText(value as CellValue, type));
    }
    this.rows.push({ ids, cells });
    return unfit;
  }

  /**
   * The table as files. A table whose fields span lines is cut into files of at most
   * `multilineFileBytes` each, every one with the header: the importer's multiline reader
   * (format v2) misreads a quoted field that crosses the end of its read buffer, so each such
   * file must fit in one buffer.
   */
  files(): BulkCsvFile[] {
    if (this.rows.length === 0) return [];
    const columns = [...this.columns].map(([key, { type }]) => headerField(key, type));
    const header = csvLine([...this.idHeaders, ...columns]);
    const lines: string[] = [];
    let multiline = false;
    let longestField = 0;
    for (const { ids, cells } of this.rows) {
      const fields = [
        ...ids.map((id) => cellText(id, 'string')),
        ...Array.from({ length: this.columns.size }, (_, index) => cells.get(index) ?? ''),
      ];
      for (const field of fields) {
        if (field.length > longestField) longestField = field.length;
        if (!multiline && spansLines(field)) multiline = true;
      }
      lines.push(csvLine(fields));
    }
    const file = (chunk: string[]): BulkCsvFile => {
      const text = header + chunk.join('');
      return {
        kind: this.kind,
        name: this.name,
        text,
        rows: chunk.length,
        bytes: Buffer.byteLength(text),
        multiline,
        longestField,
      };
    };
    if (!multiline) return [file(lines)];
    const files: BulkCsvFile[] = [];
    let chunk: string[] = [];
    let bytes = Buffer.byteLength(header);
    for (const line of lines) {
      const size = Buffer.byteLength(line);
      if (chunk.length > 0 && bytes + size > multilineFileBytes) {
        files.push(file(chunk));
        chunk = [];
        bytes = Buffer.byteLength(header);
      }
      chunk.push(line);
      bytes += size;
    }
    files.push(file(chunk));
    return files;
  }
}
