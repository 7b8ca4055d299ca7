// The article text with every proposed attribution highlighted in place, by its offsets into the
// draft text, and the words in quotation marks emphasised inside it. Spans may overlap (a wire
// credit around a quoted speaker), so the text is cut at every boundary and each piece is marked
// with all the items that cover it. Passages shared with a stored source (proposed copy links)
// are marked too, with a line of their own that leaves the decision fill and stance underline be.
import { STANCE_COLOURS } from '../../explore/src/theme';
import type { Draft, DraftCopy, DraftItem } from './api';
import { el } from './dom';

interface Piece {
  start: number;
  end: number;
  /** The items covering the piece, innermost (shortest) first. */
  items: DraftItem[];
  /** The copy proposals with a passage covering the piece. */
  copies: DraftCopy[];
}

function pieces(text: string, items: readonly DraftItem[], copies: readonly DraftCopy[]): Piece[] {
  const clamp = (offset: number) => Math.min(Math.max(offset, 0), text.length);
  const spans = items.filter((item) => clamp(item.quoteStart) < clamp(item.quoteEnd));
  const cuts = new Set([0, text.length]);
  for (const copy of copies) {
    for (const passage of copy.passages) {
      cuts.add(clamp(passage.thisStart));
      cuts.add(clamp(passage.thisEnd));
    }
  }
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
    const copying = copies.filter((copy) =>
      copy.passages.some((passage) => passage.thisStart <= start && passage.thisEnd >= end),
    );
    result.push({ start, end, items: covering, copies: copying });
  }
  return result;
}

/** What a highlight says on hover: who, how, and the editor's decision. */
function tooltip(item: DraftItem): string {
  return `${item.actor.name} — ${item.stance.toLowerCase()} (${item.cue}) — ${item.decision.toLowerCase()}`;
}

/** What a copied piece says on hover: which stored source it shares the words with. */
function copyTooltip(copy: DraftCopy): string {
  return `shared with “${copy.source.title}” (copy link ${copy.confirmed ? 'confirmed' : 'proposed'})`;
}

/** The classes and attributes that mark a piece as shared with stored sources, if it is. */
function copyMarking(piece: Piece): { classes: string[]; attributes: Record<string, string> } {
  if (piece.copies.length === 0) return { classes: [], attributes: {} };
  return {
    classes: ['copied'],
    attributes: { 'data-copy-source-ids': piece.copies.map((copy) => copy.source.id).join(' ') },
  };
}

/**
 * The article as nodes: plain text between highlights, and for each piece of a span a
 * `<mark class="hl">` coloured by its innermost item's decision (background) and stance
 * (underline), with `data-item-id` (that item) and `data-item-ids` (every item covering it).
 * Pieces inside a passage shared with a stored source also have the class `copied` and
 * `data-copy-source-ids` (the sources sharing them); outside every item they are a
 * `<span class="copied">`.
 */
export function articleNodes(draft: Draft): Node[] {
  const nodes: Node[] = [];
  for (const piece of pieces(draft.text, draft.items, draft.copies)) {
    const text = draft.text.slice(piece.start, piece.end);
    const [item] = piece.items;
    const copied = copyMarking(piece);
    if (!item) {
      nodes.push(
        piece.copies.length === 0
          ? document.createTextNode(text)
          : el(
              'span',
              {
                class: copied.classes.filter(Boolean).join(' '),
                ...copied.attributes,
                title: piece.copies.map(copyTooltip).join('\n'),
              },
              text,
            ),
      );
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
      ...copied.classes,
    ];
    const mark = el(
      'mark',
      {
        class: classes.filter(Boolean).join(' '),
        'data-item-id': item.id,
        'data-item-ids': piece.items.map((covering) => covering.id).join(' '),
        ...copied.attributes,
        title: [...piece.items.map(tooltip), ...piece.copies.map(copyTooltip)].join('\n'),
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

/** The stored source whose copied words `target` is in (the first, when several share them). */
export function copySourceAt(target: EventTarget | null): string | null {
  const piece = target instanceof Element ? target.closest<HTMLElement>('.copied') : null;
  return piece?.dataset.copySourceIds?.split(' ')[0] || null;
}
