import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { projectRoot } from '../../src/config/config.js';
import { defaultSeedFiles } from '../../src/ingest/defaultSeedFiles.js';
import { loadSeedFile } from '../../src/ingest/loadSeedFile.js';
import { startEditorApi, type EditorApi } from '../support/editorApi.js';
import type { TestDatabase } from '../support/testDatabase.js';
import type { TestServer } from '../support/testServer.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are walked as JSON. */

const REVISIONS =
  'revisions { revision current madeBy madeVia reason changes { field before after } }';

/**
 * Corrections and retractions of every kind of fact, through the API on the seed graph: each
 * keeps the version before as history (readable as `revisions`), refused writes write nothing,
 * and retraction survives a reload of the seed file the record came from.
 */
describe('corrections and retractions', () => {
  let editor: EditorApi;
  let database: TestDatabase;
  let api: TestServer;
  const asEditor = async (query: string, variables?: Record<string, unknown>) =>
    (await editor.asEditor(query, variables)) as { data?: any; errors?: any[] };
  const ok = (query: string, variables?: Record<string, unknown>) =>
    editor.editorData(query, variables);
  const revisionCount = async () => {
    const [row] = await database.executor.read({
      name: 'revisionCount',
      cypher: 'MATCH (r:Revision) RETURN count(r) AS n',
    });
    return Number(row?.n);
  };

  beforeAll(async () => {
    editor = await startEditorApi();
    ({ database, api } = editor);
  });
  afterAll(async () => {
    await editor.close();
  });

  it('corrects an actor, moving and clearing its single-valued links, with history', async () => {
    const moved = await ok(
      `mutation { correctActor(input: { id: "act-huawei", description: "A telecoms equipment maker.",
         countryId: "act-us", reason: "test: wrong country" }) { id description provenance { revision updatedBy } } }`,
    );
    expect(moved.correctActor.provenance).toEqual({ revision: 2, updatedBy: 'test-editor' });
    const cleared = await ok(
      `mutation { correctActor(input: { id: "act-huawei", countryId: null, reason: "test: no country" }) {
         ${REVISIONS} } }`,
    );
    const revisions = cleared.correctActor.revisions;
    expect(revisions.map((r: any) => [r.revision, r.current, r.reason])).toEqual([
      [1, false, null],
      [2, false, 'test: wrong country'],
      [3, true, 'test: no country'],
    ]);
    expect(revisions[0].madeVia).toMatch(/^seed:/);
    expect(revisions[1].madeBy).toBe('test-editor');
    expect(revisions[1].changes).toContainEqual({
      field: 'countryId',
      before: '"act-china"',
      after: '"act-us"',
    });
    expect(revisions[2].changes).toEqual([{ field: 'countryId', before: '"act-us"', after: null }]);
    const [links] = await database.executor.read({
      name: 'huaweiCountry',
      cypher: "MATCH (:Actor {id: 'act-huawei'})-[:BASED_IN]->(c) RETURN collect(c.id) AS ids",
    });
    expect(links?.ids).toEqual([]);
  });

  it('corrects a source and keeps its text fingerprints', async () => {
    const data = await ok(
      `mutation { correctSource(input: { id: "src-article", title: "The seed article (retitled)",
         reason: "test: title" }) { title provenance { revision updatedVia } ${REVISIONS} } }`,
    );
    expect(data.correctSource.title).toBe('The seed article (retitled)');
    expect(data.correctSource.provenance.updatedVia).toBe('mutation:correctSource');
    expect(data.correctSource.revisions[1].changes.map((c: any) => c.field)).toEqual(['title']);
    const [row] = await database.executor.read({
      name: 'fingerprints',
      cypher: "MATCH (s:Source {id: 'src-article'}) RETURN s.fingerprintCount AS count",
    });
    expect(Number(row?.count)).toBeGreaterThan(0);
  });

  it("corrects an attribution's speaker and quote; the old speaker stays in its history", async () => {
    const data = await ok(
      `mutation { correctAttribution(input: { id: "att-cncert-servers-hosts", actorId: "act-xinhua",
         stance: REPORTS, quote: "The CNCERT said that in 2018", reason: "test: speaker" }) {
         actor { id } stance quote quoteStart quoteEnd ${REVISIONS} } }`,
    );
    const corrected = data.correctAttribution;
    expect(corrected.actor.id).toBe('act-xinhua');
    expect([corrected.stance, corrected.quote, corrected.quoteStart, corrected.quoteEnd]).toEqual([
      'REPORTS',
      'The CNCERT said that in 2018',
      160,
      188,
    ]);
    const fields = corrected.revisions[1].changes.map((c: any) => c.field);
    expect(fields).toEqual(['actorId', 'quote', 'quoteEnd', 'stance']);
    const [speakers] = await database.executor.read({
      name: 'speakers',
      cypher:
        "MATCH (:Attribution {id: 'att-cncert-servers-hosts'})-[:BY]->(a) RETURN collect(a.id) AS ids",
    });
    expect(speakers?.ids).toEqual(['act-xinhua']);
  });

  it('corrects an event', async () => {
    const data = await ok(
      `mutation { correctEvent(input: { id: "evt-cncert-report-release", place: "Beijing", kind: REPORT_RELEASE,
         reason: "test: place" }) { place kind provenance { revision } ${REVISIONS} } }`,
    );
    expect([data.correctEvent.place, data.correctEvent.kind]).toEqual([
      'Beijing',
      'report-release',
    ]);
    expect(data.correctEvent.provenance.revision).toBe(2);
    expect(data.correctEvent.revisions[1].changes).toEqual([
      { field: 'place', before: '"China"', after: '"Beijing"' },
    ]);
  });

  it('corrects and then retracts a citation; its history follows it', async () => {
    await ok(
      `mutation { correctCitation(input: { sourceId: "src-xinhua-report",
         citesSourceId: "src-cncert-annual-report-2018", newCitesSourceId: "src-huawei-announcement",
         reason: "test: wrong source" }) { id } }`,
    );
    await ok(
      `mutation { retractCitation(sourceId: "src-xinhua-report", citesSourceId: "src-huawei-announcement",
         reason: "test: no such citation") { id } }`,
    );
    const data = await ok(
      `{ source(id: "src-xinhua-report") { citations(includeRetracted: true) { cited { id } retracted ${REVISIONS} } } }`,
    );
    const citation = data.source.citations.find(
      (c: any) => c.cited.id === 'src-huawei-announcement',
    );
    expect(citation.retracted).toBe(true);
    expect(citation.revisions.map((r: any) => [r.revision, r.current, r.reason])).toEqual([
      [1, false, null],
      [2, false, 'test: wrong source'],
      [3, true, 'test: no such citation'],
    ]);
    expect(citation.revisions[2].changes.map((c: any) => c.field)).toEqual([
      'retracted',
      'retractedAt',
      'retractedBy',
      'retractionReason',
    ]);
    const [old] = await database.executor.read({
      name: 'oldCitation',
      cypher: `MATCH (:Source {id: 'src-xinhua-report'})-[r:CITES]->(:Source {id: 'src-cncert-annual-report-2018'})
               RETURN count(r) AS n`,
    });
    expect(Number(old?.n)).toBe(0);
  });

  it('gives a citation recorded again after a move its own history', async () => {
    await ok(
      `mutation { recordCitation(sourceId: "src-xinhua-report", citesSourceId: "src-cncert-annual-report-2018") { id } }`,
    );
    await ok(
      `mutation { retractCitation(sourceId: "src-xinhua-report", citesSourceId: "src-cncert-annual-report-2018",
         reason: "test: recorded again by mistake") { id } }`,
    );
    const data = await ok(
      `{ source(id: "src-xinhua-report") { citations(includeRetracted: true) { cited { id } ${REVISIONS} } } }`,
    );
    const again = data.source.citations.find(
      (c: any) => c.cited.id === 'src-cncert-annual-report-2018',
    );
    expect(again.revisions.map((r: any) => [r.revision, r.reason])).toEqual([
      [1, null],
      [2, 'test: recorded again by mistake'],
    ]);
    const moved = data.source.citations.find((c: any) => c.cited.id === 'src-huawei-announcement');
    expect(moved.revisions).toHaveLength(3);
  });

  it('lets one of two simultaneous corrections of a citation win; the other is refused', async () => {
    const move = (to: string) =>
      asEditor(
        `mutation { correctCitation(input: { sourceId: "src-global-times-report", citesSourceId: "src-unnamed-media-reports",
           newCitesSourceId: "${to}", reason: "test: race" }) { id } }`,
      );
    const answers = await Promise.all([move('src-mueller-report'), move('src-kremlin-statements')]);
    const codes = answers.map((body) => body.errors?.[0]?.extensions?.code ?? 'ok').sort();
    expect(codes).toHaveLength(2);
    expect(codes.filter((code) => code === 'ok')).toHaveLength(1);
    expect(['CONFLICT', 'NOT_FOUND']).toContain(codes.find((code) => code !== 'ok'));
  });

  it("corrects a claim relation's type and notes, then retracts it", async () => {
    await ok(
      `mutation { correctClaimRelation(input: { fromId: "clm-us-biggest-cyber-attacker", type: RESPONDS_TO,
         toId: "clm-china-threatening-us-cybersecurity", newType: CONTRADICTS, notes: "test notes",
         reason: "test: it contradicts" }) { id } }`,
    );
    const retracted = await ok(
      `mutation { retractClaimRelation(fromId: "clm-us-biggest-cyber-attacker", type: CONTRADICTS,
         toId: "clm-china-threatening-us-cybersecurity", reason: "test: not related") {
         relations(includeRetracted: true) { type to { id } notes retracted ${REVISIONS} } } }`,
    );
    const relation = retracted.retractClaimRelation.relations.find(
      (r: any) => r.to.id === 'clm-china-threatening-us-cybersecurity',
    );
    expect([relation.type, relation.notes, relation.retracted]).toEqual([
      'CONTRADICTS',
      'test notes',
      true,
    ]);
    expect(relation.revisions).toHaveLength(3);
    expect(relation.revisions[1].changes.map((c: any) => c.field)).toEqual(['notes']);
  });

  it('retracts an attribution once; a reload of its seed file does not bring it back', async () => {
    const retract = `mutation { retractAttribution(id: "att-xinhua-servers-hosts", reason: "test: misread") {
       retracted retraction { reason by } provenance { revision } } }`;
    const first = await ok(retract);
    expect(first.retractAttribution).toEqual({
      retracted: true,
      retraction: { reason: 'test: misread', by: 'test-editor' },
      provenance: { revision: 2 },
    });
    const again = await ok(retract);
    expect(again.retractAttribution.provenance.revision).toBe(2);

    const report = await loadSeedFile(database.executor, defaultSeedFiles()[0]!, {
      correction: { reason: 'test: reload' },
    });
    expect(report.nodesCreated).toBe(0);
    const data = await ok(
      `{ attributions(filter: { claimId: "clm-us-servers-controlled-china-hosts-2018" }, includeRetracted: true, first: 50) {
         nodes { id retracted } } }`,
    );
    const xinhua = data.attributions.nodes.find((a: any) => a.id === 'att-xinhua-servers-hosts');
    expect(xinhua?.retracted).toBe(true);
  });

  it("keeps a claim's figures' history when a corrected seed load changes them", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'claimgraph-figures-'));
    copyFileSync(
      path.join(projectRoot, 'seeds/cncert-2019.article.txt'),
      path.join(dir, 'cncert-2019.article.txt'),
    );
    const seed = parse(readFileSync(defaultSeedFiles()[0]!, 'utf8')) as {
      claims: { id: string; quantities: { value: number }[] }[];
    };
    seed.claims.find((c) => c.id === 'clm-us-has-133-cyber-teams')!.quantities[0]!.value = 134;
    const file = path.join(dir, 'figures.seed.yaml');
    writeFileSync(file, stringify(seed));
    await loadSeedFile(database.executor, file, { correction: { reason: 'test: figure' } });
    const data = await ok(
      `{ claim(id: "clm-us-has-133-cyber-teams") { quantities { value ${REVISIONS} } } }`,
    );
    const [figure] = data.claim.quantities;
    expect(figure.value).toBe(134);
    expect(figure.revisions.map((r: any) => [r.revision, r.current, r.reason])).toEqual([
      [1, false, null],
      [2, true, 'test: figure'],
    ]);
    expect(figure.revisions[1].changes).toEqual([{ field: 'value', before: '133', after: '134' }]);
  });

  it('refuses bad corrections with a typed error and writes nothing', async () => {
    const before = await revisionCount();
    const cases: [string, string][] = [
      [
        `mutation { correctActor(input: { id: "act-nobody", name: "X", reason: "r" }) { id } }`,
        'NOT_FOUND',
      ],
      [
        `mutation { correctActor(input: { id: "act-cac", name: "X", reason: "  " }) { id } }`,
        'BAD_USER_INPUT',
      ],
      [
        `mutation { correctActor(input: { id: "act-cac", stateAffiliationId: "act-nowhere", reason: "r" }) { id } }`,
        'BAD_USER_INPUT',
      ],
      [
        `mutation { correctAttribution(input: { id: "att-global-times-servers-hosts", quote: "words not in the text", reason: "r" }) { id } }`,
        'BAD_USER_INPUT',
      ],
      [
        `mutation { correctSource(input: { id: "src-article", url: "not a url", reason: "r" }) { id } }`,
        'BAD_USER_INPUT',
      ],
      [
        `mutation { correctCitation(input: { sourceId: "src-article", citesSourceId: "src-nakasone-february-2019",
           newCitesSourceId: "src-mueller-report", reason: "r" }) { id } }`,
        'NOT_FOUND',
      ],
      [
        `mutation { correctCitation(input: { sourceId: "src-article", citesSourceId: "src-global-times-report",
           newCitesSourceId: "src-mueller-report", reason: "r" }) { id } }`,
        'CONFLICT',
      ],
      [`mutation { retractAttribution(id: "att-nothing", reason: "r") { id } }`, 'NOT_FOUND'],
    ];
    for (const [query, code] of cases) {
      const body = await asEditor(query);
      expect(body.errors?.[0]?.extensions?.code, query).toBe(code);
    }
    const anonymous = await api.graphql(
      `mutation { retractAttribution(id: "att-global-times-servers-hosts", reason: "r") { id } }`,
    );
    expect((anonymous.body as any).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await revisionCount()).toBe(before);
  });
});
