/** The first and last day an ISO time value covers, as YYYY-MM-DD strings (they sort as dates). */
export interface TimeBounds {
  readonly from: string;
  readonly to: string;
}

/**
 * Resolves "2019", "2019-06", "2019-06-11" or a range "2016-10/2016-12" to the days it spans,
 * so that filters and timelines can compare times of different precision.
 */
export function timeBounds(value: string): TimeBounds {
  const [start, end = start] = value.split('/') as [string, string?];
  return { from: firstDay(start), to: lastDay(end ?? start) };
}

function firstDay(value: string): string {
  const [year, month = '01', day = '01'] = value.split('-');
  return `${year}-${month}-${day}`;
}

function lastDay(value: string): string {
  const [year, month, day] = value.split('-');
  if (day !== undefined) return value;
  if (month === undefined) return `${year}-12-31`;
  // Day 0 of the next month is the last day of this one.
  const last = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  return `${year}-${month}-${String(last).padStart(2, '0')}`;
}
