import { AppError } from '../errors/appError.js';
import { stances, type SeedActor } from '../ingest/seedFormat.js';
import { rerankCitations } from './citations.js';
import {
  draftActors,
  extractedAttribution,
  type DeskDraft,
  type ItemDecision,
  type Stance,
  type StoredClaimMatch,
} from './deskDraft.js';

/**
 * An editor's change to one item, with names and ids already resolved by the desk service
 * (a typed speaker is an actor record; a picked claim is a match with its revision).
 */
export interface ResolvedItemUpdate {
  readonly decision?: ItemDecision;
  readonly actorId?: string;
  /** A speaker the draft did not have yet (typed by the editor); its id becomes the speaker. */
  readonly addActor?: SeedActor;
  readonly stance?: Stance;
  readonly claimText?: string;
  /** The existing claim to store the item's claim as, or `new` for a new claim. */
  readonly claimMatch?: StoredClaimMatch | 'new';
}

/** Who changes the draft, and when. */
export interface Change {
  readonly editor: string;
  readonly now: string;
}

const MAX_CLAIM_TEXT = 10_000;

/** Refuses changes to a draft that is not OPEN (CONFLICT) and a stale revision (CONFLICT). */
export function assertEditable(draft: DeskDraft, revision?: number | null): void {
  if (draft.status !== 'open')
    throw new AppError(
      'CONFLICT',
      `Draft "${draft.id}" is ${draft.status}; it can no longer change.`,
    );
  if (revision !== undefined && revision !== null && revision !== draft.revision)
    throw new AppError(
      'CONFLICT',
      `Draft "${draft.id}" changed since you read it (revision ${revision}, now ${draft.revision}); reload it and try again.`,
      { revision: draft.revision },
    );
}

/** Applies one change to several items; NOT_FOUND for an item the draft does not have. Pure. */
export function applyItemUpdate(
  draft: DeskDraft,
  itemIds: readonly string[],
  update: ResolvedItemUpdate,
  change: Change,
): DeskDraft {
  if (itemIds.length === 0)
    throw new AppError('BAD_USER_INPUT', 'itemIds: name at least one item', { field: 'itemIds' });
  const addedActors =
    update.addActor && !draftActors(draft).some((actor) => actor.id === update.addActor!.id)
      ? [...draft.addedActors, update.addActor]
      : draft.addedActors;
  const actorIds = new Set([...draft.extracted.actors, ...addedActors].map((actor) => actor.id));
  const speaker = update.addActor?.id ?? update.actorId;
  if (speaker !== undefined && !actorIds.has(speaker))
    throw new AppError(
      'BAD_USER_INPUT',
      `update.actorId: "${speaker}" is not an actor of this draft or of the graph`,
      { field: 'update.actorId' },
    );
  if (update.stance !== undefined && !stances.includes(update.stance))
    throw new AppError('BAD_USER_INPUT', `update.stance: unknown stance "${update.stance}"`, {
      field: 'update.stance',
    });
  const claimText = update.claimText?.trim();
  if (claimText !== undefined && (claimText.length === 0 || claimText.length > MAX_CLAIM_TEXT))
    throw new AppError(
      'BAD_USER_INPUT',
      `update.claimText: must be 1 to ${MAX_CLAIM_TEXT} characters`,
      { field: 'update.claimText' },
    );

  const items = { ...draft.items };
  const claims = { ...draft.claims };
  for (const itemId of itemIds) {
    const attribution = extractedAttribution(draft, itemId);
    const review = items[itemId];
    if (!attribution || !review)
      throw new AppError('NOT_FOUND', `Draft "${draft.id}" has no item "${itemId}".`, {
        field: 'itemId',
      });
    items[itemId] = {
      ...review,
      ...(update.decision !== undefined ? { decision: update.decision } : {}),
      ...(speaker !== undefined ? { actorId: speaker } : {}),
      ...(update.stance !== undefined ? { stance: update.stance } : {}),
    };
    const claim = claims[attribution.claim];
    if (claim && (claimText !== undefined || update.claimMatch !== undefined)) {
      claims[attribution.claim] = {
        ...claim,
        ...(claimText !== undefined ? { text: claimText } : {}),
        ...(update.claimMatch !== undefined
          ? { chosen: update.claimMatch === 'new' ? null : update.claimMatch }
          : {}),
      };
    }
  }
  const changed: DeskDraft = {
    ...draft,
    items,
    claims,
    addedActors,
    ...bumped(draft, change),
  };
  return update.claimMatch !== undefined ? rerankCitations(changed) : changed;
}

/** Links a citation to one of its candidate sources, or to a new placeholder. Pure. */
export function applyCitationUpdate(
  draft: DeskDraft,
  citationId: string,
  update: { readonly sourceId?: string; readonly asNew?: boolean },
  change: Change,
): DeskDraft {
  const review = draft.citations[citationId];
  if (!review)
    throw new AppError('NOT_FOUND', `Draft "${draft.id}" has no citation "${citationId}".`, {
      field: 'citationId',
    });
  if ((update.sourceId === undefined) === (update.asNew !== true))
    throw new AppError('BAD_USER_INPUT', 'update: give either sourceId or asNew: true', {
      field: 'update',
    });
  let chosen = null;
  if (update.sourceId !== undefined) {
    chosen = review.matches.find((match) => match.sourceId === update.sourceId) ?? null;
    if (!chosen)
      throw new AppError(
        'BAD_USER_INPUT',
        `update.sourceId: "${update.sourceId}" is not among this citation's proposed sources (same publisher)`,
        { field: 'update.sourceId' },
      );
  }
  return {
    ...draft,
    citations: { ...draft.citations, [citationId]: { ...review, chosen, editorChose: true } },
    ...bumped(draft, change),
  };
}

/** Confirms (or withdraws) a proposed copy link to a stored source. Pure. */
export function applyCopyUpdate(
  draft: DeskDraft,
  sourceId: string,
  confirmed: boolean,
  change: Change,
): DeskDraft {
  const review = draft.copies?.[sourceId];
  if (!review)
    throw new AppError('NOT_FOUND', `Draft "${draft.id}" proposes no copy link to "${sourceId}".`, {
      field: 'sourceId',
    });
  return {
    ...draft,
    copies: { ...draft.copies, [sourceId]: { ...review, confirmed } },
    ...bumped(draft, change),
  };
}

/** Marks a draft discarded. */
export function discarded(draft: DeskDraft, change: Change): DeskDraft {
  if (draft.status === 'committed')
    throw new AppError('CONFLICT', `Draft "${draft.id}" is committed; it cannot be discarded.`);
  if (draft.status === 'discarded') return draft;
  return { ...draft, status: 'discarded', ...bumped(draft, change) };
}

function bumped(draft: DeskDraft, change: Change) {
  return { revision: draft.revision + 1, updatedBy: change.editor, updatedAt: change.now };
}
