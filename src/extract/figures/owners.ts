/**
 * Giving each change to the figure it belongs to (rules in the module comment of ../figures.ts)
 * and turning the figures read into the exported shape.
 */
import type { Figure, FigureChange } from '../figures.js';
import type { Candidate } from './candidates.js';
import { subjectBefore, type ChangeDraft } from './changes.js';
import type { FigureToken } from './tokens.js';

/** The figures to report: each change on its owner, changes with an owner not reported alone. */
export function assignChanges(
  tokens: readonly FigureToken[],
  candidates: readonly Candidate[],
  drafts: readonly ChangeDraft[],
): Figure[] {
  const isChange = new Uint8Array(candidates.length);
  for (const draft of drafts) if (draft.candidate !== undefined) isChange[draft.candidate] = 1;
  // Figures not reported: changes given to an owner, and amounts inside a basis ("the past five
  // years" in "over the past five years").
  const hidden = new Uint8Array(candidates.length);
  const changes = new Map<number, { draft: ChangeDraft; owner?: Candidate }>();
  for (const draft of drafts) {
    if (draft.basisSpan) hideInside(candidates, hidden, draft.basisSpan);
    const owner = ownerOf(tokens, candidates, isChange, draft);
    if (owner !== undefined && !changes.has(owner)) {
      changes.set(owner, { draft, owner: candidates[owner] });
      if (draft.candidate !== undefined) hidden[draft.candidate] = 1;
    }
    // A change amount with no owner stays a plain figure ("Exports rose 5 percent" gives
    // 5 percent), as the dev-set gold writes it: there is no figure to carry the change.
  }
  const figures: Figure[] = [];
  for (let index = 0; index < candidates.length; index++) {
    if (hidden[index]) continue;
    const change = changes.get(index);
    figures.push(toFigure(candidates[index] as Candidate, change?.draft, change?.owner));
  }
  return figures;
}

/** Index of the last candidate whose first token is before `token`, or -1 (binary search). */
function lastBefore(candidates: readonly Candidate[], token: number): number {
  let low = 0;
  let high = candidates.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((candidates[middle] as Candidate).first < token) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

function hideInside(
  candidates: readonly Candidate[],
  hidden: Uint8Array,
  span: { readonly start: number; readonly end: number },
): void {
  let low = 0;
  let high = candidates.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((candidates[middle] as Candidate).start < span.start) low = middle + 1;
    else high = middle;
  }
  for (let index = low; index < candidates.length; index++) {
    const candidate = candidates[index] as Candidate;
    if (candidate.start >= span.end) break;
    if (candidate.end <= span.end) hidden[index] = 1;
  }
}

/**
 * The candidate a change belongs to, by the rules in the module comment; never a figure that is
 * itself a change, never across a paragraph.
 */
function ownerOf(
  tokens: readonly FigureToken[],
  candidates: readonly Candidate[],
  isChange: Uint8Array,
  draft: ChangeDraft,
): number | undefined {
  if (tokens[draft.after]?.lower === 'to') {
    const index = lastBefore(candidates, draft.after + 1) + 1;
    const candidate = candidates[index];
    if (
      candidate &&
      candidate.first <= draft.after + 3 &&
      !isChange[index] &&
      candidate.paragraph === draft.paragraph
    )
      return index;
  }
  const subject = subjectBefore(tokens, draft.trigger);
  const heads = draft.subjectAfter.length > 0 ? new Set(draft.subjectAfter) : subject.heads;
  const last = lastBefore(candidates, draft.first);
  let nearest: number | undefined;
  for (let index = last; index >= 0; index--) {
    const candidate = candidates[index] as Candidate;
    if (candidate.paragraph !== draft.paragraph) break;
    if (isChange[index]) continue;
    nearest ??= index;
    if (candidate.head !== undefined && heads.has(candidate.head)) return index;
  }
  if (draft.subjectAfter.length > 0) return undefined;
  if (draft.form === 'verb' && subject.namesThing) return undefined;
  if (nearest === undefined) return undefined;
  return (candidates[nearest] as Candidate).sentence >= draft.sentence - 1 ? nearest : undefined;
}

function toFigure(candidate: Candidate, draft?: ChangeDraft, owner?: Candidate): Figure {
  const change: FigureChange | undefined = draft && {
    raw: draft.raw,
    value: draft.value,
    unit: draft.unit === '' && owner ? owner.unit : draft.unit,
    basis: draft.basis,
    direction: draft.direction,
    start: draft.start,
    end: draft.end,
  };
  return {
    raw: candidate.raw,
    start: candidate.start,
    end: candidate.end,
    value: candidate.value,
    ...(candidate.range ? { range: candidate.range } : {}),
    unit: candidate.unit,
    kind: candidate.kind,
    ...(candidate.noun ? { noun: candidate.noun } : {}),
    ...(change ? { change } : {}),
    ...(candidate.approximate ? { approximate: true } : {}),
  };
}
