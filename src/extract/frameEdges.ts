import type { Cue } from './cues.js';
import { speakerStartingAt, type SpeakerPhrase } from './speakerPhrases.js';
import { tokenAt, type Token } from './tokens.js';
import { determiners, prepositions, pronounSpeakers } from './wordClasses.js';

/**
 * The edges of a frame: what stands between a speaker and a cue (a time phrase), what follows a
 * cue before its content (an addressee, time and place phrases), and whether a stretch reads as a
 * clause. Shared by the frame rules of frameAnchors.ts.
 */

const separatorTexts = new Set([',', '.', ';', ':', '—', '–']);
export const isSeparator = (token: Token | undefined): boolean =>
  !token || token.kind === 'break' || (token.kind === 'punct' && separatorTexts.has(token.text));

const timeWordsLeft =
  /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|week|month|year|morning|afternoon|evening|night|weekend|january|february|march|april|may|june|july|august|september|october|november|december)$/;
const timeGlueLeft = /^(on|last|this|in|earlier|late|early|the|next|at|during)$/;

/** Steps left over a time phrase such as "on Thursday", "last week", "in March 2019". */
export function skipTimePhraseLeft(tokens: readonly Token[], left: number, floor: number): number {
  const token = tokenAt(tokens, left);
  if (!timeWordsLeft.test(token.lower) && token.kind !== 'number') return left;
  let index = left;
  while (index > floor && left - index < 4) {
    const previous = tokenAt(tokens, index - 1);
    if (
      timeGlueLeft.test(previous.lower) ||
      timeWordsLeft.test(previous.lower) ||
      previous.kind === 'number'
    )
      index--;
    else break;
  }
  const opener = tokenAt(tokens, index);
  // Only a phrase opened by a preposition or "last/this/yesterday" is a time phrase here.
  if (index === left && !/^(yesterday|today|tonight)$/.test(token.lower)) return left;
  if (!timeGlueLeft.test(opener.lower) && !/^(yesterday|today|tonight)$/.test(opener.lower))
    return left;
  return index - 1;
}

const finiteHints =
  /^(is|are|was|were|has|have|had|will|would|could|can|should|may|might|must|did|does|do|'s|'re|'ll|'d|isn't|wasn't|aren't|weren't|won't|can't|don't|doesn't|didn't)$|[a-z]{3,}ed$/;
// Irregular past tenses: "found", "said", "rose" make a clause as surely as "-ed".
const irregularPast = new Set(
  `found said told made took gave went came saw knew thought held left put ran set showed began
  became brought bought kept met paid sent spent stood won wrote lost fell rose grew drew led sold
  built cut hit let meant read spoke understood felt heard got sat stuck struck fought caught
  taught sought chose froze drove flew threw wore tore broke woke hid bore`.split(/\s+/),
);
export function hasFiniteVerb(tokens: readonly Token[], first: number, last: number): boolean {
  for (let index = first; index <= last; index++) {
    const token = tokenAt(tokens, index);
    if (token.kind !== 'word') continue;
    if (finiteHints.test(token.lower) || irregularPast.has(token.lower)) return true;
  }
  return false;
}

export function countContentWords(tokens: readonly Token[], first: number, last: number): number {
  let words = 0;
  for (let index = first; index <= last; index++)
    if (tokenAt(tokens, index).kind === 'word' || tokenAt(tokens, index).kind === 'number') words++;
  return words;
}

export interface Tail {
  /** Last token of the frame: the cue, or the end of its addressee and time phrases. */
  readonly last: number;
  /** Words left in the unit after the tail, before a separator-led new clause. */
  readonly rest: number;
  readonly addressee?: SpeakerPhrase;
}

/** After a cue: its addressee ("told the Global Times") and time or place phrases. */
export function tailAfterCue(tokens: readonly Token[], cue: Cue, unitLast: number): Tail {
  let last = cue.last;
  let addressee: SpeakerPhrase | undefined;
  if (cue.takesAddressee) {
    const first = last + 1;
    const token = tokenAt(tokens, first);
    if (
      token &&
      token.kind === 'word' &&
      token.lower !== 'that' &&
      !prepositions.has(token.lower)
    ) {
      const bare =
        pronounSpeakers.has(token.lower) ||
        ['me', 'him', 'her', 'them', 'us', 'reporters', 'journalists', 'lawmakers'].includes(
          token.lower,
        );
      const phrase = bare ? undefined : speakerStartingAt(tokens, first, unitLast);
      if (bare) last = first;
      else if (phrase) {
        addressee = phrase;
        last = phrase.last;
      } else {
        // "told a council meeting", "told reporters": the listener runs to "that", a
        // preposition or a separator.
        let end = first;
        while (end + 1 <= unitLast && end - first < 5) {
          const next = tokenAt(tokens, end + 1);
          if (next.kind !== 'word' || next.lower === 'that' || prepositions.has(next.lower)) break;
          if (determiners.has(next.lower)) break;
          end++;
        }
        last = end;
      }
    }
  }
  const tail = frameTail(tokens, last + 1, unitLast);
  return { ...tail, addressee, last: tail.last === last + 0 ? last : tail.last };
}

const timeWords =
  /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|week|month|year|january|february|march|april|may|june|july|august|september|october|november|december|morning|afternoon|evening|night|weekend|earlier|later|last|this|next|late|early|mid|ago|quarter|spring|summer|autumn|fall|winter|statement|report|filing|release|results|note|conference|briefing|interview|event|meeting|summit|forum|hearing|session|speech|address|news|press|phone|call|email|post|message|letter|parliament|congress|court|television|radio|channel|broadcast|rally)$/;

/**
 * After a frame: prepositional phrases of time and place ("on Monday", "in late 2016", "at a
 * news conference in Geneva"). Returns where they end and how many words follow them.
 */
export function frameTail(
  tokens: readonly Token[],
  first: number,
  unitLast: number,
): { last: number; rest: number } {
  let last = first - 1;
  let index = first;
  while (index <= unitLast) {
    const token = tokenAt(tokens, index);
    if (
      token.kind === 'word' &&
      (prepositions.has(token.lower) ||
        /^(last|this|next|earlier|later|yesterday|today|tonight)$/.test(token.lower))
    ) {
      // A phrase: preposition, then words up to the next preposition, "that" or a separator.
      let end = index;
      let sawTimeOrPlace = timeWords.test(token.lower);
      while (end + 1 <= unitLast) {
        const next = tokenAt(tokens, end + 1);
        if (next.kind !== 'word' && next.kind !== 'number') break;
        if (next.lower === 'that' || (prepositions.has(next.lower) && end > index)) break;
        if (timeWords.test(next.lower) || next.kind === 'number' || next.capitalised)
          sawTimeOrPlace = true;
        end++;
        if (end - index > 6) break;
      }
      if (!sawTimeOrPlace) break;
      last = end;
      index = end + 1;
      continue;
    }
    break;
  }
  let rest = 0;
  for (let scan = last + 1; scan <= unitLast; scan++) {
    const token = tokenAt(tokens, scan);
    if (isSeparator(token) && rest === 0) {
      // A new clause after a separator ("…, adding that …") is not this frame's content.
      break;
    }
    if (token.kind === 'word' || token.kind === 'number' || token.kind === 'quote') rest++;
    if (isSeparator(token)) break;
  }
  return { last: Math.max(last, first - 1), rest };
}

void pronounSpeakers;
