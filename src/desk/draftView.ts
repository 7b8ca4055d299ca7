import type { SeedActor, SeedClaim } from '../ingest/seedFormat.js';
import { draftCitations } from './citations.js';
import { draftActors, type DeskDraft } from './deskDraft.js';

/*
 * A draft as the desk shows it: each item with its speaker, stance and claim as currently
 * chosen, the claims and citations with their matches, and the figure conflicts. Pure; the
 * GraphQL resolvers (src/graphql/resolvers/deskResolvers.ts) turn the ids into graph nodes.
 */

/** A speaker or outlet as reviewed. */
export interface ActorView {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly anonymous: boolean;
  readonly existing: boolean;
  readonly score: number;
  readonly reason: string;
}

/** A figure of a drafted claim. */
export interface FigureView {
  readonly raw: string;
  readonly value: number;
  readonly unit: string;
  readonly kind: string;
  readonly changeRaw?: string;
  readonly changeValue?: number;
  readonly changeBasis?: string;
}

/** A drafted claim as reviewed. */
export interface ClaimView {
  readonly id: string;
  readonly text: string;
  readonly extractedText: string;
  readonly figures: FigureView[];
  readonly refersTo?: SeedClaim['refersTo'];
  readonly matches: MatchView[];
  readonly chosen: MatchView | null;
}

/** A match of a claim or source, by the graph node's id. */
export interface MatchView {
  readonly id: string;
  readonly score: number;
  readonly tier: string;
  readonly reason: string;
}

/** A figure this article states differently from its matched claim. */
export interface FigureConflictView {
  readonly draftClaimId: string;
  readonly claimId: string;
  readonly unit: string;
  readonly draftValue: number;
  readonly draftRaw: string;
  readonly graphValue: number;
  readonly graphRaw: string;
}

/** The items, claims, actors, citations, conflicts and counts of a draft. */
export function draftView(draft: DeskDraft) {
  const actors = new Map(draftActors(draft).map((actor) => [actor.id, actorView(actor)]));
  const claims = new Map(
    draft.extracted.claims.map((claim) => {
      const review = draft.claims[claim.id];
      const matches = (review?.matches ?? []).map(claimMatchView);
      return [
        claim.id,
        {
          id: claim.id,
          text: review?.text ?? claim.text,
          extractedText: claim.text,
          figures: claim.quantities.map(figureView),
          ...(claim.refersTo ? { refersTo: claim.refersTo } : {}),
          matches,
          chosen: review?.chosen ? claimMatchView(review.chosen) : null,
        } satisfies ClaimView,
      ];
    }),
  );
  const items = draft.extracted.attributions.map((attribution) => {
    const review = draft.items[attribution.id] ?? { decision: 'pending' };
    const actorId = review.actorId ?? attribution.actor;
    const edited =
      (review.actorId !== undefined && review.actorId !== attribution.actor) ||
      (review.stance !== undefined && review.stance !== attribution.stance) ||
      draft.claims[attribution.claim]?.text !== undefined;
    return {
      ...attribution,
      decision: review.decision,
      edited,
      actor: actors.get(actorId)!,
      claim: claims.get(attribution.claim)!,
      stance: review.stance ?? attribution.stance,
      quoteStart: attribution.start,
      quoteEnd: attribution.end,
      confidence: attribution.confidence ?? 0,
      evidence: attribution.evidence ?? [],
    };
  });
  const usedActors = new Set(items.map((item) => item.actor.id));
  const citations = draftCitations(draft).map((source) => {
    const review = draft.citations[source.id];
    return {
      id: source.id,
      title: source.title,
      kind: source.kind,
      publisher: source.publisher ? (actors.get(source.publisher) ?? null) : null,
      matches: (review?.matches ?? []).map(sourceMatchView),
      chosen: review?.chosen ? sourceMatchView(review.chosen) : null,
      evidence: source.evidence ?? [],
      optional: review?.optional === true,
    };
  });
  for (const citation of citations) if (citation.publisher) usedActors.add(citation.publisher.id);
  const figureConflicts: FigureConflictView[] = draft.extracted.claims.flatMap((claim) => {
    const chosen = draft.claims[claim.id]?.chosen;
    return (chosen?.figureDifferences ?? []).map((difference) => ({
      draftClaimId: claim.id,
      claimId: chosen!.claimId,
      ...difference,
    }));
  });
  const copies = Object.values(draft.copies ?? {}).map((copy) => ({
    ...copy,
    passages: copy.passages.map((passage) => ({
      words: passage.words,
      thisStart: passage.start,
      thisEnd: passage.end,
      thisText: draft.article.text.slice(passage.start, passage.end),
      otherStart: passage.originalStart,
      otherEnd: passage.originalEnd,
      otherText: passage.originalText,
    })),
  }));
  const count = (decision: string) => items.filter((item) => item.decision === decision).length;
  return {
    items,
    claims: [...claims.values()],
    actors: [...actors.values()].filter((actor) => usedActors.has(actor.id)),
    citations,
    figureConflicts,
    copies,
    counts: { pending: count('pending'), accepted: count('accepted'), rejected: count('rejected') },
  };
}

function actorView(actor: SeedActor): ActorView {
  return {
    id: actor.id,
    name: actor.name,
    kind: actor.kind,
    anonymous: actor.anonymous,
    existing: actor.resolution?.status === 'existing',
    score: actor.resolution?.score ?? 0,
    reason: actor.resolution?.reason ?? '',
  };
}

function figureView(quantity: SeedClaim['quantities'][number]): FigureView {
  return {
    raw: quantity.raw,
    value: quantity.value,
    unit: quantity.unit,
    kind: quantity.kind,
    ...(quantity.change
      ? {
          changeRaw: quantity.change.raw,
          changeValue: quantity.change.value,
          changeBasis: quantity.change.basis,
        }
      : {}),
  };
}

function claimMatchView(match: {
  claimId: string;
  score: number;
  tier: string;
  reason: string;
}): MatchView {
  return { id: match.claimId, score: match.score, tier: match.tier, reason: match.reason };
}

function sourceMatchView(match: {
  sourceId: string;
  score: number;
  tier: string;
  reason: string;
}): MatchView {
  return { id: match.sourceId, score: match.score, tier: match.tier, reason: match.reason };
}
