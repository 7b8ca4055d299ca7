// The desk's GraphQL calls (POST /graphql, JSON, the editor key as a bearer token) and the shapes
// they return, as far as the page reads them. schema/desk.graphql is the contract.
import type { Stance } from '../../explore/src/theme';

/** An editor's decision on a draft item. */
export type ItemDecision = 'PENDING' | 'ACCEPTED' | 'REJECTED';

/** Where a draft is in its life. */
export type DraftStatus = 'OPEN' | 'COMMITTED' | 'DISCARDED';

/** How strong a proposed match is. */
export type MatchTier = 'MATCH' | 'SUGGESTION';

/** A time as the draft resolved it. */
export interface DraftTime {
  raw: string | null;
  value: string;
  precision: string;
  basis: string;
}

/** A rule that fired and the span it read. */
export interface DraftEvidence {
  rule: string;
  start: number;
  end: number;
  note: string | null;
}

/** A speaker or outlet of the draft: an existing actor or a new one. */
export interface DraftActorReview {
  id: string;
  name: string;
  kind: string;
  anonymous: boolean;
  existing: boolean;
  score: number;
  reason: string;
}

/** A figure as the article states it. */
export interface DraftFigure {
  raw: string;
  value: number;
  unit: string;
  kind: string;
  changeRaw: string | null;
}

/** A graph claim proposed as the same proposition. */
export interface ClaimMatch {
  claim: { id: string; text: string };
  score: number;
  tier: MatchTier;
  reason: string;
}

/** A drafted claim and its matches. */
export interface DraftClaimReview {
  id: string;
  text: string;
  extractedText: string;
  figures: DraftFigure[];
  refersTo: DraftTime | null;
  matches: ClaimMatch[];
  chosen: { claim: { id: string } } | null;
}

/** One proposed attribution. */
export interface DraftItem {
  id: string;
  decision: ItemDecision;
  edited: boolean;
  actor: DraftActorReview;
  claim: DraftClaimReview;
  stance: Stance;
  speech: 'DIRECT' | 'INDIRECT';
  cue: string;
  quote: string;
  quoteStart: number;
  quoteEnd: number;
  quotedWords: { text: string; start: number; end: number }[];
  said: DraftTime | null;
  confidence: number;
  evidence: DraftEvidence[];
}

/** A graph source proposed as the one a citation names. */
export interface SourceMatch {
  source: { id: string; title: string; kind: string; publisher: { name: string } | null };
  score: number;
  tier: MatchTier;
  reason: string;
}

/** A source the article draws on. */
export interface DraftCitation {
  id: string;
  title: string;
  kind: string;
  publisher: { id: string; name: string; existing: boolean } | null;
  matches: SourceMatch[];
  chosen: { source: { id: string } } | null;
  evidence: DraftEvidence[];
}

/** A figure this article states differently from its matched graph claim. */
export interface DraftFigureConflict {
  draftClaimId: string;
  claim: { id: string; text: string };
  unit: string;
  draftValue: number;
  draftRaw: string;
  graphValue: number;
  graphRaw: string;
}

/** Which of two texts came out first: THIS (the article), OTHER (the stored source) or UNKNOWN. */
export type PublishedFirst = 'THIS' | 'OTHER' | 'UNKNOWN';

/** A passage the article shares with a stored source: this* in the article, other* in the source. */
export interface SharedPassage {
  words: number;
  thisStart: number;
  thisEnd: number;
  thisText: string;
  otherStart: number;
  otherEnd: number;
  otherText: string;
}

/** A stored source the article shares passages with: a copy link, written only once confirmed. */
export interface DraftCopy {
  source: { id: string; title: string };
  passages: SharedPassage[];
  shareOfDraft: number;
  shareOfSource: number;
  publishedFirst: PublishedFirst;
  confirmed: boolean;
}

/** How many items are in each state. */
export interface DraftCounts {
  pending: number;
  accepted: number;
  rejected: number;
}

/** What a commit wrote. */
export interface DraftCommit {
  committedAt: string;
  committedBy: string;
  source: { id: string; title: string } | null;
  claims: { id: string; text: string }[];
  attributions: { id: string }[];
  nodesCreated: number;
  relationshipsCreated: number;
}

/** A draft as the desk shows it. */
export interface Draft {
  id: string;
  status: DraftStatus;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
  revision: number;
  title: string | null;
  publisher: string | null;
  url: string | null;
  published: string | null;
  byline: string | null;
  text: string;
  extractorVersion: string;
  items: DraftItem[];
  claims: DraftClaimReview[];
  actors: DraftActorReview[];
  citations: DraftCitation[];
  figureConflicts: DraftFigureConflict[];
  copies: DraftCopy[];
  counts: DraftCounts;
  committed: DraftCommit | null;
}

/** A line of the drafts list. */
export interface DraftSummary {
  id: string;
  status: DraftStatus;
  title: string | null;
  publisher: string | null;
  published: string | null;
  createdBy: string;
  updatedAt: string;
  counts: DraftCounts;
}

/** The article for createDraft: `text` or `html`, and what the editor knows of it. */
export interface CreateDraftInput {
  text?: string;
  html?: string;
  title?: string;
  url?: string;
  publisher?: string;
  published?: string;
}

/** An editor's change to one item; fields left out stay as they are. */
export interface DraftItemUpdate {
  decision?: ItemDecision;
  actorId?: string;
  actorName?: string;
  stance?: Stance;
  claimText?: string;
  claimMatchId?: string;
  claimIsNew?: boolean;
}

/** An editor's change to one citation. */
export interface DraftCitationUpdate {
  sourceId?: string;
  asNew?: boolean;
}

/**
 * An error the API answered (its message and `extensions.code`), or a transport failure with a
 * code of our own (`NETWORK`, `HTTP_<status>`), so the page can always show both plainly.
 */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const ACTOR_FIELDS = 'id name kind anonymous existing score reason';
const TIME_FIELDS = 'raw value precision basis';
const EVIDENCE_FIELDS = 'rule start end note';
const CLAIM_FIELDS = `id text extractedText
  figures { raw value unit kind changeRaw }
  refersTo { ${TIME_FIELDS} }
  matches { claim { id text } score tier reason }
  chosen { claim { id } }`;

const DRAFT_FIELDS = `id status createdBy createdAt updatedBy updatedAt revision
  title publisher url published byline text extractorVersion
  items {
    id decision edited stance speech cue quote quoteStart quoteEnd confidence
    actor { ${ACTOR_FIELDS} }
    claim { ${CLAIM_FIELDS} }
    quotedWords { text start end }
    said { ${TIME_FIELDS} }
    evidence { ${EVIDENCE_FIELDS} }
  }
  claims { ${CLAIM_FIELDS} }
  actors { ${ACTOR_FIELDS} }
  citations {
    id title kind
    publisher { id name existing }
    matches { source { id title kind publisher { name } } score tier reason }
    chosen { source { id } }
    evidence { ${EVIDENCE_FIELDS} }
  }
  figureConflicts { draftClaimId claim { id text } unit draftValue draftRaw graphValue graphRaw }
  copies {
    source { id title }
    passages { words thisStart thisEnd thisText otherStart otherEnd otherText }
    shareOfDraft shareOfSource publishedFirst confirmed
  }
  counts { pending accepted rejected }
  committed {
    committedAt committedBy nodesCreated relationshipsCreated
    source { id title }
    claims { id text }
    attributions { id }
  }`;

const SUMMARY_FIELDS = `id status title publisher published createdBy updatedAt
  counts { pending accepted rejected }`;

/** The desk's calls, each sending the key `getKey()` returns at the time of the call. */
export interface DeskApi {
  listDrafts(status: DraftStatus): Promise<DraftSummary[]>;
  loadDraft(id: string): Promise<Draft | null>;
  createDraft(input: CreateDraftInput): Promise<Draft>;
  updateItem(draft: Draft, itemId: string, update: DraftItemUpdate): Promise<Draft>;
  updateItems(draft: Draft, itemIds: string[], update: DraftItemUpdate): Promise<Draft>;
  updateCitation(draft: Draft, citationId: string, update: DraftCitationUpdate): Promise<Draft>;
  /** Confirms (true) or withdraws (false) the proposed copy link to the stored source `sourceId`. */
  updateCopy(draft: Draft, sourceId: string, confirmed: boolean): Promise<Draft>;
  commitDraft(id: string): Promise<Draft>;
  discardDraft(id: string): Promise<Draft>;
}

/**
 * The desk's GraphQL client. Every update passes the revision of the draft it was made on, so an
 * edit made meanwhile by someone else is refused as CONFLICT instead of being overwritten.
 */
export function deskApi(getKey: () => string): DeskApi {
  async function graphql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    const key = getKey().trim();
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/json',
    };
    if (key) headers.authorization = `Bearer ${key}`;
    let response: Response;
    try {
      response = await fetch('/graphql', {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables }),
      });
    } catch {
      throw new ApiError('The API did not answer; is the server running?', 'NETWORK');
    }
    let body: {
      data?: T | null;
      errors?: { message: string; extensions?: { code?: unknown } }[];
    };
    try {
      body = (await response.json()) as typeof body;
    } catch {
      throw new ApiError(
        `The API answered HTTP ${response.status} without JSON.`,
        `HTTP_${response.status}`,
      );
    }
    const [first] = body.errors ?? [];
    if (first) {
      const code = typeof first.extensions?.code === 'string' ? first.extensions.code : 'ERROR';
      throw new ApiError(body.errors?.map((error) => error.message).join(' ') ?? '', code);
    }
    if (!response.ok || body.data == null) {
      throw new ApiError(
        `The API answered HTTP ${response.status} without data.`,
        `HTTP_${response.status}`,
      );
    }
    return body.data;
  }

  return {
    async listDrafts(status) {
      const data = await graphql<{ drafts: DraftSummary[] }>(
        `query DeskDrafts($status: DraftStatus) { drafts(status: $status, first: 50) { ${SUMMARY_FIELDS} } }`,
        { status },
      );
      return data.drafts;
    },
    async loadDraft(id) {
      const data = await graphql<{ draft: Draft | null }>(
        `query DeskDraft($id: ID!) { draft(id: $id) { ${DRAFT_FIELDS} } }`,
        { id },
      );
      return data.draft;
    },
    async createDraft(input) {
      const data = await graphql<{ createDraft: Draft }>(
        `mutation DeskCreateDraft($input: CreateDraftInput!) { createDraft(input: $input) { ${DRAFT_FIELDS} } }`,
        { input },
      );
      return data.createDraft;
    },
    async updateItem(draft, itemId, update) {
      const data = await graphql<{ updateDraftItem: Draft }>(
        `mutation DeskUpdateItem($draftId: ID!, $itemId: ID!, $update: DraftItemUpdate!, $revision: Int) {
          updateDraftItem(draftId: $draftId, itemId: $itemId, update: $update, revision: $revision) { ${DRAFT_FIELDS} }
        }`,
        { draftId: draft.id, itemId, update, revision: draft.revision },
      );
      return data.updateDraftItem;
    },
    async updateItems(draft, itemIds, update) {
      const data = await graphql<{ updateDraftItems: Draft }>(
        `mutation DeskUpdateItems($draftId: ID!, $itemIds: [ID!]!, $update: DraftItemUpdate!, $revision: Int) {
          updateDraftItems(draftId: $draftId, itemIds: $itemIds, update: $update, revision: $revision) { ${DRAFT_FIELDS} }
        }`,
        { draftId: draft.id, itemIds, update, revision: draft.revision },
      );
      return data.updateDraftItems;
    },
    async updateCitation(draft, citationId, update) {
      const data = await graphql<{ updateDraftCitation: Draft }>(
        `mutation DeskUpdateCitation($draftId: ID!, $citationId: ID!, $update: DraftCitationUpdate!, $revision: Int) {
          updateDraftCitation(draftId: $draftId, citationId: $citationId, update: $update, revision: $revision) { ${DRAFT_FIELDS} }
        }`,
        { draftId: draft.id, citationId, update, revision: draft.revision },
      );
      return data.updateDraftCitation;
    },
    async updateCopy(draft, sourceId, confirmed) {
      const data = await graphql<{ updateDraftCopy: Draft }>(
        `mutation DeskUpdateCopy($draftId: ID!, $sourceId: ID!, $confirmed: Boolean!, $revision: Int) {
          updateDraftCopy(draftId: $draftId, sourceId: $sourceId, confirmed: $confirmed, revision: $revision) { ${DRAFT_FIELDS} }
        }`,
        { draftId: draft.id, sourceId, confirmed, revision: draft.revision },
      );
      return data.updateDraftCopy;
    },
    async commitDraft(id) {
      const data = await graphql<{ commitDraft: Draft }>(
        `mutation DeskCommit($id: ID!) { commitDraft(id: $id) { ${DRAFT_FIELDS} } }`,
        { id },
      );
      return data.commitDraft;
    },
    async discardDraft(id) {
      const data = await graphql<{ discardDraft: Draft }>(
        `mutation DeskDiscard($id: ID!) { discardDraft(id: $id) { ${DRAFT_FIELDS} } }`,
        { id },
      );
      return data.discardDraft;
    },
  };
}
