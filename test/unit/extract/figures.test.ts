import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractFigures, type Figure } from '../../../src/extract/figures.js';
import { figureCases, type ExpectedFigure } from '../../fixtures/extract/figures.fixture.js';

/** The parts of a figure the fixture states, in the fixture's shape. */
function comparable(figure: Figure): ExpectedFigure {
  return {
    raw: figure.raw,
    value: figure.value,
    unit: figure.unit,
    kind: figure.kind,
    ...(figure.range ? { range: figure.range } : {}),
    ...(figure.approximate ? { approximate: true as const } : {}),
    ...(figure.noun ? { noun: figure.noun.text } : {}),
    ...(figure.change
      ? {
          change: {
            raw: figure.change.raw,
            value: figure.change.value,
            unit: figure.change.unit,
            basis: figure.change.basis,
            direction: figure.change.direction,
          },
        }
      : {}),
  };
}

/** Every span a figure reports must be the text at its offsets. */
function expectSpansMatch(text: string, figures: readonly Figure[]): void {
  for (const figure of figures) {
    expect(text.slice(figure.start, figure.end)).toBe(figure.raw);
    if (figure.noun) expect(text.slice(figure.noun.start, figure.noun.end)).toBe(figure.noun.text);
    if (figure.change)
      expect(text.slice(figure.change.start, figure.change.end)).toBe(figure.change.raw);
  }
}

describe('figure fixture', () => {
  it('has at least 40 forms', () => {
    expect(figureCases.length).toBeGreaterThanOrEqual(40);
  });

  for (const fixture of figureCases) {
    it(fixture.form, () => {
      const figures = extractFigures(fixture.text);
      expect(figures.map(comparable)).toEqual(fixture.figures);
      expectSpansMatch(fixture.text, figures);
    });
  }
});

describe('figure extraction', () => {
  it('reads only the requested region, with offsets into the full text', () => {
    const text = 'The park has 400 trees. The lake has 30 boats.';
    const from = text.indexOf('The lake');
    const figures = extractFigures(text, from);
    expect(figures.map(comparable)).toEqual([
      { raw: '30', value: 30, unit: 'boats', kind: 'count', noun: 'boats' },
    ]);
    expect(figures[0]?.start).toBe(text.indexOf('30'));
    expect(extractFigures(text, 0, from).map((figure) => figure.value)).toEqual([400]);
  });

  it('reads the words before a region for units, but reports only figures inside it', () => {
    const text = 'The minister will add 15 night-train routes to the nine now running.';
    const from = text.indexOf('the nine');
    expect(extractFigures(text, from).map(comparable)).toEqual([
      { raw: 'nine', value: 9, unit: 'night-train routes', kind: 'count' },
    ]);
  });

  it('gives no change to a figure outside the region', () => {
    const text = 'The chain has 8,000 stores. The number rose 12 percent.';
    const from = text.indexOf('The number');
    expect(extractFigures(text, from).map(comparable)).toEqual([
      { raw: '12 percent', value: 12, unit: 'percent', kind: 'percentage' },
    ]);
  });

  it('keeps UTF-16 offsets after astral characters', () => {
    const text = '🚀🚀 The launch cost €3.2 billion.';
    const [figure] = extractFigures(text);
    expect(figure?.raw).toBe('€3.2 billion');
    expect(text.slice(figure?.start, figure?.end)).toBe('€3.2 billion');
  });

  it('never throws, and reports ordered, non-overlapping spans that match the text', () => {
    const pieces = fc.constantFrom(
      ' ',
      '. ',
      '\n\n',
      '14.000',
      '3.34',
      'million',
      '$',
      '€',
      '%',
      'percent',
      'per cent',
      'rose',
      'fell',
      'by',
      'to',
      'up',
      'of',
      'an increase of',
      'year-on-year',
      'compared with',
      '2017',
      'between',
      'and',
      '-',
      'two',
      'thirds',
      'a',
      'dozen',
      'servers',
      'US',
      'Chinese',
      'the number of',
      'doubled',
      'in',
      'half',
      'one',
      'five',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        const text = parts.join(' ');
        const figures = extractFigures(text);
        expectSpansMatch(text, figures);
        for (let index = 1; index < figures.length; index++)
          expect(figures[index]?.start).toBeGreaterThanOrEqual(figures[index - 1]?.end ?? 0);
      }),
      { numRuns: 300 },
    );
  });
});
