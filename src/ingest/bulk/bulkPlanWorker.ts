import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Provenance } from '../../db/graphWritePlan.js';
import { planSeedLoad } from '../planSeedLoad.js';
import type { ValidSeedSet } from '../validateSeedSet.js';
import { prepareBulkPlan, tableParts, type TableIdentity } from './bulkCsvBuilder.js';

/** One seed set to plan and write as CSV, in a worker thread or in the caller's. */
export interface BulkPlanTask {
  readonly valid: ValidSeedSet;
  readonly provenance: Provenance;
  /** enteredAt of everything written. */
  readonly now: string;
  /** The folder the files go in, and the prefix that keeps this set's names apart. */
  readonly folder: string;
  readonly prefix: string;
}

/** One written file of a table: the rows first … first + rows - 1 of the table, in order. */
export interface WrittenPart {
  readonly file: string;
  readonly first: number;
  readonly rows: number;
  readonly bytes: number;
  /** UTF-16 length of the header line and of each row's line, newlines included. */
  readonly headerLength: number;
  readonly lineLengths: Uint32Array;
}

/** A table of the set, written in full: who its rows are (for the merge) and its files. */
export interface WrittenTable extends TableIdentity {
  readonly multiline: boolean;
  readonly longestField: number;
  readonly parts: readonly WrittenPart[];
}

/**
 * Plans one seed set as `seed load` plans it (planSeedLoad), prepares its CSV (prepareBulkPlan)
 * and writes every table, all rows, to files in the task's folder. Returns the rows' identities
 * and the files, not their text: the caller merges the sets in load order (BulkMerger) and
 * rewrites the few files with rows an earlier set already wrote. The CPU-heavy part of a bulk
 * load (fingerprints, content hashes, CSV text), so it runs in worker threads (bulkPlanPool.ts).
 */
export function planBulkSet(task: BulkPlanTask): WrittenTable[] {
  const tables = prepareBulkPlan(planSeedLoad(task.valid), task.provenance, task.now);
  return tables.map((table, index) => {
    const parts = tableParts(table).map((part, partIndex): WrittenPart => {
      const file = path.join(
        task.folder,
        `${task.prefix}-${index}-${partIndex}-${table.kind}-${table.name}.csv`,
      );
      writeFileSync(file, part.text);
      return {
        file,
        first: part.rowIndexes[0] ?? 0,
        rows: part.rows,
        bytes: part.bytes,
        headerLength: table.header.length,
        lineLengths: Uint32Array.from(part.lineLengths),
      };
    });
    // The lines are written: only identities and file names go back to the merging thread.
    return {
      kind: table.kind,
      name: table.name,
      fromLabel: table.fromLabel,
      toLabel: table.toLabel,
      ids: table.ids,
      hashes: table.hashes,
      to: table.to,
      keys: table.keys,
      unfit: table.unfit,
      multiline: table.multiline,
      longestField: table.longestField,
      parts,
    };
  });
}
