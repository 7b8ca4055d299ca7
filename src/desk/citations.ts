import type { SeedSource } from '../ingest/seedFormat.js';
import { articleSourceId, draftActors, type CitationReview, type DeskDraft } from './deskDraft.js';
import { rankSourceMatches } from './matching/sourceMatching.js';

/** The draft's citations: every source it proposes besides the article itself. */
export function draftCitations(draft: DeskDraft): readonly SeedSource[] {
  const article = articleSourceId(draft);
  return draft.extracted.sources.filter((source) => source.id !== article);
}

/**
 * The graph claims a citation is cited for: the claims its placeholder carries and those of the
 * attributions spoken by its publisher, as matched; a credit line ("With input from Xinhua")
 * names no claim, so it stands for all of the article's matched claims.
 */
export function matchedClaimsOfCitation(draft: DeskDraft, source: SeedSource): string[] {
  const related = new Set(source.carries);
  for (const attribution of draft.extracted.attributions)
    if (attribution.actor === source.publisher) related.add(attribution.claim);
  const claimIds = related.size > 0 ? [...related] : draft.extracted.claims.map((c) => c.id);
  return claimIds.flatMap((id) => {
    const chosen = draft.claims[id]?.chosen;
    return chosen ? [chosen.claimId] : [];
  });
}

/**
 * Re-ranks every citation against its stored candidates with the current claim matches; a
 * citation the editor has not chosen for takes its best match, if it is of the match tier.
 */
export function rerankCitations(draft: DeskDraft): DeskDraft {
  const actors = new Map(draftActors(draft).map((actor) => [actor.id, actor]));
  const citations: Record<string, CitationReview> = {};
  for (const source of draftCitations(draft)) {
    const review = draft.citations[source.id];
    if (!review) continue;
    const publisher = source.publisher ? actors.get(source.publisher) : undefined;
    const matches = rankSourceMatches(
      {
        kind: source.kind,
        existingPublisherId:
          publisher?.resolution?.status === 'existing' ? publisher.id : undefined,
        publisherName: publisher?.name ?? 'an unknown publisher',
        matchedClaimIds: matchedClaimsOfCitation(draft, source),
      },
      review.candidates,
    );
    const best = matches[0];
    citations[source.id] = {
      ...review,
      matches,
      chosen: review.editorChose ? review.chosen : best && best.tier === 'match' ? best : null,
    };
  }
  return { ...draft, citations };
}
