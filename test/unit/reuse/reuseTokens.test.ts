import { describe, expect, it } from 'vitest';
import { normaliseWord, reuseTokens } from '../../../src/reuse/reuseTokens.js';

const norms = (text: string) => reuseTokens(text).map((token) => token.norm);

describe('reuse tokens', () => {
  it('cover the words of the text exactly', () => {
    const text = 'The port’s new crane, built in 2009, “gave way” at 6:40 a.m. — officials said.';
    for (const token of reuseTokens(text)) {
      const word = text.slice(token.start, token.end);
      expect(word).toMatch(/^[\p{L}\p{N}]/u);
      expect(word).toMatch(/[\p{L}\p{N}]$/u);
      expect(normaliseWord(word)).toBe(token.norm);
    }
    expect(norms(text)).toEqual(
      'the ports new crane built in 2009 gave way at 6 40 am officials said'.split(' '),
    );
  });

  it('read a copy damaged like the seed article the same as the clean original', () => {
    const clean =
      'In 2021, 12,500 routers in the region’s capital were infected, an increase of 18 percent, ' +
      'and the operator’s engineers called it a “slow-motion outage,” the agency said.';
    const damaged =
      'In 2021. 12.500 routers in the region`s capital were infected. an increase of 18 percent. ' +
      'and the operator`s engineers called it a `slow-motion outage.` the agency said.';
    expect(norms(damaged)).toEqual(norms(clean));
    expect(norms(clean)).toContain('12500');
    expect(norms(clean)).toContain('regions');
  });

  it('unify every kind of apostrophe and quotation mark', () => {
    const spellings = ["the mayor's", 'the mayor’s', 'the mayor`s', 'the mayor´s', 'the mayors'];
    for (const spelling of spellings) expect(norms(spelling)).toEqual(['the', 'mayors']);
    expect(norms('"blackout" “blackout” `blackout` ‘blackout’ «blackout»')).toEqual(
      Array(5).fill('blackout'),
    );
  });

  it('write grouped numbers as their digits, whichever separator was typed', () => {
    for (const written of ['14,000', '14.000', '14 000', '14\u00a0000', '14\u202f000', '14000'])
      expect(norms(`about ${written} servers`)).toEqual(['about', '14000', 'servers']);
    expect(norms('1,250,000 and 1 250 000')).toEqual(['1250000', 'and', '1250000']);
    // A decimal point is dropped the same way: both copies of a passage agree, which is all
    // matching needs.
    expect(norms('3.34 million')).toEqual(['334', 'million']);
    expect(norms('3,325 addresses')).toEqual(norms('3.325 addresses'));
  });

  it('do not join a year to the figure after it', () => {
    expect(norms('In 2018, 14,000 servers')).toEqual(['in', '2018', '14000', 'servers']);
    expect(norms('In 2018. 14.000 servers')).toEqual(['in', '2018', '14000', 'servers']);
    expect(norms('in 2018 14 000 servers')).toEqual(['in', '2018', '14000', 'servers']);
  });

  it('ignore case, accents, sentence punctuation and hyphens', () => {
    expect(norms('Large-scale attacks. Zürich; ÉLAN!')).toEqual(
      norms('large scale attacks zurich elan'),
    );
    expect(norms('U.S. officials')).toEqual(norms('US officials'));
  });

  it('see through invisible characters inside a word', () => {
    expect(norms('dis\u00adinfection in\u200bspectors')).toEqual(['disinfection', 'inspectors']);
  });

  it('give nothing for a text without words', () => {
    expect(reuseTokens('')).toEqual([]);
    expect(reuseTokens(' — … ” ')).toEqual([]);
  });
});
