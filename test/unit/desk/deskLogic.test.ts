import { describe, expect, it } from 'vitest';
import { figureConflicts } from '../../../src/domain/figureConflicts.js';
import { collisionRenames } from '../../../src/desk/commitIds.js';
import { renameIds } from '../../../src/desk/renameIds.js';
import { withSpeakerCitations } from '../../../src/desk/speakerCitations.js';
import { rankSourceMatches } from '../../../src/desk/matching/sourceMatching.js';
import { articleInputProblems, isCalendarDate } from '../../../src/desk/draftRequest.js';
import type { SeedSet } from '../../../src/ingest/seedFormat.js';

// The desk's pure rules, on small sets written for these tests.

const set = (parts: Partial<SeedSet>): SeedSet => ({
  format: 'claimgraph-seed/1',
  id: 'draft-test',
  enteredBy: 'test',
  sources: [],
  actors: [],
  claims: [],
  attributions: [],
  claimRelations: [],
  events: [],
  ...parts,
});

describe('figure conflicts', () => {
  it('credits the claim’s own figures to figure-less attributions, and names each value’s sources', () => {
    const conflicts = figureConflicts(
      [
        { raw: '1.200', value: 1200, unit: 'ferries' },
        { raw: '40', value: 40, unit: 'ports' },
      ],
      [
        { sourceId: 'src-b', figures: [] },
        { sourceId: 'src-a', figures: [] },
        {
          sourceId: 'src-c',
          figures: [
            { raw: '1,250', value: 1250, unit: 'Ferries' },
            { raw: '40', value: 40, unit: 'ports' },
          ],
        },
      ],
    );
    expect(conflicts).toEqual([
      {
        unit: 'ferries',
        values: [
          { value: 1200, raw: '1.200', sourceIds: ['src-a', 'src-b'] },
          { value: 1250, raw: '1,250', sourceIds: ['src-c'] },
        ],
      },
    ]);
  });

  it('finds none when every source states the same figures', () => {
    expect(
      figureConflicts(
        [{ raw: '7', value: 7, unit: 'dams' }],
        [
          { sourceId: 'src-a', figures: [] },
          { sourceId: 'src-b', figures: [{ raw: 'seven', value: 7, unit: 'dams' }] },
        ],
      ),
    ).toEqual([]);
  });
});

describe('commit ids', () => {
  it('suffixes only ids the graph holds for other data; this draft’s own nodes keep theirs', () => {
    const renames = collisionRenames(
      ['src-article', 'att-a', 'clm-b', 'act-c'],
      new Map([
        ['src-article', 'seed:cncert-2019 (seeds/cncert-2019.seed.yaml)'],
        ['att-a', 'desk:draft-k1'],
      ]),
      'desk:draft-k1',
      'k1',
    );
    expect([...renames]).toEqual([['src-article', 'src-article-k1']]);
  });

  it('renames every reference along with the record', () => {
    const renamed = renameIds(
      set({
        sources: [
          {
            id: 'src-a',
            kind: 'article',
            title: 'A',
            primary: false,
            cites: ['src-b'],
            carries: ['clm-x'],
            copies: [],
          },
        ],
        attributions: [
          {
            id: 'att-1',
            actor: 'act-p',
            claim: 'clm-x',
            source: 'src-a',
            stance: 'asserts',
            quote: 'q',
            start: 0,
            end: 1,
            cue: 'said',
            speech: 'indirect',
            quotedWords: [],
            figures: [],
          },
        ],
      }),
      new Map([
        ['src-a', 'src-a-k1'],
        ['clm-x', 'clm-x-k1'],
      ]),
    );
    expect(renamed.sources[0]).toMatchObject({ id: 'src-a-k1', carries: ['clm-x-k1'] });
    expect(renamed.attributions[0]).toMatchObject({ source: 'src-a-k1', claim: 'clm-x-k1' });
  });
});

describe('speaker citations', () => {
  it('proposes an optional citation for a speaker the graph knows, not for the publisher or a cited outlet', () => {
    const { extracted, optionalIds } = withSpeakerCitations(
      set({
        sources: [
          {
            id: 'src-article',
            kind: 'article',
            title: 'T',
            publisher: 'act-daily',
            primary: false,
            cites: ['src-wire-report'],
            carries: [],
            copies: [],
          },
          {
            id: 'src-wire-report',
            kind: 'news-report',
            title: 'Wire report (title unknown)',
            publisher: 'act-wire',
            primary: false,
            cites: [],
            carries: ['clm-2'],
            copies: [],
          },
        ],
        actors: ['act-agency', 'act-daily', 'act-wire'].map((id) => ({
          id,
          kind: 'organisation' as const,
          name: id.slice(4),
          aliases: [],
          anonymous: false,
          affiliations: [],
          resolution: { status: 'existing' as const, reason: 'alias', score: 0.95 },
        })),
        attributions: ['act-agency', 'act-daily', 'act-wire'].map((actor, index) => ({
          id: `att-${index}`,
          actor,
          claim: `clm-${index}`,
          source: 'src-article',
          stance: 'asserts' as const,
          quote: 'q',
          start: 0,
          end: 1,
          cue: 'said',
          speech: 'indirect' as const,
          quotedWords: [],
          figures: [],
        })),
      }),
    );
    expect(optionalIds).toEqual(['src-agency-own-source']);
    expect(extracted.sources[0]?.cites).toEqual(['src-wire-report', 'src-agency-own-source']);
    expect(extracted.sources.at(-1)).toMatchObject({ publisher: 'act-agency', carries: ['clm-0'] });
  });
});

describe('source matching', () => {
  it('matches the publisher’s source that carries a matched claim; others of that publisher are suggestions', () => {
    const proposals = rankSourceMatches(
      {
        kind: 'news-report',
        existingPublisherId: 'act-wire',
        publisherName: 'Wire',
        matchedClaimIds: ['clm-g'],
      },
      [
        { id: 'src-w1', title: 'W1', kind: 'news-report', publisherId: 'act-wire', carries: [] },
        { id: 'src-w2', title: 'W2', kind: 'report', publisherId: 'act-wire', carries: ['clm-g'] },
        {
          id: 'src-o',
          title: 'O',
          kind: 'news-report',
          publisherId: 'act-other',
          carries: ['clm-g'],
        },
      ],
    );
    expect(proposals.map((p) => [p.sourceId, p.tier])).toEqual([
      ['src-w2', 'match'],
      ['src-w1', 'suggestion'],
    ]);
    expect(proposals[0]?.reason).toContain('carries the matched claim clm-g');
  });

  it('proposes nothing for a publisher the graph does not know', () => {
    expect(
      rankSourceMatches({ kind: 'report', publisherName: 'New outlet', matchedClaimIds: [] }, [
        { id: 'src-w', title: 'W', kind: 'report', publisherId: 'act-wire', carries: [] },
      ]),
    ).toEqual([]);
  });
});

describe('draft requests', () => {
  it('needs exactly one of text and html, a real date and an http(s) URL', () => {
    expect(articleInputProblems({ text: 'A said B.' })).toEqual([]);
    expect(articleInputProblems({}).map((p) => p.field)).toEqual(['input.text']);
    expect(
      articleInputProblems({ html: '<p>x</p>', published: '2024-13-01', url: 'ftp://x' }).map(
        (p) => p.field,
      ),
    ).toEqual(['input.published', 'input.url']);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
  });
});
