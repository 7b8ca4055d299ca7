import type { Executor } from '../db/executor.js';
import {
  claimCandidates,
  claimsAsCandidates,
  sourceCandidates,
  type ClaimCandidate,
} from '../db/matchCandidates.js';
import { AppError } from '../errors/appError.js';
import type { KnownActor } from '../extract/articleInput.js';
import type { SeedClaim, SeedSet } from '../ingest/seedFormat.js';
import type { DeskDraft, StoredClaimMatch } from './deskDraft.js';
import { rankClaimMatches, type MatchableClaim } from './matching/claimMatching.js';
import type { CitableSource } from './matching/sourceMatching.js';

/** How many full-text candidates each drafted claim is ranked against. */
const CLAIM_CANDIDATES = 25;

/** What matching a new draft against the graph gives. */
export interface DraftMatches {
  readonly claimMatches: Map<string, StoredClaimMatch[]>;
  readonly citationCandidates: Map<string, CitableSource[]>;
}

/**
 * Matches a draft against the graph: full-text candidates for every claim (one statement),
 * ranked by the claim matcher; and for every citation, the graph's sources of its publisher
 * with the candidate claims they carry (one statement), for the citation matcher.
 */
export async function matchDraft(
  executor: Executor,
  extracted: SeedSet,
  knownActors: readonly KnownActor[],
): Promise<DraftMatches> {
  const candidates = await claimCandidates(
    executor,
    extracted.claims.map((claim) => ({ key: claim.id, text: claim.text })),
    CLAIM_CANDIDATES,
  );
  const claimMatches = new Map<string, StoredClaimMatch[]>();
  for (const claim of extracted.claims) {
    const list = candidates.get(claim.id) ?? [];
    claimMatches.set(claim.id, ranked(matchable(claim, extracted), list, knownActors));
  }

  const actors = new Map(extracted.actors.map((actor) => [actor.id, actor]));
  const citations = extracted.sources.slice(1);
  const publisherIds = [
    ...new Set(
      citations.flatMap((source) => {
        const publisher = source.publisher ? actors.get(source.publisher) : undefined;
        return publisher?.resolution?.status === 'existing' ? [publisher.id] : [];
      }),
    ),
  ];
  const candidateClaimIds = [...new Set([...candidates.values()].flat().map((c) => c.id))];
  const sources = await sourceCandidates(executor, publisherIds, candidateClaimIds);
  const citationCandidates = new Map<string, CitableSource[]>(
    citations.map((source) => [
      source.id,
      sources.filter((candidate) => candidate.publisherId === source.publisher),
    ]),
  );
  return { claimMatches, citationCandidates };
}

/**
 * The match for a claim an editor picks for an item's claim: the draft's own proposal when it is
 * one, else the graph's claim ranked on its own (a weak match is still the editor's choice, kept
 * as a suggestion with its reason). BAD_USER_INPUT when no claim has that id.
 */
export async function candidateMatch(
  executor: Executor,
  draft: DeskDraft,
  itemIds: readonly string[],
  claimId: string,
  knownActors: readonly KnownActor[],
): Promise<StoredClaimMatch> {
  const attribution = draft.extracted.attributions.find((a) => itemIds.includes(a.id));
  const drafted = draft.extracted.claims.find((claim) => claim.id === attribution?.claim);
  const proposed = drafted
    ? draft.claims[drafted.id]?.matches.find((m) => m.claimId === claimId)
    : undefined;
  if (proposed) return proposed;
  const found = (await claimsAsCandidates(executor, [claimId])).get(claimId);
  if (!found)
    throw new AppError('BAD_USER_INPUT', `update.claimMatchId: no claim has id "${claimId}"`, {
      field: 'update.claimMatchId',
    });
  const [match] = drafted ? ranked(matchable(drafted, draft.extracted), [found], knownActors) : [];
  return (
    match ?? {
      claimId,
      score: 0,
      tier: 'suggestion',
      reason: 'chosen by the editor; the words are not close',
      figureDifferences: [],
      revision: found.revision,
    }
  );
}

function ranked(
  claim: MatchableClaim,
  candidates: readonly ClaimCandidate[],
  knownActors: readonly KnownActor[],
): StoredClaimMatch[] {
  const revisions = new Map(candidates.map((candidate) => [candidate.id, candidate.revision]));
  return rankClaimMatches(claim, candidates, { knownActors }).map((match) => ({
    ...match,
    revision: revisions.get(match.claimId) ?? 1,
  }));
}

function matchable(claim: SeedClaim, extracted: SeedSet): MatchableClaim {
  const actors = new Map(extracted.actors.map((actor) => [actor.id, actor]));
  return {
    id: claim.id,
    text: claim.text,
    quantities: claim.quantities,
    ...(claim.refersTo ? { refersTo: claim.refersTo } : {}),
    speakerIds: extracted.attributions
      .filter((attribution) => attribution.claim === claim.id)
      .map((attribution) => attribution.actor)
      .filter((id) => actors.get(id)?.resolution?.status === 'existing'),
  };
}
