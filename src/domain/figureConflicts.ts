/** A figure as stored: the claim's quantities, or an attribution's own figures. */
export interface Figure {
  readonly raw: string;
  readonly value: number;
  readonly unit: string;
}

/** An attribution of a claim, as far as figures go: where it is recorded and what it states. */
export interface FigureStatement {
  readonly sourceId: string;
  /** The attribution's own figures; empty when its source states the claim's figures. */
  readonly figures: readonly Figure[];
}

/** One value of a conflicting figure and the sources that state it. */
export interface StatedFigure {
  readonly value: number;
  readonly raw: string;
  readonly sourceIds: string[];
}

/** A figure of a claim that its sources state differently. */
export interface FigureConflict {
  readonly unit: string;
  readonly values: StatedFigure[];
}

/**
 * Where sources disagree on a claim's figures. The claim's own quantities are what the sources of
 * its figure-less attributions state (the claim was recorded from them); an attribution with its
 * own figures (an outlet repeating the claim with other numbers, kept by the desk) states those.
 * Figures are compared per unit (case and spacing ignored); a unit with two or more values is a
 * conflict, values in ascending order, sources in id order.
 */
export function figureConflicts(
  claimQuantities: readonly Figure[],
  statements: readonly FigureStatement[],
): FigureConflict[] {
  const byUnit = new Map<string, { unit: string; values: Map<number, StatedFigure> }>();
  const state = (figure: Figure, sourceId: string) => {
    const key = unitKey(figure.unit);
    const entry = byUnit.get(key) ?? { unit: figure.unit, values: new Map() };
    byUnit.set(key, entry);
    const stated = entry.values.get(figure.value) ?? {
      value: figure.value,
      raw: figure.raw,
      sourceIds: [],
    };
    entry.values.set(figure.value, stated);
    if (!stated.sourceIds.includes(sourceId)) stated.sourceIds.push(sourceId);
  };
  for (const statement of statements) {
    const figures = statement.figures.length > 0 ? statement.figures : claimQuantities;
    for (const figure of figures) state(figure, statement.sourceId);
  }
  return [...byUnit.values()]
    .filter((entry) => entry.values.size > 1)
    .map((entry) => ({
      unit: entry.unit,
      values: [...entry.values.values()]
        .sort((a, b) => a.value - b.value)
        .map((stated) => ({ ...stated, sourceIds: [...stated.sourceIds].sort() })),
    }))
    .sort((a, b) => a.unit.localeCompare(b.unit));
}

function unitKey(unit: string): string {
  return unit.trim().toLowerCase().replace(/\s+/g, ' ');
}
