/**
 * Word closeness of two claims: the overlap of their content words after light stemming. Function
 * words, numbers and time words are left out, since figures and times are checked on their own
 * (claimFigures.ts, claimTimes.ts) and would otherwise make "the same words for another year" look
 * closer or further than it is. General English only, no words of any particular article.
 */

const set = (words: string): ReadonlySet<string> => new Set(words.split(/\s+/).filter(Boolean));

/** Function words, auxiliaries, modals and vague adverbs: they carry no proposition of their own. */
const stopwords = set(`a an the this that these those there here it its it's they them their
  theirs he him his she her hers we us our ours you your yours i me my mine who whom whose which
  what when where why how whether if then than as so such and or nor but yet also too very just
  even still already only ever again is are was were be been being am has have had having do does
  did doing done will would shall should can could may might must ought of in on at by for from
  to with about into onto over under after before during since until through across against among
  between within without via per amid toward towards upon aside off out up down around along
  near each every any some all both either other another own same itself themselves himself
  herself itself one's s something anything everything nothing someone anyone everyone
  currently now today yesterday tomorrow recently later earlier ago meanwhile`);

/** Number words: figures are compared as quantities, not as words. */
const numberWords = set(`zero one two three four five six seven eight nine ten eleven twelve
  thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty
  seventy eighty ninety hundred hundreds thousand thousands million millions billion billions
  trillion bn m dozen dozens twice thrice half halves third thirds quarter quarters fifth fifths
  first second fourth sixth seventh eighth ninth tenth`);

/** Time words: times are compared through refersTo and the years a text names. */
const timeWords = set(`january february march april may june july august september october
  november december monday tuesday wednesday thursday friday saturday sunday year years month months
  week weeks day days spring summer autumn winter annual annually last next late early`);

/** Irregular verb forms of news prose, mapped to the form the stemmer gives the base. */
const irregularForms: ReadonlyMap<string, string> = new Map(
  `fell:fall fallen:fall rose:rise risen:rise paid:pay said:say took:take taken:take gave:give given:give
   made:make held:hold sold:sell bought:buy brought:bring began:begin begun:begin grew:grow
   grown:grow led:lead left:leave lost:lose met:meet sent:send spent:spend won:win wrote:write
   written:write told:tell thought:think found:find saw:see seen:see went:go gone:go came:come
   became:become knew:know known:know struck:strike ran:run broke:break broken:break chose:choose
   chosen:choose stood:stand drove:drive driven:drive fought:fight kept:keep meant:mean
   spoke:speak spoken:speak stole:steal stolen:steal withdrew:withdraw withdrawn:withdraw
   built:build hid:hide hidden:hide froze:freeze frozen:freeze sought:seek taught:teach
   caught:catch felt:feel dealt:deal shook:shake`
    .split(/\s+/)
    .filter(Boolean)
    .map((pair) => pair.split(':') as [string, string]),
);

const suffixes = ['ations', 'ation', 'ments', 'ment', 'ness', 'ingly', 'ings', 'ing', 'edly', 'ed'];

/** A light suffix stripper: enough for "attacks"/"attacked"/"attacking" to share a stem. */
export function stem(word: string): string {
  let w = irregularForms.get(word) ?? word;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ied') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  for (const suffix of suffixes) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  if (w.endsWith('er') && w.length >= 6) w = w.slice(0, -2);
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  if (/([^aeiou])\1$/.test(w) && w.length > 3) w = w.slice(0, -1);
  if (w.endsWith('i')) w = `${w.slice(0, -1)}y`;
  return w;
}

/** Whether a lower-case word is left out of the word comparison. */
export function isIgnoredWord(lower: string): boolean {
  return stopwords.has(lower) || numberWords.has(lower) || timeWords.has(lower);
}

/** One content word of a claim: its stem, and the lower-case word it came from. */
export interface ContentWord {
  readonly stem: string;
  readonly lower: string;
}

/**
 * Joins two adjacent words of one side where the other side writes them as one ("cyber attacks"
 * and "cyberattacks"), so spelling a compound open or closed does not count as a difference.
 */
function joinCompounds(
  words: readonly ContentWord[],
  other: ReadonlySet<string>,
): readonly string[] {
  const stems: string[] = [];
  for (let i = 0; i < words.length; i += 1) {
    const here = words[i]!;
    const next = words[i + 1];
    const joined = next === undefined ? undefined : stem(here.lower + next.lower);
    if (joined !== undefined && !other.has(here.stem) && other.has(joined)) {
      stems.push(joined);
      i += 1;
    } else stems.push(here.stem);
  }
  return stems;
}

/** Shared leading letters at which two different stems still count as one word. */
const prefixMatchLength = 5;
/** What a prefix-only match is worth next to an exact one. */
const prefixMatchWeight = 0.75;

/**
 * What a named actor (a word "@id") weighs next to another word. Parties are compared on their
 * own (same set, same roles); counted in full, two names would make "China hacked the US" and
 * "China has long prepared for the US" look half the same claim.
 */
const actorWordWeight = 0.5;
const weight = (word: string): number => (word.startsWith('@') ? actorWordWeight : 1);
const totalWeight = (words: ReadonlySet<string>): number =>
  [...words].reduce((sum, word) => sum + weight(word), 0);

/**
 * Weighted Dice coefficient of the two sets of content stems, 0..1 (1: the same words in any
 * order). A stem that only shares its first letters with one of the other side (a form the
 * stemmer missed: "demonizing", "demonization") counts three quarters.
 */
export function wordCloseness(a: readonly ContentWord[], b: readonly ContentWord[]): number {
  const aSet = new Set(joinCompounds(a, new Set(b.map((word) => word.stem))));
  const bSet = new Set(joinCompounds(b, aSet));
  if (aSet.size === 0 || bSet.size === 0) return 0;
  let shared = 0;
  const unmatched: string[] = [];
  for (const word of aSet) {
    if (bSet.has(word)) shared += weight(word);
    else unmatched.push(word);
  }
  const bUnmatched = [...bSet].filter((word) => !aSet.has(word));
  const used = new Set<string>();
  for (const word of unmatched) {
    if (word.length < prefixMatchLength) continue;
    const partner = bUnmatched.find(
      (other) =>
        !used.has(other) &&
        other.length >= prefixMatchLength &&
        (other.startsWith(word) || word.startsWith(other) || commonPrefix(word, other) >= 6),
    );
    if (partner === undefined) continue;
    used.add(partner);
    shared += prefixMatchWeight;
  }
  return (2 * shared) / (totalWeight(aSet) + totalWeight(bSet));
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  return i;
}
