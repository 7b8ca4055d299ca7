// The side panel's "Copied text": the stored sources this article shares passages with (found by
// fingerprinting when the draft was made, docs/reuse.md), each a proposed copy link the editor
// confirms or withdraws. The passages sit side by side, the article's words left and the stored
// source's right, with the words one side changed marked, so the editor can judge the copy.
import { wordDiff, type WordRun } from '../../explore/src/wordDiff';
import type { Draft, DraftCopy, PublishedFirst, SharedPassage } from './api';
import { el } from './dom';

/** What the section asks of the page. */
export interface CopiesHandlers {
  /** Confirms (true) or withdraws (false) the copy link to the stored source `sourceId`. */
  updateCopy(sourceId: string, confirmed: boolean): void;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const percent = (share: number) => `${Math.round(share * 100)} %`;

// Words much as reuse detection counts them (src/reuse/reuseTokens.ts), so a side's count agrees
// with the passage's: runs of letters and digits, joined across apostrophes and a dot or comma
// between digits (`14,000`, `China's`), split at hyphens (`year-on-year` is three). Unlike the
// server it reads `U.S.` and `14 000` as two words each: a count shown, never compared.
const WORD =
  /[\p{L}\p{M}\p{N}]+(?:(?:['\u2019\u2018\u0060\u00B4\u02BC]+|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{M}\p{N}]+)*/gu;
const wordCount = (text: string) => text.match(WORD)?.length ?? 0;

const FIRST: Readonly<Record<PublishedFirst, string>> = {
  THIS: 'this article, before the stored source',
  OTHER: 'the stored source, before this article',
  UNKNOWN: 'not known (a date is missing, or the two dates overlap)',
};

/** The runs as text, the words the other side lacks in a <mark> (their trailing space outside). */
function runs(list: WordRun[]): (HTMLElement | string)[] {
  return list.flatMap((run) => {
    if (!run.differs) return [run.text];
    const word = run.text.trimEnd();
    return [el('mark', { class: 'reworded' }, word), run.text.slice(word.length)];
  });
}

function passageCell(side: 'this' | 'other', text: string, list: WordRun[]): HTMLElement {
  return el(
    'div',
    { class: `passage passage-${side}` },
    el('blockquote', { class: 'passage-text' }, runs(list)),
    el('div', { class: 'muted small' }, plural(wordCount(text), 'word')),
  );
}

function passagePair(passage: SharedPassage, index: number): HTMLElement {
  const diff = wordDiff(passage.thisText, passage.otherText);
  return el(
    'div',
    {
      class: 'passage-pair',
      'data-testid': 'copied-passage',
      'data-this-start': String(passage.thisStart),
      'data-this-end': String(passage.thisEnd),
    },
    el(
      'div',
      { class: 'passage-number muted small' },
      `Passage ${index + 1} · ${plural(passage.words, 'word')} in common`,
    ),
    passageCell('this', passage.thisText, diff.left),
    passageCell('other', passage.otherText, diff.right),
  );
}

function copyCard(draft: Draft, copy: DraftCopy, handlers: CopiesHandlers): HTMLElement {
  const toggle = el(
    'button',
    { type: 'button', class: copy.confirmed ? 'copy-toggle' : 'copy-toggle primary' },
    copy.confirmed ? 'Withdraw' : 'Confirm copy link',
  );
  toggle.disabled = draft.status !== 'OPEN';
  toggle.title = copy.confirmed
    ? 'Keep the proposal, but do not record the copy link on commit'
    : 'On commit, record that this article copies the stored source';
  toggle.addEventListener('click', () => handlers.updateCopy(copy.source.id, !copy.confirmed));
  const words = copy.passages.reduce((sum, passage) => sum + passage.words, 0);
  return el(
    'li',
    {
      class: `copy${copy.confirmed ? ' confirmed' : ''}`,
      'data-source-id': copy.source.id,
      'data-confirmed': String(copy.confirmed),
    },
    el(
      'div',
      {},
      el('strong', { class: 'copy-title' }, copy.source.title),
      ' ',
      el(
        'span',
        { class: `badge ${copy.confirmed ? 'badge-confirmed' : 'badge-proposed'}` },
        copy.confirmed ? 'confirmed' : 'proposed',
      ),
    ),
    el(
      'dl',
      { class: 'copy-facts small' },
      el('dt', {}, 'Copied'),
      el(
        'dd',
        { 'data-testid': 'copy-shares' },
        el('strong', {}, percent(copy.shareOfDraft)),
        ' of this article, ',
        el('strong', {}, percent(copy.shareOfSource)),
        ' of the source',
        el(
          'div',
          { class: 'muted' },
          `${plural(copy.passages.length, 'passage')}, ${plural(words, 'word')} in common`,
        ),
      ),
      el('dt', {}, 'First out'),
      el('dd', { 'data-testid': 'copy-published-first' }, FIRST[copy.publishedFirst]),
    ),
    el(
      'div',
      { class: 'passages' },
      el('div', { class: 'passage-head' }, 'This article'),
      el('div', { class: 'passage-head' }, 'Stored source'),
      copy.passages.map(passagePair),
    ),
    el(
      'div',
      { class: 'copy-decision' },
      toggle,
      el(
        'span',
        { class: 'muted small' },
        copy.confirmed
          ? 'The commit records that this article copies the source; sourcing follows it there.'
          : 'Not written unless confirmed.',
      ),
    ),
  );
}

/** "Copied text (N)": every proposed copy link of `draft`, or why there is none. */
export function copiesSection(draft: Draft, handlers: CopiesHandlers): HTMLElement {
  return el(
    'section',
    { class: 'side-section', 'aria-label': 'Copied text', 'data-testid': 'copies' },
    el('h2', {}, `Copied text (${draft.copies.length})`),
    draft.copies.length === 0
      ? el(
          'p',
          { class: 'muted small', 'data-testid': 'copies-empty' },
          'No stored source shares a passage with this article (compared when it was extracted).',
        )
      : el(
          'ul',
          { class: 'copies' },
          draft.copies.map((copy) => copyCard(draft, copy, handlers)),
        ),
  );
}

/** Scrolls the copy proposal of `sourceId` inside `container` into view and flashes it. */
export function showCopy(container: HTMLElement, sourceId: string): void {
  const card = [...container.querySelectorAll<HTMLElement>('li.copy')].find(
    (candidate) => candidate.dataset.sourceId === sourceId,
  );
  if (!card) return;
  card.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  card.classList.remove('flash');
  // Restarts the animation when the same card is shown twice in a row.
  void card.offsetWidth;
  card.classList.add('flash');
}
