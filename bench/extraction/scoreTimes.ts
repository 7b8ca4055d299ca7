import type { SeedTime } from '../../src/ingest/seedFormat.js';
import { prf, type Prf } from './ratios.js';
import type { ScorableSet } from './scorableSet.js';

/** A time expression of the text (raw is never null here), with where its set records it. */
export interface TimeView {
  readonly raw: string;
  readonly value: string;
  readonly precision: SeedTime['precision'];
  /** e.g. ["attributions.said (att-x)", "claims.refersTo (clm-y)"]. */
  readonly where: readonly string[];
}

/** A gold time not resolved exactly, with the predicted time it was paired with, if any. */
export interface TimeMiss {
  readonly gold: TimeView;
  readonly predicted?: TimeView;
}

/** Times of one article. */
export interface TimeScore {
  /** matched = gold times resolved exactly (same value and precision); recall is "exact/total". */
  readonly prf: Prf;
  readonly misses: readonly TimeMiss[];
  /** Predicted times that resolve no gold time exactly. */
  readonly falseTimes: readonly TimeView[];
}

/**
 * The form raw expressions are compared in: lower case, backtick and curly apostrophes straight,
 * trailing punctuation trimmed ("Last year." and "last year" are one expression).
 */
export function normaliseTimeRaw(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/[`’‘]/g, "'")
    .replace(/[\s\p{P}]+$/u, '')
    .trim();
}

/**
 * The distinct (raw, value, precision) of a set's time expressions that quote the text (raw not
 * null): attributions' said, claims' refersTo, events' time and sources' published. Inferred
 * times (raw null) have no text to find and are left out.
 */
export function collectTimes(set: ScorableSet): TimeView[] {
  const byKey = new Map<string, { time: SeedTime; where: string[] }>();
  const add = (time: SeedTime | undefined, where: string) => {
    if (!time || time.raw === null) return;
    const key = JSON.stringify([time.raw, time.value, time.precision]);
    const entry = byKey.get(key);
    if (entry) entry.where.push(where);
    else byKey.set(key, { time, where: [where] });
  };
  for (const a of set.attributions) add(a.said, `attributions.said (${a.id})`);
  for (const claim of set.claims) add(claim.refersTo, `claims.refersTo (${claim.id})`);
  for (const event of set.events) add(event.time, `events.time (${event.id})`);
  for (const source of set.sources) add(source.published, `sources.published (${source.id})`);
  return [...byKey.values()].map(({ time, where }) => ({
    raw: time.raw ?? '',
    value: time.value,
    precision: time.precision,
    where,
  }));
}

const sameResolution = (a: TimeView, b: TimeView): boolean =>
  a.value === b.value && a.precision === b.precision;

/**
 * Gold times against predicted ones, one to one, in three passes: the same expression resolved
 * the same way, then the same expression (resolved differently: a miss that shows the wrong
 * value), then the same value and precision under another wording. A gold time is exact when
 * its pair has the same value and precision.
 */
export function scoreTimes(gold: ScorableSet, draft: ScorableSet): TimeScore {
  const goldTimes = collectTimes(gold);
  const predicted = collectTimes(draft);
  const pairOf = new Map<number, number>();
  const used = new Set<number>();
  const passes: ((g: TimeView, p: TimeView) => boolean)[] = [
    (g, p) => normaliseTimeRaw(g.raw) === normaliseTimeRaw(p.raw) && sameResolution(g, p),
    (g, p) => normaliseTimeRaw(g.raw) === normaliseTimeRaw(p.raw),
    sameResolution,
  ];
  for (const pass of passes) {
    goldTimes.forEach((g, gi) => {
      if (pairOf.has(gi)) return;
      const match = predicted.findIndex((p, pi) => !used.has(pi) && pass(g, p));
      if (match < 0) return;
      pairOf.set(gi, match);
      used.add(match);
    });
  }
  const exactPredicted = new Set<number>();
  const misses: TimeMiss[] = [];
  goldTimes.forEach((g, gi) => {
    const pi = pairOf.get(gi);
    const p = pi === undefined ? undefined : predicted[pi];
    if (pi !== undefined && p && sameResolution(g, p)) exactPredicted.add(pi);
    else misses.push(p ? { gold: g, predicted: p } : { gold: g });
  });
  return {
    prf: prf(exactPredicted.size, goldTimes.length, predicted.length),
    misses,
    falseTimes: predicted.filter((_, pi) => !exactPredicted.has(pi)),
  };
}
