import type { Executor } from '../db/executor.js';
import { writeGraphPlan, type WriteCounts, type WriteProgress } from '../db/writeGraphPlan.js';
import { AppError } from '../errors/appError.js';
import { planSeedLoad } from './planSeedLoad.js';
import { formatSeedProblem, validateSeedFile, type ValidSeedSet } from './validateSeedSet.js';

/** What a load did. */
export interface SeedLoadReport extends WriteCounts {
  readonly seedSetId: string;
  readonly file: string;
}

/**
 * Validates the whole file, then writes it in one transaction: all or nothing. Loading the same
 * file again changes nothing (stable ids, content hashes). Throws BAD_USER_INPUT listing every
 * problem before any write.
 */
export async function loadSeedFile(
  executor: Executor,
  file: string,
  onProgress?: WriteProgress,
  /** The API key name of whoever ran the load (the CLI), recorded with the seed's provenance. */
  loadedBy?: string,
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
  return loadValidSeedSet(executor, validation.value, onProgress, loadedBy);
}

/**
 * Writes a seed set that passed validation in one transaction: all or nothing. The second half
 * of loadSeedFile, for callers that validated seed data held in memory (validateSeedData).
 */
export async function loadValidSeedSet(
  executor: Executor,
  valid: ValidSeedSet,
  onProgress?: WriteProgress,
  loadedBy?: string,
): Promise<SeedLoadReport> {
  const { seedSet, file: displayFile } = valid;
  const plan = planSeedLoad(valid);
  const counts = await executor.writeTransaction(`seed:${seedSet.id}`, (scope) =>
    writeGraphPlan(
      scope,
      plan,
      {
        enteredBy: seedSet.enteredBy,
        enteredVia: `seed:${seedSet.id} (${displayFile})${loadedBy ? ` loaded by ${loadedBy}` : ''}`,
      },
      onProgress,
    ),
  );
  return { seedSetId: seedSet.id, file: displayFile, ...counts };
}
