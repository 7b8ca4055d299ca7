import type { SeedActor, SeedSet, stances } from '../ingest/seedFormat.js';
import type { ClaimMatchProposal } from './matching/claimMatching.js';
import type { CitableSource, SourceMatchProposal } from './matching/sourceMatching.js';

/*
 * The state of one draft at the editor's desk: the extractor's proposal, kept unchanged (so every
 * item keeps its evidence), and beside it the editor's decisions and edits and the matches to the
 * graph. Pure data, stored as one JSON document (src/db/draftStore.ts).
 */

/** Where a draft is in its life. */
export type DraftStatus = 'open' | 'committed' | 'discarded';

/** An editor's decision on an item. */
export type ItemDecision = 'pending' | 'accepted' | 'rejected';

/** A stance, as stored. */
export type Stance = (typeof stances)[number];

/** The article the draft was made from. */
export interface DeskArticle {
  readonly text: string;
  readonly title?: string;
  readonly publisher?: string;
  readonly url?: string;
  readonly published?: string;
  readonly byline?: string;
}

/** The editor's decision and edits on one proposed attribution. */
export interface ItemReview {
  readonly decision: ItemDecision;
  /** The speaker chosen instead of the extractor's, by actor id (draft or graph). */
  readonly actorId?: string;
  readonly stance?: Stance;
}

/** A claim match as the desk keeps it: the proposal and the claim's revision when matched. */
export interface StoredClaimMatch extends ClaimMatchProposal {
  readonly revision: number;
}

/** Where a drafted claim goes: its text as edited, the matches, the editor's (or default) choice. */
export interface ClaimReview {
  readonly text?: string;
  readonly matches: readonly StoredClaimMatch[];
  /** The existing claim it is stored as; null: a new claim. */
  readonly chosen: StoredClaimMatch | null;
}

/** Where a drafted citation goes: an existing source, or a new placeholder (null). */
export interface CitationReview {
  /** The graph's sources of the same publisher, as read when the draft was made. */
  readonly candidates: readonly CitableSource[];
  readonly matches: readonly SourceMatchProposal[];
  readonly chosen: SourceMatchProposal | null;
  /** True once the editor chose; until then the desk re-ranks as claim matches change. */
  readonly editorChose: boolean;
  /**
   * A citation the desk proposed for a speaker the graph knows (src/desk/speakerCitations.ts):
   * written only as a link to the chosen graph source, never as a placeholder.
   */
  readonly optional?: boolean;
}

/**
 * A stored source the article shares passages with (src/reuse): proposed as a copy link, written
 * only when the editor confirms it. Passages keep the other text's words, as read when matched.
 */
export interface CopyReview {
  readonly sourceId: string;
  readonly title: string;
  readonly kind: string;
  readonly passages: readonly {
    readonly start: number;
    readonly end: number;
    readonly originalStart: number;
    readonly originalEnd: number;
    readonly words: number;
    readonly originalText: string;
  }[];
  readonly shareOfDraft: number;
  readonly shareOfSource: number;
  readonly publishedFirst: 'this' | 'other' | 'unknown';
  readonly confirmed: boolean;
}

/** What a commit wrote. */
export interface CommitRecord {
  readonly committedAt: string;
  readonly committedBy: string;
  readonly sourceId: string;
  readonly claimIds: readonly string[];
  readonly attributionIds: readonly string[];
  readonly nodesCreated: number;
  readonly relationshipsCreated: number;
  /** Ids renamed because the graph already held them for something else: draft id → written id. */
  readonly renamed: Readonly<Record<string, string>>;
}

/** One draft at the desk. */
export interface DeskDraft {
  readonly id: string;
  readonly status: DraftStatus;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedBy: string;
  readonly updatedAt: string;
  readonly revision: number;
  readonly article: DeskArticle;
  /** The extractor's draft, in the seed format; never edited. */
  readonly extracted: SeedSet;
  readonly items: Readonly<Record<string, ItemReview>>;
  readonly claims: Readonly<Record<string, ClaimReview>>;
  readonly citations: Readonly<Record<string, CitationReview>>;
  /** Speakers the editor typed that the extractor had not proposed (new, or from the graph). */
  readonly addedActors: readonly SeedActor[];
  /** Stored sources the article shares passages with, by source id. */
  readonly copies?: Readonly<Record<string, CopyReview>>;
  readonly committed?: CommitRecord;
}

/** The extractor's attribution for an item id, or undefined. */
export function extractedAttribution(draft: DeskDraft, itemId: string) {
  return draft.extracted.attributions.find((attribution) => attribution.id === itemId);
}

/** Every actor the draft knows of: the extractor's and the ones the editor added. */
export function draftActors(draft: DeskDraft): readonly SeedActor[] {
  return [...draft.extracted.actors, ...draft.addedActors];
}

/** The id of the draft's article among its sources (the source with the text). */
export function articleSourceId(draft: DeskDraft): string {
  return draft.extracted.sources[0]!.id;
}
