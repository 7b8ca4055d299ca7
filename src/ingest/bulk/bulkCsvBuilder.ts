import type { GraphWritePlan, Provenance, StoredValue } from '../../db/graphWritePlan.js';
import { singleValuedRelationships } from '../../db/graphVocabulary.js';
import { contentHash } from '../../db/writeGraphPlan.js';
import {
  cellText,
  cellType,
  headerField,
  isPlainKey,
  quoteField,
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
 * Who the rows of one prepared table are, without their CSV lines: what the merge of plans
 * (BulkMerger) needs, small enough to pass between threads. Row i of every list is line i.
 */
export interface TableIdentity {
  readonly kind: BulkCsvFile['kind'];
  /** Label or relationship type. */
  readonly name: string;
  /** Relationships: the labels of their ends. */
  readonly fromLabel: string;
  readonly toLabel: string;
  /** Nodes: the ids; relationships: the start ids. */
  readonly ids: readonly string[];
  /** Nodes: the content hashes; relationships: empty. */
  readonly hashes: readonly string[];
  /** Relationships: the end ids and keys; nodes: empty. */
  readonly to: readonly string[];
  readonly keys: readonly string[];
  /** Values no cell of the table carries, by row (set through Cypher after the import). */
  readonly unfit: ReadonlyMap<number, Record<string, StoredValue>>;
}

/** One table of a prepared plan: its rows' identities and their finished CSV lines. */
export interface PreparedTable extends TableIdentity {
  /** The header line, with its newline. */
  readonly header: string;
  /** One line per row, without its newline. */
  readonly lines: readonly string[];
  readonly multiline: boolean;
  readonly longestField: number;
}

/** Which rows of a table the merge keeps (true) and skips (false), by row. */
export type KeptRows = readonly boolean[];

/**
 * The CSV of one plan, every row written with exactly what writeGraphPlan would store in an
 * empty database: the plan's properties, the content hash, revision 1 (an INTEGER),
 * enteredBy/enteredVia/enteredAt (and extractedBy when the provenance has one), the derived
 * fingerprint properties of sources with text; relationships with their key and provenance.
 * Pure and independent of other plans, so plans can be prepared in parallel (worker threads);
 * which rows an earlier plan already wrote is the merge's business (BulkMerger). Columns are
 * typed by the first value that fits a cell; a value that fits no cell of its table is returned
 * in `unfit`, to be set after the import.
 */
export function prepareBulkPlan(
  plan: GraphWritePlan,
  provenance: Provenance,
  now: string,
): PreparedTable[] {
  const stamp: Record<string, StoredValue> = {
    enteredBy: provenance.enteredBy,
    enteredVia: provenance.enteredVia,
    enteredAt: now,
    ...(provenance.extractedBy !== undefined ? { extractedBy: provenance.extractedBy } : {}),
  };
  // By label, then id: no key string made per row.
  const derived = new Map<string, Map<string, Record<string, StoredValue>>>();
  for (const group of plan.derived ?? []) {
    const byId = mapOf(derived, group.label, () => new Map<string, Record<string, StoredValue>>());
    for (const row of group.rows) byId.set(row.id, { ...byId.get(row.id), ...row.properties });
  }
  const nodeReserved = new Set(['contentHash', 'revision', ...Object.keys(stamp)]);
  const relationshipReserved = new Set(['key', ...Object.keys(stamp)]);

  const tables: PreparedTable[] = [];
  for (const group of plan.nodes) {
    const table = new Table([`id:ID(${group.label})`], integerProperties);
    const ids: string[] = [];
    const hashes: string[] = [];
    const derivedById = derived.get(group.label);
    for (const row of group.rows) {
      const hash = contentHash(row.properties);
      ids.push(row.id);
      hashes.push(hash);
      const extra = derivedById?.get(row.id);
      // The properties in writeGraphPlan's order; spread only when a later part overrides an
      // earlier key (derived values, or a plan property named like a stamp), which is rare.
      const own = { contentHash: hash, revision: 1 };
      const parts =
        extra === undefined && !overlaps(row.properties, nodeReserved)
          ? [row.properties, own, stamp]
          : [{ ...row.properties, ...own, ...stamp, ...extra }];
      table.add([row.id], parts);
    }
    if (ids.length > 0)
      tables.push(table.finish('nodes', group.label, '', '', ids, hashes, [], []));
  }
  for (const group of plan.relationships) {
    const table = new Table(
      [`:START_ID(${group.fromLabel})`, `:END_ID(${group.toLabel})`],
      noIntegers,
    );
    const from: string[] = [];
    const to: string[] = [];
    const keys: string[] = [];
    for (const row of group.rows) {
      from.push(row.from);
      to.push(row.to);
      keys.push(row.key);
      const parts = overlaps(row.properties, relationshipReserved)
        ? [{ key: row.key, ...row.properties, ...stamp }]
        : [{ key: row.key }, row.properties, stamp];
      table.add([row.from, row.to], parts);
    }
    if (from.length > 0)
      tables.push(
        table.finish(
          'relationships',
          group.type,
          group.fromLabel,
          group.toLabel,
          from,
          [],
          to,
          keys,
        ),
      );
  }
  return tables;
}

/**
 * Merges prepared plans (in load order) as consecutive online loads would: a node already
 * written with the same content is skipped (the first load's provenance stays), with other
 * content it is a problem (the online load refuses it as a CONFLICT); a relationship already
 * written (same ends, type and key) is skipped; a second single-valued link to another node, a
 * relationship naming a node no plan wrote, or an `existing` reference to a record no earlier
 * plan wrote is a problem. Problems are collected, never thrown: the caller refuses the load with
 * all of them. Holds only ids, hashes and keys, never CSV text.
 */
export class BulkMerger {
  /** Every problem found, one line each. */
  readonly problems: string[] = [];
  /** Values to set after the import (empty lists and the like). */
  readonly nodeFixes: NodePropertyFix[] = [];
  readonly relationshipFixes: RelationshipPropertyFix[] = [];
  /** Content hash by id, per label. */
  private readonly nodeHashes = new Map<string, Map<string, string>>();
  /**
   * Per type, per start id, the end ids and keys written, as pairs in one list: no key string
   * is made per relationship (a start id has few of each type).
   */
  private readonly relationshipEnds = new Map<string, Map<string, string[]>>();
  private readonly singleTargets = new Map<string, Map<string, string>>();
  private counts = { nodes: 0, relationships: 0, unchangedNodes: 0, unchangedRelationships: 0 };

  /** Totals so far. */
  get totals(): BulkCounts {
    return { ...this.counts };
  }

  /**
   * Merges one plan's tables; `origin` names it in problems. Returns, per table, the rows to
   * write, or undefined when the plan has problems (then nothing of it is counted).
   */
  merge(
    tables: readonly TableIdentity[],
    origin: string,
    existing: readonly ExistingReference[] = [],
  ): KeptRows[] | undefined {
    const before = this.problems.length;
    for (const reference of existing) {
      if (!this.nodeHashes.get(reference.label)?.has(reference.id)) {
        this.problems.push(
          `${origin}: ${reference.field}: marked existing, but no ${reference.label} "${reference.id}" is in the files before it (a bulk load starts from an empty database)`,
        );
      }
    }
    const nodeFixes: NodePropertyFix[] = [];
    const relationshipFixes: RelationshipPropertyFix[] = [];
    const counts = { ...this.counts };
    // Nodes first, as in the plan: a relationship may name a node of any table of its plan.
    const order = [
      ...tables.filter((table) => table.kind === 'nodes'),
      ...tables.filter((table) => table.kind === 'relationships'),
    ];
    const kept = new Map<TableIdentity, boolean[]>();
    for (const table of order) {
      const keep: boolean[] = new Array<boolean>(table.ids.length).fill(false);
      kept.set(table, keep);
      if (table.kind === 'nodes') {
        const hashes = mapOf(this.nodeHashes, table.name, () => new Map<string, string>());
        for (let i = 0; i < table.ids.length; i++) {
          const id = table.ids[i]!;
          const hash = table.hashes[i]!;
          const stored = hashes.get(id);
          if (stored !== undefined) {
            if (stored === hash) counts.unchangedNodes++;
            else
              this.problems.push(
                `${origin}: ${table.name} "${id}" has other content than an earlier file gives it (an online load refuses this as a CONFLICT)`,
              );
            continue;
          }
          hashes.set(id, hash);
          keep[i] = true;
          counts.nodes++;
          const unfit = table.unfit.get(i);
          if (unfit) nodeFixes.push({ label: table.name, id, properties: unfit });
        }
        continue;
      }
      const fromNodes = this.nodeHashes.get(table.fromLabel);
      const toNodes = this.nodeHashes.get(table.toLabel);
      const single = singleValuedRelationships.has(table.name)
        ? mapOf(this.singleTargets, table.name, () => new Map<string, string>())
        : undefined;
      const ends = mapOf(this.relationshipEnds, table.name, () => new Map<string, string[]>());
      for (let i = 0; i < table.ids.length; i++) {
        const from = table.ids[i]!;
        const to = table.to[i]!;
        const key = table.keys[i]!;
        if (!fromNodes?.has(from)) this.missingEnd(origin, table, from, to, table.fromLabel, from);
        if (!toNodes?.has(to)) this.missingEnd(origin, table, from, to, table.toLabel, to);
        if (single) {
          const target = single.get(from);
          if (target !== undefined && target !== to) {
            this.problems.push(
              `${origin}: "${from}" is already linked by ${table.name} to "${target}"; it cannot also be linked to "${to}"`,
            );
            continue;
          }
          single.set(from, to);
        }
        const written = ends.get(from);
        if (written === undefined) ends.set(from, [to, key]);
        else if (hasPair(written, to, key)) {
          counts.unchangedRelationships++;
          continue;
        } else written.push(to, key);
        keep[i] = true;
        counts.relationships++;
        const unfit = table.unfit.get(i);
        if (unfit) {
          relationshipFixes.push({
            type: table.name,
            fromLabel: table.fromLabel,
            toLabel: table.toLabel,
            from,
            to,
            key,
            properties: unfit,
          });
        }
      }
    }
    if (this.problems.length > before) return undefined;
    this.counts = counts;
    for (const fix of nodeFixes) this.nodeFixes.push(fix);
    for (const fix of relationshipFixes) this.relationshipFixes.push(fix);
    return tables.map((table) => kept.get(table)!);
  }

  private missingEnd(
    origin: string,
    table: TableIdentity,
    from: string,
    to: string,
    label: string,
    id: string,
  ) {
    this.problems.push(
      `${origin}: ${table.name} from "${from}" to "${to}" names a ${label} "${id}" that no file holds`,
    );
  }
}

/**
 * Turns write plans (planSeedLoad per file, in load order) into the importer's CSV files in
 * memory: prepareBulkPlan for each plan, merged by a BulkMerger (see both for what is written
 * and what is a problem). The bulk load does the same across worker threads (bulkPlanPool.ts);
 * this is the single-threaded form. Pure: it returns file texts, the caller writes them.
 */
export class BulkCsvBuilder {
  private readonly merger = new BulkMerger();

  /** `now`: the enteredAt of everything written (one ISO time for the whole load). */
  constructor(private readonly now: string) {}

  /** Every problem found, one line each. */
  get problems(): string[] {
    return this.merger.problems;
  }

  /** Values to set after the import (empty lists and the like). */
  get nodeFixes(): NodePropertyFix[] {
    return this.merger.nodeFixes;
  }

  /** The same for relationships. */
  get relationshipFixes(): RelationshipPropertyFix[] {
    return this.merger.relationshipFixes;
  }

  /** Totals so far. */
  get totals(): BulkCounts {
    return this.merger.totals;
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
    const tables = prepareBulkPlan(plan, provenance, this.now);
    const kept = this.merger.merge(tables, origin, existing);
    if (!kept) return [];
    return tables.flatMap((table, index) =>
      tableParts(table, kept[index]!).map((part) => ({
        kind: table.kind,
        name: table.name,
        text: part.text,
        rows: part.rows,
        bytes: part.bytes,
        multiline: table.multiline,
        longestField: table.longestField,
      })),
    );
  }
}

/** One file of a table: its text, rows, and each row's line length (UTF-16 units, newline in). */
export interface TablePart {
  readonly text: string;
  readonly rows: number;
  readonly bytes: number;
  /** The table's row index of each line, in order. */
  readonly rowIndexes: readonly number[];
  readonly lineLengths: readonly number[];
}

/**
 * The kept rows of a table as files (none when no row is kept). A table whose fields span lines
 * is cut into files of at most `multilineFileBytes` each, every one with the header: the
 * importer's multiline reader (format v2) misreads a quoted field that crosses the end of its
 * read buffer, so each such file must fit in one buffer.
 */
export function tableParts(table: PreparedTable, kept?: KeptRows): TablePart[] {
  const parts: TablePart[] = [];
  const headerBytes = Buffer.byteLength(table.header);
  let chunk: string[] = [];
  let rowIndexes: number[] = [];
  let bytes = headerBytes;
  const flush = () => {
    const text = table.header + chunk.join('');
    parts.push({
      text,
      rows: chunk.length,
      // Without multiline fields the byte size is only reported: one pass over the text.
      bytes: table.multiline ? bytes : Buffer.byteLength(text),
      rowIndexes,
      lineLengths: chunk.map((line) => line.length),
    });
    chunk = [];
    rowIndexes = [];
    bytes = headerBytes;
  };
  for (let i = 0; i < table.lines.length; i++) {
    if (kept && !kept[i]) continue;
    const line = `${table.lines[i]!}\n`;
    if (table.multiline) {
      const size = Buffer.byteLength(line);
      if (chunk.length > 0 && bytes + size > multilineFileBytes) flush();
      bytes += size;
    }
    chunk.push(line);
    rowIndexes.push(i);
  }
  if (chunk.length > 0) flush();
  return parts;
}

/** The largest file (bytes) a table with multiline fields is written in, below the read buffer. */
export const multilineFileBytes = 3 * 1024 * 1024;

/** Properties the online loader writes as INTEGERs (Cypher literals), not FLOATs. */
const integerProperties: ReadonlySet<string> = new Set(['revision']);
const noIntegers: ReadonlySet<string> = new Set();

/** True when `properties` has one of `keys` (then a later part would override it). */
function overlaps(properties: Record<string, StoredValue>, keys: ReadonlySet<string>): boolean {
  for (const key of keys) if (Object.hasOwn(properties, key)) return true;
  return false;
}

/** True when the flat list of pairs holds `a`, `b`. */
function hasPair(pairs: readonly string[], a: string, b: string): boolean {
  for (let i = 0; i < pairs.length; i += 2) if (pairs[i] === a && pairs[i + 1] === b) return true;
  return false;
}

/** The entry of `key`, made by `make` the first time. */
function mapOf<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

/**
 * The rows of one table as finished CSV lines: columns typed by the first value that fits a
 * cell, in the order they first appear. A line is built once, when its row is added; columns a
 * later row adds are empty cells appended to the earlier lines at the end (new columns only ever
 * come last).
 */
class Table {
  private readonly columns = new Map<string, { index: number; type: CellType }>();
  private readonly lines: string[] = [];
  /** The number of property columns each line has cells for. */
  private readonly widths: number[] = [];
  private readonly unfit = new Map<number, Record<string, StoredValue>>();
  private multiline = false;
  private longestField = 0;

  constructor(
    private readonly idHeaders: readonly string[],
    private readonly integers: ReadonlySet<string>,
  ) {}

  /**
   * Adds a row: its ids and its properties, given as parts with distinct keys, in order. The
   * properties no cell of this table can carry are kept as the row's unfit values.
   */
  add(ids: readonly string[], parts: readonly Record<string, StoredValue>[]): void {
    let line = '';
    for (let index = 0; index < ids.length; index++) {
      const cell = quoteField(ids[index]!);
      this.measure(cell, true);
      line = index === 0 ? cell : `${line},${cell}`;
    }
    const cells: string[] = [];
    let unfit: Record<string, StoredValue> | undefined;
    for (const properties of parts) {
      for (const key in properties) {
        const stored = properties[key]!;
        const value = stored as CellValue;
        let column = this.columns.get(key);
        const type =
          typeof value === 'string'
            ? 'string'
            : column !== undefined || isPlainKey(key)
              ? cellType(value, this.integers.has(key))
              : undefined;
        if (type !== undefined && column === undefined && isPlainKey(key)) {
          column = { index: this.columns.size, type };
          this.columns.set(key, column);
        }
        if (type === undefined || column === undefined || column.type !== type) {
          unfit = { ...unfit, [key]: stored };
          continue;
        }
        const text = cellText(value, type);
        this.measure(text, type === 'string' || type === 'string[]');
        cells[column.index] = text;
      }
    }
    const width = this.columns.size;
    // join() writes holes (absent values) as empty cells.
    cells.length = width;
    const row = this.lines.length;
    this.lines.push(width > 0 ? `${line},${cells.join(',')}` : line);
    this.widths.push(width);
    if (unfit) this.unfit.set(row, unfit);
  }

  /** The finished table, with the identities of its rows. */
  finish(
    kind: BulkCsvFile['kind'],
    name: string,
    fromLabel: string,
    toLabel: string,
    ids: string[],
    hashes: string[],
    to: string[],
    keys: string[],
  ): PreparedTable {
    const width = this.columns.size;
    for (let i = 0; i < this.lines.length; i++) {
      const missing = width - this.widths[i]!;
      if (missing > 0) this.lines[i] += ','.repeat(missing);
    }
    const columns = [...this.columns].map(([key, { type }]) => headerField(key, type));
    return {
      kind,
      name,
      fromLabel,
      toLabel,
      ids,
      hashes,
      to,
      keys,
      unfit: this.unfit,
      header: `${[...this.idHeaders, ...columns].join(',')}\n`,
      lines: this.lines,
      multiline: this.multiline,
      longestField: this.longestField,
    };
  }

  private measure(text: string, mayBreak: boolean) {
    if (text.length > this.longestField) this.longestField = text.length;
    if (mayBreak && !this.multiline && spansLines(text)) this.multiline = true;
  }
}
