/**
 * A deterministic synthetic news corpus for the lookup benchmark: stored sources of about 250
 * words, a few of which hold a planted passage, and probe texts of about 1,000 words, a few of
 * which copy planted passages (verbatim, with a word changed, or recased and repunctuated).
 * Source i comes from its own random stream, so it is the same text whatever the corpus size:
 * the 10k corpus holds the 1k one, and loading can grow in steps.
 */
import { newsVocabulary, stockPhrases, wordAt, type NewsVocabulary } from './newsVocabulary.js';
import { wideRandom, type CorpusRandom } from './wideRandom.js';

/** A stored source as the loader writes it. */
export interface StoredSource {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  /** Whitespace-separated words of the text. */
  readonly words: number;
}

/** A passage planted in one stored source, for probes to copy. */
export interface PlantedPassage {
  readonly index: number;
  readonly sourceIndex: number;
  readonly sourceId: string;
  readonly text: string;
  readonly words: number;
  /** Offsets of the passage in the stored source's text. */
  readonly start: number;
  readonly end: number;
}

/** How a probe changes a passage it copies. */
export type CopyEdit = 'verbatim' | 'one word changed' | 'recased and repunctuated';

/** A probe's copy of a planted passage, at offsets in the probe. */
export interface ProbeCopy {
  readonly passage: number;
  readonly edit: CopyEdit;
  readonly start: number;
  readonly end: number;
}

/** A text to look up. */
export interface ProbeText {
  readonly id: string;
  readonly text: string;
  readonly words: number;
  readonly copies: readonly ProbeCopy[];
}

/** Stored sources holding a planted passage: all within the first 1,000, so every size has them. */
const plantedIn = [
  { sourceIndex: 17, words: 40 },
  { sourceIndex: 211, words: 45 },
  { sourceIndex: 389, words: 50 },
  { sourceIndex: 503, words: 35 },
  { sourceIndex: 777, words: 60 },
  { sourceIndex: 941, words: 30 },
] as const;

/** Which probes copy which passages, and how; the other probes copy nothing. */
const probeCopies: readonly (readonly { passage: number; edit: CopyEdit }[])[] = [
  [{ passage: 0, edit: 'verbatim' }],
  [{ passage: 1, edit: 'one word changed' }],
  [
    { passage: 2, edit: 'verbatim' },
    { passage: 3, edit: 'one word changed' },
  ],
  [{ passage: 4, edit: 'recased and repunctuated' }],
  [{ passage: 5, edit: 'verbatim' }],
];

/** Probe texts per run. */
export const PROBES = 20;
const PROBE_WORDS = 1000;

// Streams of the seed, one per kind of text, so adding probes never changes stored sources.
const Stream = { source: 1, story: 2, passage: 3, probe: 4 } as const;

/** The id of stored source `index`. */
export function storedSourceId(index: number): string {
  return `src-lookup-${String(index).padStart(6, '0')}`;
}

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** The people and the place a story is about: stories of five sources share them. */
function storyNames(seed: number, story: number, vocabulary: NewsVocabulary): string[] {
  const random = wideRandom(seed, Stream.story, story);
  const tail = () => capitalise(wordAt(vocabulary, 0.7 + random.next() * 0.3));
  return [`${tail()} ${tail()}`, `${tail()} ${tail()}`, `${tail()} ${tail()}`, tail()];
}

/** One sentence of 8–28 words: Zipf words, sometimes a stock phrase, a name or a number. */
function sentence(
  random: CorpusRandom,
  vocabulary: NewsVocabulary,
  names: readonly string[],
): string {
  const words: string[] = [];
  const length = random.int(8, 28);
  while (words.length < length) words.push(wordAt(vocabulary, random.next()));
  const insert = (phrase: string) => words.splice(random.int(0, words.length), 0, phrase);
  if (random.chance(0.2)) insert(random.pick(stockPhrases));
  if (random.chance(0.35)) insert(random.pick(names));
  if (random.chance(0.1)) insert(String(random.int(2, 2030)));
  if (random.chance(0.3)) {
    const at = random.int(1, words.length - 2);
    words[at] = `${words[at]},`;
  }
  return `${capitalise(words.join(' '))}.`;
}

/** Sentences until at least `minimumWords` words. */
function sentences(
  random: CorpusRandom,
  vocabulary: NewsVocabulary,
  names: readonly string[],
  minimumWords: number,
): string[] {
  const result: string[] = [];
  let words = 0;
  while (words < minimumWords) {
    const next = sentence(random, vocabulary, names);
    result.push(next);
    words += countWords(next);
  }
  return result;
}

/** The planted passages (the same for every size). */
export function plantedPassages(seed: number): PlantedPassage[] {
  return plantedIn.map(({ sourceIndex }, index) => {
    const source = storedSource(seed, sourceIndex);
    const text = passageText(seed, index);
    const start = source.text.indexOf(text);
    return {
      index,
      sourceIndex,
      sourceId: source.id,
      text,
      words: countWords(text),
      start,
      end: start + text.length,
    };
  });
}

function passageText(seed: number, index: number): string {
  const vocabulary = newsVocabulary();
  const random = wideRandom(seed, Stream.passage, index);
  const names = storyNames(seed, 1_000_000 + index, vocabulary);
  return sentences(random, vocabulary, names, plantedIn[index]!.words).join(' ');
}

/** Stored source `index`: about 250 words, with a planted passage in the middle if it has one. */
export function storedSource(seed: number, index: number): StoredSource {
  const vocabulary = newsVocabulary();
  const random = wideRandom(seed, Stream.source, index);
  const names = storyNames(seed, Math.floor(index / 5), vocabulary);
  const titleWords = Array.from({ length: random.int(6, 10) }, () =>
    wordAt(vocabulary, random.next()),
  );
  const body = sentences(random, vocabulary, names, random.int(200, 300));
  const planted = plantedIn.findIndex((entry) => entry.sourceIndex === index);
  if (planted !== -1) body.splice(Math.floor(body.length / 2), 0, passageText(seed, planted));
  const text = body.join(' ');
  return {
    id: storedSourceId(index),
    title: capitalise(titleWords.join(' ')),
    text,
    words: countWords(text),
  };
}

/** How a probe writes a copied passage. */
function edited(
  text: string,
  edit: CopyEdit,
  random: CorpusRandom,
  vocabulary: NewsVocabulary,
): string {
  if (edit === 'verbatim') return text;
  if (edit === 'recased and repunctuated') return text.toLowerCase().replaceAll('. ', ', ');
  const words = text.split(' ');
  const middle = Math.floor(words.length / 2);
  let replacement = words[middle]!;
  while (replacement === words[middle]) replacement = wordAt(vocabulary, random.next());
  words[middle] = replacement;
  return words.join(' ');
}

/** The probe texts: about 1,000 words each; the first few copy planted passages. */
export function probeTexts(seed: number): ProbeText[] {
  const vocabulary = newsVocabulary();
  return Array.from({ length: PROBES }, (_, index) => {
    const random = wideRandom(seed, Stream.probe, index);
    const names = storyNames(seed, 2_000_000 + index, vocabulary);
    const copies = probeCopies[index] ?? [];
    const copyWords = copies.reduce((sum, copy) => sum + plantedIn[copy.passage]!.words, 0);
    const body = sentences(random, vocabulary, names, PROBE_WORDS - copyWords);
    const copyTexts = copies.map((copy) =>
      edited(passageText(seed, copy.passage), copy.edit, random, vocabulary),
    );
    // Copies go in at evenly spaced sentence boundaries.
    copyTexts.forEach((copyText, copyIndex) =>
      body.splice(
        Math.floor(((copyIndex + 1) * body.length) / (copies.length + 1)) + copyIndex,
        0,
        copyText,
      ),
    );
    const text = body.join(' ');
    const placed = copies.map((copy, copyIndex) => {
      const start = text.indexOf(copyTexts[copyIndex]!);
      return { ...copy, start, end: start + copyTexts[copyIndex]!.length };
    });
    return {
      id: `probe-${String(index).padStart(2, '0')}`,
      text,
      words: countWords(text),
      copies: placed,
    };
  });
}
