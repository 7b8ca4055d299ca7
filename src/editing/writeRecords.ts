import type { Caller } from '../auth/apiKeys.js';
import type { Executor } from '../db/executor.js';
import { missingReferences, type NodeReference } from '../db/existingNodes.js';
import type { GraphWritePlan } from '../db/graphWritePlan.js';
import { writeGraphPlan } from '../db/writeGraphPlan.js';
import { AppError } from '../errors/appError.js';

/** What one editing mutation writes and what it must find already in the graph. */
export interface EditingWrite {
  /** The mutation's name, stamped as `mutation:<name>`. */
  readonly mutation: string;
  readonly plan: GraphWritePlan;
  /** Nodes the write links to, each with the input field that names it. */
  readonly references: readonly NodeReference[];
  /**
   * Absent: an existing node with other content is a CONFLICT (use a correction). Given: other
   * content replaces it, and the old version is kept as a Revision with the reason.
   */
  readonly correction?: { readonly reason: string };
}

/**
 * Runs an editing write in one transaction: references must exist, existing nodes must not
 * change unless correcting, then everything is written or nothing is. Stamped with the caller.
 */
export async function writeRecords(
  executor: Executor,
  caller: Caller,
  write: EditingWrite,
): Promise<void> {
  await executor.writeTransaction(`mutation:${write.mutation}`, async (scope) => {
    const missing = await missingReferences(scope, write.references);
    if (missing.length > 0) {
      throw new AppError(
        'BAD_USER_INPUT',
        missing
          .map((reference) => `${reference.field}: no ${reference.label} has id "${reference.id}"`)
          .join('; '),
        { field: missing[0]!.field, problems: missing.map(({ field, id }) => ({ field, id })) },
      );
    }
    await writeGraphPlan(
      scope,
      write.plan,
      { enteredBy: caller.name, enteredVia: `mutation:${write.mutation}` },
      write.correction ? { correction: write.correction } : {},
    );
  });
}
