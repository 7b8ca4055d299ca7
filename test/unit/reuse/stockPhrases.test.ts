import { describe, expect, it } from 'vitest';
import { reuseTokens } from '../../../src/reuse/reuseTokens.js';
import { stockPhraseMask, withinStockPhrase } from '../../../src/reuse/stockPhrases.js';

const norms = (text: string) => reuseTokens(text).map((token) => token.norm);
const marked = (text: string) => {
  const words = norms(text);
  const mask = stockPhraseMask(words);
  return words.filter((_, index) => mask[index] === 1).join(' ');
};

describe('stock phrases', () => {
  it('mark attributions, dates, credits and agency names', () => {
    expect(marked('Lena Dorsch told reporters on Tuesday that the port would reopen.')).toBe(
      'told reporters on tuesday that',
    );
    expect(marked('The ministry said in a statement on Friday that talks had failed.')).toBe(
      'the ministry said in a statement on friday that',
    );
    expect(marked('An official, who spoke on condition of anonymity, confirmed it.')).toBe(
      'who spoke on condition of anonymity',
    );
    expect(marked('(With input from Reuters and AFP; editing by Joss Amery)')).toBe(
      'with input from reuters afp editing by',
    );
    expect(marked('The plant will open in March, and prices rose 3,1 percent last week.')).toBe(
      'in march last week',
    );
  });

  it('read through the seed article’s damage', () => {
    expect(
      marked('The agency`s chief said in a statement. on Monday. that it had no comment'),
    ).toBe('said in a statement on monday that');
  });

  it('leave the story’s own words alone', () => {
    expect(marked('Engineers found three cracks in the dam wall and drained the reservoir.')).toBe(
      '',
    );
    // "may" is a month only after a preposition or before a day.
    expect(marked('The dam may fail, engineers warned.')).toBe('');
  });

  it('judge a k-gram by its own words, wherever it stands', () => {
    expect(withinStockPhrase(['not', 'immediately', 'respond', 'to'])).toBe(true);
    expect(withinStockPhrase(['told', 'reporters', 'on', 'monday'])).toBe(true);
    expect(withinStockPhrase(['dorsch', 'told', 'reporters', 'on'])).toBe(false);
    expect(withinStockPhrase(['the', 'dam', 'wall', 'cracked'])).toBe(false);
    expect(withinStockPhrase([])).toBe(false);
  });
});
