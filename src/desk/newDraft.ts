import { slugOf } from '../extract/claimText.js';
import type { SeedSet } from '../ingest/seedFormat.js';
import { rerankCitations } from './citations.js';
import type {
  CitationReview,
  ClaimReview,
  CopyReview,
  DeskArticle,
  DeskDraft,
  ItemReview,
  StoredClaimMatch,
} from './deskDraft.js';
import type { CitableSource } from './matching/sourceMatching.js';
import { renameIds } from './renameIds.js';

/** What a new draft is made of: the extractor's proposal and the graph's candidates for it. */
export interface NewDraftParts {
  readonly id: string;
  readonly editor: string;
  readonly now: string;
  readonly article: DeskArticle;
  /** The extractor's draft, its article source already named (withArticleSourceId). */
  readonly extracted: SeedSet;
  /** Ranked claim matches per drafted claim id. */
  readonly claimMatches: ReadonlyMap<string, readonly StoredClaimMatch[]>;
  /** The graph's sources of each citation's publisher, per drafted source id. */
  readonly citationCandidates: ReadonlyMap<string, readonly CitableSource[]>;
  /** Citations written only when linked to a graph source (withSpeakerCitations). */
  readonly optionalCitations?: readonly string[];
  /** Stored sources sharing passages with the article, unconfirmed. */
  readonly copies?: readonly CopyReview[];
}

/**
 * A new OPEN draft: every item pending; each claim stored as its best match when that is of the
 * match tier (else as a new claim); each citation linked the same way. Pure.
 */
export function newDeskDraft(parts: NewDraftParts): DeskDraft {
  const { extracted } = parts;
  const items: Record<string, ItemReview> = {};
  for (const attribution of extracted.attributions) items[attribution.id] = { decision: 'pending' };
  const claims: Record<string, ClaimReview> = {};
  for (const claim of extracted.claims) {
    const matches = parts.claimMatches.get(claim.id) ?? [];
    const best = matches[0];
    claims[claim.id] = { matches, chosen: best && best.tier === 'match' ? best : null };
  }
  const citations: Record<string, CitationReview> = {};
  for (const source of extracted.sources.slice(1)) {
    citations[source.id] = {
      candidates: parts.citationCandidates.get(source.id) ?? [],
      matches: [],
      chosen: null,
      editorChose: false,
      ...(parts.optionalCitations?.includes(source.id) ? { optional: true } : {}),
    };
  }
  return rerankCitations({
    id: parts.id,
    status: 'open',
    createdBy: parts.editor,
    createdAt: parts.now,
    updatedBy: parts.editor,
    updatedAt: parts.now,
    revision: 1,
    article: parts.article,
    extracted,
    items,
    claims,
    citations,
    addedActors: [],
    copies: Object.fromEntries((parts.copies ?? []).map((copy) => [copy.sourceId, copy])),
  });
}

/**
 * The extractor names the article `src-article` in every draft; at the desk it gets an id of
 * its own, from publisher, date and title (`src-global-times-2019-06-12-us-hackers-…`), so
 * articles do not collide with one another in the graph; without a headline, its title says
 * what is known (outlet, date, opening words).
 */
export function withArticleSourceId(extracted: SeedSet, article: DeskArticle): SeedSet {
  const current = extracted.sources[0]?.id;
  if (current === undefined) return extracted;
  const parts = [
    article.publisher ? slugOf(article.publisher, 4) : 'article',
    article.published ?? '',
    slugOf(article.title ?? article.text.slice(0, 200), 6),
  ].filter((part) => part.length > 0);
  const id = `src-${parts.join('-')}`.slice(0, 120).replace(/-+$/, '');
  const renamed = renameIds(extracted, new Map([[current, id]]));
  if (article.title) return renamed;
  // No headline given: name the article by what is known of it, not "Untitled article".
  const [source, ...rest] = renamed.sources;
  const opening = article.text.trim().split(/\s+/).slice(0, 10).join(' ');
  const title = `${article.publisher ?? 'Unknown outlet'} article${
    article.published ? ` of ${article.published}` : ''
  } beginning “${opening}…”`;
  return { ...renamed, sources: [{ ...source!, title: title.slice(0, 500) }, ...rest] };
}
