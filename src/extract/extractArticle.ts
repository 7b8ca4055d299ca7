import type { SeedSet } from '../ingest/seedFormat.js';
import type { ArticleInput, ExtractOptions } from './articleInput.js';
import { buildDraft } from './buildDraft.js';
import { extractFigures } from './figures.js';
import { findAttributions } from './findAttributions.js';
import { extractTimes } from './times.js';
import { SpeakerResolver } from './resolveSpeakers.js';

/**
 * Extraction's entry point: an article in, a reviewable draft out. Pure and deterministic (no
 * clock, no network, no model download); the same input always gives the same draft.
 */

/** The rules' version, stamped on every draft; raise it when the rules change. */
export const extractorVersion = '0.1.0';

/** Extracts an article into a draft seed set. */
export function extractArticle(input: ArticleInput, options: ExtractOptions = {}): SeedSet {
  const knownActors = options.knownActors ?? [];
  const pass = findAttributions(input.text, knownActors);
  const times = extractTimes(input.text, input.published);
  const figuresIn = (start: number, end: number) => extractFigures(input.text, start, end);
  const publisher = input.publisher
    ? publisherActor(input.publisher, pass.actors, knownActors)
    : undefined;
  return buildDraft(input, pass, figuresIn, times, publisher, extractorVersion);
}

function publisherActor(
  name: string,
  actors: ReturnType<typeof findAttributions>['actors'],
  knownActors: NonNullable<ExtractOptions['knownActors']>,
) {
  const resolver = new SpeakerResolver(knownActors);
  const resolved = resolver.resolve(
    {
      first: 0,
      last: 0,
      text: name,
      kind: 'name',
      name,
      plural: false,
      actorKind: 'media-outlet',
      definite: true,
    },
    { start: 0, end: 0 },
  );
  resolved.evidence.length = 0;
  resolved.kind = resolved.resolution.status === 'new' ? 'media-outlet' : resolved.kind;
  return actors.find((actor) => actor.id === resolved.id) ?? resolved;
}
