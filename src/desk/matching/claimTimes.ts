/**
 * Whether two claims are about the same time. The same figures for another year are another
 * claim; a time missing on one side is no disagreement (extractors often leave it out), but the
 * reason says so. Besides refersTo, the years a text names count ("up 43 percent on 2017").
 */

/** The time a claim refers to: an ISO value of the seed format, with its precision. */
export interface TimeInput {
  readonly value: string;
  readonly precision: string;
}

/** How the times of two claims compare. */
export type TimeAgreement =
  /** Equal refersTo values. */
  | 'same'
  /** Different refersTo values whose spans overlap (a month within its year, two "since January"s). */
  | 'overlap'
  /** Neither claim has a time. */
  | 'none'
  /** Only one claim has a time, and the other names no year against it. */
  | 'one-sided'
  /** The spans do not overlap, or the texts name different years. */
  | 'differ';

/** The outcome of comparing the times of two claims, with the phrase the reason shows. */
export interface TimeComparison {
  readonly agreement: TimeAgreement;
  readonly reason: string;
}

interface Span {
  readonly start: string;
  readonly end: string;
}

/** The first and last day of an ISO value; days as YYYY-MM-DD compare as strings. */
function span(value: string): Span | undefined {
  const [from, until] = value.split('/');
  if (from === undefined) return undefined;
  const to = until ?? from;
  const start = from.length === 4 ? `${from}-01-01` : from.length === 7 ? `${from}-01` : from;
  const end = to.length === 4 ? `${to}-12-31` : to.length === 7 ? `${to}-31` : to;
  return { start, end };
}

const overlaps = (a: Span, b: Span): boolean => a.start <= b.end && b.start <= a.end;
const yearSpan = (year: string): Span => ({ start: `${year}-01-01`, end: `${year}-12-31` });

/**
 * Years named in a text, e.g. "2017" of "compared with 2017". `figureValues` are left out, so
 * "2,140 intrusions" written "2140" is not taken for a year.
 */
export function yearsNamed(numbers: readonly string[], figureValues: readonly number[]): string[] {
  return [
    ...new Set(
      numbers.filter(
        (token) => /^(1[89]|2[01])\d\d$/.test(token) && !figureValues.includes(Number(token)),
      ),
    ),
  ].sort();
}

/** Compares a draft's time (refersTo and years named) with a graph claim's. */
export function compareTimes(
  draft: { readonly refersTo?: TimeInput | undefined; readonly years: readonly string[] },
  graph: { readonly refersTo?: TimeInput | undefined; readonly years: readonly string[] },
): TimeComparison {
  const a = draft.refersTo && span(draft.refersTo.value);
  const b = graph.refersTo && span(graph.refersTo.value);
  const aValue = draft.refersTo?.value;
  const bValue = graph.refersTo?.value;
  if (a && b && !overlaps(a, b))
    return { agreement: 'differ', reason: `time differs (${aValue} vs ${bValue})` };
  // Years a text names: disagreement only when each side names one the other does not, so a
  // paraphrase that drops "compared with 2017" still agrees.
  const onlyA = draft.years.filter((year) => !graph.years.includes(year));
  const onlyB = graph.years.filter((year) => !draft.years.includes(year));
  if (onlyA.length > 0 && onlyB.length > 0)
    return {
      agreement: 'differ',
      reason: `years named differ (${draft.years.join(', ')} vs ${graph.years.join(', ')})`,
    };
  // One side has a time, the other only names years: those years must meet it.
  const lone =
    a && !b
      ? { time: a, years: graph.years }
      : b && !a
        ? { time: b, years: draft.years }
        : undefined;
  if (
    lone &&
    lone.years.length > 0 &&
    !lone.years.some((year) => overlaps(yearSpan(year), lone.time))
  )
    return {
      agreement: 'differ',
      reason: `time differs (${aValue ?? lone.years.join(', ')} vs ${bValue ?? lone.years.join(', ')})`,
    };
  if (a && b)
    return aValue === bValue
      ? { agreement: 'same', reason: `same time ${aValue}` }
      : { agreement: 'overlap', reason: `times overlap (${aValue} vs ${bValue})` };
  if (a) return { agreement: 'one-sided', reason: `no time on the graph claim (draft ${aValue})` };
  if (b) return { agreement: 'one-sided', reason: `no time on the draft (graph ${bValue})` };
  return { agreement: 'none', reason: 'no time on either' };
}
