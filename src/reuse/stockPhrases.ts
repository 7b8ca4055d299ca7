/**
 * The stoplist: stock phrases of news writing that independent reporters produce word for word
 * ("told reporters on Monday", "said in a statement", "on condition of anonymity", "(With input
 * from Reuters)"). Two stories about the same event share these without one copying the other.
 * They act twice: a k-gram whose words are part of a stock phrase is not fingerprinted (which
 * only phrases of at least k words can hold), and alignment does not count words of stock phrases
 * towards a passage's evidence (alignPassages.ts), which is where the short ones ("on Monday")
 * matter.
 *
 * The list is written for news English. To extend it, add a line to `stockPhraseLines`: words as
 * they normalise (lower case, no apostrophes, hyphens split into words), `a|an` for alternatives
 * of one word, a trailing `?` for an optional word, and `{class}` for one word of a class below
 * (`{number}` is any all-digit word). Keep entries free of story content: a phrase belongs here
 * only if unrelated stories would write it identically, since each entry also hides that wording
 * when it is copied. Other languages need lists of their own. Changing the list changes which
 * k-grams are fingerprinted, so fingerprints stored before the change should be recomputed.
 */
import { normaliseWord } from './reuseTokens.js';

const wordClasses: Readonly<Record<string, string>> = {
  weekday: 'monday tuesday wednesday thursday friday saturday sunday',
  month: `january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec`,
  period: 'week weekend month year morning afternoon evening night',
  daypart: 'morning afternoon evening night',
  agency: `reuters ap afp xinhua tass interfax ria novosti yonhap kyodo bernama anadolu efe ansa dpa
    upi pti ians aap`,
  body: `ministry government company agency statement report police official officials spokesman
    spokeswoman spokesperson source sources minister embassy department office army military
    authorities court group`,
  pronoun: 'he she they it we',
  verb: 'said told added noted announced confirmed warned stressed insisted wrote denied',
};

// One phrase a line; see the header for the syntax. `#` starts a comment line.
const stockPhraseLines = `
  # Agencies, datelines and credits: "MOSCOW (Reuters) -", "(With input from AFP)".
  {agency}
  associated press
  agence france presse
  state|official? news agency
  {agency} news agency reported
  {agency} reported
  local|state? media reported
  state media|television
  with input from
  additional? reporting by
  writing|editing|compiled by
  contributed to this report
  contributed reporting

  # Attribution frames.
  {pronoun}? {verb} reporters|journalists that?
  {pronoun}? {verb} reporters|journalists on {weekday} that?
  {pronoun}? {verb} reporters|journalists in|at
  told the media
  told local|state media|television
  told a|the news|press conference|briefing
  at a|the regular? news|press conference|briefing
  at a|the regular? news|press conference|briefing on {weekday}
  news|press conference|briefing
  {pronoun}? {verb} in a|an statement|interview
  {pronoun}? {verb} in a|an statement|interview on {weekday} that?
  {pronoun}? {verb} in a|an statement|interview that
  in a|an statement|interview on {weekday}
  in a|an statement|interview
  in an interview with
  a|the statement said
  according to a|the statement
  the {body} said
  the {body} said in a statement
  the {body} said on {weekday}
  the {body} {verb} on {weekday} that
  the foreign ministry said
  a spokesman|spokeswoman|spokesperson for the?
  a spokesman|spokeswoman|spokesperson said
  {pronoun}? {verb} on {weekday} that|it|the
  {verb} late|early on {weekday}
  on condition of anonymity
  spoke|speaking on condition of anonymity
  who spoke on condition of anonymity
  who asked not to be named|identified
  declined to be named|identified
  asked not to be named|identified
  declined to comment
  declined to comment on
  declined to give details
  declined to elaborate
  could not be reached for comment
  did not immediately? respond to a request for comment
  did not immediately? respond to requests for comment
  did not immediately? return a request for comment
  was|were not authorised|authorized to speak publicly
  was|were not authorised|authorized to speak to the media
  it was not immediately clear
  it was not clear
  on social media
  in a social media post
  in a post on

  # Dates and times: "on Monday", "in March", "earlier this week", "on May 4".
  on {weekday}
  on {weekday} {daypart}
  late|early on {weekday}
  {weekday} {daypart}
  last|next|this|on|by|from|until|since {weekday}
  in|since|until|by|from|last|next|early|late|mid {month}
  in {month} last|this year
  on|since|until|by {month} {number}
  {month} {number}
  {number} {month}
  earlier|later this {period}
  last|next|this {period}
  local time

  # Phrases so common in news that their k-grams sat in 1-10 % of the lookup benchmark's sources
  # (bench/reuse/lookup): long posting lists, and chance links with a stock phrase around them.
  at the end of the? {period}?
  at the start|beginning of the? {period}?
  for the first time
  for the first time since
  more than a|one million|billion
  at least {number} people were killed|injured|hurt
  according to the {body}

  # Market units every report of a rate decision uses.
  a|one|{number} percentage point|points
  half a percentage point
  a quarter of a percentage point
  {number} basis points

  # Page furniture.
  all rights reserved
  copyright {number}
  click here
  read more
  sign up
  this story has been updated
`;

/** One word position of a compiled phrase: the words it accepts, or any all-digit word. */
type Slot = ReadonlySet<string> | 'number';

const slotsOf = (word: string): Slot[][] => {
  const optional = word.endsWith('?');
  const body = optional ? word.slice(0, -1) : word;
  const className = /^\{(\w+)\}$/.exec(body)?.[1];
  let slot: Slot;
  if (className === 'number') slot = 'number';
  else if (className !== undefined) {
    const members = wordClasses[className];
    if (members === undefined) throw new Error(`stockPhrases: unknown class {${className}}`);
    slot = new Set(members.split(/\s+/).filter(Boolean));
  } else slot = new Set(body.split('|').map(normaliseWord));
  return optional ? [[slot], []] : [[slot]];
};

/** Every concrete slot sequence of one line: optional words expand into with and without. */
const compile = (line: string): Slot[][] =>
  line
    .split(/\s+/)
    .filter(Boolean)
    .reduce<Slot[][]>(
      (prefixes, word) => prefixes.flatMap((prefix) => slotsOf(word).map((s) => [...prefix, ...s])),
      [[]],
    );

const phrases: readonly (readonly Slot[])[] = stockPhraseLines
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'))
  .flatMap(compile);

const digits = /^\p{N}+$/u;
const accepts = (slot: Slot, norm: string): boolean =>
  slot === 'number' ? digits.test(norm) : slot.has(norm);

/** A phrase and one of its word positions. */
interface PhrasePlace {
  readonly phrase: readonly Slot[];
  readonly offset: number;
}

// Every position of every phrase, indexed by the words it accepts; number slots are few.
const placesByWord = new Map<string, PhrasePlace[]>();
const numberPlaces: PhrasePlace[] = [];
for (const phrase of phrases)
  phrase.forEach((slot, offset) => {
    if (slot === 'number') numberPlaces.push({ phrase, offset });
    else
      for (const word of slot) {
        const places = placesByWord.get(word);
        if (places) places.push({ phrase, offset });
        else placesByWord.set(word, [{ phrase, offset }]);
      }
  });

const placesOf = (norm: string): readonly PhrasePlace[] =>
  digits.test(norm) ? numberPlaces : (placesByWord.get(norm) ?? []);

/** Whether `norms` from index `start` follow `phrase` from slot `offset` for `length` words. */
const follows = (
  norms: readonly string[],
  start: number,
  { phrase, offset }: PhrasePlace,
  length: number,
): boolean => {
  if (offset + length > phrase.length || start + length > norms.length) return false;
  for (let index = 0; index < length; index++) {
    const slot = phrase[offset + index];
    if (slot === undefined || !accepts(slot, norms[start + index] ?? '')) return false;
  }
  return true;
};

/** Marks the words of a normalised word sequence that lie inside a stock phrase (1) or not (0). */
export function stockPhraseMask(norms: readonly string[]): Uint8Array {
  const mask = new Uint8Array(norms.length);
  norms.forEach((norm, start) => {
    for (const place of placesOf(norm)) {
      if (place.offset !== 0) continue;
      const length = place.phrase.length;
      if (follows(norms, start, place, length)) mask.fill(1, start, start + length);
    }
  });
  return mask;
}

/**
 * Whether a word sequence (a k-gram) is part of some stock phrase, judged on its own words:
 * "not immediately respond to a" is, wherever it occurs. Fingerprinting asks this rather than
 * looking at the text around the k-gram, so a k-gram is skipped in every text or in none, which
 * the winnowing guarantee needs.
 */
export function withinStockPhrase(words: readonly string[]): boolean {
  const first = words[0];
  if (first === undefined) return false;
  return placesOf(first).some((place) => follows(words, 0, place, words.length));
}
