/**
 * Time to fingerprint a 1,000-word text and to align one pair, medians of repeated runs. The
 * index lookup at 1k/10k/100k stored sources needs a database and is measured elsewhere.
 */
import { alignPassages } from '../../src/reuse/alignPassages.js';
import { fingerprintHashes } from '../../src/reuse/fingerprints.js';
import type { CorpusText } from './reuseCorpus.js';
import { wordSpans } from './plantPassages.js';

/** One timed operation. */
export interface Timing {
  readonly what: string;
  /** Whitespace-separated words of the input(s). */
  readonly words: string;
  readonly runs: number;
  readonly warmupRuns: number;
  readonly medianMs: number;
  readonly minMs: number;
}

/** The timings of one run. */
export interface ReuseSpeed {
  readonly timings: readonly Timing[];
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

function time(
  what: string,
  words: string,
  run: () => unknown,
  runs: number,
  warmupRuns: number,
): Timing {
  for (let i = 0; i < warmupRuns; i += 1) run();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  return { what, words, runs, warmupRuns, medianMs: median(times), minMs: Math.min(...times) };
}

/** The first `words` whitespace-separated words of the texts joined in order, one per line. */
export function textOfWords(texts: readonly CorpusText[], words: number): string {
  const joined = texts.map((text) => text.text.trim()).join('\n');
  const spans = wordSpans(joined);
  if (spans.length < words) throw new Error(`the texts hold ${spans.length} words, not ${words}`);
  return joined.slice(0, spans[words - 1]!.end);
}

/**
 * Times fingerprintHashes on 1,000 words of event articles, and alignPassages on a typical pair
 * (a host with a planted passage against its donor), on two unrelated 1,000-word texts, and on a
 * 1,000-word text against itself (everything shared: the worst case).
 */
export function measureSpeed(
  articles: readonly CorpusText[],
  typicalPair: { readonly host: string; readonly donor: string },
  options: { readonly runs?: number; readonly warmupRuns?: number } = {},
): ReuseSpeed {
  const { runs = 31, warmupRuns = 5 } = options;
  const first = textOfWords(articles, 1000);
  const rest = articles.slice(Math.ceil(articles.length / 2));
  const second = textOfWords(rest, 1000);
  const count = (text: string) => wordSpans(text).length;
  return {
    timings: [
      time('fingerprintHashes', '1000', () => fingerprintHashes(first), runs, warmupRuns),
      time(
        'alignPassages, planted host vs its donor',
        `${count(typicalPair.host)} vs ${count(typicalPair.donor)}`,
        () => alignPassages(typicalPair.host, typicalPair.donor),
        runs,
        warmupRuns,
      ),
      time(
        'alignPassages, unrelated texts',
        '1000 vs 1000',
        () => alignPassages(first, second),
        runs,
        warmupRuns,
      ),
      time(
        'alignPassages, a text against itself',
        '1000 vs 1000',
        () => alignPassages(first, first),
        runs,
        warmupRuns,
      ),
    ],
  };
}
