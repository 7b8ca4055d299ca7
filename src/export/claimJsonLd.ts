import type { Executor } from '../db/executor.js';
import { ExportQueries, type DescribedActor, type DescribedSource } from '../db/exportQueries.js';
import { GraphReader } from '../db/graphReader.js';
import { sourcingChains } from '../domain/sourcingChains.js';
import { speakingStances } from '../domain/speakers.js';
import { AppError } from '../errors/appError.js';

/** A JSON-LD document (schema.org vocabulary). */
export type JsonLd = Record<string, unknown>;

/**
 * Stances that make an actor the claim's `author`: those who make the claim themselves.
 * Reporters ("Xinhua reported") relay it and appear as the sources' publishers instead;
 * deniers are not authors.
 */
export const authorStances = speakingStances.filter((stance) => stance !== 'reports');

/**
 * One claim as a schema.org `Claim` (JSON-LD): its text, the actors asserting it as `author`,
 * the sources carrying it as `appearance`, and as `firstAppearance` the origin of its sourcing
 * chain (src/domain/sourcingChains.ts: follow CITES among the carriers to a source citing no
 * further carrier; a chain reaching a primary source wins). Not a ClaimReview: the graph holds
 * no review rating. NOT_FOUND when there is no such claim.
 */
export async function claimJsonLd(executor: Executor, claimId: string): Promise<JsonLd> {
  const description = await new ExportQueries(executor).claimDescription(claimId, authorStances);
  if (!description) {
    throw new AppError('NOT_FOUND', `No claim has the id "${claimId}".`, { id: claimId });
  }
  const { claim } = description;
  const carriers = (await new GraphReader(executor).carrierGraphs([claimId])).get(claimId)?.graph;
  const chains = carriers ? sourcingChains(carriers) : [];
  const origin = (chains.find((chain) => chain.reachesPrimary) ?? chains[0])?.originId;

  const authors = uniqueById(description.authors).map(actorJsonLd);
  const appearances = uniqueById(description.appearances).map((source) => ({
    id: source.id,
    document: sourceJsonLd(source),
  }));
  const firstAppearance = appearances.find((appearance) => appearance.id === origin)?.document;
  const topics = Array.isArray(claim.topics) ? (claim.topics as string[]) : [];
  return {
    '@context': 'https://schema.org',
    '@type': 'Claim',
    identifier: claim.id,
    name: claim.text,
    text: claim.text,
    ...(topics.length > 0 ? { keywords: topics } : {}),
    ...(typeof claim.refersToValue === 'string' ? { temporalCoverage: claim.refersToValue } : {}),
    ...(authors.length > 0 ? { author: authors } : {}),
    ...(appearances.length > 0 ? { appearance: appearances.map((a) => a.document) } : {}),
    ...(firstAppearance ? { firstAppearance } : {}),
  };
}

function actorJsonLd(actor: DescribedActor | NonNullable<DescribedSource['publisher']>): JsonLd {
  const aliases = 'aliases' in actor ? (actor.aliases ?? []) : [];
  const description = 'description' in actor ? actor.description : null;
  return {
    '@type': actor.kind === 'person' ? 'Person' : 'Organization',
    identifier: actor.id,
    name: actor.name ?? actor.id,
    ...(aliases.length > 0 ? { alternateName: aliases } : {}),
    ...(description ? { description } : {}),
  };
}

const creativeWorkTypes: Record<string, string> = {
  article: 'NewsArticle',
  'news-report': 'NewsArticle',
  report: 'Report',
};

function sourceJsonLd(source: DescribedSource): JsonLd {
  return {
    '@type': creativeWorkTypes[source.kind ?? ''] ?? 'CreativeWork',
    identifier: source.id,
    ...(source.title ? { headline: source.title } : {}),
    ...(source.url ? { url: source.url } : {}),
    ...(source.publishedValue ? { datePublished: source.publishedValue } : {}),
    ...(source.publisher ? { publisher: actorJsonLd(source.publisher) } : {}),
  };
}

function uniqueById<T extends { id: string }>(items: readonly T[]): T[] {
  const byId = new Map<string, T>();
  for (const item of items) if (!byId.has(item.id)) byId.set(item.id, item);
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}
