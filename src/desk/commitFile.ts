import type { Caller } from '../auth/apiKeys.js';
import type { Executor } from '../db/executor.js';
import { AppError } from '../errors/appError.js';
import type { SeedSet } from '../ingest/seedFormat.js';
import {
  formatSeedProblem,
  seedFileTextReader,
  validateSeedFile,
} from '../ingest/validateSeedSet.js';
import { extractedBy, writeCommit, type CommitResult } from './commitWrite.js';

/**
 * Commits a draft reviewed as a file (`claimgraph extract` output, edited by hand): everything
 * left in the file is accepted; a record marked `resolution: {status: existing}` is a reference
 * to the graph's node with that id (a claim, actor or source), not written again. A claim marked
 * existing that still lists figures hands them to its attributions, as this article's own
 * figures. Validated in full first, then written in one transaction stamped `desk:<set id>`;
 * committing the same file again changes nothing. Committing it again after editing records it
 * wrote is refused (CONFLICT) unless `correction` is given: then the edited records are
 * corrected, each keeping its previous version as history with the reason.
 */
export async function commitDraftFile(
  executor: Executor,
  caller: Caller,
  file: string,
  correction?: { readonly reason: string },
): Promise<CommitResult> {
  const validation = validateSeedFile(file);
  if (!validation.ok)
    throw new AppError(
      'BAD_USER_INPUT',
      `The draft file has ${validation.problems.length} problem(s); nothing was written:\n` +
        validation.problems.map(formatSeedProblem).join('\n'),
      { problems: validation.problems },
    );
  const seedSet = withFiguresOnAttributions({
    ...validation.value.seedSet,
    enteredBy: caller.name,
  });
  const readText = seedFileTextReader(file);
  return executor.writeTransaction(`desk:${seedSet.id}`, (scope) =>
    writeCommit(scope, seedSet, readText, {
      editor: caller.name,
      deskVia: `desk:${seedSet.id}`,
      extractedBy: extractedBy(seedSet),
      draftKey: seedSet.id.replace(/^draft-/, '').slice(0, 40),
      ...(correction ? { correction } : {}),
    }),
  );
}

/**
 * A claim marked existing keeps the graph's figures; the figures the file gives it are what this
 * article states, so they move to the claim's attributions (those without figures of their own).
 */
export function withFiguresOnAttributions(seedSet: SeedSet): SeedSet {
  const statedFigures = new Map(
    seedSet.claims
      .filter((claim) => claim.resolution?.status === 'existing' && claim.quantities.length > 0)
      .map((claim) => [
        claim.id,
        claim.quantities.map(({ raw, value, unit, kind }) => ({ raw, value, unit, kind })),
      ]),
  );
  if (statedFigures.size === 0) return seedSet;
  return {
    ...seedSet,
    claims: seedSet.claims.map((claim) =>
      statedFigures.has(claim.id) ? { ...claim, quantities: [] } : claim,
    ),
    attributions: seedSet.attributions.map((attribution) =>
      attribution.figures.length === 0 && statedFigures.has(attribution.claim)
        ? { ...attribution, figures: statedFigures.get(attribution.claim)! }
        : attribution,
    ),
  };
}
