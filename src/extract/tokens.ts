/**
 * Tokens of an article: words, numbers, punctuation and quotation marks, each with its offsets
 * in the text. One left-to-right pass with one compiled pattern; everything above reads tokens,
 * never the raw string, so offsets stay exact.
 */

/** What a token is. `break` is a line break that ends a paragraph. */
export type TokenKind = 'word' | 'number' | 'punct' | 'quote' | 'break';

/** A token and where it sits in the text (UTF-16 offsets, `text.slice(start, end) === text`). */
export interface Token {
  readonly text: string;
  /** Lower case, with curly and backtick apostrophes made straight: the key for lexicons. */
  readonly lower: string;
  readonly start: number;
  readonly end: number;
  readonly kind: TokenKind;
  /** Starts with an upper-case letter. */
  readonly capitalised: boolean;
  /** Whitespace (not a line break) precedes it. */
  readonly spaceBefore: boolean;
}

// Words keep inner apostrophes (straight, curly or the seed's backticks) and hyphens:
// "China`s", "wasn`t", "Beijing-based", "year-on-year". Numbers keep inner separators:
// "14,000", "14.000", "3.34". A run of newlines with at most spaces between is one break.
// One group per kind, so the kind is read off the match instead of tested again.
const tokenPattern =
  /((?:\r?\n[ \t]*)+)|([\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’`-][\p{L}\p{M}\p{N}]+)*)|(\p{N}+(?:[.,]\p{N}+)*)|(["“”„«»‹›‘’`'])|([^\s\p{L}\p{N}])/gu;

const apostrophes = /[’`]/g;

/** Splits text into tokens. Spaces are dropped; line breaks become `break` tokens. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  for (const match of text.matchAll(tokenPattern)) {
    const value = match[0];
    const start = match.index;
    const spaceBefore = start > previousEnd;
    previousEnd = start + value.length;
    const kind: TokenKind =
      match[1] !== undefined
        ? 'break'
        : match[2] !== undefined
          ? 'word'
          : match[3] !== undefined
            ? 'number'
            : match[4] !== undefined
              ? 'quote'
              : 'punct';
    const lower = kind === 'word' ? value.toLowerCase() : value;
    tokens.push({
      text: value,
      lower:
        kind === 'word' && (lower.includes('’') || lower.includes('`'))
          ? lower.replace(apostrophes, "'")
          : lower,
      start,
      end: start + value.length,
      kind,
      capitalised: kind === 'word' && value.charAt(0) !== lower.charAt(0),
      spaceBefore,
    });
  }
  return tokens;
}

/** Counts words the way the speed goal does: whitespace-separated runs. */
export function countWords(text: string): number {
  const matches = text.match(/\S+/g);
  return matches ? matches.length : 0;
}

/** What lies beyond the text's edges: a boundary, so rules treat it as a paragraph break. */
const edge: Token = {
  text: '',
  lower: '',
  start: 0,
  end: 0,
  kind: 'break',
  capitalised: false,
  spaceBefore: true,
};

/** The token at `index`, or the edge (a break) outside the list: rules can look past the ends. */
export function tokenAt(tokens: readonly Token[], index: number): Token {
  return tokens[index] ?? edge;
}
