import type { KnownActor } from './articleInput.js';
import { proposeSpans, type SpanProposal } from './attributionSpans.js';
import { cueAt, type Cue, type Stance } from './cues.js';
import { findFrameAnchors } from './frameAnchors.js';
import { findQuotations, type Quotation } from './quotations.js';
import { stanceUnderNegation, lookupReportingVerb } from './reportingVerbs.js';
import { SpeakerResolver, type DraftActor } from './resolveSpeakers.js';
import { speakerEndingAt, speakerStartingAt } from './speakerPhrases.js';
import { tokenAt, tokenize, type Token } from './tokens.js';
import { splitUnits, type Unit } from './units.js';

/**
 * From text to attributions: tokens, quotations, sentence units, frames, spans, speakers. Pure
 * and deterministic; every offset points into the text as given.
 */

/** One attribution found in the text, before it becomes a draft record. */
export interface FoundAttribution {
  readonly actors: readonly [DraftActor];
  readonly cue: Cue;
  readonly stance: Stance;
  readonly speech: 'direct' | 'indirect';
  /** Span of the attribution (content and frame), offsets into the text. */
  readonly start: number;
  readonly end: number;
  /** Span of the content alone: the claim's words. */
  readonly contentStart: number;
  readonly contentEnd: number;
  /** Span of the frame: speaker, cue, addressee, time. */
  readonly frameStart: number;
  readonly frameEnd: number;
  readonly quotedWords: readonly {
    readonly text: string;
    readonly start: number;
    readonly end: number;
  }[];
  readonly rule: string;
  readonly confidence: number;
  /** A relaying source ("Xinhua reported"): indexes of the attributions it relays. */
  readonly relays: readonly number[];
  readonly relay: boolean;
  /** False when a relay's span is only its frame: it carries the relayed claims, not its own. */
  readonly ownClaim: boolean;
  /** The addressee of "told": an outlet that interviewed the speaker. */
  readonly addressee?: DraftActor;
  readonly negated: boolean;
  readonly paragraph: number;
  /** A cited source ("citing figures from CNCERT"): the attribution whose frame cites it. */
  readonly citedBy?: number;
}

/** Everything the attribution pass found. */
export interface AttributionPass {
  readonly tokens: readonly Token[];
  readonly units: readonly Unit[];
  readonly quotations: readonly Quotation[];
  readonly attributions: readonly FoundAttribution[];
  readonly actors: readonly DraftActor[];
}

/** Finds the attributions of an article and resolves their speakers. */
export function findAttributions(
  text: string,
  knownActors: readonly KnownActor[],
): AttributionPass {
  const tokens = tokenize(text);
  const isFrameOnly = (from: number, to: number) => isFrameOnlyPiece(tokens, from, to);
  const quotations = findQuotations(text, tokens, isFrameOnly);
  const inQuote = new Uint8Array(tokens.length);
  for (const quotation of quotations)
    for (
      let index = quotation.openToken + 1;
      index < quotation.lastToken || (!quotation.closed && index <= quotation.lastToken);
      index++
    )
      inQuote[index] = 1;
  const units = splitUnits(tokens, quotations, isFrameOnly);
  const resolver = new SpeakerResolver(knownActors, text);
  const attributions: FoundAttribution[] = [];

  const quotationsIn = (start: number, end: number) =>
    quotations.filter((quotation) => quotation.start < end && quotation.end > start);
  const isQuotation = (first: number, last: number) =>
    first <= last &&
    quotations.some(
      (quotation) =>
        quotation.start === tokenAt(tokens, first).start &&
        quotation.end >= tokenAt(tokens, last).end,
    );

  for (const unit of units) {
    const anchors = findFrameAnchors(tokens, unit, inQuote);
    const proposals = proposeSpans(tokens, unit, anchors, isQuotation, inQuote);
    // Index of the first attribution each proposal gave (undefined when it gave none).
    const firstAttributionOf: (number | undefined)[] = [];
    const actorsOfAnchor = new Map<SpanProposal['anchor'], DraftActor[]>();
    for (const [proposalIndex, proposal] of proposals.entries()) {
      const actors = speakersOf(proposal, anchors, actorsOfAnchor, resolver, tokens);
      if (actors.length === 0) continue;
      const start = tokenAt(tokens, proposal.spanFirst).start;
      const end = tokenAt(tokens, proposal.spanLast).end;
      const quoted = quotedWordsIn(quotationsIn(start, end), start, end, text);
      const anchor = proposal.anchor;
      const stance = stanceOf(anchor.cue, anchor.negated);
      if (stance === 'none') continue;
      const addressee = anchor.addressee?.mentions[0];
      const relayIndexes = proposal.relays
        .map((relayed) => firstAttributionOf[relayed])
        .filter((index): index is number => index !== undefined);
      const citedBy =
        proposal.citedBy === undefined ? undefined : firstAttributionOf[proposal.citedBy];
      firstAttributionOf[proposalIndex] = attributions.length;
      for (const actor of actors) {
        attributions.push({
          citedBy,
          actors: [actor],
          cue: anchor.cue,
          stance,
          speech: quoted.length > 0 ? 'direct' : 'indirect',
          start,
          end,
          contentStart: tokenAt(tokens, proposal.contentFirst).start,
          contentEnd: tokenAt(tokens, proposal.contentLast).end,
          frameStart: tokenAt(tokens, anchor.frameFirst).start,
          frameEnd: tokenAt(tokens, anchor.frameLast).end,
          quotedWords: quoted,
          rule: proposal.rule,
          confidence: confidenceOf(proposal, quoted.length > 0),
          relays: relayIndexes,
          relay: proposal.relay,
          ownClaim: proposal.ownClaim,
          addressee:
            addressee && addressee.kind === 'name'
              ? resolver.resolve(addressee, {
                  start: tokenAt(tokens, addressee.first).start,
                  end: tokenAt(tokens, addressee.last).end,
                })
              : undefined,
          negated: anchor.negated,
          paragraph: unit.paragraph,
        });
      }
    }
    if (proposals.length === 0) continueQuotation(unit);
  }
  return { tokens, units, quotations, attributions, actors: resolver.actors };

  /** A quoted sentence with no cue of its own continues the previous speaker's words. */
  function continueQuotation(unit: Unit): void {
    const previous = attributions[attributions.length - 1];
    if (!previous || unit.paragraph - previous.paragraph > 1) return;
    const quotation = quotations.find(
      (candidate) => candidate.start >= unit.start && candidate.start <= unit.start + 1,
    );
    if (!quotation) return;
    const unitLength = unit.end - unit.start;
    if (quotation.end - quotation.start < unitLength * 0.8) return;
    const quoted = quotedWordsIn([quotation], quotation.start, quotation.end, text);
    const sameSpeakers = attributions.filter(
      (attribution) => attribution.start === previous.start && attribution.end === previous.end,
    );
    for (const earlier of sameSpeakers) {
      attributions.push({
        ...earlier,
        speech: 'direct',
        start: quotation.start,
        end: Math.max(quotation.end, unit.end),
        contentStart: quotation.parts[0]?.start ?? quotation.start,
        contentEnd: quotation.parts[quotation.parts.length - 1]?.end ?? quotation.end,
        frameStart: quotation.start,
        frameEnd: quotation.start,
        quotedWords: quoted,
        rule: 'quote:continuation',
        confidence: 0.7,
        relays: [],
        relay: false,
        ownClaim: true,
        paragraph: unit.paragraph,
      });
    }
  }
}

function speakersOf(
  proposal: SpanProposal,
  anchors: readonly SpanProposal['anchor'][],
  actorsOfAnchor: Map<SpanProposal['anchor'], DraftActor[]>,
  resolver: SpeakerResolver,
  tokens: readonly Token[],
): DraftActor[] {
  const anchor = proposal.anchor;
  const cached = actorsOfAnchor.get(anchor);
  if (cached) return cached;
  let actors: DraftActor[];
  if (anchor.speaker) {
    actors = anchor.speaker.mentions.map((mention) =>
      resolver.resolve(mention, {
        start: tokenAt(tokens, mention.first).start,
        end: tokenAt(tokens, mention.last).end,
      }),
    );
  } else {
    const inherited = anchor.inheritsFrom !== undefined ? anchors[anchor.inheritsFrom] : undefined;
    const inheritedActors = inherited ? actorsOfAnchor.get(inherited) : undefined;
    const last = resolver.lastSpeaker();
    actors = inheritedActors ?? (last ? [last] : []);
  }
  actorsOfAnchor.set(anchor, actors);
  return actors;
}

function stanceOf(cue: Cue, negated: boolean): Stance | 'none' {
  if (!negated) return cue.stance;
  const verb = lookupReportingVerb(cue.lemma)?.entry;
  return stanceUnderNegation(cue.stance, verb);
}

function confidenceOf(proposal: SpanProposal, direct: boolean): number {
  const byRule: Record<string, number> = {
    preposed: 0.85,
    postposed: 0.85,
    inverted: 0.85,
    'according-to': 0.8,
    document: 0.7,
    participle: 0.75,
    coordinated: 0.65,
  };
  const base = byRule[proposal.anchor.rule] ?? 0.6;
  const split = proposal.rule.endsWith('+split') ? -0.1 : 0;
  return Math.round(Math.min(0.95, base + (direct ? 0.05 : 0) + split) * 100) / 100;
}

function quotedWordsIn(quotations: readonly Quotation[], start: number, end: number, text: string) {
  const words: { text: string; start: number; end: number }[] = [];
  for (const quotation of quotations)
    for (const part of quotation.parts) {
      const partStart = Math.max(part.start, start);
      const partEnd = Math.min(part.end, end);
      if (partEnd > partStart)
        words.push({ text: text.slice(partStart, partEnd), start: partStart, end: partEnd });
    }
  return words;
}

/** "Xinhua News Agency reported", "said the anonymous expert", "Bolton added": a frame alone. */
function isFrameOnlyPiece(tokens: readonly Token[], from: number, to: number): boolean {
  let last = to;
  while (
    last >= from &&
    (tokenAt(tokens, last).kind === 'punct' ||
      tokenAt(tokens, last).kind === 'break' ||
      tokenAt(tokens, last).kind === 'quote')
  )
    last--;
  if (last < from || last - from > 30) return false;
  for (let index = from; index <= last; index++)
    if (tokenAt(tokens, index).lower === 'that' || tokenAt(tokens, index).kind === 'quote')
      return false;
  for (let index = from; index <= last; index++) {
    const cue = cueAt(tokens, index);
    if (!cue || (cue.tense !== 'past' && cue.tense !== 'third-person')) continue;
    if (index === from) return speakerStartingAt(tokens, index + 1, last) !== undefined;
    const speaker = speakerEndingAt(tokens, index - 1, from);
    if (speaker && speaker.first === from) return last - cue.last <= 6;
    let skip = index - 1;
    while (skip >= from && /^(has|have|had|also|later|further)$/.test(tokenAt(tokens, skip).lower))
      skip--;
    const afterSkip = speakerEndingAt(tokens, skip, from);
    return afterSkip !== undefined && afterSkip.first === from && last - cue.last <= 6;
  }
  return false;
}
