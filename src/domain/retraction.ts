/**
 * Retraction, Wikidata's deprecated rank: an editor retracts an attribution (a node property) or
 * a citation or claim relation (properties on the relationship) instead of deleting it. The
 * retracted fact stays in the graph with `retracted: true`, `retractionReason`, `retractedBy` and
 * `retractedAt`; reads leave it out unless asked to include it, and sourcing analysis never uses
 * it. A fact without `retracted` (or with `retracted: false`) stands.
 */

/** The retraction of an attribution, citation or claim relation, as the API shows it. */
export interface Retraction {
  readonly reason: string;
  readonly by: string;
  readonly at: string;
}

/** Whether a node's or relationship's properties mark it retracted (only `retracted: true` does). */
export function isRetracted(properties: Record<string, unknown>): boolean {
  return properties.retracted === true;
}

/** The retraction recorded in a node's or relationship's properties, or null when it stands. */
export function retractionOf(properties: Record<string, unknown>): Retraction | null {
  if (!isRetracted(properties)) return null;
  return {
    reason: String(properties.retractionReason ?? ''),
    by: String(properties.retractedBy ?? ''),
    at: String(properties.retractedAt ?? ''),
  };
}

/** The items that stand, or all of them when `includeRetracted` is true. */
export function unlessRetracted<T extends Record<string, unknown>>(
  items: readonly T[],
  includeRetracted: boolean | null | undefined,
): T[] {
  return includeRetracted === true ? [...items] : items.filter((item) => !isRetracted(item));
}

/**
 * The carrier rule for attributions: grouped by `key` (the recording source's id, or the claim's
 * id), the keys every attribution of which is retracted. A source that records attributions of a
 * claim, all of them retracted, no longer counts as carrying it; a source with at least one
 * standing attribution of the claim, or with none at all (an explicit `carries`), does.
 */
export function keysWithOnlyRetracted<T extends Record<string, unknown>>(
  attributions: readonly T[],
  key: (attribution: T) => string,
): Set<string> {
  const standing = new Map<string, boolean>();
  for (const attribution of attributions) {
    const id = key(attribution);
    standing.set(id, (standing.get(id) ?? false) || !isRetracted(attribution));
  }
  return new Set([...standing].filter(([, stands]) => !stands).map(([id]) => id));
}

/** An attribution of a claim, as far as retraction reasoning goes. */
export interface RetractedAttributionLine {
  readonly id: string;
  readonly reason: string;
}

/** A retracted relationship (a citation between carriers, a CONTRADICTS relation) of a claim. */
export interface RetractedLinkLine {
  readonly fromId: string;
  readonly toId: string;
  readonly reason: string;
}

/** What `retractionReasoning` explains. */
export interface RetractionFacts {
  /** How many attributions the claim has, retracted ones included. */
  readonly attributionCount: number;
  /** Its retracted attributions, in id order. */
  readonly retractedAttributions: readonly RetractedAttributionLine[];
  /** Sources that carry the claim only through retracted attributions. */
  readonly retractedCarrierIds: readonly string[];
  /** Standing carriers left after the carrier rule. */
  readonly standingCarrierIds: readonly string[];
  /** Retracted citations between the claim's carriers. */
  readonly retractedCitations: readonly RetractedLinkLine[];
  /** Retracted CONTRADICTS relations from or to the claim. */
  readonly retractedContradictions: readonly RetractedLinkLine[];
}

/**
 * True when the claim's only support was retracted: it has retracted attributions, and after the
 * carrier rule no standing source carries it (no chains, no independent origins are left).
 */
export function onlyRetractedSupport(facts: RetractionFacts): boolean {
  return facts.retractedAttributions.length > 0 && facts.standingCarrierIds.length === 0;
}

const reasonsOf = (items: readonly { reason: string }[], name: (index: number) => string) => {
  const distinct = [...new Set(items.map((item) => item.reason))];
  if (distinct.length === 1) return `reason: ${distinct[0]}`;
  return `reasons: ${items.map((item, index) => `${name(index)}: ${item.reason}`).join('; ')}`;
};

/**
 * The lines SourcingAnalysis.reasoning adds about retractions, one sentence each: which
 * attributions were retracted and whether any standing source remains, which sources no longer
 * count as carriers, and which citations and contradictions the analysis no longer follows.
 */
export function retractionReasoning(facts: RetractionFacts): string[] {
  const lines: string[] = [];
  const retracted = facts.retractedAttributions;
  if (retracted.length > 0) {
    const reasons = reasonsOf(retracted, (index) => retracted[index]!.id);
    const what =
      facts.attributionCount === 1
        ? `The only attribution of this claim, ${retracted[0]!.id}, was retracted (${reasons})`
        : retracted.length === facts.attributionCount
          ? `All ${retracted.length} attributions of this claim were retracted (${reasons})`
          : `${retracted.length} of ${facts.attributionCount} attributions of this claim ${
              retracted.length === 1 ? 'was' : 'were'
            } retracted (${retracted.map((a) => a.id).join(', ')}; ${reasons})`;
    const outcome = onlyRetractedSupport(facts)
      ? 'no standing source supports it.'
      : retracted.length === facts.attributionCount
        ? `the claim is still carried by ${facts.standingCarrierIds.join(', ')}.`
        : `${retracted.length === 1 ? 'it is' : 'they are'} left out of the analysis.`;
    lines.push(`${what}; ${outcome}`);
  }
  for (const id of facts.retractedCarrierIds) {
    lines.push(
      `${id} records only retracted attributions of this claim: it no longer counts as carrying it.`,
    );
  }
  for (const link of facts.retractedCitations) {
    lines.push(
      `The citation ${link.fromId} → ${link.toId} was retracted (reason: ${link.reason}): chains do not follow it.`,
    );
  }
  for (const link of facts.retractedContradictions) {
    lines.push(
      `${link.fromId} CONTRADICTS ${link.toId} was retracted (reason: ${link.reason}): it no longer counts as a contradiction.`,
    );
  }
  return lines;
}
