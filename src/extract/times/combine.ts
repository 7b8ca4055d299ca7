// Settles what the passes found: overlaps (the longest expression wins), the span as written
// (leading preposition, possessive, time of day), ranges ('between 2015 and 2017', 'from March to
// May 2019'), open ranges ('since 2015'), and the `basis` sentence.
import type { TimeMention } from '../times.js';
import { firstDayOf, isoDay, isoMonth, isoYear, lastDayOf } from './calendar.js';
import type { Candidate, Ctx, Pub } from './shared.js';

/** Non-overlapping candidates, longest first on conflict (pattern rules win ties), in text order. */
export function settleOverlaps(candidates: readonly Candidate[]): Candidate[] {
  const ordered = candidates
    .map((candidate, order) => ({ candidate, order }))
    .sort((a, b) => a.candidate.start - b.candidate.start || a.order - b.order);
  const kept: Candidate[] = [];
  // Settle each cluster of mutually overlapping candidates on its own, so the cost stays linear
  // in the text rather than quadratic in the number of candidates.
  let cluster: typeof ordered = [];
  let clusterEnd = -1;
  const settle = () => {
    const chosen: Candidate[] = [];
    const byLength = cluster.sort(
      (a, b) =>
        b.candidate.end - b.candidate.start - (a.candidate.end - a.candidate.start) ||
        a.order - b.order,
    );
    for (const { candidate } of byLength) {
      if (chosen.every((other) => candidate.end <= other.start || candidate.start >= other.end)) {
        chosen.push(candidate);
      }
    }
    kept.push(...chosen.sort((a, b) => a.start - b.start));
  };
  for (const entry of ordered) {
    if (entry.candidate.start >= clusterEnd && cluster.length > 0) {
      settle();
      cluster = [];
    }
    cluster.push(entry);
    clusterEnd = Math.max(clusterEnd, entry.candidate.end);
  }
  if (cluster.length > 0) settle();
  return kept;
}

// Prepositions that belong to the expression as the seed records it ('on Tuesday', 'in 2018').
// 'by', 'until', 'before' and 'after' stay outside: the value is the time itself, not what lies
// before or after it. 'since' is kept and turns the value into an open range (see `since`).
const PREFIX = /(?:^|[^\w])((?:in|on|at|during|throughout|since)\s+)$/i;
const PREFIX_BEFORE_THE = /(?:^|[^\w])(over\s+)$/i;
const LEADING_PREPOSITION = /^(?:in|on|at|during|throughout|since|over|through)\s/i;

/** Widens each candidate to the expression as written. */
export function widen(ctx: Ctx, candidates: Candidate[]): Candidate[] {
  let floor = 0;
  for (const c of candidates) {
    const lead = () => ctx.text.slice(Math.max(floor, c.start - 20), c.start);
    const core = ctx.text.slice(c.start, c.end);
    // chrono leaves out the article of 'on the 3rd of May'.
    const article = /^\d/.test(core) ? /(?:^|[^\w])(the\s+)$/i.exec(lead()) : null;
    if (article?.[1] !== undefined) c.start -= article[1].length;
    const written = ctx.text.slice(c.start, c.end);
    if (!LEADING_PREPOSITION.test(written)) {
      const prefix =
        PREFIX.exec(lead()) ?? (/^the\s/i.test(written) ? PREFIX_BEFORE_THE.exec(lead()) : null);
      if (prefix?.[1] !== undefined) c.start -= prefix[1].length;
    }
    // chrono reads 'from March to May' as one range starting at 'March'.
    const isRange = c.value.includes('/') && /\s(?:to|until|through|and)\s|[-–—]/i.test(core);
    const opener = isRange ? /(?:^|[^\w])((?:from|between)\s+)$/i.exec(lead()) : null;
    if (opener?.[1] !== undefined) c.start -= opener[1].length;
    if (c.dayLike === true) {
      const part = /^\s+(morning|afternoon|evening|night)\b/i.exec(
        ctx.text.slice(c.end, c.end + 12),
      );
      if (part !== null) c.end += part[0].length;
    }
    // 'last year`s decision': the seed writes apostrophes as backticks; raw keeps them.
    if (/^['’`]s\b/.test(ctx.text.slice(c.end, c.end + 3))) c.end += 2;
    floor = c.end;
  }
  return candidates;
}

/** The value moved by whole years (for a bare month that a range end has to follow). */
function shiftYears(value: string, years: number): string {
  return value.replace(/\d{4}/g, (y) => isoYear(Number(y) + years));
}

/** 'between A and B', 'from A to B', 'A to B': one range from A's start to B's end. */
export function mergeRanges(ctx: Ctx, candidates: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const b of candidates) {
    const a = out.at(-1);
    if (a === undefined) {
      out.push(b);
      continue;
    }
    const gap = ctx.text.slice(a.end, b.start);
    const lead = ctx.text.slice(Math.max(0, a.start - 9), a.start);
    const between = /\bbetween\s+$/i.exec(lead);
    const from = /\bfrom\s+$/i.exec(lead);
    const joins = between
      ? /^\s+and\s+$/i.test(gap)
      : /^\s*(?:to|until|till|through|-|–|—)\s*$/i.test(gap);
    if (!joins || /^since\s/i.test(ctx.text.slice(a.start, a.end))) {
      out.push(b);
      continue;
    }
    let start = a.value;
    let end = b.value;
    // 'March - May 2019': a start without a year takes the end's.
    if (a.floating !== undefined && !b.relative) {
      const endYear = Number(firstDayOf(end).slice(0, 4));
      const y = a.floating.month <= Number(firstDayOf(end).slice(5, 7)) ? endYear : endYear - 1;
      start = shiftYears(start, y - Number(start.slice(0, 4)));
    }
    // 'from November to January': an end without a year is the first one after the start.
    if (b.floating !== undefined) {
      while (lastDayOf(end) < firstDayOf(start)) end = shiftYears(end, 1);
    }
    if (lastDayOf(end) < firstDayOf(start)) {
      out.push(b);
      continue;
    }
    const relative = (a.relative && start === a.value) || b.relative;
    const explain = relative
      ? `from ${startOf(start)} (${a.relative ? a.explain : 'explicit'}) to ${endOf(end)} (${b.relative ? b.explain : 'explicit'})`
      : 'Explicit range';
    out[out.length - 1] = {
      start: a.start - (between?.[0].length ?? from?.[0].length ?? 0),
      end: b.end,
      value: `${startOf(start)}/${endOf(end)}`,
      precision: 'range',
      relative,
      explain,
    };
  }
  return out;
}

const startOf = (value: string): string => value.split('/')[0] ?? value;
const endOf = (value: string): string => value.split('/').at(-1) ?? value;

/** 'since 2015': from the expression's start up to the publication date, at the same precision. */
function since(c: Candidate, pub: Pub | undefined): Candidate {
  const start = startOf(c.value);
  if (pub === undefined) {
    const explain = c.relative ? c.explain : `${c.explain}, the start of a period`;
    return { ...c, explain: `${explain}; no publication date to end it` };
  }
  const p = pub.day;
  const now =
    start.length === 4 ? isoYear(p.y) : start.length === 7 ? isoMonth(p.y, p.m) : isoDay(p);
  if (now <= start) return c;
  const from = c.relative ? `${start} (${c.explain})` : start;
  return {
    ...c,
    value: `${start}/${now}`,
    precision: 'range',
    relative: true,
    explain: `from ${from} up to ${pub.label}`,
  };
}

/** The mentions, with open ranges resolved and `basis` written. */
export function toMentions(
  ctx: Ctx,
  candidates: readonly Candidate[],
  offset: number,
): TimeMention[] {
  return candidates.map((candidate) => {
    const raw = ctx.text.slice(candidate.start, candidate.end);
    const c = /^since\s/i.test(raw) ? since(candidate, ctx.pub) : candidate;
    const basis = c.relative ? `"${raw}": ${c.explain}.` : `${c.explain}.`;
    return {
      raw,
      start: candidate.start + offset,
      end: candidate.end + offset,
      value: c.value,
      precision: c.precision,
      basis,
      relative: c.relative,
    };
  });
}
