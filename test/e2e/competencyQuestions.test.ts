import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleQuery, exampleQueryFiles } from '../support/exampleQueries.js';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are walked as JSON. */

// The six competency questions of DESIGN.md, each answered by its saved example query (the
// files GraphiQL offers) over HTTP against the seeded graph.
describe('competency questions, over HTTP', () => {
  let database: TestDatabase;
  let api: TestServer;
  const serverLog: string[] = [];
  const ask = async (prefix: string): Promise<any> => {
    const { status, body } = await api.graphql(exampleQuery(prefix));
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    return body.data;
  };

  beforeAll(async () => {
    database = await openTestDatabase();
    await database.resetAndSeed();
    api = await startTestServer(database.executor, serverLog);
  });
  afterAll(async () => {
    await api.close();
    await database.close();
  });

  it('Q1: the 14,000-servers claim comes from CNCERT’s report via Xinhua and Global Times', async () => {
    const { claim } = await ask('01-');
    expect(claim.quantities.map((q: any) => q.value)).toEqual([14000, 3340000]);
    expect(claim.sourcingChains).toHaveLength(1);
    const [chain] = claim.sourcingChains;
    expect(chain.hops.map((hop: any) => hop.source.id)).toEqual([
      'src-article',
      'src-global-times-report',
      'src-xinhua-report',
      'src-cncert-annual-report-2018',
    ]);
    expect(chain.origin).toMatchObject({ id: 'src-cncert-annual-report-2018', primary: true });
    expect(chain.origin.publisher.name).toMatch(/National Computer Network Emergency Response/);
    expect(chain).toMatchObject({ reachesPrimary: true, circular: false });
    const speakers = chain.hops[0].attributions.map((a: any) => `${a.actor.name}: ${a.cue}`);
    expect(speakers).toEqual(
      expect.arrayContaining(['Global Times: reported', 'Xinhua News Agency: reported']),
    );
    expect(speakers.some((s: string) => /Emergency Response.*: said/.test(s))).toBe(true);
    expect(claim.independentOrigins).toBe(1);
  });

  it('Q2: WikiLeaks and Assange deny Russian state involvement; Russia rejects interference claims', async () => {
    const { attributions } = await ask('02-');
    const denials = attributions.nodes.map((a: any) => [a.actor.name, a.claim.text]);
    expect(denials).toEqual(
      expect.arrayContaining([
        ['WikiLeaks', expect.stringMatching(/Russian state .* DNC email dump/i)],
        ['Julian Assange', expect.stringMatching(/Russian state .* DNC email dump/i)],
        [expect.stringMatching(/^Russia/), expect.stringMatching(/Russia interfered in the 2016/i)],
      ]),
    );
    const assange = attributions.nodes.find((a: any) => a.actor.name === 'Julian Assange');
    expect(assange.said).toMatchObject({ raw: 'in late 2016', precision: 'RANGE' });
  });

  it('Q3: Bolton confirmed offensive cyber operations, in Washington on Tuesday 11 June 2019', async () => {
    const { actor } = await ask('03-');
    const said = actor.attributions
      .map((a: any) => `${a.stance} ${a.claim.text} ${a.quote}`)
      .join('\n');
    expect(said).toMatch(/CONFIRMS .*offensive cyber operations abroad/);
    expect(said).toMatch(/decision to (eliminate|lift) restrictions.*message/i);
    expect(said).toContain('You will pay a price');
    // His own words, apart from the sentences that frame them.
    const words = actor.attributions.flatMap((a: any) =>
      a.quotedWords.map((w: any) => ({ id: a.id, ...w })),
    );
    expect(words).toEqual([
      {
        id: 'att-bolton-operations-show-will-pay-price',
        text: 'will pay a price',
        start: 3097,
        end: 3113,
      },
      {
        id: 'att-bolton-pay-price-impose-costs',
        text: expect.stringMatching(/^You will pay a price if .* against us$/),
        start: 3443,
        end: 3610,
      },
    ]);
    for (const attribution of actor.attributions) {
      expect(attribution.quotedWords.length > 0, attribution.id).toBe(
        attribution.speech === 'DIRECT',
      );
      for (const w of attribution.quotedWords)
        expect(attribution.quote, attribution.id).toContain(w.text);
      expect(attribution.event.place).toMatch(/Washington/);
      expect(attribution.event.time).toMatchObject({ value: '2019-06-11', precision: 'DAY' });
    }
  });

  it('Q4: Paul Nakasone is a US Army general who directs the NSA, and expects more people to join', async () => {
    const { actor } = await ask('04-');
    const roles = actor.affiliations.map((a: any) => `${a.role} @ ${a.organisation.name}`);
    expect(roles).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/general @ .*Army/i),
        expect.stringMatching(/director @ National Security Agency/i),
      ]),
    );
    expect(actor.attributions).toHaveLength(1);
    expect(actor.attributions[0]).toMatchObject({
      stance: 'EXPECTS',
      said: { value: '2019-02', precision: 'MONTH' },
    });
    expect(actor.attributions[0].claim.text).toMatch(/more people .* join/i);
  });

  it('Q5: claims with and without a named, on-the-record speaker partition the article', async () => {
    const { named, anonymous } = await ask('05-');
    expect(named.totalCount + anonymous.totalCount).toBe(31);
    const namedIds = named.nodes.map((c: any) => c.id);
    const anonymousIds = anonymous.nodes.map((c: any) => c.id);
    expect(namedIds).toContain('clm-us-offensive-cyber-operations-abroad');
    expect(namedIds).toContain('clm-us-servers-controlled-china-hosts-2018');
    expect(anonymousIds).toContain('clm-us-biggest-cyber-attacker');
    expect(anonymousIds).toContain('clm-us-preparing-large-scale-cyberattacks-on-china');
    expect(anonymousIds).toContain('clm-russian-state-involved-dnc-email-dump'); // only denied
    for (const claim of anonymous.nodes) {
      const speakers = claim.attributions.filter(
        (a: any) => !['DENIES', 'DISPUTES'].includes(a.stance),
      );
      expect(
        speakers.every((a: any) => a.actor.anonymous || a.actor.kind === 'UNNAMED_GROUP'),
        claim.id,
      ).toBe(true);
    }
  });

  it('Q6: the figures, normalised, with their changes', async () => {
    const { claims } = await ask('06-');
    const figures = claims.nodes
      .flatMap((c: any) => c.quantities)
      .map((q: any) => [q.value, q.change?.value ?? null]);
    expect(figures).toEqual(
      expect.arrayContaining([
        [14000, 90.8],
        [3340000, null],
        [3325, null],
        [3607, 43],
        [133, null],
      ]),
    );
    expect(figures).toHaveLength(5);
  });

  it('every saved example query runs without errors', async () => {
    const files = exampleQueryFiles();
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const file of files) {
      const { body } = await api.graphql(exampleQuery(file.slice(0, 3)));
      expect(body.errors, file).toBeUndefined();
    }
    expect(serverLog).toEqual([]);
  });
});
