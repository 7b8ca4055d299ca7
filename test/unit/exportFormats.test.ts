import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { neo4jProperties } from '../../src/db/importGraph.js';
import { csvField, writeEdgesCsv, writeNodesCsv } from '../../src/export/csvExport.js';
import type { ExportedNode, ExportedRelationship } from '../../src/export/exportFormat.js';
import { parseSelection } from '../../src/export/graphSelection.js';
import { graphmlType, writeGraphml } from '../../src/export/graphmlExport.js';
import type { GraphStream } from '../../src/export/graphStream.js';
import { writeJsonExport } from '../../src/export/jsonExport.js';
import { encodeProperties } from '../../src/export/propertyEncoding.js';
import { stringSink } from '../../src/export/textSink.js';
import { checkImportDocument, formatImportProblem } from '../../src/export/validateImport.js';
import { escapeXmlAttribute, escapeXmlText } from '../../src/export/xmlText.js';
import { findAll, parseXml } from '../support/xmlDocument.js';

/** Values that break naive CSV and XML writers, as the seed article's quirks do. */
const awkward = 'He said "no", then: `cyberwar`\r\nline two\n<b>&amp;</b> it\'s\ttabbed';

const nodes: ExportedNode[] = [
  {
    labels: ['Claim'],
    properties: { id: 'clm-a', text: awkward, topics: ['x', 'y,z'], revision: 2 },
    integerProperties: ['revision'],
  },
  {
    labels: ['Quantity'],
    properties: { id: 'clm-a-q1', value: 14000, changeValue: 90.8, kind: 'count' },
  },
  {
    labels: ['Source'],
    properties: { id: 'src-<&>"', title: 'T, with "quotes"', primary: true, label: 'own' },
  },
];
const relationships: ExportedRelationship[] = [
  { type: 'HAS_QUANTITY', from: 'clm-a', to: 'clm-a-q1', properties: { key: '' } },
  {
    type: 'CARRIES',
    from: 'src-<&>"',
    to: 'clm-a',
    properties: { key: '', notes: awkward, type: 'own' },
  },
];

/** An in-memory GraphStream over the records above, in pages of one. */
function memoryStream(): GraphStream {
  const typesOf = (
    records: { properties: Record<string, unknown>; integerProperties?: string[] }[],
  ) => {
    const types = new Map<string, Set<string>>();
    for (const record of records) {
      for (const [key, value] of Object.entries(record.properties)) {
        const type = Array.isArray(value)
          ? 'LIST<STRING NOT NULL> NOT NULL'
          : typeof value === 'boolean'
            ? 'BOOLEAN NOT NULL'
            : typeof value === 'number'
              ? record.integerProperties?.includes(key)
                ? 'INTEGER NOT NULL'
                : 'FLOAT NOT NULL'
              : 'STRING NOT NULL';
        types.set(key, (types.get(key) ?? new Set()).add(type));
      }
    }
    return types;
  };
  return {
    totals: { nodes: nodes.length, relationships: relationships.length },
    warnings: [],
    async *nodePages() {
      for (const node of nodes) yield [node];
    },
    async *relationshipPages() {
      for (const relationship of relationships) yield [relationship];
    },
    propertyTypes: () =>
      Promise.resolve({ nodes: typesOf(nodes), relationships: typesOf(relationships) }),
  };
}

/** A strict RFC 4180 reader: quoted fields may hold quotes (doubled), commas, CR and LF. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let at = 0;
  while (at < text.length) {
    let field = '';
    if (text[at] === '"') {
      at++;
      for (;;) {
        const quote = text.indexOf('"', at);
        if (quote < 0) throw new Error('unterminated quoted field');
        field += text.slice(at, quote);
        at = quote + 1;
        if (text[at] === '"') {
          field += '"';
          at++;
        } else break;
      }
    } else {
      const end = text.slice(at).search(/[,\r]/);
      field = end < 0 ? text.slice(at) : text.slice(at, at + end);
      if (field.includes('"') || field.includes('\n')) throw new Error(`unquoted field ${field}`);
      at += field.length;
    }
    record.push(field);
    if (text[at] === ',') at++;
    else if (text.startsWith('\r\n', at)) {
      records.push(record);
      record = [];
      at += 2;
    } else throw new Error(`expected , or CRLF at ${at}`);
  }
  return records;
}

describe('CSV', () => {
  it('quotes fields with quotes, commas, CR or LF, and leaves backticks alone', () => {
    expect(csvField('plain `cyberwar` text')).toBe('plain `cyberwar` text');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('one\ntwo')).toBe('"one\ntwo"');
    expect(csvField('one\rtwo')).toBe('"one\rtwo"');
  });

  it('writes nodes.csv and edges.csv that an RFC 4180 reader reads back exactly', async () => {
    const nodeSink = stringSink();
    await writeNodesCsv(memoryStream(), nodeSink);
    const nodeRows = parseCsv(nodeSink.text());
    expect(nodeRows[0]).toEqual(['id', 'labels', 'name', 'title', 'text', 'properties']);
    expect(nodeRows).toHaveLength(nodes.length + 1);
    expect(nodeRows[1]).toEqual([
      'clm-a',
      'Claim',
      '',
      '',
      awkward,
      JSON.stringify(nodes[0]!.properties),
    ]);
    expect(nodeRows[3]?.slice(0, 4)).toEqual(['src-<&>"', 'Source', '', 'T, with "quotes"']);

    const edgeSink = stringSink();
    await writeEdgesCsv(memoryStream(), edgeSink);
    const edgeRows = parseCsv(edgeSink.text());
    expect(edgeRows[0]).toEqual(['type', 'from', 'to', 'key', 'properties']);
    expect(edgeRows).toHaveLength(relationships.length + 1);
    expect(JSON.parse(edgeRows[2]![4]!)).toEqual(relationships[1]!.properties);
  });
});

describe('GraphML', () => {
  it('escapes text and attributes, and replaces characters XML cannot hold', () => {
    expect(escapeXmlText('a<b>&c\r')).toBe('a&lt;b&gt;&amp;c&#13;');
    expect(escapeXmlAttribute(`"x'\n\t`)).toBe('&quot;x&apos;&#10;&#9;');
    expect(escapeXmlText('bell\u0007 and \uD800 lone')).toBe('bell\uFFFD and \uFFFD lone');
    expect(
      parseXml(`<a b="${escapeXmlAttribute(awkward)}">${escapeXmlText(awkward)}</a>`),
    ).toMatchObject({
      attributes: { b: awkward },
      text: awkward,
    });
  });

  it('maps Neo4j value types to GraphML attribute types', () => {
    expect(graphmlType(new Set(['INTEGER NOT NULL']))).toBe('long');
    expect(graphmlType(new Set(['INTEGER NOT NULL', 'FLOAT NOT NULL']))).toBe('double');
    expect(graphmlType(new Set(['BOOLEAN NOT NULL']))).toBe('boolean');
    expect(graphmlType(new Set(['LIST<STRING NOT NULL> NOT NULL']))).toBe('string');
    expect(graphmlType(new Set(['STRING NOT NULL', 'FLOAT NOT NULL']))).toBe('string');
  });

  it('writes a well-formed document with every node, edge and declared key', async () => {
    const sink = stringSink();
    await writeGraphml(memoryStream(), sink);
    const root = parseXml(sink.text());
    expect(root.name).toBe('graphml');
    const keys = findAll(root, 'key').map((key) => key.attributes);
    const key = (scope: string, name: string) =>
      keys.find((k) => k['for'] === scope && k['attr.name'] === name);
    expect(key('node', 'label')).toBeDefined();
    expect(key('node', 'revision')?.['attr.type']).toBe('long');
    expect(key('node', 'value')?.['attr.type']).toBe('double');
    expect(key('node', 'primary')?.['attr.type']).toBe('boolean');
    expect(key('node', 'topics')?.['attr.type']).toBe('string');
    // Properties named like our own keys keep a distinct attribute name.
    expect(key('node', 'property.label')).toBeDefined();
    expect(key('edge', 'property.type')).toBeDefined();
    expect(key('edge', 'type')).toBeDefined();

    const graphNodes = findAll(root, 'node');
    expect(graphNodes.map((node) => node.attributes.id)).toEqual(nodes.map((n) => n.properties.id));
    const data = (element: (typeof graphNodes)[number], name: string) => {
      const id = keys.find((k) => k['attr.name'] === name && k['for'] === element.name)?.id;
      return element.children.find((child) => child.attributes.key === id)?.text;
    };
    expect(data(graphNodes[0]!, 'text')).toBe(awkward);
    expect(data(graphNodes[0]!, 'label')).toBe(awkward);
    expect(data(graphNodes[0]!, 'topics')).toBe('["x","y,z"]');
    expect(data(graphNodes[2]!, 'label')).toBe('T, with "quotes"');
    const edges = findAll(root, 'edge');
    expect(edges.map((edge) => [edge.attributes.source, edge.attributes.target])).toEqual(
      relationships.map((r) => [r.from, r.to]),
    );
    expect(data(edges[1]!, 'type')).toBe('CARRIES');
    expect(data(edges[1]!, 'notes')).toBe(awkward);
  });
});

describe('the JSON export format', () => {
  it('writes one valid JSON document from pages', async () => {
    const sink = stringSink();
    await writeJsonExport(
      memoryStream(),
      { kind: 'claim', claimId: 'clm-a' },
      sink,
      '2019-06-11T00:00:00.000Z',
    );
    expect(JSON.parse(sink.text())).toEqual({
      format: 'claimgraph-export/1',
      exportedAt: '2019-06-11T00:00:00.000Z',
      selection: { claim: 'clm-a' },
      nodes,
      relationships,
    });
  });

  it('writes empty arrays for an empty selection', async () => {
    const empty: GraphStream = {
      ...memoryStream(),
      async *nodePages() {},
      async *relationshipPages() {},
    };
    const sink = stringSink();
    await writeJsonExport(empty, { kind: 'all' }, sink);
    expect(JSON.parse(sink.text())).toMatchObject({ nodes: [], relationships: [] });
  });

  it('marks Neo4j INTEGERs and refuses values it cannot carry', () => {
    expect(
      encodeProperties('node "x"', { b: 1, a: 2.5, list: [1, 2], id: 'x' }, [
        ['b', 'INTEGER NOT NULL'],
        ['list', 'LIST<INTEGER NOT NULL> NOT NULL'],
      ]),
    ).toEqual({
      properties: { a: 2.5, b: 1, id: 'x', list: [1, 2] },
      integerProperties: ['b', 'list'],
    });
    expect(() =>
      encodeProperties('node "x"', { d: '2019-06-11' }, [['d', 'DATE NOT NULL']]),
    ).toThrow(/node "x": property "d" has the Neo4j type DATE/);
    expect(() => encodeProperties('node "x"', { f: NaN }, [])).toThrow(/NaN/);
    expect(() => encodeProperties('node "x"', { i: 2 ** 60 }, [['i', 'INTEGER NOT NULL']])).toThrow(
      /2\^53/,
    );
  });

  it('writes listed integer properties as Neo4j INTEGERs and other numbers as floats', () => {
    const written = neo4jProperties({ revision: 3, list: [1, 2], value: 14000 }, [
      'revision',
      'list',
    ]);
    expect(neo4j.isInt(written.revision)).toBe(true);
    expect((written.list as unknown[]).every((item) => neo4j.isInt(item))).toBe(true);
    expect(written.value).toBe(14000);
  });
});

describe('checking an import file', () => {
  const valid = () => ({
    format: 'claimgraph-export/1',
    exportedAt: '2019-06-11T00:00:00.000Z',
    nodes: structuredClone(nodes),
    relationships: structuredClone(relationships),
  });
  const problemsOf = (document: unknown) => {
    const check = checkImportDocument(document);
    return check.ok ? [] : check.problems.map(formatImportProblem);
  };

  it('accepts a valid document', () => {
    const check = checkImportDocument(valid());
    expect(check.ok).toBe(true);
    if (check.ok) {
      expect(check.nodes.map((node) => node.id)).toEqual(['clm-a', 'clm-a-q1', 'src-<&>"']);
      expect(check.relationships[0]).toMatchObject({ type: 'HAS_QUANTITY', key: '' });
    }
  });

  it('refuses another format', () => {
    expect(problemsOf({ ...valid(), format: 'other/1' })).toEqual([
      '(file): format: must be "claimgraph-export/1", found "other/1"',
    ]);
    expect(problemsOf([])).toEqual(['(file): (top level): must be a JSON object']);
  });

  it('names the record of an unknown label, type or a bad value', () => {
    const document = valid();
    (document.nodes[1] as { labels: string[] }).labels = ['Quantity', 'Bogus'];
    (document.relationships[1] as { type: string }).type = 'LIKES';
    (document.nodes[0]!.properties as Record<string, unknown>).nested = { a: 1 };
    (document.nodes[2]!.properties as Record<string, unknown>).mixed = ['a', 1];
    expect(problemsOf(document)).toEqual([
      expect.stringMatching(/^nodes\[0\] \(clm-a\): properties\.nested: must be a string/),
      expect.stringMatching(
        /^nodes\[1\] \(clm-a-q1\): labels\[1\]: unknown label "Bogus"; known labels: Claim, /,
      ),
      expect.stringMatching(/^nodes\[2\] \(src-<&>"\): properties\.mixed: /),
      expect.stringMatching(
        /^relationships\[1\] \(LIKES src-<&>" -> clm-a\): type: unknown relationship type "LIKES"/,
      ),
    ]);
  });

  it('refuses duplicate ids and relationships, missing ids and bad integer hints', () => {
    const document = valid();
    document.nodes[1]!.properties.id = 'clm-a';
    (document.nodes[2] as { integerProperties?: string[] }).integerProperties = ['title'];
    document.relationships.push(structuredClone(relationships[0]!));
    delete (document.nodes[0]!.properties as Record<string, unknown>).id;
    expect(problemsOf(document)).toEqual([
      'nodes[0]: properties.id: every node needs a non-empty string id',
      'nodes[2] (src-<&>"): integerProperties[0]: property "title" is not an integer (or list of integers) within ±2^53',
      'relationships[2] (HAS_QUANTITY clm-a -> clm-a-q1): (record): duplicate relationship: same type, ends and key as an earlier one',
    ]);
    document.nodes[0]!.properties.id = 'clm-a';
    expect(problemsOf(document)).toContain('nodes[1] (clm-a): properties.id: duplicate id "clm-a"');
  });
});

describe('selections', () => {
  it('takes a claim or a known label, not both', () => {
    expect(parseSelection({})).toEqual({ ok: true, selection: { kind: 'all' } });
    expect(parseSelection({ label: 'Actor' })).toEqual({
      ok: true,
      selection: { kind: 'label', label: 'Actor' },
    });
    expect(parseSelection({ label: 'Actor) DETACH DELETE (n' })).toMatchObject({ ok: false });
    expect(parseSelection({ claim: 'clm-a', label: 'Actor' })).toMatchObject({ ok: false });
  });
});
