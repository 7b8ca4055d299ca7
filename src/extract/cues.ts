import type { SeedAttribution } from '../ingest/seedFormat.js';
import { lookupReportingVerb, matchPhrasalCue, negationBefore } from './reportingVerbs.js';
import { tokenAt, type Token } from './tokens.js';

/** A stance as the seed format spells it. */
export type Stance = SeedAttribution['stance'];

/** A cue found at a token: the reporting verb (or "according to") and what it implies. */
export interface Cue {
  readonly first: number;
  readonly last: number;
  /** As written, lower case: "said", "has confirmed" is just "confirmed", "according to". */
  readonly text: string;
  readonly lemma: string;
  readonly stance: Stance;
  readonly tense: 'base' | 'third-person' | 'past' | 'participle' | 'gerund' | 'phrase';
  /** "told the Global Times": the object names who was told, not what. */
  readonly takesAddressee: boolean;
  /** How the verb relates to its content (speech, belief, a document's finding). */
  readonly kind: 'speech' | 'cognition' | 'finding' | 'document' | 'according';
  /** The verb takes a noun phrase as its content: "denied Russian state involvement". */
  readonly takesObject: boolean;
}

// Verbs whose noun-phrase object is itself the claim ("denied the report", "rejected claims that
// …", "confirmed the figures"); other verbs need a clause, "that" or a quotation.
const objectVerbs = new Set(
  `deny reject refute repudiate disavow dismiss dispute question contest challenge doubt confirm
  verify corroborate acknowledge admit concede accuse charge blame propose predict forecast
  expect anticipate announce allege claim criticise criticize condemn welcome praise rebut deny
  suspect fear report cite describe call characterise characterize brand portray depict label dub`.split(
    /\s+/,
  ),
);

/** The cue at token `index`, if one starts there. */
export function cueAt(tokens: readonly Token[], index: number): Cue | undefined {
  const token = tokenAt(tokens, index);
  if (token.kind !== 'word') return undefined;
  if (token.lower === 'according' && tokenAt(tokens, index + 1)?.lower === 'to') {
    return {
      first: index,
      last: index + 1,
      text: 'according to',
      lemma: 'according to',
      stance: 'asserts',
      tense: 'phrase',
      takesAddressee: false,
      kind: 'according',
      takesObject: false,
    };
  }
  const words: string[] = [];
  for (let next = index; next < Math.min(tokens.length, index + 4); next++)
    words.push(tokenAt(tokens, next).lower);
  const phrasal = matchPhrasalCue(words, 0);
  if (phrasal) {
    return {
      first: index,
      last: index + phrasal.length - 1,
      text: words.slice(0, phrasal.length).join(' '),
      lemma: phrasal.lemma,
      stance: phrasal.stance,
      tense: 'phrase',
      takesAddressee: false,
      kind: 'speech',
      takesObject: false,
    };
  }
  const form = lookupReportingVerb(token.lower);
  if (!form) return undefined;
  return {
    first: index,
    last: index,
    text: token.lower,
    lemma: form.lemma,
    stance: form.entry.defaultStance,
    tense: form.tense,
    takesAddressee: form.entry.takesAddressee,
    kind: form.entry.kind,
    takesObject: objectVerbs.has(form.lemma),
  };
}

/** Whether the cue at `index` is negated ("did not deny", "declined to confirm"). */
export function isNegatedAt(tokens: readonly Token[], index: number, floor: number): boolean {
  const before: string[] = [];
  for (let back = index - 1; back >= Math.max(floor, index - 5); back--) {
    if (tokenAt(tokens, back).kind === 'punct' || tokenAt(tokens, back).kind === 'break') break;
    before.unshift(tokenAt(tokens, back).lower);
  }
  return negationBefore(before);
}
