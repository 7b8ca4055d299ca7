import type { Executor } from '../db/executor.js';
import { reuseCandidates, type ReuseSource } from '../db/reuseQueries.js';
import { alignPrepared, prepareText } from './alignPassages.js';
import { fingerprintHashes } from './fingerprints.js';

/*
 * Text reuse against the stored sources: the I/O around the pure fingerprinting and alignment of
 * this folder. Candidates come from the fingerprint index (one lookup), and only those few are
 * aligned word by word.
 */

/** Which of two texts came out first. */
export type PublishedFirst = 'this' | 'other' | 'unknown';

/** One passage a text shares with a stored source: offsets in each. */
export interface PassagePair {
  readonly thisStart: number;
  readonly thisEnd: number;
  readonly otherStart: number;
  readonly otherEnd: number;
  readonly words: number;
}

/** A stored source sharing passages with a text. */
export interface SharedText {
  readonly source: ReuseSource;
  readonly passages: readonly PassagePair[];
  readonly shareOfThis: number;
  readonly shareOfOther: number;
  readonly publishedFirst: PublishedFirst;
}

/** What is known of the text being compared: its own source (left out), its publication time. */
export interface ComparedText {
  readonly text: string;
  readonly sourceId?: string;
  readonly publishedFrom?: string | null;
  readonly publishedTo?: string | null;
}

/** How many index candidates are aligned for each result asked for (at least 20). */
const CANDIDATES_PER_RESULT = 3;

/**
 * The stored sources that share passages with a text, most of this text shared first: the
 * fingerprint index proposes candidates, each is aligned, those with a passage are kept.
 */
export async function sharedTextWith(
  executor: Executor,
  compared: ComparedText,
  limit = 10,
): Promise<SharedText[]> {
  const hashes = fingerprintHashes(compared.text);
  const candidates = await reuseCandidates(
    executor,
    hashes,
    compared.sourceId ?? null,
    Math.max(20, limit * CANDIDATES_PER_RESULT),
  );
  const prepared = prepareText(compared.text);
  const shared: SharedText[] = [];
  for (const { source } of candidates) {
    if (!source.text) continue;
    const alignment = alignPrepared(prepared, prepareText(source.text));
    if (alignment.passages.length === 0) continue;
    shared.push({
      source,
      passages: alignment.passages.map((passage) => ({
        thisStart: passage.a.start,
        thisEnd: passage.a.end,
        otherStart: passage.b.start,
        otherEnd: passage.b.end,
        words: passage.words,
      })),
      shareOfThis: alignment.shareOfA,
      shareOfOther: alignment.shareOfB,
      publishedFirst: publishedFirst(compared, source),
    });
  }
  return shared
    .sort((a, b) => b.shareOfThis - a.shareOfThis || a.source.id.localeCompare(b.source.id))
    .slice(0, limit);
}

/**
 * Which came out first, by publication time: one whose last possible day is before the other's
 * first is earlier; overlapping or missing times are unknown.
 */
export function publishedFirst(
  a: { publishedFrom?: string | null; publishedTo?: string | null },
  b: { publishedFrom?: string | null; publishedTo?: string | null },
): PublishedFirst {
  if (!a.publishedFrom || !a.publishedTo || !b.publishedFrom || !b.publishedTo) return 'unknown';
  if (a.publishedTo < b.publishedFrom) return 'this';
  if (b.publishedTo < a.publishedFrom) return 'other';
  return 'unknown';
}
