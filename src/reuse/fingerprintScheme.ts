import { fingerprintHashes, REUSE_K, REUSE_W } from './fingerprints.js';

/**
 * Names the fingerprinting method, stored with each source's fingerprints: fingerprints of another
 * scheme (k or w changed) are stale, and `claimgraph reuse --all` recomputes them. Bump the
 * version when the normalisation, stop words, stock phrases or hash change: k and w alone do not
 * say that.
 */
export function fingerprintScheme(): string {
  return `winnow-words-k${REUSE_K}-w${REUSE_W}-v2`;
}

/**
 * The derived properties a source with text stores for text-reuse lookup: its fingerprints as
 * one space-separated (indexed) property, their count, and the scheme that made them.
 */
export function fingerprintProperties(text: string): {
  fingerprintText: string;
  fingerprintCount: number;
  fingerprintScheme: string;
} {
  const hashes = fingerprintHashes(text);
  return {
    fingerprintText: hashes.join(' '),
    fingerprintCount: hashes.length,
    fingerprintScheme: fingerprintScheme(),
  };
}
