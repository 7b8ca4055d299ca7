import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignPassages, type Alignment } from '../../../src/reuse/alignPassages.js';
import { reuseTokens } from '../../../src/reuse/reuseTokens.js';
import {
  copierClosing,
  copierOpening,
  originalParagraphs,
  originalStory,
} from './fixtures/copiedStory.js';
import { sameEventStories } from './fixtures/sameEventStories.js';
import { contentWords, separators } from './fixtures/wordList.js';

/** The seed article's damage: commas typed as full stops, quote marks as backticks. */
const damage = (text: string) =>
  text
    .replace(/(\d),(\d)/g, '$1.$2')
    .replace(/,/g, '.')
    .replace(/['’‘"“”]/g, '`');

/** A text's words from first to last, without the punctuation around them. */
const wordSpan = (text: string) => text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
const wordCount = (text: string) => reuseTokens(text).length;
const paragraph = (index: number) => originalParagraphs[index] ?? '';

/** Replaces the word at each given index (of whitespace-separated words) with another. */
const editWords = (text: string, indexes: readonly number[], replacement = 'duly') =>
  text
    .split(' ')
    .map((word, index) => (indexes.includes(index) ? replacement : word))
    .join(' ');

const quoted = (text: string, alignment: Alignment, side: 'a' | 'b') =>
  alignment.passages.map((passage) => text.slice(passage[side].start, passage[side].end));

describe('aligning a copy with its original', () => {
  const lifted = damage(paragraph(1));
  const copy = [copierOpening, lifted, copierClosing].join('\n');
  const alignment = alignPassages(copy, originalStory);

  it('finds the lifted paragraph despite the seed-style damage, with exact offsets', () => {
    expect(quoted(copy, alignment, 'a')).toEqual([wordSpan(lifted)]);
    expect(quoted(originalStory, alignment, 'b')).toEqual([wordSpan(paragraph(1))]);
    expect(alignment.passages[0]?.words).toBe(wordCount(paragraph(1)));
  });

  it('gives the share of each text the passages cover', () => {
    const words = wordCount(paragraph(1));
    expect(alignment.shareOfA).toBeCloseTo(words / wordCount(copy), 10);
    expect(alignment.shareOfB).toBeCloseTo(words / wordCount(originalStory), 10);
  });

  it('finds the same passages with the texts the other way round', () => {
    const reversed = alignPassages(originalStory, copy);
    expect(reversed.passages).toEqual(
      alignment.passages.map(({ a, b, words }) => ({ a: b, b: a, words })),
    );
    expect(reversed.shareOfA).toBe(alignment.shareOfB);
  });

  it('keeps a paragraph with one word edited in ten as one passage', () => {
    const source = paragraph(2);
    const words = source.split(' ');
    const edited = editWords(source, [4, 14, 24, 34, 44]);
    const text = [copierOpening, edited, copierClosing].join('\n');
    const result = alignPassages(text, originalStory);
    expect(words.length).toBeGreaterThanOrEqual(50);
    expect(quoted(text, result, 'a')).toEqual([wordSpan(edited)]);
    expect(quoted(originalStory, result, 'b')).toEqual([wordSpan(source)]);
    expect(result.passages[0]?.words).toBe(wordCount(source) - 5);
  });

  it('bridges an inserted and a deleted word as well as a replaced one', () => {
    const words = paragraph(2).split(' ');
    const edited = [
      ...words.slice(0, 10),
      'reportedly',
      ...words.slice(10, 20),
      ...words.slice(21, 30),
      'duly',
      ...words.slice(31),
    ].join(' ');
    const result = alignPassages(edited, originalStory);
    expect(result.passages).toHaveLength(1);
    expect(quoted(originalStory, result, 'b')).toEqual([wordSpan(paragraph(2))]);
  });

  it('splits a passage where a longer rewrite interrupts it', () => {
    const words = paragraph(2).split(' ');
    const rewritten = [...words.slice(0, 20), 'had', 'to', 'be', 'cleared', ...words.slice(26)];
    const result = alignPassages(rewritten.join(' '), originalStory);
    expect(result.passages).toHaveLength(2);
  });

  it('is deterministic and lists passages in the order of the first text', () => {
    const text = [paragraph(3), copierOpening, paragraph(0), copierClosing, paragraph(2)].join(' ');
    const first = alignPassages(text, originalStory);
    expect(alignPassages(text, originalStory)).toEqual(first);
    expect(first.passages).toHaveLength(3);
    const starts = first.passages.map((passage) => passage.a.start);
    expect(starts).toEqual([...starts].sort((x, y) => x - y));
    expect(quoted(originalStory, first, 'b')).toEqual(
      [3, 0, 2].map((index) => wordSpan(paragraph(index))),
    );
  });
});

describe('what does not count as a shared passage', () => {
  it('links none of the independent reports of the same event', () => {
    let pairs = 0;
    sameEventStories.forEach((story, index) => {
      for (const other of sameEventStories.slice(index + 1)) {
        if (other.event !== story.event) continue;
        pairs++;
        const linked = alignPassages(story.text, other.text).passages.map((passage) =>
          story.text.slice(passage.a.start, passage.a.end),
        );
        expect(linked, `${story.event}: ${story.outlet} / ${other.outlet}`).toEqual([]);
      }
    });
    expect(pairs).toBe(30);
  });

  it('ignores a name plus an attribution that two reporters would both write', () => {
    const one =
      'Talks resumed in the morning. Kremlin spokesman Dmitry Peskov told reporters on Monday that the talks would go on.';
    const other =
      'Ceasefire hopes faded. Kremlin spokesman Dmitry Peskov told reporters on Monday that no date had been set.';
    expect(alignPassages(one, other).passages).toEqual([]);
  });

  it('ignores shared boilerplate around different news', () => {
    const one =
      'The mill will close in May. The company did not immediately respond to a request for comment on Friday.';
    const other =
      'Fares will rise by a fifth. The company did not immediately respond to a request for comment on Friday.';
    expect(alignPassages(one, other).passages).toEqual([]);
  });

  it('needs minWords shared words in a row, eight unless told otherwise', () => {
    const one = 'Crews said the western slope had been stripped bare by the fire within hours.';
    const six = 'Villagers fear the western slope had been stripped before the rains came.';
    const eight = 'Locals said the western slope had been stripped bare by the storm.';
    expect(alignPassages(one, six).passages).toEqual([]);
    expect(alignPassages(one, six, { minWords: 6 }).passages).toHaveLength(1);
    expect(quoted(one, alignPassages(one, eight), 'a')).toEqual([
      'said the western slope had been stripped bare by the',
    ]);
  });

  it('gives nothing for an empty text', () => {
    expect(alignPassages('', originalStory)).toEqual({ passages: [], shareOfA: 0, shareOfB: 0 });
    expect(alignPassages(originalStory, '')).toEqual({ passages: [], shareOfA: 0, shareOfB: 0 });
  });
});

describe('passages are one-to-one', () => {
  it('pairs a paragraph repeated in one text with its single occurrence once', () => {
    const twice = [paragraph(1), copierOpening, paragraph(1)].join('\n');
    const result = alignPassages(twice, originalStory);
    expect(result.passages).toHaveLength(1);
    expect(result.passages[0]?.a.start).toBe(0);
  });

  it('pairs two occurrences in each text with distinct partners', () => {
    const twice = [paragraph(1), copierOpening, paragraph(1)].join('\n');
    const result = alignPassages(twice, twice);
    const starts = result.passages.map((passage) => passage.b.start);
    expect(new Set(starts).size).toBe(starts.length);
    expect(result.shareOfA).toBe(1);
    expect(result.shareOfB).toBe(1);
  });
});

describe('planted passages', () => {
  const word = fc.constantFrom(...contentWords);
  const words = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max });
  const seps = fc.array(fc.constantFrom(...separators), { minLength: 200, maxLength: 200 });
  /** Joins words with separators, returning the text and the offsets of each word. */
  const compose = (parts: readonly string[], between: readonly string[]) => {
    let text = '';
    const spans = parts.map((part, index) => {
      const start = text.length;
      text += part + (between[index] ?? ' ');
      return { start, end: start + part.length };
    });
    return { text, spans };
  };
  /** Whether some passage covers the words from..to (inclusive) on one side. */
  const covers = (
    alignment: Alignment,
    side: 'a' | 'b',
    spans: readonly { start: number; end: number }[],
    from: number,
    to: number,
  ) =>
    alignment.passages.some(
      (passage) =>
        passage[side].start <= (spans[from]?.start ?? -1) &&
        passage[side].end >= (spans[to]?.end ?? Infinity),
    );

  it('are always found when 8 words are shared verbatim, damaged or not', () => {
    fc.assert(
      fc.property(
        words(0, 60),
        words(0, 60),
        words(0, 60),
        words(0, 60),
        words(8, 8),
        seps,
        seps,
        (beforeA, afterA, beforeB, afterB, passage, sepsA, sepsB) => {
          const a = compose([...beforeA, ...passage, ...afterA], sepsA);
          const b = compose([...beforeB, ...passage, ...afterB], sepsB);
          const alignment = alignPassages(a.text, b.text);
          expect(covers(alignment, 'a', a.spans, beforeA.length, beforeA.length + 7)).toBe(true);
          expect(covers(alignment, 'b', b.spans, beforeB.length, beforeB.length + 7)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('are always found in 40 words with four replaced at random', () => {
    fc.assert(
      fc.property(
        words(0, 40),
        words(0, 40),
        words(40, 40),
        fc.uniqueArray(fc.integer({ min: 0, max: 39 }), { minLength: 4, maxLength: 4 }),
        (before, after, passage, edits) => {
          const edited = passage.map((part, index) => (edits.includes(index) ? 'zeppelin' : part));
          const original = [...before, ...passage, ...after].join(' ');
          const copy = edited.join(' ');
          const alignment = alignPassages(copy, original);
          expect(alignment.passages.length).toBeGreaterThan(0);
          for (const found of alignment.passages) expect(found.words).toBeGreaterThanOrEqual(8);
        },
      ),
      { numRuns: 200 },
    );
  });
});
