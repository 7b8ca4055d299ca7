import { describe, expect, it } from 'vitest';
import {
  combineScores,
  scoreArticle,
  type GraphActor,
  type ScorableSet,
} from '../../../bench/extraction/scoreExtraction.js';
import { collectTimes, normaliseTimeRaw } from '../../../bench/extraction/scoreTimes.js';
import { overlapReaches, spanOverlap } from '../../../bench/extraction/spanMatching.js';
import type { SeedAttribution, SeedClaim } from '../../../src/ingest/seedFormat.js';

/*
 * The extraction scorer on small hand-made gold and draft sets, with the numbers worked out by
 * hand, so a change to a metric's definition shows up here.
 */

type Attribution = ScorableSet['attributions'][number];
type Quantity = SeedClaim['quantities'][number];

const att = (
  id: string,
  actor: string,
  start: number,
  end: number,
  more: Partial<Pick<SeedAttribution, 'stance' | 'cue' | 'speech' | 'said' | 'source'>> = {},
): Attribution => ({
  id,
  actor,
  claim: 'clm-x',
  source: 'src-article',
  stance: 'asserts',
  cue: 'said',
  speech: 'indirect',
  quote: `${id} text`,
  start,
  end,
  ...more,
});

const actor = (id: string, name: string, aliases: string[] = [], anonymous = false) => ({
  id,
  name,
  aliases,
  anonymous,
});

const set = (parts: Partial<ScorableSet>): ScorableSet => ({
  sources: [{ id: 'src-article', textFile: 'article.txt' }],
  actors: [],
  claims: [],
  attributions: [],
  events: [],
  ...parts,
});

describe('span overlap', () => {
  it('is the shared length over the longer span, so too long and too short both cost', () => {
    expect(spanOverlap({ start: 0, end: 100 }, { start: 0, end: 85 })).toBe(0.85);
    expect(spanOverlap({ start: 0, end: 100 }, { start: 0, end: 200 })).toBe(0.5);
    expect(spanOverlap({ start: 0, end: 100 }, { start: 100, end: 200 })).toBe(0);
    expect(spanOverlap({ start: 10, end: 20 }, { start: 10, end: 20 })).toBe(1);
  });

  it('an 85 % overlap counts at 80 % and 30 % but not as exact', () => {
    const gold = { start: 0, end: 100 };
    const predicted = { start: 15, end: 100 };
    expect(overlapReaches(gold, predicted, 100)).toBe(false);
    expect(overlapReaches(gold, predicted, 80)).toBe(true);
    expect(overlapReaches(gold, predicted, 30)).toBe(true);
    // 4 of 5 characters is 80 % exactly, decided without floating-point error
    expect(overlapReaches({ start: 0, end: 5 }, { start: 1, end: 5 }, 80)).toBe(true);
    expect(overlapReaches({ start: 0, end: 100 }, { start: 0, end: 29 }, 30)).toBe(false);
  });
});

describe('attribution scores', () => {
  // g1 and g2 share a span (two speakers); g3 is an anonymous speaker's direct quote.
  const gold = set({
    actors: [
      actor('act-a', 'Alpha Corporation', ['Alpha Corp']),
      actor('act-c', 'Charlie'),
      actor('act-expert', 'Anonymous expert', ['the expert'], true),
    ],
    attributions: [
      att('att-g1', 'act-a', 0, 100),
      att('att-g2', 'act-c', 0, 100),
      att('att-g3', 'act-expert', 200, 300, { speech: 'direct', cue: 'told' }),
      att('att-g4', 'act-a', 400, 450, { stance: 'reports', cue: 'reported' }),
      att('att-g5', 'act-c', 700, 800, { cue: 'noted' }),
    ],
  });
  const draft = set({
    actors: [
      // a new id, but an alias shared with the gold's act-a
      actor('act-alpha', 'Alpha', ['alpha corp']),
      actor('act-bolton', 'John Bolton'),
      actor('act-a', 'Alpha Corporation'),
      actor('act-c', 'Charlie'),
      // marked anonymous by the draft, yet given a named graph actor's id
      actor('act-qin', 'an observer', [], true),
    ],
    attributions: [
      att('att-p1', 'act-alpha', 15, 100, { cue: ' Said ' }),
      att('att-p2', 'act-bolton', 200, 300, { speech: 'direct', cue: 'told' }),
      att('att-p3', 'act-a', 400, 450),
      att('att-p4', 'act-qin', 600, 650),
      att('att-p5', 'act-c', 700, 750, { cue: 'noted' }),
      // another source's attribution: not a span of this article, not scored
      att('att-other', 'act-c', 0, 100, { source: 'src-other' }),
    ],
  });
  const graph: GraphActor[] = [
    { id: 'act-a', anonymous: false },
    { id: 'act-c', anonymous: false },
    { id: 'act-bolton', anonymous: false },
    { id: 'act-qin', anonymous: false },
    { id: 'act-expert', anonymous: true },
  ];
  const score = scoreArticle(gold, draft, graph);
  const { spans } = score.attributions;

  it('counts only the article source, one to one', () => {
    expect(score.attributions.gold).toBe(5);
    expect(score.attributions.predicted).toBe(5);
  });

  it('scores each strictness at the span, speaker and stance levels', () => {
    const f1s = (strictness: 'exact' | 'overlap80' | 'overlap30') => [
      spans.all[strictness].span.f1,
      spans.all[strictness].speaker.f1,
      spans.all[strictness].stance.f1,
    ];
    // exact: p2–g3 and p3–g4; only p3 has the right speaker; its stance is wrong
    expect(f1s('exact')).toEqual([0.4, 0.2, 0]);
    // ≥ 80 %: p1–g1 (85 %) joins; its speaker is right by alias, its stance too
    expect(f1s('overlap80')).toEqual([0.6, 0.4, 0.2]);
    // ≥ 30 %: p5–g5 (50 %) joins, speaker and stance right
    expect(f1s('overlap30')).toEqual([0.8, 0.6, 0.4]);
    expect(spans.all.overlap30.span).toMatchObject({
      matched: 4,
      gold: 5,
      predicted: 5,
      precision: 0.8,
      recall: 0.8,
    });
  });

  it('splits direct from indirect speech by each side’s own speech', () => {
    expect(spans.direct.exact.span).toMatchObject({ matched: 1, gold: 1, predicted: 1, f1: 1 });
    expect(spans.direct.exact.speaker.f1).toBe(0);
    expect(spans.indirect.overlap30.span).toMatchObject({ matched: 3, gold: 4, predicted: 4 });
    expect(spans.indirect.overlap30.span.f1).toBe(0.75);

    const wrongSpeech = scoreArticle(
      set({
        actors: [actor('act-a', 'A')],
        attributions: [att('att-g', 'act-a', 0, 10, { speech: 'direct' })],
      }),
      set({ actors: [actor('act-a', 'A')], attributions: [att('att-p', 'act-a', 0, 10)] }),
      [],
    ).attributions.spans;
    expect(wrongSpeech.all.exact.speaker.f1).toBe(1);
    expect(wrongSpeech.direct.exact.span).toMatchObject({
      matched: 0,
      gold: 1,
      predicted: 0,
      recall: 0,
    });
    expect(wrongSpeech.indirect.exact.span).toMatchObject({
      matched: 0,
      gold: 0,
      predicted: 1,
      precision: 0,
    });
  });

  it('judges cue and stance on pairs matched at ≥ 30 % + speaker', () => {
    // p1–g1 (cue "Said" = "said"), p3–g4 (said ≠ reported, asserts ≠ reports), p5–g5
    expect(score.attributions.cue).toEqual({ correct: 2, total: 3, share: 2 / 3 });
    expect(score.attributions.stance).toEqual({ correct: 2, total: 3, share: 2 / 3 });
  });

  it('judges speaker resolution against the graph it was given', () => {
    // p1 proposes a new actor for the known act-a; p2 links the anonymous expert to Bolton
    expect(score.attributions.resolution).toEqual({
      all: { correct: 2, total: 4, share: 0.5 },
      goldKnown: { correct: 2, total: 4, share: 0.5 },
      goldNew: { correct: 0, total: 0, share: null },
    });
    // With an empty graph every gold speaker is new: right when the names agree (p1 by alias,
    // p3 and p5 by id), wrong for Bolton as the expert.
    const empty = scoreArticle(gold, draft, []);
    expect(empty.attributions.resolution.goldNew).toEqual({ correct: 3, total: 4, share: 0.75 });
    expect(empty.attributions.anonymousLinks.count).toBe(0);
  });

  it('counts anonymous speakers linked to named graph actors', () => {
    expect(score.attributions.anonymousLinks).toEqual({
      count: 2,
      toAnonymousGold: 1,
      anonymousDraftActor: 1,
    });
    expect(score.anonymousLinkIds).toEqual(['att-p2', 'att-p4']);
  });

  it('lists what differs, in text order', () => {
    expect(
      score.attributionMismatches.map((m) => [m.gold?.id, m.predicted?.id, m.problems]),
    ).toEqual([
      // the right speaker by alias, but a new id for an actor the graph has
      ['att-g1', 'att-p1', ['span 85 %', 'resolution act-alpha, not act-a']],
      ['att-g2', undefined, ['missed']],
      ['att-g3', 'att-p2', ['speaker']],
      ['att-g4', 'att-p3', ['stance reports → asserts', 'cue reported → said']],
      [undefined, 'att-p4', ['spurious']],
      ['att-g5', 'att-p5', ['span 50 %']],
    ]);
  });
});

describe('one-to-one matching of shared spans', () => {
  const gold = set({
    actors: [
      actor('act-wikileaks', 'WikiLeaks'),
      actor('act-assange', 'Julian Assange', ['Assange']),
    ],
    attributions: [
      att('att-wikileaks', 'act-wikileaks', 0, 100, { stance: 'denies' }),
      att('att-assange', 'act-assange', 0, 100, { stance: 'denies' }),
    ],
  });
  const predictedActors = [actor('act-new', 'Assange'), actor('act-wl', 'wikileaks')];

  it('gives a single prediction one of the two, the one with its speaker', () => {
    const score = scoreArticle(
      gold,
      set({
        actors: predictedActors,
        attributions: [att('att-p', 'act-new', 0, 100, { stance: 'denies' })],
      }),
      [],
    );
    expect(score.attributions.spans.all.exact.span).toMatchObject({
      matched: 1,
      recall: 0.5,
      precision: 1,
    });
    expect(score.attributions.spans.all.exact.speaker.matched).toBe(1);
    expect(score.attributionMismatches.map((m) => [m.gold?.id, m.problems])).toEqual([
      ['att-wikileaks', ['missed']],
    ]);
  });

  it('matches both when both speakers are predicted on the span', () => {
    const score = scoreArticle(
      gold,
      set({
        actors: predictedActors,
        attributions: [
          att('att-p1', 'act-new', 0, 100, { stance: 'denies' }),
          att('att-p2', 'act-wl', 0, 100, { stance: 'denies' }),
        ],
      }),
      [],
    );
    expect(score.attributions.spans.all.exact.stance).toMatchObject({ matched: 2, f1: 1 });
  });
});

describe('figures', () => {
  const q = (value: number, unit: string, more: Partial<Quantity> = {}): Quantity => ({
    raw: String(value),
    value,
    unit,
    kind: 'count',
    ...more,
  });
  const gold = set({
    claims: [
      {
        id: 'clm-servers',
        quantities: [
          q(14000, 'servers', {
            raw: '14.000',
            change: { raw: '90.8 percent', value: 90.8, unit: 'percent', basis: 'year-on-year' },
          }),
          q(3340000, 'host computers'),
        ],
      },
      { id: 'clm-ips', quantities: [q(43, 'percent', { kind: 'percentage' })] },
    ],
  });
  const draft = set({
    claims: [
      {
        id: 'clm-a',
        quantities: [
          q(14000, 'servers', {
            change: {
              raw: '90.8 percent',
              value: 90.8,
              unit: 'percent',
              basis: 'compared with 2017',
            },
          }),
          q(3340000.000001, ' Host Computers'),
          q(43, 'percent', { kind: 'percentage' }),
          q(133, 'cyber teams'),
        ],
      },
    ],
  });
  const score = scoreArticle(gold, draft, []);

  it('needs value, unit, kind and change to agree; a change basis mismatch is a miss', () => {
    expect(score.figures).toMatchObject({
      matched: 2,
      gold: 3,
      predicted: 4,
      recall: 2 / 3,
      precision: 0.5,
    });
    expect(score.figureMisses.map((f) => [f.claim, f.raw])).toEqual([['clm-servers', '14.000']]);
    expect(score.falseFigures.map((f) => f.value)).toEqual([14000, 133]);
  });

  it('tolerates only a relative 1e-9 in values', () => {
    const off = scoreArticle(
      gold,
      set({ claims: [{ id: 'clm-a', quantities: [q(3340000.1, 'host computers')] }] }),
      [],
    );
    expect(off.figures.matched).toBe(0);
  });
});

describe('times', () => {
  const time = (raw: string | null, value: string, precision: 'day' | 'month' | 'year') => ({
    raw,
    value,
    precision,
    basis: 'test',
  });
  const gold = set({
    sources: [
      { id: 'src-article', textFile: 'article.txt', published: time(null, '2019-06', 'month') },
    ],
    claims: [
      { id: 'clm-a', quantities: [], refersTo: time('In 2018', '2018', 'year') },
      { id: 'clm-b', quantities: [], refersTo: time('in 2018', '2018', 'year') },
    ],
    events: [{ id: 'evt-a', time: time('last year`s', '2018', 'year') }],
    attributions: [
      att('att-a', 'act-a', 0, 10, { said: time('on Monday', '2019-06-10', 'day') }),
      att('att-b', 'act-a', 20, 30, { said: time('in February', '2019-02', 'month') }),
      att('att-c', 'act-a', 40, 50, { said: time('on Monday', '2019-06-10', 'day') }),
    ],
  });
  const draft = set({
    sources: [
      { id: 'src-article', textFile: 'article.txt', published: time(null, '2019-06-12', 'day') },
    ],
    claims: [
      { id: 'clm-x', quantities: [], refersTo: time('in 2018', '2018', 'year') },
      { id: 'clm-y', quantities: [], refersTo: time('last year’s', '2018', 'year') },
    ],
    attributions: [
      att('att-x', 'act-a', 0, 10, { said: time('On Monday.', '2019-06-10', 'day') }),
      att('att-y', 'act-a', 20, 30, { said: time('in February', '2019-01', 'month') }),
      att('att-z', 'act-a', 60, 70, { said: time('yesterday', '2019-06-11', 'day') }),
    ],
  });

  it('collects distinct expressions that quote the text, with where they are', () => {
    const times = collectTimes(gold);
    expect(times.map((t) => t.raw)).toEqual([
      'on Monday',
      'in February',
      'In 2018',
      'in 2018',
      'last year`s',
    ]);
    expect(times[0]!.where).toEqual(['attributions.said (att-a)', 'attributions.said (att-c)']);
    expect(normaliseTimeRaw('Last year.')).toBe('last year');
    expect(normaliseTimeRaw('last year’s')).toBe(normaliseTimeRaw('last year`s'));
  });

  it('matches by expression, then by value; exact when value and precision agree', () => {
    const score = scoreArticle(gold, draft, []);
    expect(score.times).toMatchObject({
      matched: 3,
      gold: 5,
      predicted: 5,
      recall: 0.6,
      precision: 0.6,
    });
    expect(score.timeMisses.map((m) => [m.gold.raw, m.predicted?.value])).toEqual([
      ['in February', '2019-01'],
      ['in 2018', undefined],
    ]);
    expect(score.falseTimes.map((t) => t.raw)).toEqual(['in February', 'yesterday']);
  });
});

describe('totals', () => {
  it('micro-average: counts are summed and ratios recomputed', () => {
    const a = scoreArticle(
      set({ actors: [actor('act-a', 'A')], attributions: [att('att-1', 'act-a', 0, 10)] }),
      set({ actors: [actor('act-a', 'A')], attributions: [att('att-1', 'act-a', 0, 10)] }),
      [],
    );
    const b = scoreArticle(
      set({
        actors: [actor('act-a', 'A')],
        attributions: [
          att('att-1', 'act-a', 0, 10),
          att('att-2', 'act-a', 20, 30),
          att('att-3', 'act-a', 40, 50),
        ],
      }),
      set({ actors: [actor('act-a', 'A')], attributions: [att('att-9', 'act-a', 60, 70)] }),
      [],
    );
    const total = combineScores([a, b]);
    // macro-averaging would give (1 + 0) / 2 = 0.5
    expect(total.attributions.spans.all.exact.speaker).toMatchObject({
      matched: 1,
      gold: 4,
      predicted: 2,
    });
    expect(total.attributions.spans.all.exact.speaker.f1).toBeCloseTo(1 / 3, 12);
    expect(combineScores([]).attributions.spans.all.exact.span.f1).toBeNull();
  });
});
