import { describe, expect, it } from 'vitest';
import { luceneTerms, searchTerms } from '../../src/db/searchQuery.js';
import { nameKey } from '../../src/domain/normaliseName.js';
import { timeBounds } from '../../src/domain/timeBounds.js';
import { byTime } from '../../src/domain/timelineOrder.js';

describe('time bounds', () => {
  it('spans the days a value of any precision covers', () => {
    expect(timeBounds('2019-06-11')).toEqual({ from: '2019-06-11', to: '2019-06-11' });
    expect(timeBounds('2019-02')).toEqual({ from: '2019-02-01', to: '2019-02-28' });
    expect(timeBounds('2016')).toEqual({ from: '2016-01-01', to: '2016-12-31' });
    expect(timeBounds('2016-10/2016-12')).toEqual({ from: '2016-10-01', to: '2016-12-31' });
  });

  it('orders a timeline oldest first, the precise before the vague at the same start', () => {
    const day = { id: 'b', ...timeBounds('2019-06-01') };
    const month = { id: 'a', ...timeBounds('2019-06') };
    const year = { id: 'c', ...timeBounds('2018') };
    expect([month, day, year].sort(byTime).map((entry) => entry.id)).toEqual(['c', 'b', 'a']);
  });
});

describe('names and search text', () => {
  it('matches names whatever their case, backticks and punctuation', () => {
    expect(nameKey('China`s  CNCERT.')).toBe(nameKey("china's cncert"));
    expect(nameKey('Special Council Robert Meuller')).toBe('special council robert meuller');
  });

  it('escapes Lucene syntax so user text is matched literally', () => {
    expect(luceneTerms('AND (x) "y" OR')).toBe('and OR \\(x\\) OR \\"y\\" OR or');
    expect(luceneTerms('China`s servers')).toBe('china OR s OR servers');
    expect(luceneTerms('   ')).toBe('');
  });
});

describe('search terms', () => {
  it('adds a fuzzy variant of longer words and the grouped spellings of a bare number', () => {
    expect(searchTerms('Muller 14000 US')).toBe(
      'muller OR muller~1 OR 14000 OR 14,000 OR 14.000 OR us',
    );
    expect(searchTerms('3340000')).toBe('3340000 OR 3,340,000 OR 3.340.000');
    expect(searchTerms('AND (x)')).toBe('and OR \\(x\\)');
  });
});
