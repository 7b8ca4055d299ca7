/** A timeline entry's place in time: the first and last day it covers. */
export interface Dated {
  readonly from: string;
  readonly to: string;
  readonly id: string;
}

/**
 * Oldest first by the first day covered; at the same start, the more precise (shorter) entry
 * first, so "11 June 2019" comes before "June 2019"; ties broken by id for a stable order.
 */
export function byTime(a: Dated, b: Dated): number {
  return a.from.localeCompare(b.from) || a.to.localeCompare(b.to) || a.id.localeCompare(b.id);
}
