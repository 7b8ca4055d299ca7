import { describe, expect, it } from 'vitest';
import {
  figureDifferences,
  rankClaimMatches,
  type MatchableClaim,
} from '../../../src/desk/matching/claimMatching.js';
import type { KnownActor } from '../../../src/extract/articleInput.js';

const actor = (id: string, kind: KnownActor['kind'], name: string, aliases: string[] = []) => ({
  id,
  kind,
  name,
  aliases,
  anonymous: false,
});

const knownActors: KnownActor[] = [
  actor('act-norland', 'state', 'Norland'),
  actor('act-estavia', 'state', 'Estavia'),
  actor('act-us', 'state', 'United States', ['US', 'USA']),
  actor('act-harlow', 'organisation', 'Harlow Shipping', ['Harlow', 'the company']),
  actor('act-kell-port', 'organisation', 'Port Authority of Kell', ['the port authority']),
];

const graph: MatchableClaim[] = [
  {
    id: 'clm-harlow-cut-routes',
    text: 'Harlow Shipping cut 12 of its 40 ferry routes in 2023 because fuel costs rose.',
    quantities: [
      { raw: '12', value: 12, unit: 'ferry routes', kind: 'count' },
      { raw: '40', value: 40, unit: 'ferry routes', kind: 'count' },
    ],
    refersTo: { value: '2023', precision: 'year' },
  },
  {
    id: 'clm-norland-sanctions-estavia',
    text: 'Norland imposed sanctions on Estavia over the border dispute.',
    quantities: [],
  },
  {
    id: 'clm-kell-container-volumes',
    text: 'Container volumes at the port of Kell rose 8 percent in 2022.',
    quantities: [{ raw: '8 percent', value: 8, unit: 'percent', kind: 'percentage' }],
    refersTo: { value: '2022', precision: 'year' },
  },
  {
    id: 'clm-estavia-grain-exports',
    text: 'Estavia exported 2.1 million tonnes of grain in 2021.',
    quantities: [{ raw: '2.1 million', value: 2_100_000, unit: 'tonnes', kind: 'other' }],
    refersTo: { value: '2021', precision: 'year' },
  },
  {
    id: 'clm-museum-reopens',
    text: 'The city museum will reopen after a two-year renovation.',
    quantities: [{ raw: 'two-year', value: 2, unit: 'years', kind: 'other' }],
  },
  {
    id: 'clm-us-strike-warning',
    text: 'The port authority warned the US about the dock strike.',
    quantities: [],
  },
];

const draft = (text: string, extra: Partial<MatchableClaim> = {}): MatchableClaim => ({
  id: 'clm-draft',
  text,
  quantities: [],
  ...extra,
});

const rank = (claim: MatchableClaim, candidates = graph, limit?: number) =>
  rankClaimMatches(claim, candidates, { knownActors, ...(limit !== undefined && { limit }) });

describe('rankClaimMatches', () => {
  it('matches a paraphrase with the same figures and time', () => {
    const [top] = rank(
      draft('In 2023 Harlow Shipping dropped 12 of its 40 ferry routes as fuel costs climbed.', {
        quantities: [
          { raw: '12', value: 12, unit: 'ferry routes', kind: 'count' },
          { raw: '40', value: 40, unit: 'ferry routes', kind: 'count' },
        ],
        refersTo: { value: '2023', precision: 'year' },
      }),
    );
    expect(top).toMatchObject({ claimId: 'clm-harlow-cut-routes', tier: 'match' });
    expect(top?.reason).toMatch(/figures agree .*same time 2023.*actors agree \(Harlow Shipping\)/);
    expect(top?.reason).not.toContain('\n');
  });

  it('matches a passive paraphrase, the doer after "by"', () => {
    const [top] = rank(
      draft('Sanctions were imposed on Estavia by Norland over the border dispute.'),
    );
    expect(top).toMatchObject({ claimId: 'clm-norland-sanctions-estavia', tier: 'match' });
  });

  it('makes the same figures for another year a suggestion, not a match', () => {
    const proposals = rank(
      draft('Estavia exported 2.1 million tonnes of grain in 2020.', {
        quantities: [{ raw: '2.1 million', value: 2_100_000, unit: 'tonnes', kind: 'other' }],
        refersTo: { value: '2020', precision: 'year' },
      }),
    );
    expect(proposals[0]).toMatchObject({
      claimId: 'clm-estavia-grain-exports',
      tier: 'suggestion',
    });
    expect(proposals[0]?.reason).toContain('time differs (2020 vs 2021)');
    expect(proposals.some((proposal) => proposal.tier === 'match')).toBe(false);
  });

  it('makes a different figure a high suggestion with the figure difference', () => {
    const [top] = rank(
      draft('Container volumes at the port of Kell rose 6 percent in 2022.', {
        quantities: [{ raw: '6 percent', value: 6, unit: 'percent', kind: 'percentage' }],
        refersTo: { value: '2022', precision: 'year' },
      }),
    );
    expect(top).toMatchObject({ claimId: 'clm-kell-container-volumes', tier: 'suggestion' });
    expect(top?.score).toBeGreaterThan(0.7);
    expect(top?.figureDifferences).toEqual([
      {
        unit: 'percent',
        draftValue: 6,
        draftRaw: '6 percent',
        graphValue: 8,
        graphRaw: '8 percent',
      },
    ]);
  });

  it('does not match a claim with the roles reversed', () => {
    const [top] = rank(draft('Estavia imposed sanctions on Norland over the border dispute.'));
    expect(top).toMatchObject({ claimId: 'clm-norland-sanctions-estavia', tier: 'suggestion' });
    expect(top?.reason).toContain('roles reversed');
  });

  it('does not match a negated claim', () => {
    for (const text of [
      'Norland did not impose sanctions on Estavia over the border dispute.',
      "Norland hasn't imposed sanctions on Estavia over the border dispute.",
      'Norland denied imposing sanctions on Estavia over the border dispute.',
    ]) {
      const [top] = rank(draft(text));
      expect(top, text).toMatchObject({
        claimId: 'clm-norland-sanctions-estavia',
        tier: 'suggestion',
      });
      expect(top?.reason, text).toContain('negation differs (draft negated)');
    }
  });

  it('does not match a claim that goes the opposite way', () => {
    const [top] = rank(
      draft('Container volumes at the port of Kell fell 8 percent in 2022.', {
        quantities: [{ raw: '8 percent', value: 8, unit: 'percent', kind: 'percentage' }],
        refersTo: { value: '2022', precision: 'year' },
      }),
    );
    expect(top).toMatchObject({ claimId: 'clm-kell-container-volumes', tier: 'suggestion' });
    expect(top?.reason).toContain('opposite words (fell vs rose)');
  });

  it('does not let a missing time block a match, and says it is missing', () => {
    const [top] = rank(
      draft('Estavia exported 2.1 million tonnes of grain.', {
        quantities: [{ raw: '2.1 million', value: 2_100_000, unit: 'tonnes', kind: 'other' }],
      }),
    );
    expect(top).toMatchObject({ claimId: 'clm-estavia-grain-exports', tier: 'match' });
    expect(top?.reason).toContain('no time on the draft (graph 2021)');
  });

  it('does not take the pronoun "us" for the US', () => {
    const [top] = rank(draft('The port authority warned us about the dock strike.'));
    expect(top).toMatchObject({ claimId: 'clm-us-strike-warning', tier: 'suggestion' });
    expect(top?.reason).toContain('actors differ');
    const [dotted] = rank(draft('The port authority warned the U.S. about the dock strike.'));
    expect(dotted).toMatchObject({ claimId: 'clm-us-strike-warning', tier: 'match' });
  });

  it('drops unrelated claims', () => {
    expect(rank(draft('A heavy storm closed the main road into the capital overnight.'))).toEqual(
      [],
    );
  });

  it('ranks deterministically: the same answer for any candidate order, ties by id', () => {
    const text = 'The city museum will reopen after a two-year renovation.';
    const twin = (id: string): MatchableClaim => ({ ...graph[4]!, id });
    const claim = draft(text, { quantities: graph[4]!.quantities });
    const forward = rank(claim, [twin('clm-b'), twin('clm-a'), ...graph]);
    const backward = rank(claim, [...graph].reverse().concat([twin('clm-a'), twin('clm-b')]));
    expect(backward).toEqual(forward);
    expect(forward.map((proposal) => proposal.claimId)).toEqual([
      'clm-a',
      'clm-b',
      'clm-museum-reopens',
    ]);
    expect(forward.map((proposal) => proposal.tier)).toEqual(['match', 'suggestion', 'suggestion']);
  });

  it('returns at most `limit` proposals, five by default', () => {
    const many = Array.from({ length: 8 }, (_, i) => ({ ...graph[1]!, id: `clm-copy-${i}` }));
    const claim = draft('Norland imposed sanctions on Estavia over the border dispute.');
    expect(rank(claim, many)).toHaveLength(5);
    expect(rank(claim, many, 2)).toHaveLength(2);
  });
});

describe('figureDifferences', () => {
  it('lists figures in the same unit with another value, and nothing else', () => {
    expect(
      figureDifferences(
        {
          quantities: [
            { raw: '3,525', value: 3525, unit: 'IP addresses', kind: 'count' },
            { raw: '70', value: 70, unit: 'websites', kind: 'count' },
          ],
        },
        {
          quantities: [
            { raw: '3,325', value: 3325, unit: 'IP addresses', kind: 'count' },
            { raw: '70', value: 70, unit: 'websites', kind: 'count' },
          ],
        },
      ),
    ).toEqual([
      {
        unit: 'IP addresses',
        draftValue: 3525,
        draftRaw: '3,525',
        graphValue: 3325,
        graphRaw: '3,325',
      },
    ]);
  });
});
