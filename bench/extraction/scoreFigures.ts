import type { SeedClaim } from '../../src/ingest/seedFormat.js';
import { prf, type Prf } from './ratios.js';
import type { ScorableSet } from './scorableSet.js';

/** A quantity as compared: the gold's or the draft's, with the claim that holds it. */
export type Figure = SeedClaim['quantities'][number];

/** A figure in a report: which claim holds it and what it says. */
export interface FigureView {
  readonly claim: string;
  readonly raw: string;
  readonly value: number;
  readonly unit: string;
  readonly kind: string;
  readonly change?: {
    readonly raw: string;
    readonly value: number;
    readonly unit: string;
    readonly basis: string;
  };
}

/** Figures of one article: exact matches and what was missed or made up. */
export interface FigureScore {
  /** matched = gold figures found exactly; gold = all gold figures ("exact/total"). */
  readonly prf: Prf;
  /** Gold figures no predicted figure matches exactly. */
  readonly misses: readonly FigureView[];
  /** Predicted figures that match no gold figure. */
  readonly falseFigures: readonly FigureView[];
}

/** Numbers equal up to a relative 1e-9: "3.34 million" parsed as 3.34 × 1e6 is 3340000.0000000005. */
function sameNumber(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

const sameText = (a: string, b: string): boolean =>
  a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Whether a predicted figure is the gold one: the same value, unit (case-insensitive, trimmed)
 * and kind, and the same change (both without one, or both with equal value, unit and basis).
 * The raw text is not compared: "14.000" and "14,000" are one figure.
 */
export function sameFigure(gold: Figure, predicted: Figure): boolean {
  if (!sameNumber(gold.value, predicted.value)) return false;
  if (!sameText(gold.unit, predicted.unit) || gold.kind !== predicted.kind) return false;
  if (gold.change === undefined || predicted.change === undefined)
    return gold.change === undefined && predicted.change === undefined;
  return (
    sameNumber(gold.change.value, predicted.change.value) &&
    sameText(gold.change.unit, predicted.change.unit) &&
    sameText(gold.change.basis, predicted.change.basis)
  );
}

function figureView(claim: string, figure: Figure): FigureView {
  return {
    claim,
    raw: figure.raw,
    value: figure.value,
    unit: figure.unit,
    kind: figure.kind,
    ...(figure.change && {
      change: {
        raw: figure.change.raw,
        value: figure.change.value,
        unit: figure.change.unit,
        basis: figure.change.basis,
      },
    }),
  };
}

const figuresOf = (set: ScorableSet) =>
  set.claims.flatMap((claim) => claim.quantities.map((figure) => ({ claim: claim.id, figure })));

/**
 * Every quantity of the gold's claims against every quantity of the draft's, one to one. Exact
 * equality is an equivalence, so taking the first unused equal prediction for each gold figure
 * finds the largest matching.
 */
export function scoreFigures(gold: ScorableSet, draft: ScorableSet): FigureScore {
  const goldFigures = figuresOf(gold);
  const predicted = figuresOf(draft);
  const used = new Set<number>();
  const misses: FigureView[] = [];
  for (const { claim, figure } of goldFigures) {
    const match = predicted.findIndex((p, i) => !used.has(i) && sameFigure(figure, p.figure));
    if (match >= 0) used.add(match);
    else misses.push(figureView(claim, figure));
  }
  return {
    prf: prf(used.size, goldFigures.length, predicted.length),
    misses,
    falseFigures: predicted
      .filter((_, i) => !used.has(i))
      .map(({ claim, figure }) => figureView(claim, figure)),
  };
}
