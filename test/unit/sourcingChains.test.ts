import { describe, expect, it } from 'vitest';
import type { CarrierSource } from '../../src/db/graphReader.js';
import {
  independentOrigins,
  MAX_CHAIN_HOPS,
  sourcingChains,
} from '../../src/domain/sourcingChains.js';

const source = (
  id: string,
  cites: string[] = [],
  extra: Partial<CarrierSource> = {},
): CarrierSource => ({
  id,
  primary: false,
  publisherId: null,
  ownerIds: [],
  stateIds: [],
  publisherIsState: false,
  cites,
  copies: [],
  ...extra,
});

describe('sourcing chains', () => {
  it('follows citations from the latest source to the primary one, and stops there', () => {
    const chains = sourcingChains({
      sources: [
        source('src-article', ['src-agency']),
        source('src-agency', ['src-report']),
        source('src-report', ['src-older'], { primary: true }),
        source('src-older'),
      ],
    });
    expect(chains).toEqual([
      {
        sourceIds: ['src-article', 'src-agency', 'src-report'],
        originId: 'src-report',
        reachesPrimary: true,
        circular: false,
        copiedHops: [],
      },
    ]);
  });

  it('cuts loops and reports them as circular', () => {
    const chains = sourcingChains({
      sources: [source('src-a', ['src-b']), source('src-b', ['src-c']), source('src-c', ['src-b'])],
    });
    expect(chains).toEqual([
      {
        sourceIds: ['src-a', 'src-b', 'src-c'],
        originId: 'src-c',
        reachesPrimary: false,
        circular: true,
        copiedHops: [],
      },
    ]);
  });

  it('still answers when every carrier is cited by another (a closed loop)', () => {
    const chains = sourcingChains({
      sources: [source('src-x', ['src-y']), source('src-y', ['src-x'])],
    });
    expect(chains).toHaveLength(1);
    expect(chains[0]?.circular).toBe(true);
  });

  it('bounds chain length', () => {
    const ids = Array.from({ length: 40 }, (_, i) => `src-${String(i).padStart(2, '0')}`);
    const chains = sourcingChains({
      sources: ids.map((id, i) => source(id, ids[i + 1] ? [ids[i + 1]!] : [])),
    });
    expect(chains[0]?.sourceIds).toHaveLength(MAX_CHAIN_HOPS);
  });

  it('collapses origins that share a state affiliation, and explains why', () => {
    const graph = {
      sources: [
        source('src-article', ['src-one', 'src-two', 'src-three']),
        source('src-one', [], {
          primary: true,
          publisherId: 'act-agency',
          stateIds: ['act-state'],
        }),
        source('src-two', [], {
          primary: true,
          publisherId: 'act-outlet',
          stateIds: ['act-state'],
        }),
        source('src-three', [], { primary: true, publisherId: 'act-free' }),
      ],
    };
    const analysis = independentOrigins(graph, sourcingChains(graph));
    expect(analysis.groups).toHaveLength(2);
    expect(analysis.reasons).toEqual(['src-one and src-two share state affiliation act-state']);
  });
});

describe('copy links', () => {
  it('follows a copy link like a citation, so the copier is not an origin of its own', () => {
    const graph = {
      sources: [
        source('src-copier', [], { copies: ['src-article'] }),
        source('src-article', ['src-report']),
        source('src-report', [], { primary: true }),
      ],
    };
    const chains = sourcingChains(graph);
    expect(chains).toEqual([
      {
        sourceIds: ['src-copier', 'src-article', 'src-report'],
        originId: 'src-report',
        reachesPrimary: true,
        circular: false,
        copiedHops: [2],
      },
    ]);
    const independence = independentOrigins(graph, chains);
    expect(independence.groups).toEqual([['src-report']]);
    expect(independence.reasons).toEqual([
      "src-copier copies src-article without credit: followed to src-article's origin, not counted as an origin of its own",
    ]);
  });

  it('joins two origins one of which copies the other', () => {
    // Both reports are primary, so the chains stop at each: two origins, one text.
    const graph = {
      sources: [
        source('src-c', ['src-a']),
        source('src-d', ['src-b']),
        source('src-a', [], { primary: true }),
        source('src-b', [], { primary: true, copies: ['src-a'] }),
      ],
    };
    const chains = sourcingChains(graph);
    expect(chains.map((chain) => chain.originId)).toEqual(['src-a', 'src-b']);
    const independence = independentOrigins(graph, chains);
    expect(independence.groups).toEqual([['src-a', 'src-b']]);
    expect(independence.reasons).toEqual([
      'src-a and src-b are one text: a confirmed copy link joins them',
    ]);
  });
});
