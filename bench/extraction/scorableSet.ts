import type {
  SeedActor,
  SeedAttribution,
  SeedClaim,
  SeedEvent,
  SeedSource,
} from '../../src/ingest/seedFormat.js';

/**
 * The parts of a seed set the scorer reads. A gold seed set and an extractor's draft (a seed set
 * with draft-only fields) both fit; so do small hand-made objects in tests, which need not spell
 * out every defaulted field of the seed format.
 */
export interface ScorableSet {
  readonly sources: readonly Pick<SeedSource, 'id' | 'textFile' | 'published'>[];
  readonly actors: readonly ScorableActor[];
  readonly claims: readonly Pick<SeedClaim, 'id' | 'refersTo' | 'quantities'>[];
  readonly attributions: readonly ScorableAttribution[];
  readonly events: readonly Pick<SeedEvent, 'id' | 'time'>[];
}

/** An actor as the scorer compares speakers. */
export type ScorableActor = Pick<SeedActor, 'id' | 'name' | 'aliases' | 'anonymous'>;

/** An attribution as the scorer matches it. */
export type ScorableAttribution = Pick<
  SeedAttribution,
  | 'id'
  | 'actor'
  | 'claim'
  | 'source'
  | 'stance'
  | 'quote'
  | 'start'
  | 'end'
  | 'cue'
  | 'speech'
  | 'said'
>;

/** An actor of the graph, as speaker resolution is judged against it. */
export interface GraphActor {
  readonly id: string;
  readonly anonymous: boolean;
}

/**
 * The set's article: the source whose textFile is set (src-article when several are). Undefined
 * when no source has a text, as in a draft that failed to name one.
 */
export function articleSourceId(set: ScorableSet): string | undefined {
  const withText = set.sources.filter((source) => source.textFile !== undefined);
  return (withText.find((source) => source.id === 'src-article') ?? withText[0])?.id;
}

/**
 * The attributions recorded in the set's article, in text order. Attributions of other sources
 * (an outlet's report the draft models separately) are not spans of this text and are not scored.
 */
export function articleAttributions(set: ScorableSet): ScorableAttribution[] {
  const sourceId = articleSourceId(set) ?? 'src-article';
  return set.attributions
    .filter((attribution) => attribution.source === sourceId)
    .sort((a, b) => a.start - b.start || a.end - b.end);
}
