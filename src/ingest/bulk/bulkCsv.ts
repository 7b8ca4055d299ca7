import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import type { ImportSource } from '../../localNeo4j/adminImport.js';
import { existingReferences, seedProvenance } from '../loadSeedFile.js';
import type { ValidSeedSet } from '../validateSeedSet.js';
import { BulkMerger, type ExistingReference, type KeptRows } from './bulkCsvBuilder.js';
import { bulkPlanRunner } from './bulkPlanPool.js';
import type { WrittenPart, WrittenTable } from './bulkPlanWorker.js';

/** How the CSV of a bulk load is written. */
export interface BulkCsvOptions {
  /** enteredAt of everything written. */
  readonly now: string;
  /** Who ran the load, recorded in enteredVia as `seed load` records it. */
  readonly loadedBy?: string;
  /**
   * Worker threads that plan the sets and write their CSV (default: one per core, at most one
   * per set, none for a small array of sets; 0 plans in this thread).
   */
  readonly planThreads?: number;
  readonly log: (line: string) => void;
}

/** The CSV of a bulk load, written: the merge (problems, fixes, totals) and the files. */
export interface BulkCsv {
  readonly merger: BulkMerger;
  readonly files: BulkFiles;
  /** How many sets were read. */
  readonly sets: number;
}

/**
 * Plans every set (planSeedLoad) and writes its CSV files into `folder`, across worker threads
 * (planBulkSet in bulkPlanPool.ts): sets are handed to the workers as they come, so this thread
 * reads (and, for an iterator that validates, validates) the next sets while the workers plan,
 * and each set is merged (BulkMerger) in load order as its result arrives. The caller refuses
 * the load when the merger has problems (the folder then holds files of every set).
 */
export async function writeBulkCsv(
  sets: Iterable<ValidSeedSet>,
  folder: string,
  options: BulkCsvOptions,
): Promise<BulkCsv> {
  const { now, log } = options;
  const merger = new BulkMerger();
  const written = new BulkFiles();
  const runner = bulkPlanRunner(options.planThreads ?? defaultPlanThreads(sets));
  let fileCount = 0;
  try {
    // Sets are handed to the workers as they come and merged in load order as their results
    // arrive, so this thread reads (and validates) the next sets while the workers plan.
    const pending: {
      origin: string;
      existing: ExistingReference[];
      result: Promise<WrittenTable[]>;
    }[] = [];
    const mergeNext = async () => {
      const next = pending.shift()!;
      const tables = await next.result;
      const kept = merger.merge(tables, next.origin, next.existing);
      const files = kept ? written.add(tables, kept) : 0;
      const totals = merger.totals;
      log(
        `planned ${next.origin}: ${files} CSV files; ${totals.nodes.toLocaleString('en')} nodes, ` +
          `${totals.relationships.toLocaleString('en')} relationships so far`,
      );
    };
    for (const valid of sets) {
      fileCount++;
      const result = runner.run({
        valid,
        provenance: seedProvenance(valid, options.loadedBy),
        now,
        folder,
        prefix: String(fileCount).padStart(5, '0'),
      });
      // Handled when its turn to merge comes; until then a failure must not end the process.
      result.catch(() => undefined);
      pending.push({ origin: valid.file, existing: existingReferences(valid.seedSet), result });
      // Lets the pool hand the task to a worker before this thread makes the next set.
      await new Promise((resolve) => setImmediate(resolve));
      while (pending.length > Math.max(2, runner.threads * 2)) await mergeNext();
    }
    while (pending.length > 0) await mergeNext();
  } finally {
    await runner.close();
  }
  return { merger, files: written, sets: fileCount };
}

/**
 * The CSV files of the load as the merge leaves them: a part whose rows were all kept stays as
 * the worker wrote it, one with rows an earlier set had already written is written again
 * without them (rare: records shared between files), one with no row kept is removed.
 */
export class BulkFiles {
  readonly nodes: ImportSource[] = [];
  readonly relationships: ImportSource[] = [];
  readonly multilineFiles: string[] = [];
  longestField = 0;
  largestMultiline = 0;
  csvBytes = 0;

  /** Adds one set's tables with the rows the merge kept; returns how many files it gave. */
  add(tables: readonly WrittenTable[], kept: readonly KeptRows[]): number {
    let files = 0;
    for (const [index, table] of tables.entries()) {
      const keep = kept[index]!;
      for (const part of table.parts) {
        const bytes = keptPart(part, keep);
        if (bytes === undefined) continue;
        files++;
        this.csvBytes += bytes;
        (table.kind === 'nodes' ? this.nodes : this.relationships).push({
          name: table.name,
          file: part.file,
        });
        this.longestField = Math.max(this.longestField, table.longestField);
        if (table.multiline) {
          this.multilineFiles.push(part.file);
          this.largestMultiline = Math.max(this.largestMultiline, bytes);
        }
      }
    }
    return files;
  }
}

/** Leaves in a part file only its kept rows; returns its size, or undefined when none is kept. */
function keptPart(part: WrittenPart, keep: KeptRows): number | undefined {
  let rows = 0;
  for (let i = 0; i < part.rows; i++) if (keep[part.first + i]) rows++;
  if (rows === part.rows) return part.bytes;
  if (rows === 0) {
    unlinkSync(part.file);
    return undefined;
  }
  const text = readFileSync(part.file, 'utf8');
  const lines = [text.slice(0, part.headerLength)];
  let at = part.headerLength;
  for (let i = 0; i < part.rows; i++) {
    const length = part.lineLengths[i]!;
    if (keep[part.first + i]) lines.push(text.slice(at, at + length));
    at += length;
  }
  const kept = lines.join('');
  writeFileSync(part.file, kept);
  return Buffer.byteLength(kept);
}

/**
 * Worker threads for planning: one per core (the calling thread keeps reading and validating
 * sets meanwhile, but mostly waits once they are read, so it is not counted), no more than there
 * are sets when they are known, and none for a few small sets already read: starting a worker
 * (loading the sources under tsx) takes about a second, more than planning them here.
 */
function defaultPlanThreads(sets: Iterable<ValidSeedSet>): number {
  if (!Array.isArray(sets)) return os.availableParallelism();
  const known = sets as readonly ValidSeedSet[];
  const records = known.reduce(
    (sum, { seedSet }) => sum + seedSet.claims.length + seedSet.attributions.length,
    0,
  );
  if (records < smallLoadRecords) return 0;
  return Math.min(os.availableParallelism(), known.length);
}

/** Claims and attributions below which a load's known sets are planned in the calling thread. */
const smallLoadRecords = 5000;
