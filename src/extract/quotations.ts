import { tokenAt, type Token } from './tokens.js';

/**
 * Pairs quotation marks into quotations. Straight, curly, guillemet, single and backtick marks;
 * a backtick or straight single mark is an apostrophe unless it opens at a word's start and
 * closes at a word's end (the seed article uses backticks for both). A quotation left open at a
 * paragraph's end continues when the next paragraph opens with the same mark (the news
 * convention for long quotes); otherwise it ends with its paragraph, before a closing frame
 * such as ". Bolton added" when there is one.
 */

/** One quotation: from its opening mark to just past its closing mark. */
export interface Quotation {
  readonly start: number;
  readonly end: number;
  /** The quoted words without the marks, one part per paragraph. */
  readonly parts: readonly { readonly start: number; readonly end: number }[];
  /** False when the text never closes it. */
  readonly closed: boolean;
  /** Index of the opening mark's token. */
  readonly openToken: number;
  /** Index of the last token inside or of the closing mark. */
  readonly lastToken: number;
}

type Family = 'double' | 'curly' | 'guillemet' | 'single-guillemet' | 'single' | 'backtick' | 'low';

const opening: Record<string, Family | undefined> = {
  '“': 'curly',
  '„': 'low',
  '«': 'guillemet',
  '‹': 'single-guillemet',
  '‘': 'single',
};
const closingFamilies: Record<string, readonly Family[] | undefined> = {
  '”': ['curly', 'low'],
  '“': ['low'],
  '»': ['guillemet'],
  '›': ['single-guillemet'],
  '’': ['single'],
};

const isSpace = (char: string | undefined): boolean => char === undefined || /\s/.test(char);
const isOpenContext = (char: string | undefined): boolean =>
  char === undefined || /[\s([{—–-]/.test(char);

interface OpenMark {
  readonly family: Family;
  readonly token: number;
  readonly start: number;
  partStart: number;
  readonly parts: { start: number; end: number }[];
}

/**
 * Finds every quotation. `isClosingFrame(tokens, from)` tells whether the tokens from `from` to
 * the paragraph's end are only a reporting frame ("Bolton added."), so an unclosed quotation
 * stops before it.
 */
export function findQuotations(
  text: string,
  tokens: readonly Token[],
  isClosingFrame: (from: number, to: number) => boolean,
): Quotation[] {
  const quotations: Quotation[] = [];
  const stack: OpenMark[] = [];

  const close = (
    mark: OpenMark,
    endToken: number,
    closed: boolean,
    end: number,
    innerEnd: number,
  ) => {
    mark.parts.push({ start: mark.partStart, end: innerEnd });
    quotations.push({
      start: mark.start,
      end,
      parts: mark.parts.filter((part) => part.end > part.start),
      closed,
      openToken: mark.token,
      lastToken: endToken,
    });
  };

  const familyOf = (index: number): { open?: Family; closes?: readonly Family[] } => {
    const token = tokenAt(tokens, index);
    const mark = token.text;
    const before = text[token.start - 1];
    const after = text[token.end];
    if (mark === '"') {
      const pending = stack.some((open) => open.family === 'double');
      if (pending && !(isOpenContext(before) && !isSpace(after))) return { closes: ['double'] };
      if (!pending && isSpace(after) && !isOpenContext(before)) return {};
      return pending ? { closes: ['double'] } : { open: 'double' };
    }
    if (mark === '`' || mark === "'") {
      const family: Family = mark === '`' ? 'backtick' : 'single';
      const pending = stack.some((open) => open.family === family);
      if (!pending && isOpenContext(before) && !isSpace(after)) return { open: family };
      // "Traders` Association": after an s and before a capitalised word, a possessive.
      const possessive = before === 's' && /^\s\p{Lu}/u.test(text.slice(token.end, token.end + 2));
      if (
        pending &&
        !possessive &&
        !isSpace(before) &&
        (isSpace(after) || /[\p{P}]/u.test(after ?? ''))
      )
        return { closes: [family] };
      return {};
    }
    if (mark === '’' && !stack.some((open) => open.family === 'single')) return {};
    if (mark === '“' && stack.some((open) => open.family === 'low')) return { closes: ['low'] };
    const open = opening[mark];
    if (open) return { open };
    return { closes: closingFamilies[mark] ?? [] };
  };

  for (let index = 0; index < tokens.length; index++) {
    const token = tokenAt(tokens, index);
    if (token.kind === 'break') {
      if (stack.length === 0) continue;
      const next = tokenAt(tokens, index + 1);
      const continues =
        next.kind === 'quote' && stack.length === 1 && opensFamily(next.text) === stack[0]?.family;
      const mark = stack[0];
      const paragraphEnd = lastContentToken(tokens, index - 1);
      if (!mark) continue;
      if (continues) {
        mark.parts.push({ start: mark.partStart, end: tokenAt(tokens, paragraphEnd).end });
        mark.partStart = tokenAt(tokens, index + 1).end;
        index++;
        continue;
      }
      closeUnclosed(mark, paragraphEnd);
      stack.length = 0;
      continue;
    }
    if (token.kind !== 'quote') continue;
    const role = familyOf(index);
    if (role.closes && role.closes.length > 0) {
      const depth = findLast(stack, (open) => role.closes!.includes(open.family));
      if (depth >= 0) {
        const mark = stack[depth];
        stack.length = depth;
        if (depth === 0 && mark) close(mark, index, true, token.end, token.start);
        continue;
      }
    }
    if (role.open) {
      stack.push({
        family: role.open,
        token: index,
        start: token.start,
        partStart: token.end,
        parts: [],
      });
    }
  }
  const unclosed = stack[0];
  if (unclosed) closeUnclosed(unclosed, lastContentToken(tokens, tokens.length - 1));
  return quotations.sort((a, b) => a.start - b.start);

  function closeUnclosed(mark: OpenMark, paragraphEnd: number): void {
    // Stop before a closing frame: the last ". " or ", " after which only a frame follows.
    let endToken = paragraphEnd;
    for (let cut = paragraphEnd; cut > mark.token + 1; cut--) {
      const separator = tokenAt(tokens, cut);
      if (separator.kind !== 'punct' || (separator.text !== '.' && separator.text !== ','))
        continue;
      // The frame may be followed by a relative clause about the speaker ("said Anna Vey. who
      // chairs …"): test the frame up to its next separator when a relative pronoun opens the rest.
      let frameEnd = paragraphEnd;
      for (let scan = cut + 1; scan < paragraphEnd; scan++) {
        const token = tokenAt(tokens, scan);
        const next = tokenAt(tokens, scan + 1);
        if (
          token.kind === 'punct' &&
          /^[.,]$/.test(token.text) &&
          /^(who|which)$/.test(next.lower)
        ) {
          frameEnd = scan - 1;
          break;
        }
      }
      if (isClosingFrame(cut + 1, frameEnd)) {
        endToken = cut - 1;
        break;
      }
    }
    while (
      endToken > mark.token &&
      tokenAt(tokens, endToken).kind === 'punct' &&
      /[.,;:]/.test(tokenAt(tokens, endToken).text)
    )
      endToken--;
    close(mark, endToken, false, tokenAt(tokens, endToken).end, tokenAt(tokens, endToken).end);
  }
}

/** The family a mark opens when it starts a paragraph. */
function opensFamily(mark: string): Family | undefined {
  if (mark === '"') return 'double';
  if (mark === '`') return 'backtick';
  if (mark === "'") return 'single';
  return opening[mark];
}

function lastContentToken(tokens: readonly Token[], from: number): number {
  let index = from;
  while (index > 0 && tokenAt(tokens, index).kind === 'break') index--;
  return index;
}

function findLast<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let index = items.length - 1; index >= 0; index--) {
    const item = items[index];
    if (item !== undefined && test(item)) return index;
  }
  return -1;
}
