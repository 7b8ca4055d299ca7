import type { Caller } from '../auth/apiKeys.js';
import {
  lockedLink,
  lockedNode,
  retractLink,
  retractNode,
  type LinkAddress,
  type RevisionStamp,
} from '../db/correctionQueries.js';
import type { Executor } from '../db/executor.js';
import { Label, Rel, claimRelationTypes } from '../db/graphVocabulary.js';
import { AppError } from '../errors/appError.js';
import { correctionReason } from './correctionReason.js';

/*
 * Retraction instead of deletion (Wikidata's deprecated rank): a retracted attribution, citation
 * or claim relation stays in the graph with its reason, who retracted it and when, and a
 * Revision keeps the version before; reads leave it out unless asked (includeRetracted), and
 * sourcing analysis never counts it. Retracting again changes nothing.
 */

function stampOf(caller: Caller, mutation: string, reason: string): RevisionStamp {
  return {
    enteredBy: caller.name,
    enteredVia: `mutation:${mutation}`,
    now: new Date().toISOString(),
    reason: correctionReason(reason, 'reason').reason,
  };
}

/** Retracts an attribution; NOT_FOUND for an unknown id. Returns its id. */
export async function retractAttribution(
  executor: Executor,
  caller: Caller,
  id: string,
  reason: string,
): Promise<string> {
  const stamp = stampOf(caller, 'retractAttribution', reason);
  await executor.writeTransaction('mutation:retractAttribution', async (scope) => {
    if (!(await lockedNode(scope, Label.Attribution, id)))
      throw new AppError('NOT_FOUND', `id: no Attribution has id "${id}"`, { field: 'id' });
    await retractNode(scope, Label.Attribution, id, stamp);
  });
  return id;
}

/** The CITES link from one source to another. */
export function citationLink(sourceId: string, citesSourceId: string): LinkAddress {
  return {
    type: Rel.CITES,
    fromLabel: Label.Source,
    toLabel: Label.Source,
    from: sourceId,
    to: citesSourceId,
  };
}

/** The link of a claim relation (`supports`, `contradicts`, `responds-to`) between two claims. */
export function claimRelationLink(
  fromId: string,
  type: keyof typeof claimRelationTypes,
  toId: string,
): LinkAddress {
  return {
    type: claimRelationTypes[type],
    fromLabel: Label.Claim,
    toLabel: Label.Claim,
    from: fromId,
    to: toId,
  };
}

/** Retracts the citation of one source by another; NOT_FOUND when there is none. */
export async function retractCitation(
  executor: Executor,
  caller: Caller,
  sourceId: string,
  citesSourceId: string,
  reason: string,
): Promise<string> {
  await retractExistingLink(
    executor,
    stampOf(caller, 'retractCitation', reason),
    citationLink(sourceId, citesSourceId),
    `no citation of "${citesSourceId}" by "${sourceId}"`,
  );
  return sourceId;
}

/** Retracts a claim relation; NOT_FOUND when the claims are not related so. */
export async function retractClaimRelation(
  executor: Executor,
  caller: Caller,
  fromId: string,
  type: keyof typeof claimRelationTypes,
  toId: string,
  reason: string,
): Promise<string> {
  await retractExistingLink(
    executor,
    stampOf(caller, 'retractClaimRelation', reason),
    claimRelationLink(fromId, type, toId),
    `claim "${fromId}" has no ${type} relation to "${toId}"`,
  );
  return fromId;
}

async function retractExistingLink(
  executor: Executor,
  stamp: RevisionStamp,
  link: LinkAddress,
  notFound: string,
): Promise<void> {
  await executor.writeTransaction(stamp.enteredVia, async (scope) => {
    const stored = await lockedLink(scope, link);
    if (!stored) throw new AppError('NOT_FOUND', `${notFound}.`);
    if (stored.retracted === true) return;
    if (!(await retractLink(scope, link, stamp)))
      throw new AppError(
        'CONFLICT',
        'The link changed while it was being retracted (another correction moved it); read it again. Nothing was written.',
      );
  });
}
