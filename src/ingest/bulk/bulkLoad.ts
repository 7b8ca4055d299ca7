import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  applyImportedSchema,
  awaitIndexes,
  countNodesAndRelationships,
  databaseIsEmpty,
  setNodeProperties,
  setRelationshipProperties,
} from '../../db/bulkQueries.js';
import { createDriver } from '../../db/createDriver.js';
import { Executor } from '../../db/executor.js';
import { AppError } from '../../errors/appError.js';
import { runAdminImport } from '../../localNeo4j/adminImport.js';
import {
  startLocalServer,
  stopLocalServer,
  type LocalServerOptions,
} from '../../localNeo4j/localServer.js';
import type { ValidSeedSet } from '../validateSeedSet.js';
import type { NodePropertyFix, RelationshipPropertyFix } from './bulkCsvBuilder.js';
import { writeBulkCsv } from './bulkCsv.js';
import { arrayDelimiterOption } from './csvCells.js';

/** Where a bulk load goes: the embedded local server of one folder, and the database name. */
export interface BulkTarget {
  readonly server: LocalServerOptions;
  readonly database: string;
}

/** How a bulk load runs. */
export interface BulkLoadOptions {
  /** enteredAt of everything written (default: when the load starts). */
  readonly now?: string;
  /** Who ran the load, recorded in enteredVia as `seed load` records it. */
  readonly loadedBy?: string;
  /**
   * Worker threads that plan the sets and write their CSV (default: one per core, at most one
   * per set, none for a small array of sets; 0 plans in this thread).
   */
  readonly planThreads?: number;
  /** Heap of the importer (default 1024 MB; it also uses off-heap memory). */
  readonly importHeapMb?: number;
  readonly log?: (line: string) => void;
}

/** What a bulk load did, with the time of each step in seconds. */
export interface BulkLoadReport {
  readonly files: number;
  readonly nodes: number;
  readonly relationships: number;
  readonly csvFiles: number;
  readonly csvBytes: number;
  readonly propertyFixes: number;
  readonly seconds: {
    /** Reading the sets (and, for an iterator that validates, their validation), plan and CSV. */
    readonly plan: number;
    readonly stop: number;
    readonly import: number;
    readonly start: number;
    /** Constraints, indexes (online), property fixes and the final count. */
    readonly schema: number;
    readonly total: number;
  };
}

/**
 * Loads validated seed sets into an EMPTY database of the embedded local server, through
 * `neo4j-admin database import full` instead of transactions: the sets are planned as `seed load`
 * plans them (planSeedLoad, same provenance, content hashes and fingerprints, merged as
 * consecutive loads would be: BulkCsvBuilder), written as CSV files in a temporary folder, the
 * server is stopped, the importer replaces the database's store, the server is started again, and
 * the constraints and indexes are applied (databaseSchemaStatements, as applyDatabaseSchema
 * applies them, indexes first so they populate while the constraints are built).
 *
 * Refuses (CONFLICT, nothing touched) a database that holds any node, checked before the CSV is
 * written and again just before the server is stopped; refuses (BAD_USER_INPUT, nothing touched)
 * sets that conflict with each other, listing every problem. The server is started if it was not
 * running, and left running. Sets come as an iterable so a long load can produce them lazily.
 */
export async function bulkLoadSeedSets(
  sets: Iterable<ValidSeedSet>,
  target: BulkTarget,
  options: BulkLoadOptions = {},
): Promise<BulkLoadReport> {
  const log = options.log ?? (() => undefined);
  const now = options.now ?? new Date().toISOString();
  const started = performance.now();
  const seconds = (since: number) => Math.round((performance.now() - since) / 10) / 100;

  await withDatabase(target, log, refuseNonEmpty);

  let mark = performance.now();
  const folder = mkdtempSync(path.join(os.tmpdir(), 'claimgraph-bulk-'));
  let keepFolder = false;
  try {
    const {
      merger,
      files: written,
      sets: fileCount,
    } = await writeBulkCsv(sets, folder, {
      now,
      ...(options.loadedBy !== undefined ? { loadedBy: options.loadedBy } : {}),
      ...(options.planThreads !== undefined ? { planThreads: options.planThreads } : {}),
      log,
    });
    const { nodes, relationships, multilineFiles, longestField, largestMultiline, csvBytes } =
      written;
    if (merger.problems.length > 0) {
      throw new AppError(
        'BAD_USER_INPUT',
        `The files have ${merger.problems.length} problem(s) together; nothing was written:\n` +
          merger.problems.join('\n'),
        { problems: merger.problems },
      );
    }
    const totals = merger.totals;
    const propertyFixes = merger.nodeFixes.length + merger.relationshipFixes.length;
    const planSeconds = seconds(mark);
    log(
      `wrote ${nodes.length + relationships.length} CSV files (${(csvBytes / 1e6).toFixed(1)} MB) in ${folder}: ` +
        `${totals.nodes.toLocaleString('en')} nodes, ${totals.relationships.toLocaleString('en')} relationships, ` +
        `${propertyFixes} record(s) with values set after the import (${planSeconds} s)`,
    );

    mark = performance.now();
    await withDatabase(target, log, refuseNonEmpty);
    log('the database is empty: stopping the local Neo4j for the import…');
    await stopLocalServer(target.server.homeDir);
    const stopSeconds = seconds(mark);

    mark = performance.now();
    log('running neo4j-admin database import full…');
    const imported = await (async () => {
      try {
        return await runAdminImport(
          {
            homeDir: target.server.homeDir,
            cacheDir: target.server.cacheDir,
            database: target.database,
            nodes,
            relationships,
            multilineFiles,
            arrayDelimiter: arrayDelimiterOption,
            // A field (UTF-16 units, up to 3 bytes each) and a whole multiline file must fit.
            readBufferSize: readBufferSize(Math.max(longestField * 3, largestMultiline)),
            reportFile: path.join(folder, 'import.report'),
            heapMb: options.importHeapMb ?? 1024,
          },
          log,
        );
      } catch (error) {
        keepFolder = true;
        await recoverEmptyDatabase(target, log);
        throw new AppError(
          'INTERNAL',
          `${error instanceof Error ? error.message : String(error)}\n` +
            `The database was empty before: its store files were removed and the local Neo4j started again. ` +
            `The CSV files are kept in ${folder}.`,
        );
      }
    })();
    const importSeconds = seconds(mark);
    log(
      `imported ${imported.nodes?.toLocaleString('en') ?? '?'} nodes, ` +
        `${imported.relationships?.toLocaleString('en') ?? '?'} relationships, ` +
        `${imported.properties?.toLocaleString('en') ?? '?'} properties (${importSeconds} s)`,
    );

    mark = performance.now();
    await startLocalServer(target.server, log);
    const startSeconds = seconds(mark);

    mark = performance.now();
    await withDatabase(target, log, async (executor) => {
      log('applying constraints and indexes…');
      await applyImportedSchema(executor);
      // The fixes find records by id (the constraints' indexes, online by now); the full-text
      // indexes go on populating meanwhile.
      await applyFixes(executor, merger.nodeFixes, merger.relationshipFixes);
      const counted = await countNodesAndRelationships(executor);
      if (counted.nodes !== totals.nodes || counted.relationships !== totals.relationships) {
        throw new AppError(
          'INTERNAL',
          `The imported database holds ${counted.nodes} nodes and ${counted.relationships} relationships; ` +
            `the CSV files held ${totals.nodes} and ${totals.relationships}.`,
        );
      }
      await awaitIndexes(executor);
    });
    const schemaSeconds = seconds(mark);
    return {
      files: fileCount,
      nodes: totals.nodes,
      relationships: totals.relationships,
      csvFiles: nodes.length + relationships.length,
      csvBytes,
      propertyFixes,
      seconds: {
        plan: planSeconds,
        stop: stopSeconds,
        import: importSeconds,
        start: startSeconds,
        schema: schemaSeconds,
        total: seconds(started),
      },
    };
  } finally {
    if (!keepFolder) rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * After a failed import the store may be unusable ("left as they are, although they are likely in
 * an unusable state"). The database was empty, so its store and transaction logs are removed and
 * the server started again, which creates it anew, empty.
 */
async function recoverEmptyDatabase(target: BulkTarget, log: (line: string) => void) {
  const data = path.join(target.server.homeDir, 'data');
  for (const dir of ['databases', 'transactions'])
    rmSync(path.join(data, dir, target.database), { recursive: true, force: true });
  log('the import failed: starting the local Neo4j again on an empty database…');
  await startLocalServer(target.server, log);
}

/** The importer's read buffer for values and multiline files up to `bytes`: 4 MiB at least. */
function readBufferSize(bytes: number): number {
  return Math.max(4 * 1024 * 1024, 2 ** Math.ceil(Math.log2(bytes * 1.25 + 1)));
}

async function refuseNonEmpty(executor: Executor): Promise<void> {
  if (!(await databaseIsEmpty(executor))) {
    throw new AppError(
      'CONFLICT',
      'The database is not empty; a bulk import replaces the whole database, so it only loads into an ' +
        'empty one. Nothing was touched. Load into this database with `claimgraph seed load` (or ' +
        '`import` without --bulk), which keeps history and refuses conflicts.',
    );
  }
}

/** Starts the server if needed, runs `work` with a connection to it, and closes the connection. */
async function withDatabase<T>(
  target: BulkTarget,
  log: (line: string) => void,
  work: (executor: Executor) => Promise<T>,
): Promise<T> {
  const connection = await startLocalServer(target.server, log);
  const driver = createDriver(connection);
  try {
    return await work(new Executor(driver, target.database, target.server.transactionTimeoutMs));
  } finally {
    await driver.close();
  }
}

/** Sets the values no CSV cell carried, grouped by label or type. */
async function applyFixes(
  executor: Executor,
  nodeFixes: readonly NodePropertyFix[],
  relationshipFixes: readonly RelationshipPropertyFix[],
): Promise<void> {
  const byLabel = groupBy(nodeFixes, (fix) => fix.label);
  for (const [label, fixes] of byLabel) {
    const matched = await setNodeProperties(executor, label, fixes);
    if (matched !== fixes.length)
      throw new AppError(
        'INTERNAL',
        `${fixes.length - matched} ${label} node(s) were not imported.`,
      );
  }
  const byType = groupBy(relationshipFixes, (fix) => `${fix.type} ${fix.fromLabel} ${fix.toLabel}`);
  for (const fixes of byType.values()) {
    const { type, fromLabel, toLabel } = fixes[0]!;
    const matched = await setRelationshipProperties(executor, type, fromLabel, toLabel, fixes);
    if (matched !== fixes.length)
      throw new AppError(
        'INTERNAL',
        `${fixes.length - matched} ${type} relationship(s) were not imported.`,
      );
  }
}

/** Map.groupBy, which Node 20 lacks. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = key(item);
    const group = groups.get(name);
    if (group) group.push(item);
    else groups.set(name, [item]);
  }
  return groups;
}
