/**
 * The figure extractor's own tokenizer: one left-to-right scan, so every token keeps exact
 * UTF-16 offsets. It is separate from the article tokenizer because figures
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

// A hand-written scanner rather than one alternation pattern: it allocates no match arrays,
// which kept the garbage collector busy. Classes, in the order they are tried at a character:
// whitespace (two or more line breaks make a paragraph), digits with inner "." or "," only
// when a digit follows (so "In 2018." ends at the year), dotted abbreviations ("U.S.", "a.m.")
// whose full stops stay inside, words (letters and marks, inner apostrophes: "China's"),
// currency symbols, "%", dashes, and any other single character as punctuation.
const letter = /\p{L}/uy;
const letterOrMark = /[\p{L}\p{M}]/uy;
const whitespace = /\s/uy;
const curlyApostrophe = /’/g;
const sentenceEnders = new Set(['.', '!', '?']);
const currencyCharacters = new Set([...'$€£¥₹₩₽₺₪₦₱']);
const dashCharacters = new Set([...'-‐‑‒–—―']);

/** Code units of the letter (or, with `marks`, letter or mark) at `at`; 0 when there is none. */
function letterWidth(text: string, at: number, marks: boolean): number {
  const code = text.charCodeAt(at);
  if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) return 1;
  if (!(code >= 128)) return 0; // ASCII non-letters, and NaN past the end
  const pattern = marks ? letterOrMark : letter;
  pattern.lastIndex = at;
  if (!pattern.test(text)) return 0;
  return code >= 0xd800 && code <= 0xdbff ? 2 : 1;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isSpace(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code === 32 || (code >= 9 && code <= 13)) return true;
  if (!(code >= 128)) return false;
  whitespace.lastIndex = at;
  return whitespace.test(text);
}

/** End of the digits at `at`: "14,000", "3.34", "1.234.567". */
function numberEnd(text: string, at: number): number {
  let end = at;
  while (isDigit(text.charCodeAt(end))) end++;
  for (;;) {
    const separator = text.charCodeAt(end);
    if ((separator !== 46 && separator !== 44) || !isDigit(text.charCodeAt(end + 1))) return end;
    end++;
    while (isDigit(text.charCodeAt(end))) end++;
  }
}

/** End of the word at `at` (a letter is there): "U.S.", "a.m.", "China's", "naïve". */
function wordEnd(text: string, at: number): number {
  // Dotted abbreviation: two or more "letter." pairs.
  let end = at;
  let pairs = 0;
  for (;;) {
    const width = letterWidth(text, end, false);
    if (width === 0 || text.charCodeAt(end + width) !== 46) break;
    end += width + 1;
    pairs++;
  }
  if (pairs >= 2) return end;
  end = at + letterWidth(text, at, false);
  for (;;) {
    const width = letterWidth(text, end, true);
    if (width > 0) {
      end += width;
      continue;
    }
    const code = text.charCodeAt(end);
    // An inner apostrophe followed by a letter stays in the word.
    if ((code === 39 || code === 0x2019) && letterWidth(text, end + 1, false) > 0) {
      end++;
      continue;
    }
    return end;
  }
}

/** Splits `text[from, to)` into tokens; offsets stay those of the full text. */
export function tokenizeFigures(text: string, from: number, to: number): FigureToken[] {
  const tokens: FigureToken[] = [];
  let sentence = 0;
  let paragraph = 0;
  let spaced = true;
  // A sentence ender was seen; the next token decides whether a sentence ended there.
  let pendingEnd = false;
  let at = from;
  while (at < to) {
    const start = at;
    const code = text.charCodeAt(at);
    if (isSpace(text, at)) {
      let breaks = 0;
      while (at < to && isSpace(text, at)) {
        if (text.charCodeAt(at) === 10) breaks++;
        at++;
      }
      if (breaks >= 2) {
        paragraph++;
        sentence++;
        pendingEnd = false;
        tokens.push(token('paragraph', text, start, at, spaced, sentence, paragraph));
      }
      spaced = true;
      continue;
    }
    let kind: FigureTokenKind;
    let end: number;
    if (isDigit(code)) {
      kind = 'number';
      end = numberEnd(text, at);
    } else if (letterWidth(text, at, false) > 0) {
      kind = 'word';
      end = wordEnd(text, at);
    } else {
      const character = text[at] ?? '';
      kind = currencyCharacters.has(character)
        ? 'currency'
        : code === 37
          ? 'percent'
          : dashCharacters.has(character)
            ? 'dash'
            : 'punct';
      // Punctuation is one code point: an emoji's two code units stay together.
      end = at + (code >= 0xd800 && code <= 0xdbff && at + 1 < text.length ? 2 : 1);
    }
    // A token running past the region is not in it: its figure would be cut.
    if (end > to) break;
    at = end;
    if (pendingEnd) {
      // Input with full stops for commas ("China. and the number…") continues in lower case.
      if (kind === 'word' && isUpperCase(text, start)) sentence++;
      if (kind !== 'punct') pendingEnd = false;
    }
    const made = token(kind, text, start, end, spaced, sentence, paragraph);
    tokens.push(made);
    if (kind === 'punct' && sentenceEnders.has(made.text)) pendingEnd = true;
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
  let lower = value;
  if (kind === 'word') {
    lower = value.toLowerCase();
    if (lower.includes('’')) lower = lower.replace(curlyApostrophe, "'");
  }
  return { kind, text: value, lower, start, end, spaced, sentence, paragraph };
}

function isUpperCase(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 128) return code >= 65 && code <= 90;
  const first = text[at] ?? '';
  return first !== first.toLowerCase();
}
