import { cueAt, isNegatedAt, type Cue } from './cues.js';
import { speakerEndingAt, speakerStartingAt, type SpeakerPhrase } from './speakerPhrases.js';
import {
  countContentWords,
  frameTail,
  hasFiniteVerb,
  isSeparator,
  skipTimePhraseLeft,
  tailAfterCue,
} from './frameEdges.js';
import { tokenAt, type Token } from './tokens.js';
import type { Unit } from './units.js';
import { auxiliaries, determiners, frameAdverbs, negators } from './wordClasses.js';

/**
 * Finds the frames of a sentence unit: each cue with its speaker, and on which side of the cue
 * the content lies. The frames the rules recognise:
 *   `X said (that) …`, `X told Y (that) …`      speaker before, content after   (preposed)
 *   `…, X said` / `… X told Y on Monday`         speaker before, content before  (postposed)
 *   `…, said X`                                   speaker after, content before   (inverted)
 *   `according to X, …` / `…, according to X`    speaker after the phrase, content around it
 *   `X's report showed/found (that) …`            the owner of the document speaks
 *   `…, adding/noting/warning that …`             the previous frame's speaker goes on
 *   `…, and has proposed …`                       a second verb of the previous speaker
 * Cues inside quotation marks are the speaker's words, never frames.
 */

/** How the frame was recognised: the rule name recorded as evidence. */
export type FrameRule =
  | 'preposed'
  | 'postposed'
  | 'inverted'
  | 'according-to'
  | 'document'
  | 'participle'
  | 'coordinated'
  | 'relative'
  | 'citing';

/** A cue with its speaker and the side its content is on. */
export interface FrameAnchor {
  readonly cue: Cue;
  readonly rule: FrameRule;
  /** The speaker phrase, or undefined when inherited from the previous frame. */
  readonly speaker?: SpeakerPhrase;
  /** Index of the anchor whose speaker this one inherits (participle, coordinated). */
  readonly inheritsFrom?: number;
  readonly negated: boolean;
  /** Content after the frame (preposed) or before it (postposed). */
  readonly contentSide: 'after' | 'before' | 'around';
  /** First token of the frame (the speaker, the cue, or "according"). */
  readonly frameFirst: number;
  /** Last token of the frame: the cue, addressee and time phrase, or an inverted speaker. */
  readonly frameLast: number;
  /** For content after: where it starts (after "that", ":" or the addressee). */
  readonly contentFirst?: number;
  /** The addressee of `told`, if any. */
  readonly addressee?: SpeakerPhrase;
}

const relativePronouns = new Set(['which', 'who']);
const passiveAuxiliaries = new Set([
  'be',
  'been',
  'being',
  'was',
  'were',
  'is',
  'are',
  "'s",
  'am',
  'get',
  'got',
]);

/** The frames of one unit, left to right. `inQuote[i]` marks tokens inside quotation marks. */
export function findFrameAnchors(
  tokens: readonly Token[],
  unit: Unit,
  inQuote: Uint8Array,
): FrameAnchor[] {
  const anchors: FrameAnchor[] = [];
  let floor = unit.first;
  for (let index = unit.first; index <= unit.last; index++) {
    if (inQuote[index]) continue;
    const cue = cueAt(tokens, index);
    if (!cue) continue;
    const anchor = readAnchor(tokens, unit, cue, anchors, floor, inQuote);
    if (!anchor) continue;
    if (isEmbedded(tokens, anchor, anchors[anchors.length - 1])) continue;
    anchors.push(anchor);
    index = Math.max(index, anchor.frameLast);
    floor = anchor.frameLast + 1;
  }
  return anchors;
}

/**
 * "Nakasone told reporters that the council would publish a list": a frame inside the content of
 * the frame before it is part of what that speaker said, unless punctuation or a conjunction
 * after punctuation starts a new clause ("…, and the Green Party's Sabine Oduya said …").
 */
function isEmbedded(
  tokens: readonly Token[],
  anchor: FrameAnchor,
  previous: FrameAnchor | undefined,
): boolean {
  if (!previous || previous.contentSide !== 'after' || previous.contentFirst === undefined)
    return false;
  if (anchor.contentSide !== 'after' || anchor.inheritsFrom !== undefined) return false;
  if (anchor.frameFirst <= previous.contentFirst + 1) return false; // "announced it suspected that
  let index = anchor.frameFirst - 1;
  while (determiners.has(tokenAt(tokens, index).lower)) index--;
  const before = tokenAt(tokens, index);
  // "…. which he described as …": a relative clause after punctuation is a frame of its own.
  if (relativePronouns.has(before.lower) && isSeparator(tokenAt(tokens, index - 1))) return false;
  if (isSeparator(before) || before.kind === 'quote') return false;
  if (
    ['and', 'but', 'while', 'whereas', 'with'].includes(before.lower) &&
    isSeparator(tokenAt(tokens, index - 1))
  )
    return false;
  return true;
}

function readAnchor(
  tokens: readonly Token[],
  unit: Unit,
  cue: Cue,
  previous: readonly FrameAnchor[],
  floor: number,
  inQuote: Uint8Array,
): FrameAnchor | undefined {
  const negated = isNegatedAt(tokens, cue.first, unit.first);
  if (cue.kind === 'according') {
    const speaker = speakerStartingAt(tokens, cue.last + 1, unit.last);
    if (!speaker) return undefined;
    return {
      cue,
      rule: 'according-to',
      speaker,
      negated: false,
      contentSide: 'around',
      frameFirst: cue.first,
      frameLast: speaker.last,
    };
  }
  const before = tokenAt(tokens, cue.first - 1);
  const after = tokenAt(tokens, cue.last + 1);
  // Passive: "had been rejected", "a report released by": no speaker speaks here.
  if (
    (cue.tense === 'past' || cue.tense === 'participle') &&
    before &&
    passiveAuxiliaries.has(before.lower)
  )
    return undefined;
  if ((cue.tense === 'past' || cue.tense === 'participle') && after?.lower === 'by')
    return undefined;
  if (before?.lower === 'to') return undefined; // "is to say", "wants to deny": not a frame yet

  // "…, adding that …", ". noting that …": the previous speaker goes on.
  if (cue.tense === 'gerund') {
    const last = previous[previous.length - 1];
    if (!last || !isSeparator(before) || before?.text === ':') {
      const documentSpeaker =
        before && !isSeparator(before) ? speakerEndingAt(tokens, cue.first - 1, floor) : undefined;
      if (documentSpeaker?.mentions[0].document) {
        return preposed(tokens, unit, cue, 'document', documentSpeaker, negated, inQuote);
      }
      // "The regulator fined the bank, saying …": with no frame before, the subject of the
      // sentence goes on speaking.
      if (!last && isSeparator(before) && before?.text !== ':' && cue.lemma !== 'cite') {
        const subject = speakerStartingAt(tokens, unit.first, cue.first - 1);
        const head = subject?.mentions[0];
        if (subject && head && head.kind !== 'pronoun') {
          const anchor = preposed(tokens, unit, cue, 'participle', subject, negated, inQuote);
          return anchor ? { ...anchor, frameFirst: cue.first } : undefined;
        }
      }
      return undefined;
    }
    if (cue.lemma === 'cite') return citing(tokens, unit, cue);
    const anchor = preposed(tokens, unit, cue, 'participle', undefined, negated, inQuote);
    return anchor
      ? { ...anchor, inheritsFrom: previous.length - 1, frameFirst: cue.first }
      : undefined;
  }

  // Walk left over auxiliaries, adverbs and negators to the end of the speaker phrase.
  let left = cue.first - 1;
  while (
    left >= floor &&
    tokenAt(tokens, left).kind === 'word' &&
    (auxiliaries.has(tokenAt(tokens, left).lower) ||
      frameAdverbs.has(tokenAt(tokens, left).lower) ||
      negators.has(tokenAt(tokens, left).lower))
  )
    left--;
  // "Corvane Minerals on Thursday denied": a time phrase between the speaker and the cue.
  left = skipTimePhraseLeft(tokens, left, floor);
  while (
    left >= floor &&
    tokenAt(tokens, left).kind === 'word' &&
    (auxiliaries.has(tokenAt(tokens, left).lower) || frameAdverbs.has(tokenAt(tokens, left).lower))
  )
    left--;
  const walkedOver = left < cue.first - 1;

  // "Xinhua News Agency, which said …": the relative pronoun stands for the phrase before it.
  if (
    left - 1 >= floor &&
    relativePronouns.has(tokenAt(tokens, left).lower) &&
    tokenAt(tokens, left - 1).text === ','
  ) {
    const antecedent = speakerEndingAt(tokens, left - 2, floor);
    if (!antecedent) return undefined;
    const anchor = preposed(tokens, unit, cue, 'preposed', antecedent, negated, inQuote);
    return anchor ? { ...anchor, rule: 'relative' } : undefined;
  }

  // "…, and has proposed …": a second verb with the previous frame's subject.
  if (
    left >= floor &&
    (tokenAt(tokens, left).lower === 'and' || tokenAt(tokens, left).lower === 'but') &&
    previous.length > 0
  ) {
    const anchor = preposed(tokens, unit, cue, 'coordinated', undefined, negated, inQuote);
    return anchor
      ? { ...anchor, inheritsFrom: previous.length - 1, frameFirst: left + 1 }
      : undefined;
  }

  // "…, said the anonymous expert": an inverted frame right after a separator or a quotation.
  const atClauseStart =
    left < floor || isSeparator(tokenAt(tokens, left)) || tokenAt(tokens, left).kind === 'quote';
  // "Qin An. head of the Institute …. told": an appositive between the speaker and the cue.
  const setOff =
    atClauseStart && left >= floor && tokenAt(tokens, left).kind !== 'quote'
      ? speakerEndingAt(tokens, left, floor)
      : undefined;
  if (setOff && setOff.mentions[0].description) {
    const anchor = preposed(tokens, unit, cue, 'preposed', setOff, negated, inQuote);
    if (anchor) return anchor;
    const tail = tailAfterCue(tokens, cue, unit.last);
    if (tail.rest <= 0)
      return {
        cue,
        rule: 'postposed',
        speaker: setOff,
        negated,
        contentSide: 'before',
        frameFirst: setOff.first,
        frameLast: tail.last,
        addressee: tail.addressee,
      };
  }
  if (
    atClauseStart &&
    !walkedOver &&
    !cue.takesAddressee &&
    (cue.tense === 'past' || cue.tense === 'third-person')
  ) {
    const speaker = speakerStartingAt(tokens, cue.last + 1, unit.last);
    if (
      speaker &&
      !(
        speaker.mentions.length === 1 &&
        speaker.mentions[0].kind === 'pronoun' &&
        speaker.mentions[0].text.toLowerCase() === 'it'
      )
    ) {
      const tail = frameTail(tokens, speaker.last + 1, unit.last);
      // The span ends with the speaker's name; an appositive after it ("…, said Claire
      // Moreau-Vidal, a spokeswoman") describes the speaker but is not part of the frame.
      const nameEnd = Math.max(...speaker.mentions.map((mention) => mention.last));
      if (tail.rest <= 0)
        return {
          cue,
          rule: 'inverted',
          speaker,
          negated,
          contentSide: 'before',
          frameFirst: cue.first,
          frameLast: tail.last > speaker.last ? tail.last : nameEnd,
        };
    }
  }
  if (left < floor) return undefined;
  const speaker = speakerEndingAt(tokens, left, floor);
  if (!speaker) return undefined;
  // A bare base form needs a plural subject: "analysts expect", "officials say".
  if (cue.tense === 'base' && !walkedOver && !speaker.mentions.every((mention) => mention.plural))
    return undefined;
  const documentSpeaker = speaker.mentions[0].document !== undefined;
  const rule: FrameRule = documentSpeaker ? 'document' : 'preposed';
  const anchor = preposed(tokens, unit, cue, rule, speaker, negated, inQuote);
  // ". which he described as …": the relative pronoun opens the frame.
  const relative = tokenAt(tokens, speaker.first - 1);
  if (
    anchor &&
    relativePronouns.has(relative.lower) &&
    isSeparator(tokenAt(tokens, speaker.first - 2))
  )
    return { ...anchor, frameFirst: speaker.first - 1 };
  if (anchor) return anchor;
  // Nothing after the cue but an addressee or a time: the content came before.
  const tail = tailAfterCue(tokens, cue, unit.last);
  if (tail.rest > 0) return undefined;
  // A frame after its content is set off by punctuation: "…, X said", "…” X said", "…. X said".
  let beforeIndex = speaker.first - 1;
  while (beforeIndex > unit.first && determiners.has(tokenAt(tokens, beforeIndex).lower))
    beforeIndex--;
  const beforeSpeaker = tokenAt(tokens, beforeIndex);
  if (speaker.first > unit.first && beforeSpeaker.kind !== 'quote' && !isSeparator(beforeSpeaker))
    return undefined;
  return {
    cue,
    rule: 'postposed',
    speaker,
    negated,
    contentSide: 'before',
    frameFirst: speaker.first,
    frameLast: tail.last,
    addressee: tail.addressee,
  };
}

const citedMaterial = new Set([
  'figures',
  'data',
  'statistics',
  'numbers',
  'estimates',
  'information',
  'research',
  'a',
  'an',
  'new',
  'official',
  'latest',
  'preliminary',
]);

/**
 * "…, the Pacific Wire Service reported, citing figures from CNCERT": the cited source is where
 * the claim comes from. Its attribution covers the content and the whole frame, to the end of
 * the cited source's name.
 */
function citing(tokens: readonly Token[], unit: Unit, cue: Cue): FrameAnchor | undefined {
  let first = cue.last + 1;
  while (citedMaterial.has(tokenAt(tokens, first).lower) && first < unit.last) first++;
  if (['from', 'by', 'of'].includes(tokenAt(tokens, first).lower)) first++;
  const speaker = speakerStartingAt(tokens, first, unit.last);
  if (!speaker) return undefined;
  let last = speaker.last;
  while (
    last + 1 <= unit.last &&
    !isSeparator(tokenAt(tokens, last + 1)) &&
    tokenAt(tokens, last + 1).kind !== 'quote'
  )
    last++;
  return {
    cue: { ...cue, stance: 'asserts' },
    rule: 'citing',
    speaker,
    negated: false,
    contentSide: 'before',
    frameFirst: cue.first,
    frameLast: last,
  };
}

/** A frame whose content follows the cue, or undefined when nothing that reads as content does. */
function preposed(
  tokens: readonly Token[],
  unit: Unit,
  cue: Cue,
  rule: FrameRule,
  speaker: SpeakerPhrase | undefined,
  negated: boolean,
  inQuote: Uint8Array,
): FrameAnchor | undefined {
  const tail = tailAfterCue(tokens, cue, unit.last);
  let contentFirst = tail.last + 1;
  let complement: 'that' | 'quote' | 'colon' | 'clause' | 'object' | 'none' = 'none';
  const next = tokenAt(tokens, contentFirst);
  if (!next || contentFirst > unit.last) return undefined;
  if (
    next.lower === 'that' ||
    next.lower === 'whether' ||
    (next.lower === 'if' && cue.lemma === 'ask')
  ) {
    complement = 'that';
    contentFirst++;
  } else if (
    next.kind === 'punct' &&
    (next.text === ':' || next.text === ',') &&
    tokenAt(tokens, contentFirst + 1)?.kind === 'quote'
  ) {
    complement = 'colon';
    contentFirst++;
  } else if (next.kind === 'quote' || inQuote[contentFirst]) {
    complement = 'quote';
  } else if (next.kind === 'punct') {
    return undefined;
  } else if (cue.takesObject) {
    complement = 'object';
  } else if (
    next.lower === 'to' &&
    tokenAt(tokens, contentFirst + 1)?.kind === 'word' &&
    (cue.kind === 'speech' || cue.kind === 'cognition')
  ) {
    // "promised to add 15 routes", "vowed to fight on": an infinitive is the content.
    complement = 'clause';
  } else if (cue.kind === 'speech' || cue.kind === 'cognition') {
    // "said the plan was…": a clause with its own verb.
    if (!hasFiniteVerb(tokens, contentFirst, Math.min(unit.last, contentFirst + 12)))
      return undefined;
    complement = 'clause';
  }
  if (complement === 'none') return undefined;
  if (rule === 'participle' && complement === 'object' && cue.kind !== 'speech') return undefined;
  const words = countContentWords(tokens, contentFirst, unit.last);
  if (words < 2) return undefined;
  return {
    cue,
    rule,
    speaker,
    negated,
    contentSide: 'after',
    frameFirst: speaker?.first ?? cue.first,
    frameLast: tail.last,
    contentFirst,
    addressee: tail.addressee,
  };
}
