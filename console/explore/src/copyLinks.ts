// A confirmed copy link in the details panel: the passages side by side, the copier's words on
// the left and the original's on the right, each with its offsets, and who confirmed the link.
import type { CopyLink, SharedPassage } from './api';
import { el } from './dom';
import { wordDiff, type WordRun } from './wordDiff';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** `2019-06-20T08:14:03.123Z` as `2019-06-20 08:14 UTC`; anything unparsable as given. */
function when(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The runs as text, reworded words in a <mark> (their trailing space outside it). */
function runs(list: WordRun[]): (HTMLElement | string)[] {
  return list.flatMap((run) => {
    if (!run.differs) return [run.text];
    const word = run.text.trimEnd();
    return [el('mark', { class: 'reworded' }, word), run.text.slice(word.length)];
  });
}

function passageCell(
  side: 'copier' | 'original',
  text: WordRun[],
  start: number,
  end: number,
): HTMLElement {
  return el(
    'div',
    { class: `passage passage-${side}`, 'data-start': String(start), 'data-end': String(end) },
    el('blockquote', { class: 'quote passage-text' }, runs(text)),
    el('div', { class: 'muted small offsets' }, `characters ${start}–${end}`),
  );
}

function passagePair(passage: SharedPassage, index: number): HTMLElement {
  const diff = wordDiff(passage.thisText, passage.otherText);
  return el(
    'div',
    { class: 'passage-pair', 'data-testid': 'shared-passage' },
    el(
      'div',
      { class: 'passage-number muted small' },
      `Passage ${index + 1} · ${plural(passage.words, 'word')}`,
    ),
    passageCell('copier', diff.left, passage.thisStart, passage.thisEnd),
    passageCell('original', diff.right, passage.otherStart, passage.otherEnd),
  );
}

/**
 * One copy link: what copies what, how much, whether credited, who confirmed it, then every shared
 * passage as a row of two columns (copier left, original right).
 */
export function copyLinkDetails(link: CopyLink): HTMLElement {
  const words = link.passages.reduce((sum, passage) => sum + passage.words, 0);
  const share = `${Math.round(link.shareOfCopier * 100)}%`;
  const { provenance } = link;
  return el(
    'section',
    {
      class: 'copy-link',
      'data-testid': 'copy-link',
      'data-copier': link.copier.id,
      'data-original': link.original.id,
    },
    el(
      'p',
      {},
      el('strong', {}, link.copier.title),
      link.credited ? ' copies, and cites, ' : ' copies, without crediting it, ',
      el('strong', {}, link.original.title),
    ),
    el(
      'dl',
      { class: 'facts' },
      el('dt', {}, 'Copied'),
      el(
        'dd',
        { 'data-testid': 'share-of-copier' },
        el('strong', {}, share),
        ` of the copier’s words: ${plural(link.passages.length, 'passage')}, ${plural(words, 'word')}`,
      ),
      el('dt', {}, 'Credited'),
      el(
        'dd',
        { 'data-testid': 'credited' },
        link.credited
          ? 'yes — the copier cites the original'
          : el('span', { class: 'warn' }, 'no — the copier does not cite the original'),
      ),
      el('dt', {}, 'Confirmed by'),
      el(
        'dd',
        { 'data-testid': 'copy-provenance' },
        el('strong', {}, provenance.enteredBy),
        `, ${when(provenance.enteredAt)}`,
        el('div', { class: 'muted small' }, `via ${provenance.enteredVia}`),
      ),
    ),
    el(
      'div',
      { class: 'passages' },
      el(
        'div',
        { class: 'passage-head' },
        el('span', { class: 'muted small' }, 'Copier'),
        el('div', {}, link.copier.title),
      ),
      el(
        'div',
        { class: 'passage-head' },
        el('span', { class: 'muted small' }, 'Original'),
        el('div', {}, link.original.title),
      ),
      link.passages.map(passagePair),
    ),
    el(
      'p',
      { class: 'muted small' },
      el('mark', { class: 'reworded' }, 'Marked'),
      ' words are worded differently on the other side.',
    ),
  );
}
