import { idPart } from '../extract/buildDraft.js';
import type { SeedSet, SeedSource } from '../ingest/seedFormat.js';

/**
 * "CNCERT said in its annual report": an article quoting a speaker the graph already knows may be
 * drawing on that speaker's own source, which the graph may hold (CNCERT's report carrying the
 * claim). For each such speaker without a citation of its own in the draft, this adds an optional
 * citation: a placeholder the article cites, carrying the speaker's claims. Citation matching then
 * proposes the graph's source; a commit writes the link only when it is chosen (it never writes
 * the placeholder), so a claim the article quotes from its origin does not count as a second
 * independent origin. Pure.
 */
export function withSpeakerCitations(extracted: SeedSet): {
  extracted: SeedSet;
  optionalIds: string[];
} {
  const [article, ...cited] = extracted.sources;
  if (!article) return { extracted, optionalIds: [] };
  const citedPublishers = new Set(cited.map((source) => source.publisher));
  const existing = new Map(
    extracted.actors
      .filter((actor) => actor.resolution?.status === 'existing')
      .map((actor) => [actor.id, actor]),
  );
  const taken = new Set(extracted.sources.map((source) => source.id));
  const added: SeedSource[] = [];
  for (const attribution of extracted.attributions) {
    const speaker = existing.get(attribution.actor);
    if (!speaker || speaker.id === article.publisher || citedPublishers.has(speaker.id)) continue;
    let source = added.find((candidate) => candidate.publisher === speaker.id);
    if (!source) {
      let id = `src-${idPart(speaker.id, 56)}-own-source`;
      for (let n = 2; taken.has(id); n++) id = `src-${idPart(speaker.id, 56)}-own-source-${n}`;
      taken.add(id);
      source = {
        id,
        kind: 'statement',
        title: `${speaker.name}'s own statement or report (title unknown)`,
        publisher: speaker.id,
        primary: false,
        cites: [],
        carries: [],
        copies: [],
        notes: 'Proposed by the desk: the speaker may speak through a source the graph holds.',
        evidence: attribution.evidence?.slice(0, 1) ?? [],
      };
      added.push(source);
    }
    if (!source.carries.includes(attribution.claim)) source.carries.push(attribution.claim);
  }
  if (added.length === 0) return { extracted, optionalIds: [] };
  return {
    extracted: {
      ...extracted,
      sources: [
        { ...article, cites: [...article.cites, ...added.map((source) => source.id)] },
        ...cited,
        ...added,
      ],
    },
    optionalIds: added.map((source) => source.id),
  };
}
