import { defaultSeedFiles } from '../ingest/defaultSeedFiles.js';
import { validateSeedFile } from '../ingest/validateSeedSet.js';
import type { KnownActor } from '../extract/articleInput.js';

const cache = new Map<string, KnownActor[]>();

/**
 * The actors of the seed files (what `npm start` loads into an empty graph): the actors a CLI
 * extraction resolves speakers against when it has no database to ask. Read once per process.
 */
export function readKnownActorsFromSeeds(
  files: readonly string[] = defaultSeedFiles(),
): KnownActor[] {
  const key = files.join('\n');
  const cached = cache.get(key);
  if (cached) return cached;
  const actors: KnownActor[] = [];
  for (const file of files) {
    const result = validateSeedFile(file);
    if (!result.ok) continue;
    const names = new Map(
      result.value.seedSet.actors.map((actor) => [actor.id, [actor.name, ...actor.aliases]]),
    );
    for (const actor of result.value.seedSet.actors)
      actors.push({
        id: actor.id,
        kind: actor.kind,
        name: actor.name,
        aliases: actor.aliases,
        anonymous: actor.anonymous,
        description: actor.description,
        affiliations: actor.affiliations.map((affiliation) => ({
          role: affiliation.role,
          organisationNames: names.get(affiliation.organisation) ?? [],
        })),
      });
  }
  cache.set(key, actors);
  return actors;
}
