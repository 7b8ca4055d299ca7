import { describe, expect, it } from 'vitest';
import type { GraphWritePlan } from '../../src/db/graphWritePlan.js';
import { contentHash } from '../../src/db/writeGraphPlan.js';
import { BulkCsvBuilder, multilineFileBytes } from '../../src/ingest/bulk/bulkCsvBuilder.js';
import {
  arrayDelimiter,
  cellText,
  cellType,
  csvLine,
  quoteField,
} from '../../src/ingest/bulk/csvCells.js';
import { planSeedLoad } from '../../src/ingest/planSeedLoad.js';
import { validateSeedFile } from '../../src/ingest/validateSeedSet.js';
import { defaultSeedFiles } from '../../src/ingest/defaultSeedFiles.js';

/** An RFC 4180 reader: rows of fields, `undefined` for an empty unquoted field. */
function readCsv(text: string): (string | undefined)[][] {
  const rows: (string | undefined)[][] = [];
  let row: (string | undefined)[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        if (text[i] === '"' && text[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else value += text[i++];
      }
      row.push(value);
    } else {
      let value = '';
      while (i < text.length && text[i] !== ',' && text[i] !== '\n') value += text[i++];
      row.push(value === '' ? undefined : value);
    }
    if (text[i] === ',') i++;
    else if (text[i] === '\n') {
      rows.push(row);
      row = [];
      i++;
    }
  }
  return rows;
}

const now = '2026-12-02T00:00:00.000Z';
const provenance = { enteredBy: 'curators', enteredVia: 'seed:test (test.seed.yaml)' };

function plan(overrides: Partial<GraphWritePlan> = {}): GraphWritePlan {
  return {
    nodes: [
      {
        label: 'Actor',
        rows: [
          { id: 'act-a', properties: { name: 'A "the first", of two', aliases: [] } },
          { id: 'act-b', properties: { name: 'B', aliases: ['Bee', 'B;b'], anonymous: false } },
        ],
      },
      { label: 'Claim', rows: [{ id: 'clm-1', properties: { text: 'line one\nline two' } }] },
    ],
    relationships: [
      {
        type: 'BASED_IN',
        fromLabel: 'Actor',
        toLabel: 'Actor',
        rows: [{ from: 'act-a', to: 'act-b', key: '', properties: {} }],
      },
    ],
    ...overrides,
  };
}

describe('CSV cells for neo4j-admin import', () => {
  it('quotes every string, doubling inner quotes, and keeps commas, newlines and backslashes', () => {
    expect(quoteField('a "b", c\\d\ne')).toBe('"a ""b"", c\\d\ne"');
    const line = csvLine([quoteField('x,"y"'), '', quoteField(''), '1.5']);
    expect(readCsv(line)).toEqual([['x,"y"', undefined, '', '1.5']]);
  });

  it('types values as the online loader stores them', () => {
    expect(cellType('text')).toBe('string');
    expect(cellType('')).toBe('string');
    expect(cellType(3)).toBe('double');
    expect(cellType(1, true)).toBe('long');
    expect(cellType(true)).toBe('boolean');
    expect(cellType(['a', 'b'])).toBe('string[]');
    expect(cellType([1, 2.5])).toBe('double[]');
    expect(cellType([true])).toBe('boolean[]');
  });

  it('refuses what a cell cannot carry exactly', () => {
    expect(cellType([])).toBeUndefined();
    expect(cellType(['a', ''])).toBeUndefined();
    expect(cellType([`a${arrayDelimiter}b`])).toBeUndefined();
    expect(cellType([' padded'])).toBeUndefined();
    expect(cellType(-0)).toBeUndefined();
    expect(cellType(Number.NaN)).toBeUndefined();
    expect(cellType(1.5, true)).toBeUndefined();
  });

  it('writes arrays with the array delimiter and numbers in their shortest exact form', () => {
    expect(cellText(['a;1', 'b,2'], 'string[]')).toBe(`"a;1${arrayDelimiter}b,2"`);
    expect(cellText([0.1, 1e21, 3], 'double[]')).toBe(
      `0.1${arrayDelimiter}1e+21${arrayDelimiter}3`,
    );
    expect(cellText(false, 'boolean')).toBe('false');
  });
});

describe('BulkCsvBuilder', () => {
  it('writes typed headers, the properties, the content hash and the provenance', () => {
    const builder = new BulkCsvBuilder(now);
    const files = builder.add(plan(), provenance, 'test.seed.yaml');
    expect(builder.problems).toEqual([]);
    const actors = files.find((file) => file.kind === 'nodes' && file.name === 'Actor')!;
    const [header, a, b] = readCsv(actors.text);
    expect(header).toEqual([
      'id:ID(Actor)',
      'name:string',
      'contentHash:string',
      'revision:long',
      'enteredBy:string',
      'enteredVia:string',
      'enteredAt:string',
      'aliases:string[]',
      'anonymous:boolean',
    ]);
    expect(a).toEqual([
      'act-a',
      'A "the first", of two',
      contentHash({ name: 'A "the first", of two', aliases: [] }),
      '1',
      'curators',
      'seed:test (test.seed.yaml)',
      now,
      undefined,
      undefined,
    ]);
    expect(b?.slice(7)).toEqual([`Bee${arrayDelimiter}B;b`, 'false']);
    // The empty list is set after the import.
    expect(builder.nodeFixes).toEqual([
      { label: 'Actor', id: 'act-a', properties: { aliases: [] } },
    ]);
    expect(actors.multiline).toBe(false);
    expect(files.find((file) => file.name === 'Claim')!.multiline).toBe(true);
    const based = files.find((file) => file.kind === 'relationships')!;
    expect(readCsv(based.text)).toEqual([
      [
        ':START_ID(Actor)',
        ':END_ID(Actor)',
        'key:string',
        'enteredBy:string',
        'enteredVia:string',
        'enteredAt:string',
      ],
      ['act-a', 'act-b', '', 'curators', 'seed:test (test.seed.yaml)', now],
    ]);
    expect(builder.totals).toEqual({
      nodes: 3,
      relationships: 1,
      unchangedNodes: 0,
      unchangedRelationships: 0,
    });
  });

  it('merges plans as consecutive loads: the same records are skipped, other content is a problem', () => {
    const builder = new BulkCsvBuilder(now);
    builder.add(plan(), provenance, 'one.seed.yaml');
    expect(builder.add(plan(), provenance, 'two.seed.yaml')).toEqual([]);
    expect(builder.totals).toMatchObject({ unchangedNodes: 3, unchangedRelationships: 1 });
    expect(builder.problems).toEqual([]);
    const changed = plan({
      nodes: [{ label: 'Claim', rows: [{ id: 'clm-1', properties: { text: 'other' } }] }],
      relationships: [
        {
          type: 'BASED_IN',
          fromLabel: 'Actor',
          toLabel: 'Actor',
          rows: [
            { from: 'act-a', to: 'clm-1', key: '', properties: {} },
            { from: 'act-b', to: 'act-x', key: '', properties: {} },
          ],
        },
      ],
    });
    expect(
      builder.add(changed, provenance, 'three.seed.yaml', [
        { field: 'actors[0] (act-z)', label: 'Actor', id: 'act-z' },
      ]),
    ).toEqual([]);
    expect(builder.problems).toEqual([
      'three.seed.yaml: actors[0] (act-z): marked existing, but no Actor "act-z" is in the files before it (a bulk load starts from an empty database)',
      'three.seed.yaml: Claim "clm-1" has other content than an earlier file gives it (an online load refuses this as a CONFLICT)',
      'three.seed.yaml: BASED_IN from "act-a" to "clm-1" names a Actor "clm-1" that no file holds',
      'three.seed.yaml: "act-a" is already linked by BASED_IN to "act-b"; it cannot also be linked to "clm-1"',
      'three.seed.yaml: BASED_IN from "act-b" to "act-x" names a Actor "act-x" that no file holds',
    ]);
  });

  it("cuts a table with multiline fields into files that fit the importer's read buffer", () => {
    const text = `${'x'.repeat(1024 * 1024)}\n${'y'.repeat(100)}`;
    const rows = Array.from({ length: 7 }, (_, i) => ({ id: `clm-${i}`, properties: { text } }));
    const builder = new BulkCsvBuilder(now);
    const files = builder.add(
      { nodes: [{ label: 'Claim', rows }], relationships: [] },
      provenance,
      'big.seed.yaml',
    );
    expect(files.length).toBeGreaterThan(2);
    for (const file of files) {
      expect(file.multiline).toBe(true);
      expect(file.bytes).toBeLessThanOrEqual(multilineFileBytes);
      expect(file.text.startsWith('id:ID(Claim),text:string,')).toBe(true);
    }
    const ids = files.flatMap((file) =>
      readCsv(file.text)
        .slice(1)
        .map((row) => row[0]),
    );
    expect(ids).toEqual(rows.map((row) => row.id));
    expect(files.reduce((sum, file) => sum + file.rows, 0)).toBe(7);
  });

  it('gives sources with text their fingerprints and writes the seed graph without problems', () => {
    const [file] = defaultSeedFiles();
    const result = validateSeedFile(file!);
    if (!result.ok) throw new Error('the seed does not validate');
    const seedPlan = planSeedLoad(result.value);
    const builder = new BulkCsvBuilder(now);
    const files = builder.add(seedPlan, provenance, 'seed');
    expect(builder.problems).toEqual([]);
    const sources = files.find((f) => f.kind === 'nodes' && f.name === 'Source')!;
    const [header, ...rows] = readCsv(sources.text);
    const column = header!.indexOf('fingerprintText:string');
    expect(column).toBeGreaterThan(0);
    const withText = seedPlan.derived![0]!.rows.map((row) => row.id);
    for (const row of rows) expect(row[column] !== undefined).toBe(withText.includes(row[0]!));
    const planned = seedPlan.nodes.reduce((sum, group) => sum + group.rows.length, 0);
    expect(builder.totals.nodes).toBe(planned);
  });
});
