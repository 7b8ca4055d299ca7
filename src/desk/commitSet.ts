import { AppError } from '../errors/appError.js';
import {
  sourceKinds,
  type SeedActor,
  type SeedAttribution,
  type SeedClaim,
  type SeedSet,
  type SeedSource,
} from '../ingest/seedFormat.js';
import { articleSourceId, draftActors, type DeskDraft } from './deskDraft.js';

/** The name a commit gives the article's text, so seed validation can read it (commitDraft). */
export const articleTextFile = 'desk:article-text';

/** What a commit writes and what must still hold when it does. */
export interface CommitPlan {
  /** The seed set to validate and write: new records, and references marked `existing`. */
  readonly seedSet: SeedSet;
  /** Matched claims with the revision they had when matched: a newer one means a stale draft. */
  readonly matchedRevisions: ReadonlyMap<string, number>;
}

/**
 * Turns a reviewed draft into the seed set its commit writes. Only ACCEPTED items are written,
 * with the editor's speaker, stance and claim text; a claim matched to the graph becomes a
 * reference to that claim (marked existing) and the attribution keeps the figures this article
 * states; a citation linked to a graph source becomes a reference to it. Quotes, offsets and
 * evidence stay as extracted. BAD_USER_INPUT when nothing is accepted. Pure.
 */
export function commitPlan(draft: DeskDraft, editor: string): CommitPlan {
  const extracted = draft.extracted;
  const accepted = extracted.attributions.filter(
    (attribution) => draft.items[attribution.id]?.decision === 'accepted',
  );
  if (accepted.length === 0)
    throw new AppError(
      'BAD_USER_INPUT',
      `Draft "${draft.id}" has no accepted item; accept at least one before committing.`,
    );

  const draftClaims = new Map(extracted.claims.map((claim) => [claim.id, claim]));
  const claimIdOf = (draftId: string) => draft.claims[draftId]?.chosen?.claimId ?? draftId;
  const claims = new Map<string, SeedClaim>();
  const matchedRevisions = new Map<string, number>();
  const attributions: SeedAttribution[] = accepted.map((attribution) => {
    const review = draft.items[attribution.id]!;
    const claimReview = draft.claims[attribution.claim];
    const drafted = draftClaims.get(attribution.claim)!;
    const chosen = claimReview?.chosen ?? null;
    if (chosen) {
      matchedRevisions.set(chosen.claimId, chosen.revision);
      claims.set(chosen.claimId, {
        id: chosen.claimId,
        text: claimReview?.text ?? drafted.text,
        topics: [],
        quantities: [],
        events: [],
        resolution: { status: 'existing', reason: chosen.reason, score: chosen.score },
      });
    } else if (!claims.has(drafted.id)) {
      claims.set(drafted.id, { ...drafted, text: claimReview?.text ?? drafted.text });
    }
    return {
      ...attribution,
      actor: review.actorId ?? attribution.actor,
      stance: review.stance ?? attribution.stance,
      claim: chosen ? chosen.claimId : drafted.id,
      // The figures as this article states them; the matched claim keeps its own.
      figures: chosen
        ? drafted.quantities.map(({ raw, value, unit, kind }) => ({ raw, value, unit, kind }))
        : [],
    };
  });

  const sources = withCopies(draft, citedSources(draft, new Set(claims.keys()), claimIdOf));
  const actorsById = new Map(draftActors(draft).map((actor) => [actor.id, actor]));
  const actorIds = new Set([
    ...attributions.map((attribution) => attribution.actor),
    ...sources.flatMap((source) => (source.publisher ? [source.publisher] : [])),
  ]);
  const actors: SeedActor[] = [...actorIds].map((id) => {
    const actor = actorsById.get(id);
    if (!actor)
      throw new AppError('BAD_USER_INPUT', `Draft "${draft.id}" names an unknown actor "${id}".`);
    return actor;
  });

  return {
    seedSet: {
      ...extracted,
      id: draft.id,
      description: `Committed at the editor's desk from draft ${draft.id}.`,
      enteredBy: editor,
      sources,
      actors,
      claims: [...claims.values()],
      attributions,
      claimRelations: [],
      events: [],
    },
    matchedRevisions,
  };
}

/**
 * The article with the copy links the editor confirmed, and a reference to each copied source
 * (marked existing) unless the set already holds it.
 */
function withCopies(draft: DeskDraft, sources: SeedSource[]): SeedSource[] {
  const confirmed = Object.values(draft.copies ?? {}).filter((copy) => copy.confirmed);
  if (confirmed.length === 0) return sources;
  const [article, ...rest] = sources;
  const held = new Set(sources.map((source) => source.id));
  const references: SeedSource[] = confirmed
    .filter((copy) => !held.has(copy.sourceId))
    .map((copy) => ({
      id: copy.sourceId,
      kind: (sourceKinds as readonly string[]).includes(copy.kind)
        ? (copy.kind as SeedSource['kind'])
        : 'unknown',
      title: copy.title,
      primary: false,
      cites: [],
      carries: [],
      copies: [],
      resolution: {
        status: 'existing',
        reason: 'a source of the graph the article copies',
        score: 1,
      },
    }));
  return [
    {
      ...article!,
      copies: confirmed.map((copy) => ({
        original: copy.sourceId,
        passages: copy.passages.map(({ start, end, originalStart, originalEnd, words }) => ({
          start,
          end,
          originalStart,
          originalEnd,
          words,
        })),
        shareOfCopier: copy.shareOfDraft,
        shareOfOriginal: copy.shareOfSource,
      })),
    },
    ...rest,
    ...references,
  ];
}

/**
 * The article and every source it cites, directly or through a relay: a citation linked to a
 * graph source becomes a reference to it, the others stay placeholders. What each carries is
 * narrowed to the claims written, mapped to their graph ids.
 */
function citedSources(
  draft: DeskDraft,
  writtenClaims: ReadonlySet<string>,
  claimIdOf: (draftId: string) => string,
): SeedSource[] {
  const article = articleSourceId(draft);
  const sourceIdOf = (id: string) => draft.citations[id]?.chosen?.sourceId ?? id;
  // An optional citation (a known speaker's own source) is written only as a chosen link.
  const dropped = new Set(
    Object.entries(draft.citations)
      .filter(([, review]) => review.optional === true && !review.chosen)
      .map(([id]) => id),
  );
  const byId = new Map<string, SeedSource>();
  for (const source of draft.extracted.sources) {
    if (dropped.has(source.id)) continue;
    const chosen = draft.citations[source.id]?.chosen;
    const id = sourceIdOf(source.id);
    const carries = source.carries.map(claimIdOf).filter((claim) => writtenClaims.has(claim));
    const cites = source.cites
      .filter((cited) => !dropped.has(cited))
      .map(sourceIdOf)
      .filter((cited) => cited !== id);
    const record: SeedSource = chosen
      ? {
          id,
          kind: source.kind,
          title: chosen.title,
          primary: false,
          cites,
          carries,
          copies: [],
          resolution: { status: 'existing', reason: chosen.reason, score: chosen.score },
        }
      : {
          ...source,
          cites,
          carries,
          ...(source.id === article ? { textFile: articleTextFile } : {}),
        };
    // Two placeholders linked to one graph source: one reference with both lists.
    const previous = byId.get(id);
    byId.set(
      id,
      previous
        ? {
            ...previous,
            cites: [...new Set([...previous.cites, ...record.cites])],
            carries: [...new Set([...previous.carries, ...record.carries])],
          }
        : record,
    );
  }
  return [...byId.values()];
}
