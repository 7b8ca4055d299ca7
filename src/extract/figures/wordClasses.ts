/**
 * Word classes the figure extractor needs around a number: qualifiers that make it approximate,
 * words that end a counted noun phrase, nationality and location adjectives dropped from units,
 * and the plural test that finds the head of the phrase.
 */
import { wordSet } from './lexicon.js';

/** A qualifier phrase before a number. */
export interface Qualifier {
  readonly words: readonly string[];
  readonly timeLike: boolean;
}

const comparisonQualifiers = [
  'more than',
  'less than',
  'fewer than',
  'up to',
  'at least',
  'at most',
  'close to',
  'as many as',
  'as much as',
  'as few as',
  'in excess of',
  'upwards of',
  'just over',
  'just under',
  'well over',
  'an estimated',
  'nearly',
  'almost',
  'roughly',
  'approximately',
  'approx',
  'some',
  'estimated',
];
const timeLikeQualifiers = ['about', 'around', 'circa', 'over', 'under'];

/**
 * Qualifiers that make a figure approximate, as word sequences (lower case), longest first so
 * "just over" wins over "over". `timeLike` ones also go before dates ("around 2010"), so they do
 * not stop a bare four-digit number being read as a year.
 */
export const approximateQualifiers: readonly Qualifier[] = [
  ...comparisonQualifiers.map((phrase) => ({ words: phrase.split(' '), timeLike: false })),
  ...timeLikeQualifiers.map((phrase) => ({ words: [phrase], timeLike: true })),
].sort((left, right) => right.words.length - left.words.length);

/** Words that end a counted noun phrase: function words, auxiliaries, pronouns, some adverbs. */
export const phraseStops: ReadonlySet<string> = wordSet(
  'in on at by for from with without to into onto of about over under after before ' +
    'since during across against among amid between through throughout toward towards ' +
    'per than as like via within inside outside around near off out up down and or ' +
    'but nor so yet while whereas because although though if when where whether which ' +
    'who whom whose that is are was were be been being am have has had do does did ' +
    'will would shall should can could may might must it its they them their he she ' +
    'his her we us our you your i me my this these those there here now then also ' +
    'already still just only even ago each apiece respectively alone altogether a an ' +
    'the not no all both either neither every last next earlier later year-on-year',
);

/** Determiners and quantity adjectives skipped before a counted noun ("5 more people"). */
export const leadingDeterminers: ReadonlySet<string> = wordSet(
  'the a an these those their its his her our your my more other additional extra ' +
    'further fewer',
);

/**
 * Nationality and location adjectives dropped from a unit ("3.607 Chinese websites" counts
 * websites). Case kept: "US" is the country, "us" the pronoun.
 */
const nationalitySet: ReadonlySet<string> = wordSet(
  'US U.S. UK U.K. EU American Chinese British Russian Japanese German French ' +
    'Indian Korean Israeli Palestinian Iraqi Afghan Pakistani Saudi Turkish Ukrainian ' +
    'Polish Italian Spanish Dutch Swedish Norwegian Danish Finnish Swiss Belgian ' +
    'Greek Irish Scottish Welsh English Canadian Mexican Argentine Chilean Cuban Thai ' +
    'Filipino Kenyan Emirati Qatari Yemeni Somali Arab European Asian African Western ' +
    'Eastern North South Hong Kong domestic foreign overseas local international ' +
    'regional national nationwide global worldwide mainland',
);

// Capitalised demonyms not listed follow a few productive endings: Iranian, Vietnamese, Kurdish.
const demonymEnding = /^\p{Lu}\p{Ll}+(?:ian|ese|ish)$/u;

// Adjectives that say nothing about what is counted ("two independent hydrologists" count
// hydrologists); dropped from the unit, kept in the noun span.
const nonDefiningAdjectives = wordSet(
  'independent separate different various individual respective existing current former ' +
    'possible potential so-called new',
);

/** Tells whether a word inside a noun phrase is left out of the unit. */
export function isDroppedFromUnit(word: string): boolean {
  return nonDefiningAdjectives.has(word.toLowerCase()) || isNationality(word);
}

/** Tells whether a word (as written) is a nationality or location adjective. */
export function isNationality(word: string): boolean {
  if (nationalitySet.has(word)) return true;
  if (word.endsWith('-based')) return true;
  return demonymEnding.test(word);
}

/** Plurals that do not end in -s, and collective nouns counted like plurals. Lower case. */
const irregularPlurals: ReadonlySet<string> = wordSet(
  'people children men women police staff personnel cattle sheep fish deer aircraft ' +
    'spacecraft feet teeth mice geese data media crew livestock offspring clergy ' +
    'poultry militia bacteria criteria phenomena species series chinese japanese ' +
    'vietnamese',
);

/** Collective heads that a following plural extends ("police officers", "staff members"). */
export const extendableHeads: ReadonlySet<string> = new Set(['police', 'staff', 'military']);

/** Words that end in -s but are not plural nouns. */
const falsePlurals: ReadonlySet<string> = wordSet(
  'this his its was has is does yes thus plus less unless whereas perhaps always ' +
    'sometimes afterwards towards besides hers ours yours theirs news gas bias atlas ' +
    'alias canvas lens chaos ethos kudos politics economics physics as us tennis axis ' +
    'iris pelvis trellis chassis metropolis overseas whereabouts afterwards across',
);

// "-is" is singular in Greek and Latin words ("crisis", "hepatitis") but plural in "taxis",
// "skis", "Israelis".
const singularEndings = /(?:ss|us|sis|itis|ous|'s)$/;
const sibilantPlural = /(?:sses|shes|ches|xes|zes)$/;
const wordMenEnding = /[a-z]{2}men$/;
// "GPUs", "NGOs", "PCs": an acronym with a lower-case plural s.
const acronymPlural = /^\p{Lu}{2,}s$/u;

/**
 * Verbs in -s that follow a singular noun ("a third of the budget goes"): not a plural head
 * after another word of the phrase.
 */
const presentTenseVerbs: ReadonlySet<string> = new Set(
  (
    'goes does says makes takes comes seems remains shows means needs wants gets gives looks ' +
    'stands lives owns plays leads faces includes contains requires provides represents ' +
    'accounts belongs pays earns sits lies remains becomes stays happens appears exists ' +
    'depends reaches totals equals exceeds amounts rises falls grows drops'
  ).split(' '),
);

/** Tells whether a word after the first of a phrase is a verb in -s rather than a plural. */
export function isPresentTenseVerb(lower: string): boolean {
  return presentTenseVerbs.has(lower);
}

/** Tells whether a word is a plural noun: the head of a counted phrase ("servers", "people"). */
export function isPluralNoun(text: string, lower: string): boolean {
  if (irregularPlurals.has(lower)) return true;
  if (acronymPlural.test(text)) return true;
  if (lower.length < 3 || falsePlurals.has(lower)) return false;
  if (wordMenEnding.test(lower)) return lower !== 'specimen' && lower !== 'abdomen';
  if (lower.charCodeAt(lower.length - 1) !== 115 /* s */) return false;
  return !singularEndings.test(lower);
}

/** Reduces a plural to a crude singular so "servers" matches "server" when changes are owned. */
export function singular(lower: string): string {
  if (lower.endsWith('ies') && lower.length > 4) return `${lower.slice(0, -3)}y`;
  if (sibilantPlural.test(lower)) return lower.slice(0, -2);
  if (lower.endsWith('s') && !lower.endsWith('ss')) return lower.slice(0, -1);
  return lower;
}
