import type { Caller } from '../auth/apiKeys.js';
import { correctLink, lockedLink, type LinkAddress } from '../db/correctionQueries.js';
import type { Executor } from '../db/executor.js';
import { missingReferences } from '../db/existingNodes.js';
import { claimRelationTypes } from '../db/graphVocabulary.js';
import { AppError } from '../errors/appError.js';
import { correctionReason } from './correctionReason.js';
import { refuseMalformedText } from './recordValidation.js';
import { citationLink, claimRelationLink } from './retractions.js';

/** Input of correctCitation: the citation as recorded, and the source it should cite. */
export interface CorrectCitationInput {
  sourceId: string;
  citesSourceId: string;
  newCitesSourceId: string;
  reason: string;
}

/**
 * Points a citation at the source it should have named. The link keeps its identity,
 * provenance and history (a Revision of the version before, with the reason).
 */
export async function correctCitation(
  executor: Executor,
  caller: Caller,
  input: CorrectCitationInput,
): Promise<string> {
  if (input.newCitesSourceId === input.sourceId)
    throw new AppError('BAD_USER_INPUT', 'input.newCitesSourceId: a source cannot cite itself', {
      field: 'input.newCitesSourceId',
    });
  const from = citationLink(input.sourceId, input.citesSourceId);
  await moveLink(executor, caller, 'correctCitation', input.reason, from, {
    to: input.newCitesSourceId,
    toField: 'input.newCitesSourceId',
    type: from.type,
    notes: undefined,
    missing: `no citation of "${input.citesSourceId}" by "${input.sourceId}"`,
  });
  return input.sourceId;
}

/** Input of correctClaimRelation: the relation as recorded and what it should be. */
export interface CorrectClaimRelationInput {
  fromId: string;
  type: keyof typeof claimRelationTypes;
  toId: string;
  newType?: keyof typeof claimRelationTypes | null;
  newToId?: string | null;
  /** Absent: kept; null: cleared. */
  notes?: string | null;
  reason: string;
}

/** Corrects a claim relation's type, target claim or notes, keeping its history. */
export async function correctClaimRelation(
  executor: Executor,
  caller: Caller,
  input: CorrectClaimRelationInput,
): Promise<string> {
  const to = input.newToId ?? input.toId;
  if (to === input.fromId)
    throw new AppError('BAD_USER_INPUT', 'input.newToId: a claim cannot relate to itself', {
      field: 'input.newToId',
    });
  if (input.notes && input.notes.length > 10_000)
    throw new AppError('BAD_USER_INPUT', 'input.notes: at most 10000 characters', {
      field: 'input.notes',
    });
  refuseMalformedText(input.notes, 'input.notes');
  await moveLink(
    executor,
    caller,
    'correctClaimRelation',
    input.reason,
    claimRelationLink(input.fromId, input.type, input.toId),
    {
      to,
      toField: 'input.newToId',
      type: claimRelationTypes[input.newType ?? input.type],
      notes: input.notes,
      missing: `claim "${input.fromId}" has no ${input.type} relation to "${input.toId}"`,
    },
  );
  return input.fromId;
}

async function moveLink(
  executor: Executor,
  caller: Caller,
  mutation: string,
  reasonText: string,
  link: LinkAddress,
  target: {
    to: string;
    toField: string;
    type: string;
    notes: string | null | undefined;
    missing: string;
  },
): Promise<void> {
  const { reason } = correctionReason(reasonText, 'input.reason');
  await executor.writeTransaction(`mutation:${mutation}`, async (scope) => {
    const stored = await lockedLink(scope, link);
    if (!stored) throw new AppError('NOT_FOUND', `${target.missing}.`);
    const [missing] = await missingReferences(scope, [
      { field: target.toField, label: link.toLabel, id: target.to },
    ]);
    if (missing)
      throw new AppError(
        'BAD_USER_INPUT',
        `${missing.field}: no ${missing.label} has id "${missing.id}"`,
        {
          field: missing.field,
        },
      );
    const moved = target.to !== link.to || target.type !== link.type;
    if (moved && (await lockedLink(scope, { ...link, type: target.type, to: target.to })))
      throw new AppError(
        'CONFLICT',
        `That link already exists (${target.type} from "${link.from}" to "${target.to}"); retract this one instead. Nothing was written.`,
      );
    const notes =
      target.notes === undefined
        ? typeof stored.notes === 'string'
          ? stored.notes
          : null
        : target.notes;
    if (!moved && notes === (stored.notes ?? null)) return;
    const corrected = await correctLink(
      scope,
      link,
      { notes, moveTo: { type: target.type, to: target.to } },
      {
        enteredBy: caller.name,
        enteredVia: `mutation:${mutation}`,
        now: new Date().toISOString(),
        reason,
      },
    );
    if (!corrected)
      throw new AppError(
        'CONFLICT',
        'The link changed while it was being corrected (another correction moved or replaced it); read it again. Nothing was written.',
      );
  });
}
