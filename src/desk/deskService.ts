import { randomBytes } from 'node:crypto';
import type { Caller } from '../auth/apiKeys.js';
import { insertDraft, listDrafts, lockDraft, readDraft, saveDraft } from '../db/draftStore.js';
import type { StoredDraft } from '../db/draftStore.js';
import type { Executor } from '../db/executor.js';
import { existingNodes } from '../db/existingNodes.js';
import { Label } from '../db/graphVocabulary.js';
import { readKnownActors } from '../db/knownActorsQuery.js';
import { AppError } from '../errors/appError.js';
import type { KnownActor } from '../extract/articleInput.js';
import { extractArticle } from '../extract/extractArticle.js';
import { articleInputProblems, MAX_ARTICLE_CHARACTERS, type DraftRequest } from './draftRequest.js';
import { matchDraft, candidateMatch } from './matchDraft.js';
import { articleTextFile, commitPlan } from './commitSet.js';
import { extractedBy, writeCommit } from './commitWrite.js';
import type {
  CopyReview,
  DeskArticle,
  DeskDraft,
  DraftStatus,
  ItemDecision,
  Stance,
} from './deskDraft.js';
import { sharedTextWith } from '../reuse/reuseService.js';
import { newDeskDraft, withArticleSourceId } from './newDraft.js';
import {
  applyCitationUpdate,
  applyCopyUpdate,
  applyItemUpdate,
  assertEditable,
  discarded,
  type ResolvedItemUpdate,
} from './reviewDraft.js';
import { readSavedPage } from './savedPage.js';
import { withSpeakerCitations } from './speakerCitations.js';
import { typedSpeaker } from './typedSpeaker.js';

/*
 * The editor's desk: the I/O around the pure draft logic of this folder. Every change to a
 * draft runs in one write transaction that first locks the draft, so editors working on the
 * same draft are serialised; different drafts never wait for each other. A commit validates and
 * writes through the seed loader's path (writeValidSeedSet) in that same transaction.
 */

/** An editor's change to items, as the API receives it. */
export interface ItemUpdateRequest {
  readonly decision?: ItemDecision | null;
  readonly actorId?: string | null;
  readonly actorName?: string | null;
  readonly stance?: Stance | null;
  readonly claimText?: string | null;
  readonly claimMatchId?: string | null;
  readonly claimIsNew?: boolean | null;
}

/** Extracts an article (text or saved page) into a new OPEN draft, matched against the graph. */
export async function createDraft(
  executor: Executor,
  caller: Caller,
  request: DraftRequest,
): Promise<DeskDraft> {
  const problems = articleInputProblems(request);
  if (problems.length > 0)
    throw new AppError(
      'BAD_USER_INPUT',
      problems.map((p) => `${p.field}: ${p.message}`).join('; '),
      {
        field: problems[0]!.field,
        problems,
      },
    );
  const article = deskArticle(request);
  if (article.text.trim().length === 0 || article.text.length > MAX_ARTICLE_CHARACTERS)
    throw new AppError(
      'BAD_USER_INPUT',
      `input.html: the page's article text must be 1 to ${MAX_ARTICLE_CHARACTERS} characters`,
      { field: 'input.html' },
    );
  const knownActors = (await readKnownActors(executor)) as KnownActor[];
  const named = withArticleSourceId(
    extractArticle(
      {
        text: article.text,
        title: article.title,
        url: article.url,
        publisher: article.publisher,
        published: article.published,
      },
      { knownActors },
    ),
    article,
  );
  const { extracted, optionalIds } = withSpeakerCitations(named);
  const { claimMatches, citationCandidates } = await matchDraft(executor, extracted, knownActors);
  const copies = await copyProposals(executor, article);
  const draft = newDeskDraft({
    id: `draft-${randomBytes(6).toString('hex')}`,
    editor: caller.name,
    now: new Date().toISOString(),
    article,
    extracted,
    claimMatches,
    citationCandidates,
    optionalCitations: optionalIds,
    copies,
  });
  await insertDraft(executor, stored(draft));
  return draft;
}

/** A draft by id, or undefined. */
export async function getDraft(executor: Executor, id: string): Promise<DeskDraft | undefined> {
  const row = await readDraft(executor, id);
  return row ? parsed(row) : undefined;
}

/** Drafts newest first. */
export async function findDrafts(
  executor: Executor,
  status: DraftStatus | null,
  limit: number,
): Promise<DeskDraft[]> {
  return (await listDrafts(executor, status, limit)).map(parsed);
}

/** Applies one change to items of an OPEN draft. */
export async function updateDraftItems(
  executor: Executor,
  caller: Caller,
  draftId: string,
  itemIds: readonly string[],
  request: ItemUpdateRequest,
  revision?: number | null,
): Promise<DeskDraft> {
  // Names and claims are resolved against the graph before the draft is locked: reads only.
  const current = await mustExist(executor, draftId);
  const update = await resolveUpdate(executor, current, itemIds, request);
  return changeDraft(executor, draftId, revision, (draft) =>
    applyItemUpdate(draft, itemIds, update, change(caller)),
  );
}

/** Links a citation of an OPEN draft to one of its proposed sources, or to a new placeholder. */
export async function updateDraftCitation(
  executor: Executor,
  caller: Caller,
  draftId: string,
  citationId: string,
  update: { sourceId?: string | null; asNew?: boolean | null },
  revision?: number | null,
): Promise<DeskDraft> {
  return changeDraft(executor, draftId, revision, (draft) =>
    applyCitationUpdate(
      draft,
      citationId,
      {
        ...(update.sourceId ? { sourceId: update.sourceId } : {}),
        ...(update.asNew ? { asNew: true } : {}),
      },
      change(caller),
    ),
  );
}

/** Confirms or withdraws a proposed copy link of an OPEN draft. */
export async function updateDraftCopy(
  executor: Executor,
  caller: Caller,
  draftId: string,
  sourceId: string,
  confirmed: boolean,
  revision?: number | null,
): Promise<DeskDraft> {
  return changeDraft(executor, draftId, revision, (draft) =>
    applyCopyUpdate(draft, sourceId, confirmed, change(caller)),
  );
}

/** Abandons an OPEN draft. */
export async function discardDraft(
  executor: Executor,
  caller: Caller,
  draftId: string,
): Promise<DeskDraft> {
  return executor.writeTransaction('desk:discardDraft', async (scope) => {
    const draft = await locked(scope, draftId);
    const next = discarded(draft, change(caller));
    if (next !== draft) await saveDraft(scope, stored(next));
    return next;
  });
}

/**
 * Commits a draft in one transaction: plan the accepted items, refuse a stale match (CONFLICT),
 * give colliding ids the draft's key, validate like a seed file, write through the seed loader's
 * path stamped `desk:<draft id>`, and mark the draft committed. A committed draft is returned
 * as it is: committing twice writes nothing.
 */
export async function commitDraft(
  executor: Executor,
  caller: Caller,
  draftId: string,
): Promise<DeskDraft> {
  return executor.writeTransaction('desk:commitDraft', async (scope) => {
    const draft = await locked(scope, draftId);
    if (draft.status === 'committed') return draft;
    assertEditable(draft);
    const plan = commitPlan(draft, caller.name);
    const matched = await existingNodes(scope, Label.Claim, [...plan.matchedRevisions.keys()]);
    const stale = [...plan.matchedRevisions].filter(
      ([id, revision]) => Number(matched.get(id)?.revision ?? NaN) !== revision,
    );
    if (stale.length > 0)
      throw new AppError(
        'CONFLICT',
        `The graph changed since this draft was matched: ${stale
          .map(([id]) =>
            matched.has(id) ? `claim "${id}" was corrected` : `claim "${id}" is gone`,
          )
          .join('; ')}. Pick the claim match again; nothing was written.`,
        { claimIds: stale.map(([id]) => id) },
      );
    const { seedSet, counts, renames } = await writeCommit(
      scope,
      plan.seedSet,
      (file) => (file === articleTextFile ? draft.article.text : undefined),
      {
        editor: caller.name,
        deskVia: `desk:${draft.id}`,
        extractedBy: extractedBy(draft.extracted),
        draftKey: draft.id.replace(/^draft-/, ''),
      },
    );
    const committedAt = new Date().toISOString();
    const next: DeskDraft = {
      ...draft,
      status: 'committed',
      revision: draft.revision + 1,
      updatedBy: caller.name,
      updatedAt: committedAt,
      committed: {
        committedAt,
        committedBy: caller.name,
        sourceId: seedSet.sources[0]!.id,
        claimIds: seedSet.claims.map((claim) => claim.id),
        attributionIds: seedSet.attributions.map((attribution) => attribution.id),
        nodesCreated: counts.nodesCreated,
        relationshipsCreated: counts.relationshipsCreated,
        renamed: Object.fromEntries(renames),
      },
    };
    await saveDraft(scope, stored(next));
    return next;
  });
}

async function resolveUpdate(
  executor: Executor,
  draft: DeskDraft,
  itemIds: readonly string[],
  request: ItemUpdateRequest,
): Promise<ResolvedItemUpdate> {
  if (request.actorId && request.actorName)
    throw new AppError('BAD_USER_INPUT', 'update: give actorId or actorName, not both', {
      field: 'update.actorName',
    });
  if (request.claimMatchId && request.claimIsNew)
    throw new AppError('BAD_USER_INPUT', 'update: give claimMatchId or claimIsNew, not both', {
      field: 'update.claimIsNew',
    });
  let addActor: ResolvedItemUpdate['addActor'];
  let actorId = request.actorId ?? undefined;
  // The graph's actors, read once however many parts of the update need them.
  let knownActors: Promise<KnownActor[]> | undefined;
  const known = () => (knownActors ??= readKnownActors(executor) as Promise<KnownActor[]>);
  if (request.actorName) {
    addActor = typedSpeaker(request.actorName, await known(), draft);
  } else if (actorId && !draftActorIds(draft).has(actorId)) {
    // An actor of the graph the draft did not mention: added as a reference to it.
    const actor = (await known()).find((candidate) => candidate.id === actorId);
    if (!actor)
      throw new AppError('BAD_USER_INPUT', `update.actorId: no actor has id "${actorId}"`, {
        field: 'update.actorId',
      });
    addActor = {
      id: actor.id,
      kind: actor.kind,
      name: actor.name,
      aliases: actor.aliases,
      anonymous: actor.anonymous,
      affiliations: [],
      resolution: { status: 'existing', reason: 'chosen by the editor', score: 1 },
    };
    actorId = undefined;
  }
  let claimMatch: ResolvedItemUpdate['claimMatch'];
  if (request.claimIsNew) claimMatch = 'new';
  else if (request.claimMatchId) {
    claimMatch = await candidateMatch(
      executor,
      draft,
      itemIds,
      request.claimMatchId,
      await known(),
    );
  }
  return {
    ...(request.decision ? { decision: request.decision } : {}),
    ...(actorId ? { actorId } : {}),
    ...(addActor ? { addActor } : {}),
    ...(request.stance ? { stance: request.stance } : {}),
    ...(typeof request.claimText === 'string' ? { claimText: request.claimText } : {}),
    ...(claimMatch ? { claimMatch } : {}),
  };
}

function draftActorIds(draft: DeskDraft): Set<string> {
  return new Set([...draft.extracted.actors, ...draft.addedActors].map((actor) => actor.id));
}

async function changeDraft(
  executor: Executor,
  draftId: string,
  revision: number | null | undefined,
  apply: (draft: DeskDraft) => DeskDraft,
): Promise<DeskDraft> {
  return executor.writeTransaction('desk:updateDraft', async (scope) => {
    const draft = await locked(scope, draftId);
    assertEditable(draft, revision);
    const next = apply(draft);
    await saveDraft(scope, stored(next));
    return next;
  });
}

async function locked(scope: Parameters<typeof lockDraft>[0], draftId: string) {
  const row = await lockDraft(scope, draftId);
  if (!row) throw new AppError('NOT_FOUND', `No draft has id "${draftId}".`, { field: 'id' });
  return parsed(row);
}

async function mustExist(executor: Executor, draftId: string): Promise<DeskDraft> {
  const draft = await getDraft(executor, draftId);
  if (!draft)
    throw new AppError('NOT_FOUND', `No draft has id "${draftId}".`, { field: 'draftId' });
  return draft;
}

function change(caller: Caller) {
  return { editor: caller.name, now: new Date().toISOString() };
}

/** The stored sources the article shares passages with, as unconfirmed copy proposals. */
async function copyProposals(executor: Executor, article: DeskArticle): Promise<CopyReview[]> {
  const shared = await sharedTextWith(executor, {
    text: article.text,
    publishedFrom: article.published ?? null,
    publishedTo: article.published ?? null,
  });
  return shared.map((entry) => ({
    sourceId: entry.source.id,
    title: entry.source.title,
    kind: entry.source.kind,
    passages: entry.passages.map((passage) => ({
      start: passage.thisStart,
      end: passage.thisEnd,
      originalStart: passage.otherStart,
      originalEnd: passage.otherEnd,
      words: passage.words,
      originalText: (entry.source.text ?? '').slice(passage.otherStart, passage.otherEnd),
    })),
    shareOfDraft: Math.round(entry.shareOfThis * 10_000) / 10_000,
    shareOfSource: Math.round(entry.shareOfOther * 10_000) / 10_000,
    publishedFirst: entry.publishedFirst,
    confirmed: false,
  }));
}

function deskArticle(request: DraftRequest): DeskArticle {
  const fromPage = request.html
    ? readSavedPage(request.html, request.url ? { url: request.url } : {})
    : undefined;
  const pick = (given: string | null | undefined, read: string | undefined) =>
    given && given.trim() !== '' ? given.trim() : read;
  const article: DeskArticle = {
    text: fromPage ? fromPage.text : request.text!,
    title: pick(request.title, fromPage?.title),
    publisher: pick(request.publisher, fromPage?.siteName),
    url: pick(request.url, fromPage?.url),
    published: pick(request.published, fromPage?.published),
    byline: fromPage?.byline,
  };
  return Object.fromEntries(
    Object.entries(article).filter(([, value]) => value !== undefined),
  ) as unknown as DeskArticle;
}

function stored(draft: DeskDraft): StoredDraft {
  return {
    id: draft.id,
    status: draft.status,
    createdBy: draft.createdBy,
    createdAt: draft.createdAt,
    updatedBy: draft.updatedBy,
    updatedAt: draft.updatedAt,
    revision: draft.revision,
    title: draft.article.title ?? null,
    document: JSON.stringify(draft),
  };
}

function parsed(row: StoredDraft): DeskDraft {
  return JSON.parse(row.document) as DeskDraft;
}
