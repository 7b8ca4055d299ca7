/**
 * The figure extractor's own tokenizer: one sticky pattern applied left to right, so every
 * token keeps exact UTF-16 offsets. It is separate from the article tokenizer because figures
 * need currency symbols, "%" and dashes as tokens of their own, and hyphenated words split
 * ("twenty-five", "COVID-19", "10-15" are read token by token).
 */

/** What a token is. `paragraph` is a blank line: nothing that belongs together crosses it. */
export type FigureTokenKind =
  'word' | 'number' | 'currency' | 'percent' | 'dash' | 'punct' | 'paragraph';

/** A token and where it sits (`text === fullText.slice(start, end)`). */
export interface FigureToken {
  readonly kind: FigureTokenKind;
  readonly text: string;
  /** Lower case with a straight apostrophe: the key for word lists. */
  readonly lower: string;
  readonly start: number;
  readonly end: number;
  /** Whitespace (or the start of the region) comes before it: "8 km" versus "8km". */
  readonly spaced: boolean;
  /** Sentence-ish unit, counted from 0; a full stop before a lower-case word does not end one. */
  readonly sentence: number;
  readonly paragraph: number;
}

// Order matters: a blank line before other whitespace; dotted abbreviations ("U.S.", "a.m.")
// before plain words so their full stops stay inside; digits keep inner "." and "," only when
// a digit follows, so "In 2018." ends at the year.
const tokenPattern =
  /(\n(?:[^\S\n]*\n)+)|([^\S\n]+|\n)|(\d+(?:[.,]\d+)*)|((?:\p{L}\.){2,}|\p{L}[\p{L}\p{M}]*(?:['’]\p{L}+)*)|([$€£¥₹₩₽₺₪₦₱])|(%)|([-‐‑‒–—―])|([^\s])/uy;

const curlyApostrophe = /’/g;
const sentenceEnders = new Set(['.', '!', '?']);

/** Splits `text[from, to)` into tokens; offsets stay those of the full text. */
export function tokenizeFigures(text: string, from: number, to: number): FigureToken[] {
  const tokens: FigureToken[] = [];
  let sentence = 0;
  let paragraph = 0;
  let spaced = true;
  // A sentence ender was seen; the next token decides whether a sentence ended there.
  let pendingEnd = false;
  tokenPattern.lastIndex = from;
  while (tokenPattern.lastIndex < to) {
    const start = tokenPattern.lastIndex;
    const match = tokenPattern.exec(text);
    if (!match) break;
    const end = start + match[0].length;
    // A token running past the region is not in it: its figure would be cut.
    if (end > to) break;
    if (match[1] !== undefined) {
      paragraph++;
      sentence++;
      pendingEnd = false;
      tokens.push(token('paragraph', text, start, end, spaced, sentence, paragraph));
      spaced = true;
      continue;
    }
    if (match[2] !== undefined) {
      spaced = true;
      continue;
    }
    const kind: FigureTokenKind =
      match[3] !== undefined
        ? 'number'
        : match[4] !== undefined
          ? 'word'
          : match[5] !== undefined
            ? 'currency'
            : match[6] !== undefined
              ? 'percent'
              : match[7] !== undefined
                ? 'dash'
                : 'punct';
    if (pendingEnd) {
      // Input with full stops for commas ("China. and the number…") continues in lower case.
      if (kind === 'word' && isUpperCase(match[0])) sentence++;
      if (kind !== 'punct') pendingEnd = false;
    }
    tokens.push(token(kind, text, start, end, spaced, sentence, paragraph));
    if (kind === 'punct' && sentenceEnders.has(match[0])) pendingEnd = true;
    spaced = false;
  }
  return tokens;
}

function token(
  kind: FigureTokenKind,
  text: string,
  start: number,
  end: number,
  spaced: boolean,
  sentence: number,
  paragraph: number,
): FigureToken {
  const value = text.slice(start, end);
  const lower = kind === 'word' ? value.toLowerCase().replace(curlyApostrophe, "'") : value;
  return { kind, text: value, lower, start, end, spaced, sentence, paragraph };
}

function isUpperCase(word: string): boolean {
  const first = word[0] ?? '';
  return first !== first.toLowerCase();
}
