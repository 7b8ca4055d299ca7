// The explorer's two GraphQL requests (POST /graphql, JSON) and the shapes they return.
import type { Stance } from './theme';

export type ActorKind = 'PERSON' | 'ORGANISATION' | 'STATE' | 'MEDIA_OUTLET' | 'UNNAMED_GROUP';

export interface TimeExpression {
  raw: string | null;
  value: string;
  precision: string;
  basis: string;
}

export interface Actor {
  id: string;
  name: string;
  kind: ActorKind;
  anonymous: boolean;
  description: string | null;
  aliases: string[];
}

export interface Attribution {
  id: string;
  stance: Stance;
  quote: string;
  quoteStart: number;
  quoteEnd: number;
  cue: string;
  speech: 'DIRECT' | 'INDIRECT';
  said: TimeExpression | null;
  actor: Actor;
  source: { id: string; title: string };
  /** The figures as this attribution's source states them, when they differ from the claim's. */
  figures: Quantity[];
}

export interface ChainSource {
  id: string;
  title: string;
  kind: string;
  primary: boolean;
  publisher: { id: string; name: string; stateAffiliation: { name: string } | null } | null;
}

export interface SourcingChain {
  reachesPrimary: boolean;
  circular: boolean;
  hops: {
    position: number;
    source: ChainSource;
    attributions: { id: string }[];
    /** Reached through a confirmed copy link from the previous hop, not a citation. */
    viaCopy: boolean;
  }[];
  origin: { id: string; title: string };
}

/** A passage two sources share: `this*` in the copier, `other*` in the original. */
export interface SharedPassage {
  words: number;
  thisStart: number;
  thisEnd: number;
  thisText: string;
  otherStart: number;
  otherEnd: number;
  otherText: string;
}

/** A confirmed copy link: `copier` reproduces passages of `original`. */
export interface CopyLink {
  copier: { id: string; title: string };
  original: { id: string; title: string };
  passages: SharedPassage[];
  /** Share of the copier's words that are copied, 0..1. */
  shareOfCopier: number;
  /** True when the copier also cites the original. */
  credited: boolean;
  provenance: { enteredBy: string; enteredVia: string; enteredAt: string };
}

export interface Quantity {
  raw: string;
  value: number;
  unit: string;
  kind: string;
  change: { raw: string; value: number; unit: string; basis: string } | null;
}

/** A figure of the claim that its sources state differently: each value and who states it. */
export interface FigureConflict {
  unit: string;
  values: { value: number; raw: string; sources: { id: string; title: string }[] }[];
}

export interface RelatedClaim {
  id: string;
  text: string;
}

export interface ClaimView {
  id: string;
  text: string;
  quantities: Quantity[];
  attributions: Attribution[];
  sourcingChains: SourcingChain[];
  independentOrigins: number;
  sourcing: {
    flags: {
      singleOrigin: boolean;
      onlyAnonymousSpeakers: boolean;
      onlyStateAffiliated: boolean;
      stateAffiliations: { name: string }[];
      deniedBy: { name: string }[];
      uncreditedCopiers: { id: string; title: string }[];
      figureConflicts: FigureConflict[];
    };
  };
  /** The sources carrying the claim, with the copy links from and to each. */
  carriedBy: { id: string; copyLinks: CopyLink[] }[];
  contradicts: RelatedClaim[];
  contradictedBy: RelatedClaim[];
  supports: RelatedClaim[];
  supportedBy: RelatedClaim[];
}

export interface SearchHit {
  kind: 'CLAIM' | 'QUOTE' | 'ACTOR' | 'SOURCE' | 'EVENT';
  id: string;
  score: number;
  text: string;
  claim: RelatedClaim | null;
  attribution: { id: string; actor: { name: string } } | null;
}

/** A claim found by a search: from a CLAIM hit, or the claim of a QUOTE hit. */
export interface ClaimMatch {
  claim: RelatedClaim;
  score: number;
  /** The matching quotes and who said them (QUOTE hits). */
  quotes: { text: string; speaker: string }[];
}

/** The `copier->original` key of a copy link (and of its edge in the graph). */
export const copyLinkKey = (copierId: string, originalId: string): string =>
  `${copierId}->${originalId}`;

/**
 * The copy links between the claim's carriers, each once: `carriedBy` lists a link under both of
 * its ends when both carry the claim.
 */
export function claimCopyLinks(claim: ClaimView): Map<string, CopyLink> {
  const links = new Map<string, CopyLink>();
  for (const carrier of claim.carriedBy) {
    for (const link of carrier.copyLinks) {
      const key = copyLinkKey(link.copier.id, link.original.id);
      if (!links.has(key)) links.set(key, link);
    }
  }
  return links;
}

/** An error answered by the API (GraphQL errors or a non-JSON / HTTP failure). */
export class ApiError extends Error {}

/**
 * The one query that loads a claim's picture. The id is written into the query (not passed as a
 * variable) so that exactly this text can be opened in GraphiQL.
 */
export function claimQuery(claimId: string): string {
  return `# claimgraph explorer: the claim, who said or denied it, its sourcing chains, copy links and related claims
query ExploreClaim {
  claim(id: ${JSON.stringify(claimId)}) {
    id
    text
    quantities {
      raw
      value
      unit
      kind
      change {
        raw
        value
        unit
        basis
      }
    }
    attributions {
      id
      stance
      quote
      quoteStart
      quoteEnd
      cue
      speech
      said {
        raw
        value
        precision
        basis
      }
      actor {
        id
        name
        kind
        anonymous
        description
        aliases
      }
      source {
        id
        title
      }
      figures {
        raw
        value
        unit
        kind
        change {
          raw
          value
          unit
          basis
        }
      }
    }
    sourcingChains {
      reachesPrimary
      circular
      hops {
        position
        source {
          id
          title
          kind
          primary
          publisher {
            id
            name
            stateAffiliation {
              name
            }
          }
        }
        attributions {
          id
        }
        viaCopy
      }
      origin {
        id
        title
      }
    }
    independentOrigins
    sourcing {
      flags {
        singleOrigin
        onlyAnonymousSpeakers
        onlyStateAffiliated
        stateAffiliations {
          name
        }
        deniedBy {
          name
        }
        uncreditedCopiers {
          id
          title
        }
        figureConflicts {
          unit
          values {
            value
            raw
            sources {
              id
              title
            }
          }
        }
      }
    }
    carriedBy {
      id
      copyLinks {
        copier {
          id
          title
        }
        original {
          id
          title
        }
        passages {
          words
          thisStart
          thisEnd
          thisText
          otherStart
          otherEnd
          otherText
        }
        shareOfCopier
        credited
        provenance {
          enteredBy
          enteredVia
          enteredAt
        }
      }
    }
    contradicts {
      id
      text
    }
    contradictedBy {
      id
      text
    }
    supports {
      id
      text
    }
    supportedBy {
      id
      text
    }
  }
}
`;
}

const SEARCH_QUERY = `query ExplorerSearch($text: String!, $first: Int) {
  search(text: $text, first: $first) {
    kind
    id
    score
    text
    claim {
      id
      text
    }
    attribution {
      id
      actor {
        name
      }
    }
  }
}`;

/** The link that opens `query` in the GraphiQL console as the active tab. */
export function graphiqlLink(query: string): string {
  return `/graphiql/?query=${encodeURIComponent(query)}`;
}

async function graphql<T>(
  query: string,
  variables: Record<string, unknown> = {},
  signal?: AbortSignal,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(`The API did not answer: ${String(error)}`);
  }
  let body: { data?: T | null; errors?: { message: string }[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new ApiError(`The API answered HTTP ${response.status} without JSON`);
  }
  if (body.errors?.length) throw new ApiError(body.errors.map((e) => e.message).join('; '));
  if (!response.ok || body.data == null) {
    throw new ApiError(`The API answered HTTP ${response.status} without data`);
  }
  return body.data;
}

/** Loads a claim's picture; null when there is no claim with that id. */
export async function loadClaim(claimId: string, signal?: AbortSignal): Promise<ClaimView | null> {
  const data = await graphql<{ claim: ClaimView | null }>(claimQuery(claimId), {}, signal);
  return data.claim;
}

/**
 * Full-text search, reduced to the claims it found: CLAIM hits and the claims of QUOTE hits,
 * each claim once, best score first.
 */
export async function searchClaims(
  text: string,
  first = 30,
  signal?: AbortSignal,
): Promise<ClaimMatch[]> {
  const data = await graphql<{ search: SearchHit[] }>(SEARCH_QUERY, { text, first }, signal);
  const matches = new Map<string, ClaimMatch>();
  for (const hit of data.search) {
    if ((hit.kind !== 'CLAIM' && hit.kind !== 'QUOTE') || !hit.claim) continue;
    const match = matches.get(hit.claim.id) ?? { claim: hit.claim, score: hit.score, quotes: [] };
    match.score = Math.max(match.score, hit.score);
    if (hit.kind === 'QUOTE') {
      const speaker = hit.attribution?.actor.name ?? 'unknown';
      const same = match.quotes.find((quote) => quote.text === hit.text);
      if (same) same.speaker += `, ${speaker}`;
      else match.quotes.push({ text: hit.text, speaker });
    }
    matches.set(hit.claim.id, match);
  }
  return [...matches.values()].sort((a, b) => b.score - a.score);
}
