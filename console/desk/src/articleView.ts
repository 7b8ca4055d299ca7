// The article text with every proposed attribution highlighted in place, by its offsets into the
// draft text, and the words in quotation marks emphasised inside it. Spans may overlap (a wire
// credit around a quoted speaker), so the text is cut at every boundary and each piece is marked
// with all the items that cover it.
import { STANCE_COLOURS } from '../../explore/src/theme';
import type { Draft, DraftItem } from './api';
import { el } from './dom';

interface Piece {
  start: number;
  end: number;
  /** The items covering the piece, innermost (shortest) first. */
  items: DraftItem[];
}

function pieces(text: string, items: readonly DraftItem[]): Piece[] {
  const clamp = (offset: number) => Math.min(Math.max(offset, 0), text.length);
  const spans = items.filter((item) => clamp(item.quoteStart) < clamp(item.quoteEnd));
  const cuts = new Set([0, text.length]);
  for (const item of spans) {
    cuts.add(clamp(item.quoteStart));
    cuts.add(clamp(item.quoteEnd));
    for (const words of item.quotedWords) {
      cuts.add(clamp(words.start));
      cuts.add(clamp(words.end));
    }
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const result: Piece[] = [];
  for (let index = 1; index < sorted.length; index++) {
    const start = sorted[index - 1] ?? 0;
    const end = sorted[index] ?? 0;
    const covering = spans
      .filter((item) => item.quoteStart <= start && item.quoteEnd >= end)
      .sort((a, b) => a.quoteEnd - a.quoteStart - (b.quoteEnd - b.quoteStart));
    result.push({ start, end, items: covering });
  }
  return result;
}

/** What a highlight says on hover: who, how, and the editor's decision. */
function tooltip(item: DraftItem): string {
  return `${item.actor.name} — ${item.stance.toLowerCase()} (${item.cue}) — ${item.decision.toLowerCase()}`;
}

/**
 * The article as nodes: plain text between highlights, and for each piece of a span a
 * `<mark class="hl">` coloured by its innermost item's decision (background) and stance
 * (underline), with `data-item-id` (that item) and `data-item-ids` (every item covering it).
 */
export function articleNodes(draft: Draft): Node[] {
  const nodes: Node[] = [];
  for (const piece of pieces(draft.text, draft.items)) {
    const text = draft.text.slice(piece.start, piece.end);
    const [item] = piece.items;
    if (!item) {
      nodes.push(document.createTextNode(text));
      continue;
    }
    const quoted = piece.items.some((covering) =>
      covering.quotedWords.some((words) => words.start <= piece.start && words.end >= piece.end),
    );
    const classes = [
      'hl',
      `decision-${item.decision.toLowerCase()}`,
      quoted ? 'quoted' : '',
      piece.items.length > 1 ? 'overlap' : '',
      piece.start === item.quoteStart ? 'first' : '',
      piece.end === item.quoteEnd ? 'last' : '',
    ];
    const mark = el(
      'mark',
      {
        class: classes.filter(Boolean).join(' '),
        'data-item-id': item.id,
        'data-item-ids': piece.items.map((covering) => covering.id).join(' '),
        title: piece.items.map(tooltip).join('\n'),
      },
      text,
    );
    mark.style.setProperty('--stance', STANCE_COLOURS[item.stance]);
    nodes.push(mark);
  }
  return nodes;
}

/** Marks the pieces of `itemId` as selected and scrolls the first one into view. */
export function markSelected(container: HTMLElement, itemId: string | null, scroll: boolean) {
  let first: HTMLElement | undefined;
  for (const mark of container.querySelectorAll<HTMLElement>('mark.hl')) {
    const selected = itemId !== null && (mark.dataset.itemIds ?? '').split(' ').includes(itemId);
    mark.classList.toggle('selected', selected);
    mark.classList.toggle('selected-main', selected && mark.dataset.itemId === itemId);
    if (selected && !first) first = mark;
  }
  if (scroll && first) first.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
}

/**
 * Which item a click on `target` selects: the innermost item under it, or, when the selected item
 * is one of several covering it, the next of them (so repeated clicks reach every overlapping span).
 */
export function itemAt(target: EventTarget | null, selectedId: string | null): string | null {
  const mark = target instanceof Element ? target.closest<HTMLElement>('mark.hl') : null;
  if (!mark) return null;
  const ids = (mark.dataset.itemIds ?? '').split(' ').filter(Boolean);
  const at = selectedId === null ? -1 : ids.indexOf(selectedId);
  if (at === -1) return mark.dataset.itemId ?? null;
  return ids[(at + 1) % ids.length] ?? null;
}
