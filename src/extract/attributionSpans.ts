import type { FrameAnchor } from './frameAnchors.js';
import type { Mention } from './speakerPhrases.js';
import { tokenAt, type Token } from './tokens.js';
import type { Unit } from './units.js';
import { auxiliaries, fragmentOpeners, prepositions } from './wordClasses.js';

/**
 * Turns a unit's frames into attribution spans, with the seed's conventions: the span is the
 * content together with its frame, without the final full stop; a relaying source ("Xinhua
 * reported") whose content another frame already covers gets just its frame phrase; a content
 * of two predicates ("… China, and could escalate …") is two claims; a person's postposed frame
 * absorbs frames inside its content (the speaker's own reasoning, not separate speakers).
 */

/** One proposed attribution, in tokens. */
export interface SpanProposal {
  readonly anchor: FrameAnchor;
  /** Index into the unit's anchors of the anchor whose speaker it inherits, if any. */
  readonly inheritsFrom?: number;
  readonly spanFirst: number;
  readonly spanLast: number;
  readonly contentFirst: number;
  readonly contentLast: number;
  /** The speaker relays another's claim: a media report. */
  readonly relay: boolean;
  /** For relays: the proposals (indexes in this unit's list) whose claims it relays. */
  readonly relays: readonly number[];
  /** False when the relay's span is only its frame, carrying no claim of its own. */
  readonly ownClaim: boolean;
  /** The rule recorded as evidence. */
  readonly rule: string;
  /** For a cited source: the proposal (index in this unit's list) that cites it. */
  readonly citedBy?: number;
}

const trailingConnectors = new Set(['and', 'with', 'but', 'while', 'as', 'or', 'that', 'so']);
const separators = new Set([',', '.', ';', ':', '—', '–', '(']);

function trim(tokens: readonly Token[], first: number, last: number): [number, number] {
  let start = first;
  let end = last;
  while (
    start <= end &&
    ((tokenAt(tokens, start).kind === 'punct' && separators.has(tokenAt(tokens, start).text)) ||
      tokenAt(tokens, start).kind === 'break')
  )
    start++;
  while (
    end >= start &&
    ((tokenAt(tokens, end).kind === 'punct' && separators.has(tokenAt(tokens, end).text)) ||
      tokenAt(tokens, end).kind === 'break' ||
      (tokenAt(tokens, end).kind === 'word' && trailingConnectors.has(tokenAt(tokens, end).lower)))
  )
    end--;
  return [start, end];
}

/** Whether the tokens before a speaker are an adverbial the span takes in ("In March.", "Speaking …"). */
function isAdverbialPrefix(tokens: readonly Token[], first: number, last: number): boolean {
  let words = 0;
  for (let index = first; index <= last; index++) {
    const token = tokenAt(tokens, index);
    if (token.kind === 'quote') return false;
    if (token.kind !== 'word' && token.kind !== 'number') continue;
    words++;
    if (auxiliaries.has(token.lower)) return false;
  }
  if (words === 0 || words > 12) return words === 0;
  const opener = tokenAt(tokens, first).lower;
  return (
    fragmentOpeners.has(opener) ||
    prepositions.has(opener) ||
    opener.endsWith('ing') ||
    ['but', 'however', 'meanwhile', 'separately', 'yet', 'still', 'and', 'also'].includes(opener) ||
    tokenAt(tokens, first).kind === 'number'
  );
}

/** The attribution spans of one unit. */
export function proposeSpans(
  tokens: readonly Token[],
  unit: Unit,
  anchors: readonly FrameAnchor[],
  quotationAt: (first: number, last: number) => boolean,
  inQuote: Uint8Array,
): SpanProposal[] {
  const kept = dropEmbedded(anchors);
  const proposals: SpanProposal[] = [];
  const isRelay = (anchor: FrameAnchor) =>
    anchor.cue.stance === 'reports' && anchor.contentSide === 'before';
  const absorbed = new Set<number>();

  // Postposed frames: where their content starts, and which earlier frames they take in.
  const contentStart = new Map<number, number>();
  for (const [index, anchor] of kept.entries()) {
    if (anchor.contentSide !== 'before' || anchor.rule === 'citing') continue;
    let start = unit.first;
    for (let back = index - 1; back >= 0; back--) {
      const earlier = kept[back];
      if (!earlier) continue;
      if (
        earlier.contentSide === 'before' ||
        earlier.contentSide === 'around' ||
        earlier.rule === 'participle'
      ) {
        start = earlier.frameLast + 1;
        break;
      }
      if (!isRelay(anchor)) absorbed.add(back);
    }
    contentStart.set(index, start);
  }

  const indexOf = new Map<number, number>();
  for (const [index, anchor] of kept.entries()) {
    if (absorbed.has(index)) continue;
    if (anchor.rule === 'citing') {
      // The cited source says what the frame before it relays: same content, a wider span.
      const cited = proposals[proposals.length - 1];
      if (!cited) continue;
      proposals.push({
        anchor,
        spanFirst: cited.spanFirst,
        spanLast: anchor.frameLast,
        contentFirst: cited.contentFirst,
        contentLast: cited.contentLast,
        relay: false,
        relays: [],
        ownClaim: cited.ownClaim,
        citedBy: proposals.length - 1,
        rule: 'frame:citing',
      });
      continue;
    }
    const next = kept.slice(index + 1).find((_, offset) => !absorbed.has(index + 1 + offset));
    const boundary = next
      ? (next.contentSide === 'before' ? next.frameFirst : next.frameFirst) - 1
      : unit.last;
    let spanFirst: number;
    let spanLast: number;
    let contentFirst: number;
    let contentLast: number;
    if (anchor.contentSide === 'after') {
      [contentFirst, contentLast] = trim(
        tokens,
        anchor.contentFirst ?? anchor.frameLast + 1,
        boundary,
      );
      spanFirst = anchor.rule === 'participle' ? anchor.cue.first : anchor.frameFirst;
      if (anchor.rule === 'preposed' || anchor.rule === 'document') {
        const [prefixFirst, prefixLast] = trim(tokens, unit.first, anchor.frameFirst - 1);
        const previousEnd = kept[index - 1]?.frameLast ?? -1;
        if (
          previousEnd < unit.first &&
          (prefixFirst > prefixLast ||
            isAdverbialPrefix(tokens, prefixFirst, prefixLast) ||
            quotationAt(prefixFirst, prefixLast))
        )
          spanFirst = unit.first;
      }
      spanLast = contentLast;
    } else if (anchor.contentSide === 'before') {
      [contentFirst, contentLast] = trim(
        tokens,
        contentStart.get(index) ?? unit.first,
        anchor.frameFirst - 1,
      );
      spanFirst = contentFirst;
      spanLast = anchor.frameLast;
    } else {
      // according to: the content is the rest of the unit.
      const [beforeFirst, beforeLast] = trim(
        tokens,
        (kept[index - 1]?.frameLast ?? unit.first - 1) + 1,
        anchor.frameFirst - 1,
      );
      const [afterFirst, afterLast] = trim(tokens, anchor.frameLast + 1, boundary);
      const beforeWords = beforeLast - beforeFirst;
      const afterWords = afterLast - afterFirst;
      if (beforeWords >= afterWords) {
        [contentFirst, contentLast] = [beforeFirst, beforeLast];
        spanFirst = beforeFirst;
        spanLast = afterWords > 0 ? afterLast : anchor.frameLast;
      } else {
        [contentFirst, contentLast] = [afterFirst, afterLast];
        spanFirst = beforeWords > 0 ? beforeFirst : anchor.frameFirst;
        spanLast = afterLast;
      }
    }
    if (contentLast < contentFirst) continue;
    const relay = isRelay(anchor);
    const relays: number[] = [];
    let ownClaim = true;
    let first = spanFirst;
    if (relay) {
      for (const [anchorIndex, proposalIndex] of indexOf) {
        const earlier = proposals[proposalIndex];
        if (earlier && anchorIndex < index && earlier.spanFirst >= contentFirst)
          relays.push(proposalIndex);
      }
      const relayed = relays.flatMap((proposalIndex) => proposals[proposalIndex] ?? []);
      const covered = relayed.some((proposal) => proposal.spanFirst <= contentFirst + 1);
      if (covered && relays.length > 0) {
        const lastRelayed = Math.max(...relayed.map((proposal) => proposal.spanLast));
        if (lastRelayed >= contentLast - 1) {
          ownClaim = false;
          first = anchor.frameFirst;
        }
      }
    }
    const base: SpanProposal = {
      anchor,
      inheritsFrom: anchor.inheritsFrom,
      spanFirst: first,
      spanLast,
      contentFirst,
      contentLast,
      relay,
      relays,
      ownClaim,
      rule: `frame:${anchor.rule}`,
    };
    // Two predicates in one content: "A, and could B" → two claims.
    const split =
      ownClaim && !relay ? splitPredicates(tokens, contentFirst, contentLast, inQuote) : undefined;
    indexOf.set(index, proposals.length);
    if (split) {
      const firstPart: SpanProposal = {
        ...base,
        contentLast: split.firstLast,
        spanLast: anchor.contentSide === 'before' ? split.firstLast : split.firstLast,
        spanFirst: anchor.contentSide === 'before' ? contentFirst : base.spanFirst,
        rule: `${base.rule}+split`,
      };
      const secondPart: SpanProposal = {
        ...base,
        contentFirst: split.secondFirst,
        spanFirst: split.secondFirst,
        spanLast: anchor.contentSide === 'before' ? spanLast : contentLast,
        rule: `${base.rule}+split`,
      };
      proposals.push(firstPart, secondPart);
    } else proposals.push(base);
  }
  return proposals;
}

/** "it suspected that", "he expects": a pronoun frame opening another frame's content. */
function dropEmbedded(anchors: readonly FrameAnchor[]): FrameAnchor[] {
  const kept: FrameAnchor[] = [];
  for (const anchor of anchors) {
    const outer = kept[kept.length - 1];
    const mention: Mention | undefined = anchor.speaker?.mentions[0];
    if (
      outer &&
      outer.contentSide === 'after' &&
      mention?.kind === 'pronoun' &&
      anchor.speaker &&
      outer.contentFirst !== undefined &&
      anchor.speaker.first <= outer.contentFirst + 1
    ) {
      // Only a belief or expectation of the speaker's own changes the stance ("announced it
      // suspected", "said he expects"); "saying it had questioned …" reports someone else.
      const embedded = anchor.cue.stance;
      const stance =
        anchor.cue.kind === 'cognition' && embedded !== 'asserts' && embedded !== 'reports'
          ? embedded
          : outer.cue.stance;
      kept[kept.length - 1] = { ...outer, cue: { ...outer.cue, stance } };
      continue;
    }
    kept.push(anchor);
  }
  return kept;
}

const coordinatedVerb =
  /^(could|would|will|should|can|may|might|must|has|have|had|is|are|was|were|did|does)$/;
function splitPredicates(
  tokens: readonly Token[],
  first: number,
  last: number,
  inQuote: Uint8Array,
): { firstLast: number; secondFirst: number } | undefined {
  for (let index = first + 3; index < last - 2; index++) {
    // The speaker's own words in quotation marks stay whole.
    if (inQuote[index]) continue;
    const token = tokenAt(tokens, index);
    if (token.kind !== 'punct' || (token.text !== ',' && token.text !== '.')) continue;
    const conjunction = tokenAt(tokens, index + 1).lower;
    if (conjunction !== 'and' && conjunction !== 'but') continue;
    const next = tokenAt(tokens, index + 2).lower;
    // "…, and could escalate …" (a second predicate), "…, but that it was too early …" (a
    // second clause of the same cue): each is a claim of its own.
    if (next === 'that' || (conjunction === 'and' && coordinatedVerb.test(next)))
      return { firstLast: index - 1, secondFirst: index + 2 };
  }
  return undefined;
}
