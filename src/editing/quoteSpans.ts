import { AppError } from '../errors/appError.js';

/** Each quoted fragment's span: found in the quote after the previous one (offsets in the text). */
export function quotedWordSpans(quote: string, quoteStart: number, words: readonly string[]) {
  let from = 0;
  return words.map((text, i) => {
    const at = text.length > 0 ? quote.indexOf(text, from) : -1;
    if (at < 0)
      throw new AppError(
        'BAD_USER_INPUT',
        `input.quotedWords[${i}]: not found verbatim in the quote${i > 0 ? ' after the previous words' : ''}`,
        { field: `input.quotedWords[${i}]` },
      );
    from = at + text.length;
    return { text, start: quoteStart + at, end: quoteStart + at + text.length };
  });
}

/** Where the quote is in the text: the only occurrence, or the one at `start`. */
export function quoteOffset(text: string, quote: string, start: number | undefined): number {
  if (quote.length === 0)
    throw new AppError('BAD_USER_INPUT', 'input.quote: must not be empty', {
      field: 'input.quote',
    });
  if (start !== undefined) {
    if (text.startsWith(quote, start)) return start;
    throw new AppError(
      'BAD_USER_INPUT',
      `input.start: the quote does not occur at offset ${start}`,
      { field: 'input.start' },
    );
  }
  const offsets: number[] = [];
  for (
    let at = text.indexOf(quote);
    at >= 0 && offsets.length < 10;
    at = text.indexOf(quote, at + 1)
  )
    offsets.push(at);
  if (offsets.length === 0) {
    throw new AppError('BAD_USER_INPUT', 'input.quote: not found verbatim in the source text', {
      field: 'input.quote',
    });
  }
  if (offsets.length > 1) {
    throw new AppError(
      'BAD_USER_INPUT',
      `input.quote: occurs more than once (at ${offsets.join(', ')}); give input.start`,
      {
        field: 'input.quote',
        offsets,
      },
    );
  }
  return offsets[0]!;
}
