import type { SeedSet } from '../ingest/seedFormat.js';
import type { ArticleInput, ExtractOptions, KnownActor } from './articleInput.js';
import { findCredits } from './credits.js';
import { buildDraft } from './buildDraft.js';
import { extractFigures } from './figures.js';
import { findAttributions } from './findAttributions.js';
import { extractTimes } from './times.js';
import { SpeakerResolver, type DraftActor } from './resolveSpeakers.js';

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
  const outlet = outletResolver(pass.actors, knownActors);
  const publisher = input.publisher ? outlet(input.publisher) : undefined;
  const credits = findCredits(input.text).map((credit) => ({
    ...credit,
    actor: outlet(credit.name, credit),
  }));
  return buildDraft(input, pass, {
    figuresIn,
    times,
    publisher,
    credits,
    version: extractorVersion,
  });
}

/**
 * Resolves outlets named outside any frame (the publisher, credit lines) like speakers: an actor
 * of the article, of the graph, or a new media outlet.
 */
function outletResolver(articleActors: readonly DraftActor[], knownActors: readonly KnownActor[]) {
  const resolver = new SpeakerResolver(knownActors);
  const found = new Map<string, DraftActor>();
  return (name: string, span?: { start: number; end: number }): DraftActor => {
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
      span ?? { start: 0, end: 0 },
    );
    if (!span) resolved.evidence.length = 0;
    const same = articleActors.find((actor) => actor.id === resolved.id) ?? found.get(resolved.id);
    if (same) return same;
    found.set(resolved.id, resolved);
    return resolved;
  };
}
