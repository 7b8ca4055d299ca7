import { nameKey } from '../../src/domain/normaliseName.js';
import { accuracy, addAccuracy, addPrf, prf, type Accuracy, type Prf } from './ratios.js';
import {
  articleAttributions,
  type GraphActor,
  type ScorableActor,
  type ScorableAttribution,
  type ScorableSet,
} from './scorableSet.js';
import { matchOneToOne, overlapReaches, spanOverlap, type MatchCandidate } from './spanMatching.js';

/** How close a predicted span must be to the gold one. */
export type Strictness = 'exact' | 'overlap80' | 'overlap30';

/** The overlap each strictness needs, in percent of the longer span (100: same start and end). */
export const strictnessPercent: Readonly<Record<Strictness, number>> = {
  exact: 100,
  overlap80: 80,
  overlap30: 30,
};

/** What else must agree besides the span: nothing, the speaker, or the speaker and the stance. */
export type MatchLevel = 'span' | 'speaker' | 'stance';

/** Span P/R/F1 at every strictness and level. */
export type SpanScores = Readonly<Record<Strictness, Readonly<Record<MatchLevel, Prf>>>>;

/** Span scores over all attributions and for direct and indirect speech apart. */
export interface SpeechSpanScores {
  readonly all: SpanScores;
  /** Gold attributions with speech: direct against predictions with speech: direct. */
  readonly direct: SpanScores;
  readonly indirect: SpanScores;
}

/** Whether speakers were linked to the graph's actors (or proposed as new) rightly. */
export interface ResolutionScore {
  /** Over pairs matched at ≥ 30 % span overlap. */
  readonly all: Accuracy;
  /** Gold speaker in the graph: right when the predicted id is the gold id. */
  readonly goldKnown: Accuracy;
  /** Gold speaker not in the graph: right when the prediction is not a graph actor and names agree. */
  readonly goldNew: Accuracy;
}

/** Anonymous speakers linked to a named actor of the graph (goal: 0). */
export interface AnonymousLinks {
  /** Distinct predicted attributions with either fault below. */
  readonly count: number;
  /** Matched (≥ 30 % span) to a gold attribution by an anonymous actor, yet linked to a known named one. */
  readonly toAnonymousGold: number;
  /** The draft's own actor is marked anonymous, yet carries the id of a known named actor. */
  readonly anonymousDraftActor: number;
}

/** The aggregatable attribution scores of one article (or of several, summed). */
export interface AttributionCounts {
  readonly gold: number;
  readonly predicted: number;
  readonly spans: SpeechSpanScores;
  /** Over pairs matched at ≥ 30 % + speaker: cue equal to the gold cue (case-insensitive, trimmed). */
  readonly cue: Accuracy;
  /** Over the same pairs: stance equal to the gold stance. */
  readonly stance: Accuracy;
  readonly resolution: ResolutionScore;
  readonly anonymousLinks: AnonymousLinks;
}

/** One side of a mismatch, as a reader needs it to see what went wrong. */
export interface AttributionView {
  readonly id: string;
  readonly actor: string;
  /** The speaker's name as its set gives it (the id when the set has no such actor). */
  readonly speaker: string;
  readonly stance: string;
  readonly cue: string;
  readonly speech: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * A gold attribution not found exactly and rightly, or a prediction that matches nothing, with
 * what differs. Pairs come from the ≥ 30 % span-only matching.
 */
export interface AttributionMismatch {
  readonly gold?: AttributionView;
  readonly predicted?: AttributionView;
  /** Span overlap of the pair, 0 for a miss or a spurious prediction. */
  readonly overlap: number;
  /**
   * e.g. "missed", "spurious", "span 87 %", "speaker", "resolution act-new-x, not act-x",
   * "stance asserts → reports", "cue said → told", "speech direct → indirect".
   */
  readonly problems: readonly string[];
}

/** Attribution scores of one article with the lists behind them. */
export interface AttributionScore extends AttributionCounts {
  readonly mismatches: readonly AttributionMismatch[];
  /** Ids of the predicted attributions counted in anonymousLinks. */
  readonly anonymousLinkIds: readonly string[];
}

const strictnesses = Object.keys(strictnessPercent) as Strictness[];
const levels: readonly MatchLevel[] = ['span', 'speaker', 'stance'];

/** Name keys of an actor: its name and every alias. */
function actorKeys(actor: ScorableActor | undefined): Set<string> {
  if (!actor) return new Set();
  return new Set([actor.name, ...actor.aliases].map(nameKey).filter((key) => key !== ''));
}

/**
 * The speaker rule: the same id, or a name or alias of one with the same nameKey as a name or
 * alias of the other. Draft actors carry the mention forms as aliases, so "the anonymous expert"
 * finds the gold's anonymous military expert even under a newly minted id.
 */
export function sameSpeaker(
  goldActor: { readonly id: string; readonly keys: ReadonlySet<string> },
  predictedActor: { readonly id: string; readonly keys: ReadonlySet<string> },
): boolean {
  if (goldActor.id === predictedActor.id) return true;
  for (const key of predictedActor.keys) if (goldActor.keys.has(key)) return true;
  return false;
}

const sameCue = (a: string, b: string): boolean =>
  a.trim().toLowerCase() === b.trim().toLowerCase();

/** Per-set lookups: actor records and their name keys, computed once. */
function speakerIndex(set: ScorableSet) {
  const actors = new Map(set.actors.map((actor) => [actor.id, actor]));
  const keys = new Map<string, Set<string>>();
  return {
    actor: (id: string) => actors.get(id),
    speaker: (id: string) => {
      let actorKeySet = keys.get(id);
      if (!actorKeySet) {
        actorKeySet = actorKeys(actors.get(id));
        keys.set(id, actorKeySet);
      }
      return { id, keys: actorKeySet };
    },
  };
}

type SpeakerIndex = ReturnType<typeof speakerIndex>;

interface Sides {
  readonly gold: readonly ScorableAttribution[];
  readonly predicted: readonly ScorableAttribution[];
  readonly goldSpeakers: SpeakerIndex;
  readonly predictedSpeakers: SpeakerIndex;
}

/** The one-to-one matching of one strictness and level; only pairs agreeing at that level compete. */
function matchAt(sides: Sides, percent: number, level: MatchLevel): MatchCandidate[] {
  const candidates: MatchCandidate[] = [];
  sides.gold.forEach((gold, g) => {
    sides.predicted.forEach((predicted, p) => {
      if (!overlapReaches(gold, predicted, percent)) return;
      const speakerAgrees = sameSpeaker(
        sides.goldSpeakers.speaker(gold.actor),
        sides.predictedSpeakers.speaker(predicted.actor),
      );
      const stanceAgrees = gold.stance === predicted.stance;
      if (level !== 'span' && !speakerAgrees) return;
      if (level === 'stance' && !stanceAgrees) return;
      candidates.push({
        gold: g,
        predicted: p,
        overlap: spanOverlap(gold, predicted),
        sameSpeaker: speakerAgrees,
        sameStance: stanceAgrees,
      });
    });
  });
  return matchOneToOne(candidates);
}

function spanScores(sides: Sides): SpanScores {
  const scores = {} as Record<Strictness, Record<MatchLevel, Prf>>;
  for (const strictness of strictnesses) {
    const byLevel = {} as Record<MatchLevel, Prf>;
    for (const level of levels) {
      const matched = matchAt(sides, strictnessPercent[strictness], level).length;
      byLevel[level] = prf(matched, sides.gold.length, sides.predicted.length);
    }
    scores[strictness] = byLevel;
  }
  return scores;
}

function view(attribution: ScorableAttribution, speakers: SpeakerIndex): AttributionView {
  return {
    id: attribution.id,
    actor: attribution.actor,
    speaker: speakers.actor(attribution.actor)?.name ?? attribution.actor,
    stance: attribution.stance,
    cue: attribution.cue,
    speech: attribution.speech,
    start: attribution.start,
    end: attribution.end,
    text: attribution.quote,
  };
}

/**
 * Scores a draft's attributions against the gold's, both restricted to their article source.
 * `graphActors` are the actors the graph held when the draft was made: speaker resolution and
 * false anonymous links are judged against them.
 */
export function scoreAttributions(
  gold: ScorableSet,
  draft: ScorableSet,
  graphActors: readonly GraphActor[],
): AttributionScore {
  const all: Sides = {
    gold: articleAttributions(gold),
    predicted: articleAttributions(draft),
    goldSpeakers: speakerIndex(gold),
    predictedSpeakers: speakerIndex(draft),
  };
  const bySpeech = (speech: 'direct' | 'indirect'): Sides => ({
    ...all,
    gold: all.gold.filter((attribution) => attribution.speech === speech),
    predicted: all.predicted.filter((attribution) => attribution.speech === speech),
  });

  // Cue and stance are judged where the span and speaker are already right, so that a wrong
  // span does not count twice.
  const speakerPairs = matchAt(all, strictnessPercent.overlap30, 'speaker');
  const pairGold = (pair: MatchCandidate) => all.gold[pair.gold]!;
  const pairPredicted = (pair: MatchCandidate) => all.predicted[pair.predicted]!;
  const cue = accuracy(
    speakerPairs.filter((pair) => sameCue(pairGold(pair).cue, pairPredicted(pair).cue)).length,
    speakerPairs.length,
  );
  const stance = accuracy(
    speakerPairs.filter((pair) => pairGold(pair).stance === pairPredicted(pair).stance).length,
    speakerPairs.length,
  );

  // Resolution is judged on span-only pairs: linking the right span to the wrong actor is
  // exactly the error it exists to count.
  const known = new Set(graphActors.map((actor) => actor.id));
  const knownNamed = new Set(graphActors.filter((a) => !a.anonymous).map((actor) => actor.id));
  const spanPairs = matchAt(all, strictnessPercent.overlap30, 'span');
  let knownCorrect = 0;
  let knownTotal = 0;
  let newCorrect = 0;
  let newTotal = 0;
  const toAnonymousGold = new Set<string>();
  for (const pair of spanPairs) {
    const goldAttribution = pairGold(pair);
    const predicted = pairPredicted(pair);
    if (known.has(goldAttribution.actor)) {
      knownTotal += 1;
      if (predicted.actor === goldAttribution.actor) knownCorrect += 1;
    } else {
      newTotal += 1;
      if (!known.has(predicted.actor) && pair.sameSpeaker) newCorrect += 1;
    }
    if (all.goldSpeakers.actor(goldAttribution.actor)?.anonymous && knownNamed.has(predicted.actor))
      toAnonymousGold.add(predicted.id);
  }
  const anonymousDraftActor = new Set(
    all.predicted
      .filter(
        (predicted) =>
          all.predictedSpeakers.actor(predicted.actor)?.anonymous === true &&
          knownNamed.has(predicted.actor),
      )
      .map((predicted) => predicted.id),
  );
  const anonymousLinkIds = [...new Set([...toAnonymousGold, ...anonymousDraftActor])].sort();

  return {
    gold: all.gold.length,
    predicted: all.predicted.length,
    spans: {
      all: spanScores(all),
      direct: spanScores(bySpeech('direct')),
      indirect: spanScores(bySpeech('indirect')),
    },
    cue,
    stance,
    resolution: {
      all: accuracy(knownCorrect + newCorrect, knownTotal + newTotal),
      goldKnown: accuracy(knownCorrect, knownTotal),
      goldNew: accuracy(newCorrect, newTotal),
    },
    anonymousLinks: {
      count: anonymousLinkIds.length,
      toAnonymousGold: toAnonymousGold.size,
      anonymousDraftActor: anonymousDraftActor.size,
    },
    mismatches: mismatches(all, spanPairs, known),
    anonymousLinkIds,
  };
}

/** Every gold attribution not found with the exact span, speaker, stance and cue, and every stray prediction. */
function mismatches(
  sides: Sides,
  spanPairs: readonly MatchCandidate[],
  known: ReadonlySet<string>,
): AttributionMismatch[] {
  const result: { position: number; mismatch: AttributionMismatch }[] = [];
  const matchedGold = new Map(spanPairs.map((pair) => [pair.gold, pair]));
  const matchedPredicted = new Set(spanPairs.map((pair) => pair.predicted));
  sides.gold.forEach((gold, g) => {
    const goldView = view(gold, sides.goldSpeakers);
    const pair = matchedGold.get(g);
    if (!pair) {
      result.push({
        position: gold.start,
        mismatch: { gold: goldView, overlap: 0, problems: ['missed'] },
      });
      return;
    }
    const predicted = sides.predicted[pair.predicted]!;
    const problems: string[] = [];
    if (pair.overlap < 1) problems.push(`span ${Math.floor(pair.overlap * 100)} %`);
    if (!pair.sameSpeaker) problems.push('speaker');
    // The right speaker under the wrong id: what the resolution score counts against.
    else if (known.has(gold.actor) && predicted.actor !== gold.actor)
      problems.push(`resolution ${predicted.actor}, not ${gold.actor}`);
    else if (!known.has(gold.actor) && known.has(predicted.actor))
      problems.push(`resolution ${predicted.actor}, gold speaker is new`);
    if (!pair.sameStance) problems.push(`stance ${gold.stance} → ${predicted.stance}`);
    if (!sameCue(gold.cue, predicted.cue)) problems.push(`cue ${gold.cue} → ${predicted.cue}`);
    if (gold.speech !== predicted.speech)
      problems.push(`speech ${gold.speech} → ${predicted.speech}`);
    if (problems.length > 0)
      result.push({
        position: gold.start,
        mismatch: {
          gold: goldView,
          predicted: view(predicted, sides.predictedSpeakers),
          overlap: pair.overlap,
          problems,
        },
      });
  });
  sides.predicted.forEach((predicted, p) => {
    if (matchedPredicted.has(p)) return;
    result.push({
      position: predicted.start,
      mismatch: {
        predicted: view(predicted, sides.predictedSpeakers),
        overlap: 0,
        problems: ['spurious'],
      },
    });
  });
  return result.sort((a, b) => a.position - b.position).map((entry) => entry.mismatch);
}

function addSpanScores(a: SpanScores, b: SpanScores): SpanScores {
  const sum = {} as Record<Strictness, Record<MatchLevel, Prf>>;
  for (const strictness of strictnesses) {
    const byLevel = {} as Record<MatchLevel, Prf>;
    for (const level of levels) byLevel[level] = addPrf(a[strictness][level], b[strictness][level]);
    sum[strictness] = byLevel;
  }
  return sum;
}

/** Attribution scores of several articles pooled (micro-average): counts added, ratios recomputed. */
export function addAttributionCounts(
  a: AttributionCounts,
  b: AttributionCounts,
): AttributionCounts {
  return {
    gold: a.gold + b.gold,
    predicted: a.predicted + b.predicted,
    spans: {
      all: addSpanScores(a.spans.all, b.spans.all),
      direct: addSpanScores(a.spans.direct, b.spans.direct),
      indirect: addSpanScores(a.spans.indirect, b.spans.indirect),
    },
    cue: addAccuracy(a.cue, b.cue),
    stance: addAccuracy(a.stance, b.stance),
    resolution: {
      all: addAccuracy(a.resolution.all, b.resolution.all),
      goldKnown: addAccuracy(a.resolution.goldKnown, b.resolution.goldKnown),
      goldNew: addAccuracy(a.resolution.goldNew, b.resolution.goldNew),
    },
    anonymousLinks: {
      count: a.anonymousLinks.count + b.anonymousLinks.count,
      toAnonymousGold: a.anonymousLinks.toAnonymousGold + b.anonymousLinks.toAnonymousGold,
      anonymousDraftActor:
        a.anonymousLinks.anonymousDraftActor + b.anonymousLinks.anonymousDraftActor,
    },
  };
}

/** Attribution scores of no article: the start of a sum. */
export function emptyAttributionCounts(): AttributionCounts {
  const empty = scoreAttributions(
    { sources: [], actors: [], claims: [], attributions: [], events: [] },
    { sources: [], actors: [], claims: [], attributions: [], events: [] },
    [],
  );
  return {
    gold: empty.gold,
    predicted: empty.predicted,
    spans: empty.spans,
    cue: empty.cue,
    stance: empty.stance,
    resolution: empty.resolution,
    anonymousLinks: empty.anonymousLinks,
  };
}
