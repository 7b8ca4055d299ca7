/**
 * Planting: a run of words copied from a donor text into a host article of another event, at a
 * sentence start of the host, with seeded choices, so that the only text the two share beyond
 * chance is the planted passage (bench/reuse/README.md, "Planting").
 */
import { createRandom, mixSeed, type Random } from '../scale/seededRandom.js';
import type { CorpusText } from './reuseCorpus.js';
import { damageLikeSeed, editOneInTen, type PlantVariant } from './passageVariants.js';

/** The seed of every choice the eval makes. */
export const REUSE_EVAL_SEED = 20190612;

/** Passage lengths planted, in words. */
export const PASSAGE_LENGTHS: readonly number[] = [8, 12, 20, 40, 80, 200];

/** Plants per passage length (each is scored in every variant). */
export const DEFAULT_TRIALS_PER_LENGTH = 40;

/** A half-open range of UTF-16 offsets. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Where a passage was copied from and put: the same choices serve every variant. */
export interface Plant {
  /** `L<length>-<trial>`, e.g. `L40-07`. */
  readonly id: string;
  readonly length: number;
  readonly trial: number;
  readonly host: CorpusText;
  readonly donor: CorpusText;
  /** The copied words in the donor, from the first character of the first to the last's end. */
  readonly donorSpan: Span;
  /** Offset in the host's original text where the passage goes: a sentence start. */
  readonly insertAt: number;
}

/** A plant in one variant: the host text with the passage in it. */
export interface PlantedText {
  readonly variant: PlantVariant;
  readonly hostText: string;
  /** The planted passage in hostText. */
  readonly hostSpan: Span;
  /** Words an edit replaced (edited variant only). */
  readonly edits: number;
}

/** The offsets of every whitespace-separated word of a text. */
export function wordSpans(text: string): Span[] {
  return [...text.matchAll(/\S+/g)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
  }));
}

/** Offsets where a sentence or a paragraph of the text starts (0 included). */
export function sentenceStarts(text: string): number[] {
  const starts = new Set([0]);
  for (const match of text.matchAll(/(?:[.!?]["'\u2019\u201D)]*[ \t]+|\n)(?=\S)/g))
    starts.add(match.index + match[0].length);
  return [...starts].sort((a, b) => a - b);
}

function choosePlant(
  random: Random,
  length: number,
  trial: number,
  articles: readonly CorpusText[],
  texts: readonly CorpusText[],
): Plant {
  const host = random.pick(articles);
  const pool = texts.filter((text) => text.group !== host.group && text.words >= length);
  if (pool.length === 0) throw new Error(`no donor of ${length} words outside ${host.group}`);
  const donor = random.pick(pool);
  const words = wordSpans(donor.text);
  const first = random.int(0, words.length - length);
  const insertAt = random.pick(sentenceStarts(host.text));
  return {
    id: `L${length}-${String(trial).padStart(2, '0')}`,
    length,
    trial,
    host,
    donor,
    donorSpan: { start: words[first]!.start, end: words[first + length - 1]!.end },
    insertAt,
  };
}

/**
 * The plants of the eval: for each length, `trials` seeded choices of host (an event article),
 * donor (any corpus text of another group with enough words), first donor word and host sentence.
 */
export function choosePlants(
  articles: readonly CorpusText[],
  donors: readonly CorpusText[],
  trials: number = DEFAULT_TRIALS_PER_LENGTH,
): Plant[] {
  const texts = [...articles, ...donors];
  return PASSAGE_LENGTHS.flatMap((length) =>
    Array.from({ length: trials }, (_, trial) =>
      choosePlant(
        createRandom(mixSeed(REUSE_EVAL_SEED, length, trial)),
        length,
        trial,
        articles,
        texts,
      ),
    ),
  );
}

/** Inserts a passage (followed by a space) into a text at an offset. */
export function insertPassage(
  text: string,
  at: number,
  passage: string,
): { text: string; span: Span } {
  return {
    text: `${text.slice(0, at)}${passage} ${text.slice(at)}`,
    span: { start: at, end: at + passage.length },
  };
}

/**
 * The host text of a plant in one variant. verbatim: the donor's words as they are. damaged: the
 * verbatim host, then the seed's damage over the whole host text (the republished article is
 * damaged throughout, as the seed is; the donor stays clean). edited: one word in ten of the
 * passage changed before it is inserted, with the trial number as the salt.
 */
export function plantText(plant: Plant, variant: PlantVariant): PlantedText {
  const copied = plant.donor.text.slice(plant.donorSpan.start, plant.donorSpan.end);
  if (variant === 'edited') {
    const { text, edits } = editOneInTen(copied, plant.trial);
    const planted = insertPassage(plant.host.text, plant.insertAt, text);
    return { variant, hostText: planted.text, hostSpan: planted.span, edits: edits.length };
  }
  const planted = insertPassage(plant.host.text, plant.insertAt, copied);
  return {
    variant,
    hostText: variant === 'damaged' ? damageLikeSeed(planted.text) : planted.text,
    hostSpan: planted.span,
    edits: 0,
  };
}
