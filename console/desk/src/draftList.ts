// The list of open drafts, newest first, to reopen one (each line is a link to `?draft=<id>`).
import type { DraftSummary } from './api';
import { el } from './dom';
import { draftHref } from './links';

/** How a draft is named on the page: its headline, else its publisher and date. */
export function draftLabel(draft: Pick<DraftSummary, 'title' | 'publisher' | 'published'>) {
  const where = [draft.publisher, draft.published].filter(Boolean).join(', ');
  return draft.title ?? (where || 'Untitled article');
}

/** The list's lines; `currentId` is marked as the open one. */
export function draftListItems(drafts: readonly DraftSummary[], currentId: string | null) {
  if (drafts.length === 0) return [el('li', { class: 'muted small' }, 'No open drafts.')];
  return drafts.map((draft) =>
    el(
      'li',
      {},
      el(
        'a',
        {
          class: `draft-link${draft.id === currentId ? ' active' : ''}`,
          href: draftHref(draft.id),
          'data-draft-id': draft.id,
        },
        el('span', { class: 'draft-title' }, draftLabel(draft)),
        el(
          'span',
          { class: 'muted small' },
          `${draft.counts.pending} pending · ${draft.counts.accepted} accepted · by ${draft.createdBy}`,
        ),
        el('code', { class: 'small' }, draft.id),
      ),
    ),
  );
}
