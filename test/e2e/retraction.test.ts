import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEditorApi, type EditorApi } from '../support/editorApi.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are walked as JSON. */

/*
 * The read side of retraction (Wikidata's deprecated rank) on the seed graph: an editor retracts
 * attributions, a citation and a claim relation through the GraphQL mutations; every read then
 * leaves them out by default, shows them again with includeRetracted: true, and sourcing
 * analysis changes as it should.
 */

const RETRACT_ATTRIBUTION = `mutation ($id: ID!, $reason: String!) {
  retractAttribution(id: $id, reason: $reason) { id retracted retraction { reason by at } }
}`;
const RETRACT_CITATION = `mutation ($sourceId: ID!, $citesSourceId: ID!, $reason: String!) {
  retractCitation(sourceId: $sourceId, citesSourceId: $citesSourceId, reason: $reason) {
    id citations(includeRetracted: true) { cited { id } retracted retraction { reason by } }
  }
}`;
const RETRACT_CLAIM_RELATION = `mutation ($fromId: ID!, $type: ClaimRelationType!, $toId: ID!, $reason: String!) {
  retractClaimRelation(fromId: $fromId, type: $type, toId: $toId, reason: $reason) {
    id relations(includeRetracted: true) { from { id } type to { id } retracted retraction { reason by } }
  }
}`;

const SOURCING = `query ($id: ID!) {
  claim(id: $id) {
    independentOrigins
    carriedBy { id }
    sourcingChains { origin { id } reachesPrimary hops { source { id } attributions { id } } }
    sourcing {
      independentOrigins
      reasoning
      retractedAttributions { id retracted retraction { reason by at } }
      retractedCarriers { id }
      chains { origin { id } }
      flags { singleOrigin onlyAnonymousSpeakers denied deniedBy { id } contradicted contradictedBy { id } onlyRetractedSupport }
    }
  }
}`;

/** The claims, attributions, citation and relation this file retracts, with the reasons given. */
const only = {
  claim: 'clm-russia-malicious-cyber-intrusions',
  attribution: 'att-us-officials-russia-intrusions',
  reason: 'The article reports an accusation in general terms; no officials said this here.',
};
const named = {
  claim: 'clm-more-people-to-join-us-cyber-teams',
  attribution: 'att-nakasone-more-people-join-cyber-teams',
  reason: 'Nakasone spoke of recruiting, not of more people joining the teams.',
};
const denial = {
  claim: 'clm-russia-interfered-2016-us-election',
  attribution: 'att-russia-rejects-interference',
  reason: 'Duplicate of a denial recorded elsewhere.',
};
const citation = {
  sourceId: 'src-unnamed-media-reports',
  citesSourceId: 'src-nakasone-february-2019',
  reason: 'The media reports do not name the February remarks as their source.',
};
const relation = {
  fromId: 'clm-dnc-email-source-not-state-party',
  type: 'CONTRADICTS',
  toId: 'clm-russian-state-involved-dnc-email-dump',
  reason: 'A source not being a state party does not rule out state involvement.',
};

describe('retraction: retracted facts stay in the graph but leave reads and sourcing analysis', () => {
  let editor: EditorApi;
  const query = async (text: string, variables?: Record<string, unknown>) => {
    const { body } = await editor.api.graphql(text, variables);
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return body.data as any;
  };
  const asEditor = (text: string, variables: Record<string, unknown>) =>
    editor.editorData(text, variables);
  const ids = (list: { id: string }[]) => list.map((item) => item.id);
  /** What these reads said before any retraction. */
  const before: Record<string, any> = {};

  beforeAll(async () => {
    editor = await startEditorApi();
  });
  afterAll(async () => {
    await editor?.close();
  });

  it('reads the seed graph as it stands before anything is retracted', async () => {
    for (const claim of [only.claim, named.claim, denial.claim, relation.toId]) {
      before[claim] = (await query(SOURCING, { id: claim })).claim;
    }
    expect(ids(before[only.claim].carriedBy)).toEqual(['src-article']);
    expect(before[only.claim].independentOrigins).toBe(1);
    expect(before[only.claim].sourcing.flags.onlyRetractedSupport).toBe(false);
    expect(before[only.claim].sourcing.retractedAttributions).toEqual([]);
    expect(before[named.claim].sourcing.flags.onlyAnonymousSpeakers).toBe(false);
    expect(before[named.claim].independentOrigins).toBe(1);
    expect(before[named.claim].sourcingChains).toHaveLength(1);
    expect(before[named.claim].sourcingChains[0].origin.id).toBe(citation.citesSourceId);
    expect(ids(before[denial.claim].sourcing.flags.deniedBy)).toEqual(['act-russia']);
    expect(ids(before[relation.toId].sourcing.flags.contradictedBy)).toContain(relation.fromId);
    const counts = await query(`{
      denials: attributions(filter: {stance: DENIES}, first: 100) { totalCount }
      named: claims(filter: {namedSpeaker: true}, first: 100) { totalCount }
      all: attributions(first: 1) { totalCount }
    }`);
    before.denials = counts.denials.totalCount;
    before.named = counts.named.totalCount;
    before.all = counts.all.totalCount;
  });

  it('retracts through the mutations, which answer with the retraction', async () => {
    for (const { attribution, reason } of [only, named, denial]) {
      const data = await asEditor(RETRACT_ATTRIBUTION, { id: attribution, reason });
      expect(data.retractAttribution).toMatchObject({
        id: attribution,
        retracted: true,
        retraction: { reason, by: 'test-editor' },
      });
      expect(Number.isNaN(Date.parse(data.retractAttribution.retraction.at))).toBe(false);
    }
    const cited = await asEditor(RETRACT_CITATION, citation);
    expect(cited.retractCitation.citations).toContainEqual({
      cited: { id: citation.citesSourceId },
      retracted: true,
      retraction: { reason: citation.reason, by: 'test-editor' },
    });
    const related = await asEditor(RETRACT_CLAIM_RELATION, relation);
    expect(related.retractClaimRelation.relations).toContainEqual({
      from: { id: relation.fromId },
      type: 'CONTRADICTS',
      to: { id: relation.toId },
      retracted: true,
      retraction: { reason: relation.reason, by: 'test-editor' },
    });
  });

  it('keeps the retracted attribution readable by id, with its retraction', async () => {
    const data = await query(
      `query ($id: ID!) { claim(id: $id) { attributions(includeRetracted: true) { id retracted retraction { reason by } } } }`,
      { id: only.claim },
    );
    expect(data.claim.attributions).toEqual([
      {
        id: only.attribution,
        retracted: true,
        retraction: { reason: only.reason, by: 'test-editor' },
      },
    ]);
    const standing = await query(
      `{ claim(id: "clm-us-servers-controlled-china-hosts-2018") { attributions { retracted retraction { reason } } } }`,
    );
    expect(standing.claim.attributions.length).toBeGreaterThan(0);
    for (const attribution of standing.claim.attributions)
      expect(attribution).toEqual({ retracted: false, retraction: null });
  });

  it('leaves retracted attributions out of Query.attributions unless includeRetracted', async () => {
    const data = await query(`{
      denials: attributions(filter: {stance: DENIES}, first: 100) { totalCount nodes { id } }
      denialsAll: attributions(filter: {stance: DENIES}, first: 100, includeRetracted: true) { totalCount nodes { id } }
      all: attributions(first: 1) { totalCount }
      allWithRetracted: attributions(first: 1, includeRetracted: true) { totalCount }
      ofClaim: attributions(filter: {claimId: "${only.claim}"}) { totalCount }
    }`);
    expect(data.denials.totalCount).toBe(before.denials - 1);
    expect(ids(data.denials.nodes)).not.toContain(denial.attribution);
    expect(data.denialsAll.totalCount).toBe(before.denials);
    expect(ids(data.denialsAll.nodes)).toContain(denial.attribution);
    expect(data.all.totalCount).toBe(before.all - 3);
    expect(data.allWithRetracted.totalCount).toBe(before.all);
    expect(data.ofClaim.totalCount).toBe(0);
  });

  it('leaves them out of Claim, Actor, Source and Event attributions unless includeRetracted', async () => {
    const data = await query(`{
      claim(id: "${named.claim}") {
        attributions { id } all: attributions(includeRetracted: true) { id }
        expects: attributions(stance: EXPECTS) { id }
        expectsAll: attributions(stance: EXPECTS, includeRetracted: true) { id }
      }
      actor(id: "act-nakasone") { attributions { id } all: attributions(includeRetracted: true) { id } }
      source(id: "src-article") { attributions { id } all: attributions(includeRetracted: true) { id } }
      event(id: "evt-nakasone-remarks") { attributions { id } all: attributions(includeRetracted: true) { id } }
    }`);
    expect(ids(data.claim.attributions)).toEqual(['att-media-nakasone-more-people']);
    expect(ids(data.claim.all)).toEqual(
      expect.arrayContaining(['att-media-nakasone-more-people', named.attribution]),
    );
    expect(data.claim.expects).toEqual([]);
    expect(ids(data.claim.expectsAll)).toEqual([named.attribution]);
    expect(ids(data.actor.attributions)).not.toContain(named.attribution);
    expect(ids(data.actor.all)).toContain(named.attribution);
    const article = ids(data.source.attributions);
    for (const id of [only.attribution, named.attribution, denial.attribution]) {
      expect(article).not.toContain(id);
      expect(ids(data.source.all)).toContain(id);
    }
    expect(data.source.all.length - data.source.attributions.length).toBe(3);
    expect(ids(data.event.attributions)).not.toContain(named.attribution);
    expect(ids(data.event.all)).toContain(named.attribution);
  });

  it('filters Query.claims through standing attributions and carriers unless includeRetracted', async () => {
    const data = await query(`{
      byActor: claims(filter: {actorId: "act-us-officials"}) { nodes { id } }
      byActorAll: claims(filter: {actorId: "act-us-officials"}, includeRetracted: true) { nodes { id } }
      denied: claims(filter: {stance: DENIES}, first: 100) { nodes { id } }
      deniedAll: claims(filter: {stance: DENIES}, first: 100, includeRetracted: true) { nodes { id } }
      inArticle: claims(filter: {sourceId: "src-article"}, first: 100) { nodes { id } }
      inArticleAll: claims(filter: {sourceId: "src-article"}, first: 100, includeRetracted: true) { nodes { id } }
      named: claims(filter: {namedSpeaker: true}, first: 100) { totalCount nodes { id } }
      namedAll: claims(filter: {namedSpeaker: true}, first: 100, includeRetracted: true) { totalCount }
      inFebruary: claims(filter: {from: "2019-02-01", to: "2019-02-28"}) { nodes { id } }
      inFebruaryAll: claims(filter: {from: "2019-02-01", to: "2019-02-28"}, includeRetracted: true) { nodes { id } }
    }`);
    expect(ids(data.byActor.nodes)).not.toContain(only.claim);
    expect(ids(data.byActorAll.nodes)).toContain(only.claim);
    expect(ids(data.denied.nodes)).not.toContain(denial.claim);
    expect(ids(data.deniedAll.nodes)).toContain(denial.claim);
    // src-article recorded only retracted attributions of these two: it no longer carries them.
    expect(ids(data.inArticle.nodes)).not.toContain(only.claim);
    expect(ids(data.inArticle.nodes)).not.toContain(denial.claim);
    expect(ids(data.inArticle.nodes)).toContain(named.claim);
    expect(ids(data.inArticleAll.nodes)).toEqual(
      expect.arrayContaining([only.claim, denial.claim]),
    );
    expect(data.named.totalCount).toBe(before.named - 1);
    expect(ids(data.named.nodes)).not.toContain(named.claim);
    expect(data.namedAll.totalCount).toBe(before.named);
    expect(ids(data.inFebruary.nodes)).not.toContain(named.claim);
    expect(ids(data.inFebruaryAll.nodes)).toContain(named.claim);
  });

  it('leaves retracted quotes out of search unless includeRetracted', async () => {
    const data = await query(`{
      hits: search(text: "malicious cyber intrusions") { kind id }
      all: search(text: "malicious cyber intrusions", includeRetracted: true) { kind id attribution { retracted } }
    }`);
    expect(data.hits).toContainEqual({ kind: 'CLAIM', id: only.claim });
    expect(ids(data.hits)).not.toContain(only.attribution);
    expect(data.all).toContainEqual({
      kind: 'QUOTE',
      id: only.attribution,
      attribution: { retracted: true },
    });
  });

  it('leaves retracted attributions off the timeline unless includeRetracted', async () => {
    const TIMELINE = `query ($claimId: ID, $actorId: ID, $all: Boolean) {
      timeline(claimId: $claimId, actorId: $actorId, includeRetracted: $all) { kind attribution { id } event { id } }
    }`;
    const entries = async (variables: Record<string, unknown>) =>
      (await query(TIMELINE, variables)).timeline as any[];
    const attributionIds = (list: any[]) =>
      list.filter((entry) => entry.kind === 'ATTRIBUTION').map((entry) => entry.attribution.id);
    expect(attributionIds(await entries({ claimId: named.claim }))).not.toContain(
      named.attribution,
    );
    expect(attributionIds(await entries({ claimId: named.claim, all: true }))).toContain(
      named.attribution,
    );
    expect(attributionIds(await entries({ actorId: 'act-nakasone' }))).not.toContain(
      named.attribution,
    );
    expect(attributionIds(await entries({ actorId: 'act-nakasone', all: true }))).toContain(
      named.attribution,
    );
    const whole = await query(`{ timeline(first: 500) { kind attribution { id } } }`);
    const wholeAll = await query(
      `{ timeline(first: 500, includeRetracted: true) { kind attribution { id } } }`,
    );
    expect(attributionIds(whole.timeline)).not.toContain(named.attribution);
    expect(attributionIds(wholeAll.timeline)).toContain(named.attribution);
  });

  it('applies the carrier rule to Claim.carriedBy and Source.claims unless includeRetracted', async () => {
    const data = await query(`{
      only: claim(id: "${only.claim}") { carriedBy { id } all: carriedBy(includeRetracted: true) { id } }
      named: claim(id: "${named.claim}") { carriedBy { id } }
      denial: claim(id: "${denial.claim}") { carriedBy { id } }
      source(id: "src-article") { claims { id } all: claims(includeRetracted: true) { id } }
    }`);
    expect(data.only.carriedBy).toEqual([]);
    expect(ids(data.only.all)).toEqual(['src-article']);
    // One of its two attributions in the article still stands: the article still carries it.
    expect(ids(data.named.carriedBy)).toContain('src-article');
    expect(ids(data.denial.carriedBy)).toEqual(['src-mueller-report']);
    expect(ids(data.source.claims)).not.toContain(only.claim);
    expect(ids(data.source.claims)).not.toContain(denial.claim);
    expect(ids(data.source.claims)).toContain(named.claim);
    expect(ids(data.source.all)).toEqual(expect.arrayContaining([only.claim, denial.claim]));
  });

  it('leaves the retracted citation out of cites and citedBy unless includeRetracted', async () => {
    const data = await query(`{
      citing: source(id: "${citation.sourceId}") {
        cites { id } all: cites(includeRetracted: true) { id }
        citations { cited { id } }
        allCitations: citations(includeRetracted: true) { source { id } cited { id } retracted retraction { reason } provenance { enteredBy } }
      }
      cited: source(id: "${citation.citesSourceId}") { citedBy { id } all: citedBy(includeRetracted: true) { id } }
    }`);
    expect(ids(data.citing.cites)).not.toContain(citation.citesSourceId);
    expect(ids(data.citing.all)).toContain(citation.citesSourceId);
    expect(data.citing.citations.map((c: any) => c.cited.id)).not.toContain(citation.citesSourceId);
    expect(data.citing.allCitations).toContainEqual({
      source: { id: citation.sourceId },
      cited: { id: citation.citesSourceId },
      retracted: true,
      retraction: { reason: citation.reason },
      provenance: { enteredBy: expect.any(String) },
    });
    expect(ids(data.cited.citedBy)).not.toContain(citation.sourceId);
    expect(ids(data.cited.all)).toContain(citation.sourceId);
  });

  it('leaves the retracted claim relation out of the relation fields unless includeRetracted', async () => {
    const data = await query(`{
      from: claim(id: "${relation.fromId}") {
        contradicts { id } all: contradicts(includeRetracted: true) { id }
        relations { type to { id } }
      }
      to: claim(id: "${relation.toId}") {
        contradictedBy { id } all: contradictedBy(includeRetracted: true) { id }
        relations(includeRetracted: true) { from { id } type retracted retraction { reason } }
      }
    }`);
    expect(ids(data.from.contradicts)).not.toContain(relation.toId);
    expect(ids(data.from.contradicts)).toContain('clm-gru-hacked-clinton-campaign-and-dnc-2016');
    expect(ids(data.from.all)).toContain(relation.toId);
    expect(data.from.relations).not.toContainEqual({
      type: 'CONTRADICTS',
      to: { id: relation.toId },
    });
    expect(ids(data.to.contradictedBy)).not.toContain(relation.fromId);
    expect(ids(data.to.all)).toContain(relation.fromId);
    expect(data.to.relations).toContainEqual({
      from: { id: relation.fromId },
      type: 'CONTRADICTS',
      retracted: true,
      retraction: { reason: relation.reason },
    });
  });

  it('keeps hasNamedSpeaker to standing attributions unless includeRetracted', async () => {
    const data = await query(`{
      claim(id: "${named.claim}") { hasNamedSpeaker all: hasNamedSpeaker(includeRetracted: true) }
    }`);
    expect(data.claim).toEqual({ hasNamedSpeaker: false, all: true });
  });

  it('finds no path through a retracted attribution or relationship unless includeRetracted', async () => {
    const CONNECTION = `query ($fromId: ID!, $toId: ID!, $all: Boolean) {
      connection(fromId: $fromId, toId: $toId, includeRetracted: $all) { length steps { node { id } via { type } } }
    }`;
    const paths = async (variables: Record<string, unknown>) =>
      (await query(CONNECTION, variables)).connection as any[];
    const through = (list: any[], id: string) =>
      list.some((path) => path.steps.some((step: any) => step.node.id === id));

    const speaker = { fromId: 'act-us-officials', toId: only.claim };
    const standingPaths = await paths(speaker);
    expect(through(standingPaths, only.attribution)).toBe(false);
    const allPaths = await paths({ ...speaker, all: true });
    expect(allPaths[0]?.length).toBe(2);
    expect(through(allPaths, only.attribution)).toBe(true);

    const related = { fromId: relation.fromId, toId: relation.toId };
    const relatedPaths = await paths(related);
    expect(relatedPaths.length).toBeGreaterThan(0);
    expect(relatedPaths[0].length).toBeGreaterThan(1);
    expect((await paths({ ...related, all: true }))[0]).toMatchObject({
      length: 1,
      steps: [{ node: { id: relation.fromId } }, { via: { type: 'CONTRADICTS' } }],
    });
  });

  it('says so when a claim’s only support was retracted', async () => {
    const { claim } = await query(SOURCING, { id: only.claim });
    expect(claim.independentOrigins).toBe(0);
    expect(claim.sourcingChains).toEqual([]);
    expect(claim.carriedBy).toEqual([]);
    expect(claim.sourcing.flags.onlyRetractedSupport).toBe(true);
    expect(claim.sourcing.flags.singleOrigin).toBe(true);
    expect(claim.sourcing.retractedAttributions).toEqual([
      {
        id: only.attribution,
        retracted: true,
        retraction: { reason: only.reason, by: 'test-editor', at: expect.any(String) },
      },
    ]);
    expect(ids(claim.sourcing.retractedCarriers)).toEqual(['src-article']);
    expect(claim.sourcing.reasoning).toContain(
      `The only attribution of this claim, ${only.attribution}, was retracted (reason: ${only.reason}); no standing source supports it.`,
    );
    expect(claim.sourcing.reasoning).toContain(
      'src-article records only retracted attributions of this claim: it no longer counts as carrying it.',
    );
  });

  it('drops a retracted denial from the flags and its source from the chains', async () => {
    const { claim } = await query(SOURCING, { id: denial.claim });
    expect(claim.sourcing.flags.denied).toBe(false);
    expect(claim.sourcing.flags.deniedBy).toEqual([]);
    expect(claim.sourcing.flags.onlyRetractedSupport).toBe(false);
    expect(ids(claim.sourcing.retractedCarriers)).toEqual(['src-article']);
    expect(
      claim.sourcingChains.map((chain: any) => ids(chain.hops.map((hop: any) => hop.source))),
    ).toEqual([['src-mueller-report']]);
    expect(before[denial.claim].sourcingChains[0].hops[0].source.id).toBe('src-article');
    expect(claim.independentOrigins).toBe(before[denial.claim].independentOrigins);
    expect(claim.sourcing.reasoning).toContain(
      `The only attribution of this claim, ${denial.attribution}, was retracted (reason: ${denial.reason}); the claim is still carried by src-mueller-report.`,
    );
  });

  it('no longer follows the retracted citation, and counts the origins it separated', async () => {
    const { claim } = await query(SOURCING, { id: named.claim });
    // Before: one chain … → unnamed media reports → Nakasone's remarks. Now the media reports
    // cite no further carrier, and Nakasone's remarks start a chain of their own.
    expect(claim.sourcingChains.map((chain: any) => chain.origin.id).sort()).toEqual(
      [citation.sourceId, citation.citesSourceId].sort(),
    );
    expect(claim.independentOrigins).toBe(2);
    expect(claim.sourcing.flags.singleOrigin).toBe(false);
    expect(claim.sourcing.reasoning).toContain(
      `The citation ${citation.sourceId} → ${citation.citesSourceId} was retracted (reason: ${citation.reason}): chains do not follow it.`,
    );
    // The retracted attribution is gone from the hops and the speaker flags.
    const hopAttributions = claim.sourcingChains.flatMap((chain: any) =>
      chain.hops.flatMap((hop: any) => ids(hop.attributions)),
    );
    expect(hopAttributions).toContain('att-media-nakasone-more-people');
    expect(hopAttributions).not.toContain(named.attribution);
    expect(claim.sourcing.flags.onlyAnonymousSpeakers).toBe(true);
    expect(claim.sourcing.flags.onlyRetractedSupport).toBe(false);
    expect(ids(claim.sourcing.retractedAttributions)).toEqual([named.attribution]);
    expect(claim.sourcing.retractedCarriers).toEqual([]);
    expect(claim.sourcing.reasoning).toContain(
      `1 of 2 attributions of this claim was retracted (${named.attribution}; reason: ${named.reason}); it is left out of the analysis.`,
    );
  });

  it('drops a retracted CONTRADICTS relation from the contradicted flag', async () => {
    const { claim } = await query(SOURCING, { id: relation.toId });
    expect(ids(claim.sourcing.flags.contradictedBy)).not.toContain(relation.fromId);
    expect(claim.sourcing.flags.contradicted).toBe(
      before[relation.toId].sourcing.flags.contradictedBy.length > 1,
    );
    expect(claim.sourcing.reasoning).toContain(
      `${relation.fromId} CONTRADICTS ${relation.toId} was retracted (reason: ${relation.reason}): it no longer counts as a contradiction.`,
    );
  });

  it('never loses a retracted fact: all of it is still in the graph with its reason', async () => {
    const [row] = await editor.database.executor.read({
      name: 'retractedFacts',
      cypher: `
        RETURN COUNT { MATCH (a:Attribution) WHERE a.retracted = true } AS attributions,
               COUNT { MATCH ()-[r:CITES]->() WHERE r.retracted = true } AS citations,
               COUNT { MATCH ()-[r:CONTRADICTS]->() WHERE r.retracted = true AND r.retractionReason IS NOT NULL } AS relations`,
    });
    expect(row).toEqual({ attributions: 3, citations: 1, relations: 1 });
    expect(editor.serverLog).toEqual([]);
  });
});
