// The bar above the article: which draft it is, and the actions on the whole draft (accept all
// pending, commit, discard).
import type { Draft } from './api';
import { el } from './dom';
import { draftLabel } from './draftList';
import { STANCE_COLOURS, STANCES } from '../../explore/src/theme';

/** What the bar's buttons do. */
export interface DraftBarHandlers {
  acceptAllPending(): void;
  commit(): void;
  discard(): void;
}

/** The bar for `draft`. */
export function draftBar(draft: Draft, handlers: DraftBarHandlers): HTMLElement {
  const open = draft.status === 'OPEN';
  const acceptAll = el(
    'button',
    { type: 'button', id: 'accept-all' },
    `Accept all pending (${draft.counts.pending})`,
  );
  acceptAll.disabled = draft.counts.pending === 0;
  acceptAll.addEventListener('click', handlers.acceptAllPending);
  const commit = el(
    'button',
    { type: 'button', id: 'commit', class: 'primary' },
    `Commit ${draft.counts.accepted} accepted`,
  );
  commit.disabled = draft.counts.accepted === 0;
  commit.title = commit.disabled
    ? 'Accept at least one item first'
    : 'Write the accepted items to the graph in one transaction';
  commit.addEventListener('click', handlers.commit);
  const discard = el('button', { type: 'button', id: 'discard', class: 'danger' }, 'Discard');
  discard.addEventListener('click', handlers.discard);

  // Without a headline the label already names the publisher and date.
  const meta = [draft.title ? draft.publisher : null, draft.title ? draft.published : null]
    .concat(draft.byline)
    .filter(Boolean);
  return el(
    'div',
    { class: 'draft-bar' },
    el(
      'div',
      { class: 'draft-meta' },
      el('h1', {}, draftLabel(draft)),
      el(
        'div',
        { class: 'muted small' },
        el(
          'span',
          { class: `badge status status-${draft.status.toLowerCase()}` },
          draft.status.toLowerCase(),
        ),
        ' ',
        meta.length > 0 ? `${meta.join(' · ')} · ` : '',
        draft.url
          ? el('a', { href: draft.url, rel: 'noreferrer noopener', target: '_blank' }, draft.url)
          : 'no URL given',
      ),
    ),
    // A committed or discarded draft can no longer change: its status badge says so.
    open ? el('div', { class: 'draft-actions' }, acceptAll, commit, discard) : null,
  );
}

/**
 * What the highlights' colours mean: the decision fills, the stance underlines, and a dotted
 * underline marks words shared with a stored source.
 */
export function highlightLegend(): HTMLElement {
  return el(
    'div',
    { class: 'legend small', 'aria-label': 'Highlight colours' },
    ['pending', 'accepted', 'rejected'].map((decision) =>
      el('span', { class: `legend-swatch decision-${decision}` }, decision),
    ),
    el('span', { class: 'muted' }, 'underline: stance'),
    STANCES.map((stance) => {
      const swatch = el('span', { class: 'legend-stance' }, stance.toLowerCase());
      swatch.style.setProperty('--stance', STANCE_COLOURS[stance]);
      return swatch;
    }),
    el(
      'span',
      {
        class: 'legend-copied copied',
        title: 'Words this article shares with a stored source (see Copied text)',
      },
      'copied text',
    ),
  );
}
