/**
 * Whether an alignment found a planted passage (bench/reuse/README.md, "What counts as found"):
 * one returned passage must cover at least 80 % of the planted words in the host. Words are the
 * algorithm's own tokens (reuseTokens), so punctuation between them never counts either way.
 */
import type { alignPassages } from '../../src/reuse/alignPassages.js';
import { reuseTokens } from '../../src/reuse/reuseTokens.js';
import type { Span } from './plantPassages.js';

/** What alignPassages returns. */
export type Alignment = ReturnType<typeof alignPassages>;

/** Share of the planted words one passage must cover for the plant to count as found. */
export const FOUND_COVERAGE = 0.8;

/** One passage alignPassages returned, as the report shows it. */
export interface PassageView {
  readonly host: Span;
  readonly donor: Span;
  readonly words: number;
  /** Share of the planted tokens inside this passage's host range (0 for other passages). */
  readonly coverage: number;
  /** The host's text of the passage. */
  readonly text: string;
}

/** How one planted text fared. */
export interface PlantScore {
  readonly found: boolean;
  /** A passage starts and ends, in host and donor, exactly at the planted words' first and last tokens. */
  readonly exact: boolean;
  /** The best single passage's coverage of the planted tokens. */
  readonly bestCoverage: number;
  /** Coverage of the planted tokens by all passages together. */
  readonly unionCoverage: number;
  /** Found, but the covering passage's donor range misses the copied words. */
  readonly misplaced: boolean;
  /** The planted words' expected passage: first token start to last token end, in each text. */
  readonly expectedHost: Span;
  readonly expectedDonor: Span;
  readonly passages: readonly PassageView[];
}

const inside = (token: Span, range: Span): boolean =>
  token.start >= range.start && token.end <= range.end;
const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;
const sameSpan = (a: Span, b: Span): boolean => a.start === b.start && a.end === b.end;

/** The algorithm's tokens lying wholly inside a span of a text. */
export function tokensWithin(text: string, span: Span): Span[] {
  return reuseTokens(text).filter((token) => inside(token, span));
}

/** From the first token's start to the last token's end (the span itself when it has no token). */
export function tokenBounds(tokens: readonly Span[], fallback: Span): Span {
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  return first && last ? { start: first.start, end: last.end } : fallback;
}

/**
 * Scores an alignment of a host text against its donor for one planted passage: `hostSpan` is
 * the planted text in the host, `donorSpan` the copied words in the donor.
 */
export function scorePlant(
  hostText: string,
  hostSpan: Span,
  donorText: string,
  donorSpan: Span,
  alignment: Alignment,
): PlantScore {
  const planted = tokensWithin(hostText, hostSpan);
  const expectedHost = tokenBounds(planted, hostSpan);
  const expectedDonor = tokenBounds(tokensWithin(donorText, donorSpan), donorSpan);
  const share = (covered: number) => (planted.length === 0 ? 0 : covered / planted.length);
  const passages: PassageView[] = alignment.passages.map((passage) => ({
    host: { start: passage.a.start, end: passage.a.end },
    donor: { start: passage.b.start, end: passage.b.end },
    words: passage.words,
    coverage: share(planted.filter((token) => inside(token, passage.a)).length),
    text: hostText.slice(passage.a.start, passage.a.end),
  }));
  const best = passages.reduce<PassageView | undefined>(
    (top, passage) => (top === undefined || passage.coverage > top.coverage ? passage : top),
    undefined,
  );
  const bestCoverage = best?.coverage ?? 0;
  const found = bestCoverage >= FOUND_COVERAGE;
  return {
    found,
    exact: passages.some(
      (passage) => sameSpan(passage.host, expectedHost) && sameSpan(passage.donor, expectedDonor),
    ),
    bestCoverage,
    unionCoverage: share(
      planted.filter((token) => passages.some((passage) => inside(token, passage.host))).length,
    ),
    misplaced: found && best !== undefined && !overlaps(best.donor, donorSpan),
    expectedHost,
    expectedDonor,
    passages,
  };
}
