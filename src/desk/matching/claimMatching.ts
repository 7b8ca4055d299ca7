import type { KnownActor } from '../../extract/articleInput.js';
import type { MentionIndex } from './actorMentions.js';
import { rolesReversed, sameParty } from './actorRoles.js';
import { analyseClaim, mentionIndexFor, type ClaimAnalysis } from './claimAnalysis.js';
import { compareFigures, type FigureComparison, type FigureDifference } from './claimFigures.js';
import { compareTimes } from './claimTimes.js';
import { oppositeWords } from './claimOpposites.js';
import { wordCloseness } from './claimWords.js';

export { figureDifferences, type FigureDifference } from './claimFigures.js';

/**
 * The editor's desk claim matcher: ranks the graph's claims against one drafted claim. The graph
 * stores each claim once however many outlets carry it, so a draft either is a claim already
 * there (a `match`: the words are close and figures, parties, roles, polarity and time agree,
 * i.e. the two are true or false under the same conditions) or it is not, and the closest claims
 * are `suggestion`s for the editor to confirm. Pure: the full-text prefilter is the database's.
 */

/** A claim as the matcher sees it (drafted or stored). */
export interface MatchableClaim {
  readonly id: string;
  readonly text: string;
  readonly quantities: readonly {
    readonly raw?: string;
    readonly value: number;
    readonly unit: string;
    readonly kind: string;
    /** A change the figure carries ("up 43 percent"), compared as a figure of its own. */
    readonly change?: { readonly raw?: string; readonly value: number; readonly unit: string };
  }[];
  readonly refersTo?: { readonly value: string; readonly precision: string } | undefined;
  /** Ids of actors who speak the claim (attributions), if known. */
  readonly speakerIds?: readonly string[];
}

/** One graph claim proposed for a draft, best first in rankClaimMatches' answer. */
export interface ClaimMatchProposal {
  readonly claimId: string;
  /** 0..1: word closeness, raised by agreeing figures and time, lowered by each disagreement. */
  readonly score: number;
  /** `match`: the same claim; `suggestion`: close, for the editor to judge. At most one match. */
  readonly tier: 'match' | 'suggestion';
  /** One line: what agreed and what did not. */
  readonly reason: string;
  /** Figures in the same unit with another value: the desk flags them as a figure conflict. */
  readonly figureDifferences: readonly FigureDifference[];
}

/** What rankClaimMatches can draw on, and how many proposals it returns. */
export interface ClaimMatchingOptions {
  /** Actors known to the graph, to find which actors each claim text mentions. */
  readonly knownActors?: readonly KnownActor[];
  /** At most this many proposals (default 5). */
  readonly limit?: number;
}

/** Below this a candidate is not worth the editor's time. */
const negligibleScore = 0.3;
/** A match needs at least this word closeness, whatever else agrees. */
const matchWords = 0.55;
/** And at least this score. */
const matchScore = 0.6;

interface Assessment {
  readonly proposal: Omit<ClaimMatchProposal, 'tier'>;
  readonly eligible: boolean;
}

const round = (value: number): number => Math.round(value * 1000) / 1000;

function figureReason(figures: FigureComparison): string {
  const agreed = figures.agreed.join(', ');
  const only = [
    ...(figures.onlyDraft.length > 0 ? [`only in draft: ${figures.onlyDraft.join(', ')}`] : []),
    ...(figures.onlyGraph.length > 0 ? [`only in graph: ${figures.onlyGraph.join(', ')}`] : []),
  ].join('; ');
  switch (figures.agreement) {
    case 'none':
      return 'no figures';
    case 'agree':
      return `figures agree (${agreed})`;
    case 'partial':
      return `figures agree (${agreed}); ${only}`;
    case 'one-sided':
      return `figures on one side (${only})`;
    case 'disjoint':
      return `figures in other units (${only})`;
    case 'conflict':
      return (
        `figures differ (${figures.differences
          .map((d) => `${d.unit} ${d.draftRaw} vs ${d.graphRaw}`)
          .join(', ')})` + (agreed === '' ? '' : `; agree (${agreed})`)
      );
  }
}

function assess(
  draft: ClaimAnalysis,
  draftSpeakers: readonly string[],
  candidate: MatchableClaim,
  graph: ClaimAnalysis,
  index: MentionIndex,
): Assessment {
  const words = wordCloseness(draft.words, graph.words);
  const figures = compareFigures(draft.quantities, graph.quantities);
  const times = compareTimes(draft, graph);
  const unmatched = (a: readonly string[], b: readonly string[]) =>
    a.filter((x) => !b.some((y) => sameParty(index, x, y)));
  const actorsDiffer =
    unmatched(draft.actors, graph.actors).length + unmatched(graph.actors, draft.actors).length > 0;
  const reversed = !actorsDiffer && rolesReversed(index, draft.roles, graph.roles);
  const lonelyNames = (a: ClaimAnalysis, b: ClaimAnalysis) =>
    a.names.filter((name) => !b.words.some((word) => word.stem === name));
  const namesOnlyDraft = lonelyNames(draft, graph);
  const namesOnlyGraph = lonelyNames(graph, draft);
  const namesDiffer = namesOnlyDraft.length + namesOnlyGraph.length > 0;
  const opposite = oppositeWords(draft.words, graph.words);
  const negationDiffers = draft.negations % 2 !== graph.negations % 2;
  const sharedSpeaker = draftSpeakers.some((id) => candidate.speakerIds?.includes(id) ?? false);

  // Agreeing figures and time are strong evidence beyond the words, but only once the words are
  // close: two unrelated claims both saying "two days" are not thereby alike. Disagreements
  // lower the score mildly and block the match: a near miss stays high in the list, since the
  // editor may still pick it (a figure conflict is exactly what the desk then flags).
  const boost =
    Math.min(0.5, 0.25 * figures.agreed.length) +
    (times.agreement === 'same' ? 0.1 : 0) +
    (sharedSpeaker ? 0.05 : 0);
  let score = words + (1 - words) * boost * Math.min(1, 2 * words);
  const figurePenalty = { conflict: 0.9, disjoint: 0.8, 'one-sided': 0.9 } as const;
  const figuresBlock = figures.agreement in figurePenalty;
  if (figuresBlock) score *= figurePenalty[figures.agreement as keyof typeof figurePenalty];
  if (times.agreement === 'differ') score *= 0.75;
  if (actorsDiffer) score *= 0.75;
  if (reversed) score *= 0.8;
  if (namesDiffer) score *= 0.9;
  if (opposite.length > 0) score *= 0.8;
  if (negationDiffers) score *= 0.8;

  const name = (id: string) => index.names.get(id) ?? id;
  const actorReason =
    draft.actors.length + graph.actors.length === 0
      ? 'no actors named'
      : actorsDiffer
        ? `actors differ (draft: ${draft.actors.map(name).join(', ') || 'none'}; graph: ${graph.actors.map(name).join(', ') || 'none'})`
        : reversed
          ? `roles reversed (${draft.actors.map(name).join(', ')})`
          : `actors agree (${draft.actors.map(name).join(', ')})`;
  const reason = [
    `words ${words.toFixed(2)}`,
    figureReason(figures),
    times.reason,
    actorReason,
    ...(namesDiffer
      ? [`names on one side (${[...namesOnlyDraft, ...namesOnlyGraph].join(', ')})`]
      : []),
    ...(opposite.length > 0 ? [`opposite words (${opposite.join(', ')})`] : []),
    ...(negationDiffers
      ? [`negation differs (${draft.negations % 2 === 1 ? 'draft' : 'graph claim'} negated)`]
      : []),
    ...(sharedSpeaker ? ['same speaker'] : []),
  ].join('; ');
  return {
    proposal: {
      claimId: candidate.id,
      score: round(score),
      reason,
      figureDifferences: figures.differences,
    },
    eligible:
      words >= matchWords &&
      score >= matchScore &&
      !figuresBlock &&
      times.agreement !== 'differ' &&
      !actorsDiffer &&
      !reversed &&
      !namesDiffer &&
      opposite.length === 0 &&
      !negationDiffers,
  };
}

const byScore = (a: Assessment, b: Assessment): number =>
  b.proposal.score - a.proposal.score ||
  (a.proposal.claimId < b.proposal.claimId ? -1 : a.proposal.claimId > b.proposal.claimId ? 1 : 0);

/**
 * Ranks candidate graph claims for a drafted claim: at most one `match` (the best candidate that
 * agrees on everything, placed first), then `suggestion`s by score; candidates below 0.15 are
 * dropped, and at most `limit` (default 5) are returned. Deterministic: ties go by claim id.
 */
export function rankClaimMatches(
  proposed: MatchableClaim,
  candidates: readonly MatchableClaim[],
  options: ClaimMatchingOptions = {},
): ClaimMatchProposal[] {
  const index = mentionIndexFor(options.knownActors);
  const limit = options.limit ?? 5;
  const draft = analyseClaim(proposed, index);
  const assessed = candidates
    .map((candidate) =>
      assess(draft, proposed.speakerIds ?? [], candidate, analyseClaim(candidate, index), index),
    )
    .filter((assessment) => assessment.proposal.score >= negligibleScore)
    .sort(byScore);
  const match = assessed.find((assessment) => assessment.eligible);
  const ordered = match ? [match, ...assessed.filter((a) => a !== match)] : assessed;
  return ordered.slice(0, Math.max(0, limit)).map((assessment) => ({
    ...assessment.proposal,
    tier: assessment === match ? 'match' : 'suggestion',
  }));
}
