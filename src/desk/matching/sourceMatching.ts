/*
 * Citations: "according to Xinhua", "(With input from Xinhua)", "CNCERT's annual report" become
 * placeholder sources in a draft. Proposing the graph's own source for each (the Xinhua report
 * the graph already has) is what joins the new article's sourcing chains to the graph's.
 */

/** A source of the graph that a draft's citation may be. */
export interface CitableSource {
  readonly id: string;
  readonly title: string;
  readonly kind: string;
  readonly publisherId: string;
  /** Claims of the graph it carries (of those the draft's claims were matched to). */
  readonly carries: readonly string[];
}

/** A drafted citation: a placeholder source, its publisher, and the claims it is cited for. */
export interface DraftedCitation {
  readonly kind: string;
  /** The publisher's id when the publisher is an actor already in the graph. */
  readonly existingPublisherId?: string;
  readonly publisherName: string;
  /** Graph claims the draft's claims (cited from this source) were matched to. */
  readonly matchedClaimIds: readonly string[];
}

/** A proposal: the citation is this source of the graph. */
export interface SourceMatchProposal {
  readonly sourceId: string;
  readonly title: string;
  readonly score: number;
  readonly tier: 'match' | 'suggestion';
  readonly reason: string;
}

/**
 * Ranks the graph's sources for one citation. Only sources of the same publisher are candidates
 * (an outlet's report is not another outlet's); one that carries a claim the draft's claims were
 * matched to is a match (it is the report the article relays); the same kind adds a little.
 * Best first, at most `limit`.
 */
export function rankSourceMatches(
  citation: DraftedCitation,
  candidates: readonly CitableSource[],
  limit = 5,
): SourceMatchProposal[] {
  if (citation.existingPublisherId === undefined) return [];
  return candidates
    .filter((source) => source.publisherId === citation.existingPublisherId)
    .map((source) => {
      const carried = source.carries.filter((id) => citation.matchedClaimIds.includes(id));
      const sameKind = source.kind === citation.kind;
      const score = 0.5 + (carried.length > 0 ? 0.35 : 0) + (sameKind ? 0.1 : 0);
      const reasons = [
        `published by ${citation.publisherName}`,
        carried.length > 0
          ? `carries the matched claim${carried.length > 1 ? 's' : ''} ${carried.join(', ')}`
          : 'carries none of the matched claims',
        sameKind ? `same kind (${source.kind})` : `kind ${source.kind}, not ${citation.kind}`,
      ];
      return {
        sourceId: source.id,
        title: source.title,
        score: Math.round(score * 100) / 100,
        tier: carried.length > 0 ? ('match' as const) : ('suggestion' as const),
        reason: reasons.join('; '),
      };
    })
    .sort((a, b) => b.score - a.score || a.sourceId.localeCompare(b.sourceId))
    .slice(0, limit);
}
