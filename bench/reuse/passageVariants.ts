/**
 * The deterministic damage done to planted copies (bench/reuse/README.md, "Variants"). Both
 * transforms are pure; neither changes a text's length except by the words an edit swaps.
 */

/** How a planted passage was altered. */
export type PlantVariant = 'verbatim' | 'damaged' | 'edited';

/** Every variant, in the report's order. */
export const PLANT_VARIANTS: readonly PlantVariant[] = ['verbatim', 'damaged', 'edited'];

// Single quotes, apostrophes and double quotes, straight and curly, and the prime marks a CMS
// sometimes types for them: the seed shows all of them as backticks (China`s, `cyberwar`).
const quoteMarks = /['"\u2018\u2019\u201C\u201D\u2032\u2033]/g;

/**
 * The seed article's punctuation damage (seeds/cncert-2019.article.txt): every comma becomes a
 * full stop ("In 2018, 14,000 servers" → "In 2018. 14.000 servers", "3,325" → "3.325") and every
 * quotation mark or apostrophe becomes a backtick (China`s, `cyberwar`). Each character is
 * replaced by one character, so offsets into the text stay valid.
 */
export function damageLikeSeed(text: string): string {
  return text.replace(/,/g, '.').replace(quoteMarks, '`');
}

/**
 * The replacement words of an edit, used in turn. Ordinary words of news prose that fit many
 * places in a sentence; none is a stop word of the algorithm, so an edit always costs it a
 * content word.
 */
export const EDIT_WORDS: readonly string[] = [
  'local',
  'several',
  'recent',
  'major',
  'further',
  'regional',
  'official',
  'early',
  'annual',
  'private',
  'central',
  'formal',
];

/** One word an edit replaced: its 1-based index among the passage's words. */
export interface WordEdit {
  readonly index: number;
  readonly from: string;
  readonly to: string;
}

/** Whether the 1-based word index is edited: the 5th, 15th, 25th… word, one word in every ten. */
export function isEditedIndex(index: number): boolean {
  return index % 10 === 5;
}

const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * One word in ten changed: the 5th, 15th, 25th… whitespace-separated word of the passage (so an
 * 8-word passage gets one edit and the first and last words are never edited). Only the word's
 * letters and digits, from the first to the last, are replaced, so punctuation around it stays;
 * the replacement is EDIT_WORDS[(salt + index) mod 12], or the next one when that equals the
 * word, capitalised when the word was.
 */
export function editOneInTen(passage: string, salt: number): { text: string; edits: WordEdit[] } {
  const edits: WordEdit[] = [];
  let index = 0;
  const text = passage.replace(/\S+/g, (word) => {
    index += 1;
    if (!isEditedIndex(index)) return word;
    const core = /[\p{L}\p{N}](?:.*[\p{L}\p{N}])?/u.exec(word);
    if (!core) return word;
    let pick = (salt + index) % EDIT_WORDS.length;
    if (EDIT_WORDS[pick] === core[0].toLowerCase()) pick = (pick + 1) % EDIT_WORDS.length;
    const base = EDIT_WORDS[pick]!;
    const to = /^\p{Lu}/u.test(core[0]) ? capitalise(base) : base;
    edits.push({ index, from: core[0], to });
    return word.slice(0, core.index) + to + word.slice(core.index + core[0].length);
  });
  return { text, edits };
}
