import { spawnSync } from 'node:child_process';
import { createApiKey } from '../../src/auth/apiKeys.js';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { projectRoot } from '../../src/config/config.js';
import { AppError } from '../../src/errors/appError.js';
import { claimJsonLd } from '../../src/export/claimJsonLd.js';
import { writeEdgesCsv, writeNodesCsv } from '../../src/export/csvExport.js';
import type { ExportDocument } from '../../src/export/exportFormat.js';
import type { GraphSelection } from '../../src/export/graphSelection.js';
import { writeGraphml } from '../../src/export/graphmlExport.js';
import { openGraphStream } from '../../src/export/graphStream.js';
import { importGraphDocument } from '../../src/export/importGraphDocument.js';
import { writeJsonExport } from '../../src/export/jsonExport.js';
import { stringSink } from '../../src/export/textSink.js';
import { exportRouter } from '../../src/http/exportRoute.js';
import { loadSeedFile } from '../../src/ingest/loadSeedFile.js';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase.js';
import { findAll, parseXml } from '../support/xmlDocument.js';

const serverClaim = 'clm-us-servers-controlled-china-hosts-2018';
const chain = [
  'src-article',
  'src-global-times-report',
  'src-xinhua-report',
  'src-cncert-annual-report-2018',
];

/** Every node and relationship with all its properties and each property's Neo4j type. */
async function snapshot(database: TestDatabase) {
  const typed = (variable: string) =>
    `[k IN keys(${variable}) | k + ': ' + valueType(${variable}[k])]`;
  const nodes = await database.executor.read({
    name: 'snapshotNodes',
    cypher: `MATCH (n) RETURN n.id AS id, labels(n) AS labels, properties(n) AS p, ${typed('n')} AS types ORDER BY id`,
  });
  const relationships = await database.executor.read({
    name: 'snapshotRelationships',
    cypher: `MATCH (a)-[r]->(b)
             RETURN a.id + ' ' + type(r) + ' ' + b.id + ' ' + coalesce(r.key, '(no key)') AS k,
                    properties(r) AS p, ${typed('r')} AS types
             ORDER BY k`,
  });
  const sortTypes = (row: Record<string, unknown>): Record<string, unknown> => ({
    ...row,
    types: [...(row.types as string[])].sort(),
  });
  return { nodes: nodes.map(sortTypes), relationships: relationships.map(sortTypes) };
}

async function exportJson(
  database: TestDatabase,
  selection: GraphSelection = { kind: 'all' },
  pageSize?: number,
): Promise<ExportDocument> {
  const sink = stringSink();
  const stream = await openGraphStream(database.executor, selection, { pageSize });
  await writeJsonExport(stream, selection, sink);
  return JSON.parse(sink.text()) as ExportDocument;
}

/** The seed, then a correction (a Revision node and a key-less REVISION_OF), then odd values. */
async function seedWithHistory(database: TestDatabase) {
  await database.resetAndSeed();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'claimgraph-export-seed-'));
  copyFileSync(
    path.join(projectRoot, 'seeds/cncert-2019.article.txt'),
    path.join(dir, 'cncert-2019.article.txt'),
  );
  const seed = parse(
    readFileSync(path.join(projectRoot, 'seeds/cncert-2019.seed.yaml'), 'utf8'),
  ) as {
    claims: { id: string; text: string }[];
  };
  const claim = seed.claims.find((c) => c.id === 'clm-us-has-133-cyber-teams')!;
  claim.text = `${claim.text} (corrected)`;
  const corrected = path.join(dir, 'corrected.seed.yaml');
  writeFileSync(corrected, stringify(seed));
  await loadSeedFile(database.executor, corrected, { correction: { reason: 'test: history' } });
  await database.executor.write({
    name: 'oddValues',
    cypher: `MATCH (q:Quantity {id: '${serverClaim}-q1'})
             SET q.testIntegers = [1, 2, 3], q.testFloats = [1.5, 2.0], q.testEmpty = [],
                 q.testWholeFloat = 3.0, q.testInteger = 3, q.testFlags = [true, false],
                 q.testText = 'quote " comma , newline \n backtick \` ampersand & <tag>'`,
  });
}

describe('export and import', () => {
  let database: TestDatabase;
  let original: Awaited<ReturnType<typeof snapshot>>;
  let exported: ExportDocument;

  beforeAll(async () => {
    database = await openTestDatabase();
    await seedWithHistory(database);
    original = await snapshot(database);
    exported = await exportJson(database);
  });
  afterAll(() => database.close());

  it('exports every node and relationship, keeping integers apart from floats', () => {
    expect(exported.format).toBe('claimgraph-export/1');
    expect(exported.nodes).toHaveLength(original.nodes.length);
    expect(exported.relationships).toHaveLength(original.relationships.length);
    expect(exported.nodes.some((node) => node.labels.includes('Revision'))).toBe(true);
    const quantity = exported.nodes.find((node) => node.properties.id === `${serverClaim}-q1`)!;
    expect(quantity.properties).toMatchObject({ value: 14000, testWholeFloat: 3, testInteger: 3 });
    expect(quantity.integerProperties).toEqual(['revision', 'testInteger', 'testIntegers']);
    // Quoted words travel as three parallel lists; indirect speech has none of them.
    const bolton = exported.nodes.find(
      (node) => node.properties.id === 'att-bolton-operations-show-will-pay-price',
    )!;
    expect(bolton.properties).toMatchObject({
      quotedWordsText: ['will pay a price'],
      quotedWordsStart: [3097],
      quotedWordsEnd: [3113],
    });
    const indirect = exported.nodes.find(
      (node) => node.properties.id === 'att-bolton-offensive-cyber-operations-abroad',
    )!;
    expect(Object.keys(indirect.properties).filter((key) => key.startsWith('quotedWords'))).toEqual(
      [],
    );
  });

  it('pages through the graph: small pages give the same export as large ones', async () => {
    const paged = await exportJson(database, { kind: 'all' }, 7);
    expect({ ...paged, exportedAt: '' }).toEqual({ ...exported, exportedAt: '' });
  });

  it('restores an identical graph into an empty database, and re-importing changes nothing', async () => {
    await database.reset();
    const report = await importGraphDocument(database.executor, exported);
    expect(report).toMatchObject({
      nodesCreated: original.nodes.length,
      relationshipsCreated: original.relationships.length,
    });
    expect(await snapshot(database)).toEqual(original);
    const [words] = await database.executor.read({
      name: 'importedQuotedWords',
      cypher: `MATCH (a:Attribution {id: 'att-bolton-pay-price-impose-costs'})
               RETURN a.quotedWordsText AS text, a.quotedWordsStart AS start, a.quotedWordsEnd AS end,
                      valueType(a.quotedWordsStart) AS type`,
    });
    expect(words).toMatchObject({
      text: [expect.stringMatching(/^You will pay a price .* against us$/)],
      start: [3443],
      end: [3610],
      type: 'LIST<FLOAT NOT NULL> NOT NULL',
    });

    const again = await importGraphDocument(database.executor, exported);
    expect(again).toMatchObject({
      nodesCreated: 0,
      nodesUnchanged: original.nodes.length,
      relationshipsCreated: 0,
      relationshipsMatched: original.relationships.length,
    });
    expect(await snapshot(database)).toEqual(original);
  });

  it('refuses an import that would change a stored record, and with a correction keeps history', async () => {
    const changed = structuredClone(exported);
    const node = changed.nodes.find((n) => n.properties.id === serverClaim)!;
    node.properties.text = `${String(node.properties.text)} (re-curated)`;
    const refused = await importGraphDocument(database.executor, changed).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'CONFLICT' });
    expect((refused as Error).message).toContain(serverClaim);
    expect(await snapshot(database)).toEqual(original);

    const report = await importGraphDocument(database.executor, changed, {
      editor: 'test-editor',
      correction: { reason: 'test: re-curated export' },
    });
    expect(report).toMatchObject({ nodesCreated: 0, nodesUpdated: 1 });
    const [row] = await database.executor.read(
      {
        name: 'importHistory',
        cypher: `MATCH (c:Claim {id: $id})<-[:REVISION_OF]-(old:Revision)
               RETURN c.text AS text, c.revision AS revision, c.correctionReason AS reason,
                      c.updatedBy AS by, old.text AS oldText, old.revisionOf AS of`,
      },
      { id: serverClaim },
    );
    expect(row).toMatchObject({
      text: node.properties.text,
      reason: 'test: re-curated export',
      by: 'test-editor',
      of: serverClaim,
    });
    expect(row?.oldText).not.toBe(node.properties.text);
    const again = await importGraphDocument(database.executor, changed);
    expect(again).toMatchObject({ nodesCreated: 0, nodesUpdated: 0 });
    // The tests below compare against the original graph.
    await database.reset();
    await importGraphDocument(database.executor, exported);
  });

  it("exports a claim's neighbourhood: the chain's sources, CNCERT, and only links among them", async () => {
    const part = await exportJson(database, { kind: 'claim', claimId: serverClaim });
    expect(part.selection).toEqual({ claim: serverClaim });
    const ids = new Set(part.nodes.map((node) => node.properties.id));
    for (const id of [serverClaim, ...chain, 'act-cncert', 'att-cncert-servers-hosts']) {
      expect(ids).toContain(id);
    }
    expect(ids).toContain(`${serverClaim}-q1`);
    expect(ids).toContain('clm-us-biggest-cyber-attacker');
    expect(ids).not.toContain('clm-us-has-133-cyber-teams');
    const cites = part.relationships
      .filter((relationship) => relationship.type === 'CITES')
      .map((relationship) => `${relationship.from} -> ${relationship.to}`);
    expect(cites).toEqual(
      expect.arrayContaining(chain.slice(0, -1).map((id, i) => `${id} -> ${chain[i + 1]}`)),
    );
    for (const relationship of part.relationships) {
      expect(ids).toContain(relationship.from);
      expect(ids).toContain(relationship.to);
    }
  });

  it('exports one label with the relationships among its nodes', async () => {
    const actors = await exportJson(database, { kind: 'label', label: 'Actor' });
    expect(actors.nodes.length).toBe(
      original.nodes.filter((n) => (n.labels as string[]).includes('Actor')).length,
    );
    expect(actors.nodes.every((node) => node.labels.includes('Actor'))).toBe(true);
    expect(actors.relationships.map((r) => r.type)).toContain('STATE_AFFILIATED_WITH');
    expect(actors.relationships.map((r) => r.type)).not.toContain('BY');
  });

  it('refuses an unknown claim with NOT_FOUND', async () => {
    const error = await openGraphStream(database.executor, {
      kind: 'claim',
      claimId: 'clm-nope',
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('NOT_FOUND');
  });

  it('writes complete CSV files', async () => {
    const stream = await openGraphStream(database.executor, { kind: 'all' });
    const nodesCsv = stringSink();
    const edgesCsv = stringSink();
    await writeNodesCsv(stream, nodesCsv);
    await writeEdgesCsv(stream, edgesCsv);
    // Records end in CRLF; line breaks inside quoted fields are bare LF or lone CR in this graph.
    const nodeRecords = nodesCsv
      .text()
      .split('\r\n')
      .filter((line) => /^[a-z]+-[^,]*,[A-Z]/.test(line));
    expect(nodesCsv.text().startsWith('id,labels,name,title,text,properties\r\n')).toBe(true);
    expect(nodeRecords).toHaveLength(original.nodes.length);
    const edgeLines = edgesCsv.text().split('\r\n').slice(1, -1);
    expect(edgeLines).toHaveLength(original.relationships.length);
    const bolton = nodeRecords.find((line) =>
      line.startsWith('att-bolton-operations-show-will-pay-price,'),
    )!;
    expect(bolton).toContain('""quotedWordsText"":[""will pay a price""]');
    expect(bolton).toContain('""quotedWordsStart"":[3097]');
    expect(edgeLines).toContain(
      `CITES,src-xinhua-report,src-cncert-annual-report-2018,,"${JSON.stringify(
        exported.relationships.find((r) => r.type === 'CITES' && r.from === 'src-xinhua-report')!
          .properties,
      ).replaceAll('"', '""')}"`,
    );
  });

  it('writes well-formed, complete GraphML', async () => {
    const sink = stringSink();
    await writeGraphml(await openGraphStream(database.executor, { kind: 'all' }), sink);
    const root = parseXml(sink.text());
    expect(findAll(root, 'node')).toHaveLength(original.nodes.length);
    expect(findAll(root, 'edge')).toHaveLength(original.relationships.length);
    const keys = findAll(root, 'key').map((key) => key.attributes);
    expect(keys).toContainEqual(
      expect.objectContaining({ for: 'node', 'attr.name': 'revision', 'attr.type': 'long' }),
    );
    expect(keys).toContainEqual(
      expect.objectContaining({ for: 'node', 'attr.name': 'value', 'attr.type': 'double' }),
    );
    // Lists, quoted words among them, are JSON strings.
    const wordsKey = keys.find((key) => key['attr.name'] === 'quotedWordsText')!;
    expect(wordsKey).toMatchObject({ for: 'node', 'attr.type': 'string' });
    const bolton = findAll(root, 'node').find(
      (node) => node.attributes.id === 'att-bolton-operations-show-will-pay-price',
    )!;
    const wordsData = findAll(bolton, 'data').find((data) => data.attributes.key === wordsKey.id);
    expect(wordsData?.text).toBe('["will pay a price"]');
  });

  it('describes a claim as schema.org JSON-LD, first appearing in the CNCERT report', async () => {
    const document = await claimJsonLd(database.executor, serverClaim);
    expect(document).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Claim',
      identifier: serverClaim,
      temporalCoverage: '2018',
      firstAppearance: {
        '@type': 'Report',
        identifier: 'src-cncert-annual-report-2018',
        publisher: { '@type': 'Organization', identifier: 'act-cncert' },
      },
    });
    expect(String(document.text)).toMatch(/14,000 servers/);
    const authors = document.author as { identifier: string }[];
    expect(authors.map((author) => author.identifier)).toEqual(['act-cncert']);
    const appearances = document.appearance as { identifier: string; headline?: string }[];
    expect(appearances.map((appearance) => appearance.identifier).sort()).toEqual(
      [...chain].sort(),
    );
    expect(appearances.every((appearance) => typeof appearance.headline === 'string')).toBe(true);
  });

  it('refuses a file with bad records, naming each, and leaves the database unchanged', async () => {
    const before = await snapshot(database);
    const bad = structuredClone(exported) as unknown as {
      nodes: { labels: string[] }[];
      relationships: { type: string; to: string }[];
    };
    bad.nodes[5]!.labels = ['Bogus'];
    bad.relationships[3]!.type = 'LIKES';
    const error = await importGraphDocument(database.executor, bad, undefined, 'bad.json').catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('BAD_USER_INPUT');
    expect((error as AppError).message).toMatch(
      /bad\.json: nodes\[5\] \([^)]+\): labels\[0\]: unknown label "Bogus"/,
    );
    expect((error as AppError).message).toMatch(
      /bad\.json: relationships\[3\] \(LIKES [^)]+\): type: unknown relationship type "LIKES"/,
    );

    const dangling = structuredClone(exported);
    (dangling.relationships[0] as { to: string }).to = 'src-nowhere';
    const missing = await importGraphDocument(database.executor, dangling).catch(
      (caught: unknown) => caught,
    );
    expect((missing as AppError).message).toMatch(
      /relationships\[0\] \([^)]+\): to: no node "src-nowhere" in the file or the database/,
    );

    const relabelled = structuredClone(exported);
    const index = relabelled.nodes.findIndex((node) => node.properties.id === 'act-cncert');
    relabelled.nodes[index] = { ...relabelled.nodes[index]!, labels: ['Source'] };
    const clash = await importGraphDocument(database.executor, relabelled).catch(
      (caught: unknown) => caught,
    );
    expect((clash as AppError).message).toMatch(
      new RegExp(
        `nodes\\[${index}\\] \\(act-cncert\\): labels: the database holds "act-cncert" as Actor`,
      ),
    );
    expect(await snapshot(database)).toEqual(before);
  });

  it('imports a relationship to a node that is only in the database', async () => {
    const document = {
      format: 'claimgraph-export/1',
      exportedAt: new Date().toISOString(),
      nodes: [
        { labels: ['Source'], properties: { id: 'src-test-import', title: 'T', primary: false } },
      ],
      relationships: [
        {
          type: 'CITES',
          from: 'src-test-import',
          to: 'src-xinhua-report',
          properties: { key: '' },
        },
      ],
    };
    const report = await importGraphDocument(database.executor, document);
    expect(report).toMatchObject({ nodesCreated: 1, relationshipsCreated: 1 });
    const [row] = await database.executor.read({
      name: 'imported',
      cypher: `MATCH (:Source {id: 'src-test-import'})-[r:CITES]->(:Source {id: 'src-xinhua-report'}) RETURN r.key AS key`,
    });
    expect(row).toEqual({ key: '' });
  });
});

describe('the export HTTP routes', () => {
  let database: TestDatabase;
  let server: Server;
  let url: string;
  let totals: { nodes: number; relationships: number };

  beforeAll(async () => {
    database = await openTestDatabase();
    await database.resetAndSeed();
    totals = (await openGraphStream(database.executor, { kind: 'all' })).totals;
    const app = express();
    app.use(
      '/export',
      exportRouter(database.executor, () => undefined),
    );
    server = await new Promise((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/export`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await database.close();
  });

  it('downloads the graph as JSON', async () => {
    const response = await fetch(`${url}?format=json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="claimgraph.json"',
    );
    const body = (await response.json()) as ExportDocument;
    expect(body.nodes).toHaveLength(totals.nodes);
    expect(body.relationships).toHaveLength(totals.relationships);
  });

  it("downloads CSV and GraphML, whole or a claim's neighbourhood", async () => {
    const nodes = await fetch(`${url}?format=csv-nodes`);
    expect(nodes.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(nodes.headers.get('content-disposition')).toBe(
      'attachment; filename="claimgraph-nodes.csv"',
    );
    expect((await nodes.text()).startsWith('id,labels,name,title,text,properties\r\n')).toBe(true);
    const edges = await fetch(`${url}?format=csv-edges&claim=${serverClaim}`);
    expect(edges.headers.get('content-disposition')).toBe(
      `attachment; filename="claimgraph-${serverClaim}-edges.csv"`,
    );
    expect(await edges.text()).toContain('CITES,src-global-times-report,src-xinhua-report,');
    const graphml = await fetch(`${url}?format=graphml`);
    expect(graphml.headers.get('content-type')).toBe('application/graphml+xml; charset=utf-8');
    expect(findAll(parseXml(await graphml.text()), 'node')).toHaveLength(totals.nodes);
  });

  it('serves a claim as JSON-LD', async () => {
    const response = await fetch(`${url}/claims/${serverClaim}.jsonld`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      `inline; filename="${serverClaim}.jsonld"`,
    );
    expect(await response.json()).toMatchObject({
      '@type': 'Claim',
      firstAppearance: { identifier: 'src-cncert-annual-report-2018' },
    });
  });

  it('answers errors as JSON with catalogue codes', async () => {
    const cases = [
      [`${url}?format=pdf`, 400, 'BAD_USER_INPUT'],
      [`${url}?format=json&format=csv-nodes`, 400, 'BAD_USER_INPUT'],
      [`${url}?label=Nope`, 400, 'BAD_USER_INPUT'],
      [`${url}?claim=clm-nope`, 404, 'NOT_FOUND'],
      [`${url}/claims/clm-nope.jsonld`, 404, 'NOT_FOUND'],
    ] as const;
    for (const [address, status, code] of cases) {
      const response = await fetch(address);
      expect(response.status, address).toBe(status);
      expect(response.headers.get('content-disposition'), address).toBeNull();
      expect(await response.json(), address).toMatchObject({ code, message: expect.any(String) });
    }
  });
});

describe('the export and import commands', () => {
  let database: TestDatabase;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'claimgraph-export-cli-'));
  const keysFile = path.join(dir, 'api-keys.json');
  const editorKey = createApiKey(keysFile, 'cli-editor', 'editor');
  const readerKey = createApiKey(keysFile, 'cli-reader', 'reader');
  const cli = (...args: string[]) => cliAs(editorKey, ...args);
  const cliAs = (key: string | undefined, ...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      cwd: projectRoot,
      encoding: 'utf8',
      // The test server runs with auth off, which accepts any credentials.
      env: {
        ...process.env,
        NEO4J_URI: inject('neo4jUri'),
        NEO4J_PASSWORD: 'unused-auth-is-off',
        CLAIMGRAPH_API_KEYS_FILE: keysFile,
        CLAIMGRAPH_API_KEY: key ?? '',
      },
      timeout: 120_000,
    });

  beforeAll(async () => {
    database = await openTestDatabase();
    await database.resetAndSeed();
  });
  afterAll(() => database.close());

  it('backs up to a JSON file and restores it into an empty database', async () => {
    const before = await snapshot(database);
    const file = path.join(dir, 'backup.json');
    const exported = cli('export', '--format', 'json', '--out', file);
    expect(exported.stderr).toMatch(/exported \d+\/\d+ nodes…/);
    expect(exported.status, exported.stderr).toBe(0);

    await database.reset();
    const imported = cli('import', file);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stderr).toMatch(/imported \d+\/\d+ relationships…/);
    expect(imported.stdout).toMatch(/nodes \d+ created/);
    expect(await snapshot(database)).toEqual(before);
  });

  it('imports and seed-loads a changed file only with --correct "reason"', async () => {
    const file = path.join(dir, 'to-correct.json');
    expect(cli('export', '--format', 'json', '--out', file).status).toBe(0);
    const document = JSON.parse(readFileSync(file, 'utf8')) as ExportDocument;
    const claim = document.nodes.find((n) => n.properties.id === serverClaim)!;
    claim.properties.text = `${String(claim.properties.text)} (via the CLI)`;
    writeFileSync(file, JSON.stringify(document));
    const before = await snapshot(database);
    const refused = cli('import', file);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/\[CONFLICT\].*--correct/);
    expect(await snapshot(database)).toEqual(before);
    expect(cli('import', file, '--correct', ' ').status).toBe(1);
    const corrected = cli('import', file, '--correct', 'test: CLI correction');
    expect(corrected.status, corrected.stderr).toBe(0);
    expect(corrected.stdout).toMatch(/1 updated/);
    const [row] = await database.executor.read(
      {
        name: 'cliCorrected',
        cypher: `MATCH (c:Claim {id: $id}) RETURN c.correctionReason AS reason, c.updatedBy AS by`,
      },
      { id: serverClaim },
    );
    expect(row).toEqual({ reason: 'test: CLI correction', by: 'cli-editor' });

    expect(cli('seed', 'validate', '--correct', 'x').status).toBe(2);
    const seed = cli('seed', 'load', '--correct', 'test: back to the seed');
    expect(seed.status, seed.stderr).toBe(0);
    expect(seed.stdout).toMatch(/correcting: test: back to the seed/);
    const [restored] = await database.executor.read(
      { name: 'cliSeedRestored', cypher: `MATCH (c:Claim {id: $id}) RETURN c.text AS text` },
      { id: serverClaim },
    );
    expect(String(restored?.text)).not.toContain('(via the CLI)');
  });

  it('writes GraphML, CSV and JSON-LD, to stdout or a folder', () => {
    const graphml = cli('export', '--format', 'graphml', '--claim', serverClaim);
    expect(graphml.status, graphml.stderr).toBe(0);
    expect(findAll(parseXml(graphml.stdout), 'node').length).toBeGreaterThan(10);
    const csv = cli('export', '--format', 'csv', '--out', path.join(dir, 'csv'));
    expect(csv.status, csv.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'csv/nodes.csv'), 'utf8')).toMatch(/^id,labels,/);
    expect(readFileSync(path.join(dir, 'csv/edges.csv'), 'utf8')).toMatch(/^type,from,to,key,/);
    const jsonld = cli('export', '--format', 'jsonld', '--claim', serverClaim);
    expect(jsonld.status, jsonld.stderr).toBe(0);
    expect(JSON.parse(jsonld.stdout)).toMatchObject({ '@context': 'https://schema.org' });
  });

  it('refuses CLI writes without an editor key, before touching the database', async () => {
    const before = await snapshot(database);
    const file = path.join(dir, 'backup-for-keys.json');
    expect(cli('export', '--format', 'json', '--out', file).status).toBe(0);
    const anonymous = cliAs(undefined, 'import', file);
    expect(anonymous.status).toBe(1);
    expect(anonymous.stderr).toContain('Error [UNAUTHENTICATED]');
    const reader = cliAs(readerKey, 'import', file);
    expect(reader.status).toBe(1);
    expect(reader.stderr).toContain('Error [FORBIDDEN]');
    const seed = cliAs(readerKey, 'seed', 'load');
    expect(seed.stderr).toContain('Error [FORBIDDEN]');
    expect(await snapshot(database)).toEqual(before);
  });

  it('exits 2 on usage errors and 1 on a refused file', async () => {
    expect(cli('export', '--format', 'pdf').status).toBe(2);
    expect(cli('export', '--format', 'jsonld').status).toBe(2);
    expect(cli('import').status).toBe(2);
    const bad = path.join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        format: 'claimgraph-export/1',
        nodes: [{ labels: ['Bogus'], properties: { id: 'x-1' } }],
        relationships: [],
      }),
    );
    const before = await snapshot(database);
    const refused = cli('import', bad);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(
      /Error \[BAD_USER_INPUT\].*\n.*bad\.json: nodes\[0\] \(x-1\): labels\[0\]: unknown label "Bogus"/,
    );
    expect(await snapshot(database)).toEqual(before);
  });
});
