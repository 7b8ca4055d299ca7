import type { KnownActor } from '../extract/articleInput.js';
import { SpeakerResolver } from '../extract/resolveSpeakers.js';
import type { SeedActor } from '../ingest/seedFormat.js';
import { draftActors, type DeskDraft } from './deskDraft.js';
import { nameKey } from '../domain/normaliseName.js';

/**
 * The actor an editor means by a typed name: one of the draft's actors with that name or alias,
 * else the graph's actor the extractor's resolver finds (alias, surname, spelling variant),
 * else a new person. The reason says which, prefixed "typed by the editor".
 */
export function typedSpeaker(
  name: string,
  knownActors: readonly KnownActor[],
  draft: DeskDraft,
): SeedActor {
  const typed = name.trim().replace(/\s+/g, ' ');
  const key = nameKey(typed);
  const inDraft = draftActors(draft).find((actor) =>
    [actor.name, ...actor.aliases].some((alias) => nameKey(alias) === key),
  );
  if (inDraft) return inDraft;
  const resolved = new SpeakerResolver(knownActors).resolve(
    {
      first: 0,
      last: 0,
      text: typed,
      kind: 'name',
      name: typed,
      plural: false,
      actorKind: 'person',
      definite: true,
    },
    { start: 0, end: 0 },
  );
  const taken = new Set(draftActors(draft).map((actor) => actor.id));
  let id = resolved.id;
  if (resolved.resolution.status === 'new')
    for (let n = 2; taken.has(id); n++) id = `${resolved.id}-${n}`;
  return {
    id,
    kind: resolved.kind,
    name: resolved.name,
    aliases: resolved.aliases.filter((alias) => alias !== resolved.name),
    anonymous: false,
    affiliations: [],
    resolution: {
      ...resolved.resolution,
      reason: `typed by the editor; ${resolved.resolution.reason}`,
    },
  };
}
