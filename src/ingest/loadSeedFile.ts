import type { Executor, WriteScope } from '../db/executor.js';
import { missingReferences, type NodeReference } from '../db/existingNodes.js';
import { Label } from '../db/graphVocabulary.js';
import type { Provenance } from '../db/graphWritePlan.js';
import { writeGraphPlan, type WriteCounts, type WriteOptions } from '../db/writeGraphPlan.js';
import { AppError } from '../errors/appError.js';
import { planSeedLoad } from './planSeedLoad.js';
import type { SeedSet } from './seedFormat.js';
import { formatSeedProblem, validateSeedFile, type ValidSeedSet } from './validateSeedSet.js';

/** What a load did. */
export interface SeedLoadReport extends WriteCounts {
  readonly seedSetId: string;
  readonly file: string;
}

/** How a seed load runs: progress, who ran it, and whether it may correct stored records. */
export interface SeedLoadOptions extends WriteOptions {
  /** The API key name of whoever ran the load (the CLI), recorded with the seed's provenance. */
  readonly loadedBy?: string;
}

/**
 * Validates the whole file, then writes it in one transaction: all or nothing. Loading the same
 * file again changes nothing (stable ids, content hashes). Throws BAD_USER_INPUT listing every
 * problem before any write, and CONFLICT when the file would change a stored record, unless the
 * load is a correction (`options.correction`), which keeps the previous versions as history.
 */
export async function loadSeedFile(
  executor: Executor,
  file: string,
  options: SeedLoadOptions = {},
): Promise<SeedLoadReport> {
  const validation = validateSeedFile(file);
  if (!validation.ok) {
    throw new AppError(
      'BAD_USER_INPUT',
      `The seed file has ${validation.problems.length} problem(s); nothing was written:\n` +
        validation.problems.map(formatSeedProblem).join('\n'),
      { problems: validation.problems },
    );
  }
  return loadValidSeedSet(executor, validation.value, options);
}

/**
 * Writes a seed set that passed validation in one transaction: all or nothing. The second half
 * of loadSeedFile, for callers that validated seed data held in memory (validateSeedData).
 */
export async function loadValidSeedSet(
  executor: Executor,
  valid: ValidSeedSet,
  options: SeedLoadOptions = {},
): Promise<SeedLoadReport> {
  const { seedSet, file: displayFile } = valid;
  const { loadedBy, ...writeOptions } = options;
  const counts = await executor.writeTransaction(`seed:${seedSet.id}`, (scope) =>
    writeValidSeedSet(scope, valid, seedProvenance(valid, loadedBy), writeOptions),
  );
  return { seedSetId: seedSet.id, file: displayFile, ...counts };
}

/**
 * The provenance a seed load stamps: the set's `enteredBy`, and `seed:<id> (<file>)`, with who ran
 * the load when known. The bulk load (src/ingest/bulk/) stamps the same.
 */
export function seedProvenance(valid: ValidSeedSet, loadedBy?: string): Provenance {
  return {
    enteredBy: valid.seedSet.enteredBy,
    enteredVia: `seed:${valid.seedSet.id} (${valid.file})${loadedBy ? ` loaded by ${loadedBy}` : ''}`,
  };
}

/**
 * The one write path for data entering the graph as a seed set (seed files, the editor's desk):
 * inside the caller's transaction, checks that every record marked `existing` is in the graph,
 * then writes the plan. Throws BAD_USER_INPUT naming each missing reference; nothing is written.
 */
export async function writeValidSeedSet(
  scope: WriteScope,
  valid: ValidSeedSet,
  provenance: Provenance,
  options: WriteOptions = {},
): Promise<WriteCounts> {
  const missing = await missingReferences(scope, existingReferences(valid.seedSet));
  if (missing.length > 0) {
    throw new AppError(
      'BAD_USER_INPUT',
      `${missing.length} record(s) are marked existing but are not in the graph; nothing was written:\n` +
        missing
          .map((reference) => `${reference.field}: no ${reference.label} "${reference.id}"`)
          .join('\n'),
      { problems: missing.map(({ field, id }) => ({ field, id })) },
    );
  }
  return writeGraphPlan(scope, planSeedLoad(valid), provenance, options);
}

/** The records a set marks `existing`: references the graph must already hold. */
export function existingReferences(seedSet: SeedSet): NodeReference[] {
  const sections = [
    ['sources', Label.Source],
    ['actors', Label.Actor],
    ['claims', Label.Claim],
  ] as const;
  return sections.flatMap(([section, label]) =>
    seedSet[section].flatMap((record, index) =>
      record.resolution?.status === 'existing'
        ? [{ field: `${section}[${index}] (${record.id})`, label, id: record.id }]
        : [],
    ),
  );
}
