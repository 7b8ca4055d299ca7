import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { projectRoot } from '../../../src/config/config.js';
import { extractTimes, type TimeMention } from '../../../src/extract/times.js';
import { timeSchema } from '../../../src/ingest/seedFormat.js';

interface FixtureCase {
  readonly published: string | null;
  readonly text: string;
  /** Every mention, in order: [raw, value, precision]. */
  readonly expect: ReadonlyArray<readonly [string, string, string]>;
  readonly convention?: string;
}

const fixture = JSON.parse(
  readFileSync(path.join(projectRoot, 'test/fixtures/extract/times.fixture.json'), 'utf8'),
) as { cases: FixtureCase[] };

const triples = (mentions: readonly TimeMention[]) =>
  mentions.map((m) => [m.raw, m.value, m.precision] as const);

const run = (c: FixtureCase) => extractTimes(c.text, c.published ?? undefined);

describe('time fixture', () => {
  it('holds at least 50 expressions and some sentences with none', () => {
    const expressions = fixture.cases.reduce((sum, c) => sum + c.expect.length, 0);
    expect(expressions).toBeGreaterThanOrEqual(50);
    expect(fixture.cases.filter((c) => c.expect.length === 0).length).toBeGreaterThanOrEqual(10);
    expect(new Set(fixture.cases.map((c) => c.published)).size).toBeGreaterThanOrEqual(4);
  });

  it.each(fixture.cases.map((c) => [`${c.published ?? 'undated'}: ${c.text}`, c] as const))(
    '%s',
    (_, c) => {
      expect(triples(run(c))).toEqual(c.expect);
    },
  );
});

describe('time mentions', () => {
  const all = fixture.cases.flatMap((c) => run(c).map((mention) => ({ c, mention })));

  it('quote the text exactly and validate as seed-format times', () => {
    for (const { c, mention } of all) {
      expect(c.text.slice(mention.start, mention.end)).toBe(mention.raw);
      expect(mention.raw).not.toMatch(/^\s|[\s.,;:!?]$/);
      const { raw, value, precision, basis } = mention;
      expect(() => timeSchema.parse({ raw, value, precision, basis }), mention.raw).not.toThrow();
      expect(basis).toMatch(/\.$/);
    }
  });

  it('are relative exactly when they quote and use the publication date', () => {
    for (const { c, mention } of all) {
      if (c.published === null) expect(mention.relative).toBe(false);
      if (mention.relative) {
        expect(mention.basis.startsWith(`"${mention.raw}": `)).toBe(true);
        expect(mention.basis).toContain(`publication date ${c.published}`);
      }
    }
  });

  it('explain how they were resolved', () => {
    const [friday] = extractTimes('Officials met on Friday.', '2019-06-12');
    expect(friday?.basis).toBe(
      '"on Friday": the Friday before the publication date 2019-06-12 (Wednesday).',
    );
    const [march] = extractTimes('In March. Huawei said.', '2019-06-12');
    expect(march?.basis).toBe(
      '"In March": the latest March not after the publication date 2019-06-12 (Wednesday).',
    );
    expect(extractTimes('in 2018. 14.000 servers', '2019-06-12')[0]?.basis).toBe('Explicit year.');
  });
});

describe('extractTimes', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads the seed article as its gold does', () => {
    const text = readFileSync(path.join(projectRoot, 'seeds/cncert-2019.article.txt'), 'utf8');
    const found = triples(extractTimes(text, '2019-06-12'));
    const gold = [
      ['on Monday', '2019-06-10', 'day'],
      ['In March', '2019-03', 'month'],
      ['in February', '2019-02', 'month'],
      ['in May', '2019-05', 'month'],
      ['on Tuesday', '2019-06-11', 'day'],
      ['last year`s', '2018', 'year'],
      ['in late 2016', '2016-10/2016-12', 'range'],
      ['Last year', '2018', 'year'],
      ['in 2018', '2018', 'year'],
      ['In 2018', '2018', 'year'],
      ['in 2016', '2016', 'year'],
      ['during the 2016 election', '2016', 'year'],
      ['now', '2019', 'year'],
    ];
    for (const time of gold) expect(found).toContainEqual(time);
    for (const [raw] of found) expect(raw).not.toMatch(/14\.000|3\.325|3\.607|90\.8|133/);
  });

  it('never reads the clock', () => {
    const text = 'On Monday, in March, last week and two years ago; since 2015.';
    const before = extractTimes(text, '2019-06-12');
    vi.useFakeTimers({ now: new Date('2031-11-05T03:00:00Z') });
    expect(extractTimes(text, '2019-06-12')).toEqual(before);
  });

  it('skips relative expressions without a publication date', () => {
    const text = 'On Monday, in March 2018, last year and in the first quarter of 2017.';
    expect(triples(extractTimes(text))).toEqual([
      ['in March 2018', '2018-03', 'month'],
      ['in the first quarter of 2017', '2017-01/2017-03', 'quarter'],
    ]);
  });

  it('scans only text[from, to) and reports offsets into the full text', () => {
    const text = 'On Monday the board met. In March it voted. Last year it did not.';
    const from = text.indexOf('In March');
    const to = text.indexOf('Last year');
    const mentions = extractTimes(text, '2019-06-12', from, to);
    expect(triples(mentions)).toEqual([['In March', '2019-03', 'month']]);
    expect(mentions[0]?.start).toBe(from);
    expect(text.slice(mentions[0]?.start, mentions[0]?.end)).toBe('In March');
  });

  it('rejects a publication date that is not YYYY-MM-DD', () => {
    expect(() => extractTimes('in May', '2019-06')).toThrow(RangeError);
    expect(() => extractTimes('in May', '2019-02-30')).toThrow(RangeError);
  });
});
