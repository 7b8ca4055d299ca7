import { stem } from './claimWords.js';

/**
 * Whether two claims state the same figures. Figures are paired one to one: first equal values
 * with compatible units, then what is left with the same unit but another value, which is a
 * conflict (an outlet repeating a claim with 3,525 where the graph says 3,325). A change ("up
 * 43 percent") is a figure of its own, so a different rate of change is a conflict too.
 */

/** A figure as the matcher reads it from a claim's quantities. */
export interface FigureInput {
  readonly raw?: string;
  readonly value: number;
  readonly unit: string;
  readonly kind: string;
  readonly change?: { readonly raw?: string; readonly value: number; readonly unit: string };
}

/** One side's figure, flattened (a quantity or the change it carries). */
interface Figure {
  readonly value: number;
  readonly unit: string;
  readonly raw: string;
  /** The unit as compared: lower case, singular, currency and percent spellings made one. */
  readonly unitKey: string;
  /** The last word of unitKey ("ip address" → "address"). */
  readonly head: string;
}

/** A unit (and the value) on which a draft and a graph claim disagree. */
export interface FigureDifference {
  readonly unit: string;
  readonly draftValue: number;
  readonly draftRaw: string;
  readonly graphValue: number;
  readonly graphRaw: string;
}

/** How the figures of two claims compare. */
export type FigureAgreement =
  /** Neither claim has figures. */
  | 'none'
  /** Every figure on each side has its equal on the other. */
  | 'agree'
  /** Some figures are equal, the others are on one side only; none conflict. */
  | 'partial'
  /** Only one claim has figures. */
  | 'one-sided'
  /** Both have figures, none equal and none in the same unit. */
  | 'disjoint'
  /** A unit has another value on the other side. */
  | 'conflict';

/** The outcome of comparing the figures of two claims. */
export interface FigureComparison {
  readonly agreement: FigureAgreement;
  /** The equal figures, as "14000 servers". */
  readonly agreed: readonly string[];
  readonly differences: readonly FigureDifference[];
  readonly onlyDraft: readonly string[];
  readonly onlyGraph: readonly string[];
}

const unitSynonyms: ReadonlyMap<string, string> = new Map([
  ['€', 'eur'],
  ['euro', 'eur'],
  ['euros', 'eur'],
  ['$', 'usd'],
  ['dollar', 'usd'],
  ['dollars', 'usd'],
  ['us dollars', 'usd'],
  ['£', 'gbp'],
  ['pound', 'gbp'],
  ['pounds', 'gbp'],
  ['%', 'percent'],
  ['per cent', 'percent'],
  ['pct', 'percent'],
  ['percentage', 'percent'],
  ['percentage point', 'percentage-point'],
  ['percentage points', 'percentage-point'],
  ['points', 'percentage-point'],
]);

function unitKey(unit: string): string {
  const lower = unit.normalize('NFKC').toLowerCase().trim().replace(/\s+/g, ' ');
  const synonym = unitSynonyms.get(lower);
  if (synonym !== undefined) return synonym;
  return lower
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((word) => stem(word))
    .join(' ');
}

function flatten(quantities: readonly FigureInput[]): Figure[] {
  const figures: Figure[] = [];
  const add = (value: number, unit: string, raw: string | undefined) => {
    const key = unitKey(unit);
    figures.push({
      value,
      unit,
      raw: raw ?? String(value),
      unitKey: key,
      head: key.split(' ').at(-1) ?? key,
    });
  };
  for (const quantity of quantities) {
    add(quantity.value, quantity.unit, quantity.raw);
    if (quantity.change) add(quantity.change.value, quantity.change.unit, quantity.change.raw);
  }
  return figures;
}

const sameValue = (a: number, b: number): boolean =>
  Math.abs(a - b) <= 1e-6 * Math.max(Math.abs(a), Math.abs(b), 1e-9);
const sameUnit = (a: Figure, b: Figure): boolean => a.unitKey === b.unitKey || a.head === b.head;
const shown = (figure: Figure): string => `${figure.value} ${figure.unit}`;

/** Compares the figures of a drafted claim with those of a graph claim. */
export function compareFigures(
  draft: readonly FigureInput[],
  graph: readonly FigureInput[],
): FigureComparison {
  const d = flatten(draft);
  const g = flatten(graph);
  const dUsed = new Set<number>();
  const gUsed = new Set<number>();
  const agreed: string[] = [];
  d.forEach((figure, i) => {
    const j = g.findIndex(
      (other, k) =>
        !gUsed.has(k) && sameUnit(figure, other) && sameValue(figure.value, other.value),
    );
    if (j < 0) return;
    dUsed.add(i);
    gUsed.add(j);
    agreed.push(shown(figure));
  });
  // What is left pairs by unit, closest values first, so "3,525 vs 3,325 IP addresses" is found
  // even when the claim also gives another figure in the same unit.
  const pairs: { i: number; j: number; distance: number }[] = [];
  d.forEach((figure, i) => {
    if (dUsed.has(i)) return;
    g.forEach((other, j) => {
      if (gUsed.has(j) || !sameUnit(figure, other)) return;
      pairs.push({
        i,
        j,
        distance: Math.abs(figure.value - other.value) / Math.max(Math.abs(other.value), 1e-9),
      });
    });
  });
  pairs.sort((a, b) => a.distance - b.distance || a.i - b.i || a.j - b.j);
  const differences: FigureDifference[] = [];
  for (const { i, j } of pairs) {
    if (dUsed.has(i) || gUsed.has(j)) continue;
    dUsed.add(i);
    gUsed.add(j);
    const a = d[i]!;
    const b = g[j]!;
    differences.push({
      unit: b.unit,
      draftValue: a.value,
      draftRaw: a.raw,
      graphValue: b.value,
      graphRaw: b.raw,
    });
  }
  const onlyDraft = d.filter((_, i) => !dUsed.has(i)).map(shown);
  const onlyGraph = g.filter((_, j) => !gUsed.has(j)).map(shown);
  const agreement: FigureAgreement =
    d.length === 0 && g.length === 0
      ? 'none'
      : differences.length > 0
        ? 'conflict'
        : d.length === 0 || g.length === 0
          ? 'one-sided'
          : agreed.length === 0
            ? 'disjoint'
            : onlyDraft.length + onlyGraph.length > 0
              ? 'partial'
              : 'agree';
  return { agreement, agreed, differences, onlyDraft, onlyGraph };
}

/** The figures a draft states in the same unit as the graph claim but with another value. */
export function figureDifferences(
  draft: { readonly quantities: readonly FigureInput[] },
  graph: { readonly quantities: readonly FigureInput[] },
): FigureDifference[] {
  return [...compareFigures(draft.quantities, graph.quantities).differences];
}
