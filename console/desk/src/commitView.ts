// What a commit wrote: counts, and links to the claims in the explorer.
import type { Draft, DraftCommit } from './api';
import { el } from './dom';
import { explorerHref } from './links';

function committedClaims(commit: DraftCommit): HTMLElement {
  return el(
    'ul',
    { class: 'committed-claims' },
    commit.claims.map((claim) =>
      el(
        'li',
        {},
        el(
          'a',
          { href: explorerHref(claim.id), class: 'explore-link', 'data-claim-id': claim.id },
          claim.text,
        ),
        ' ',
        el('code', { class: 'small' }, claim.id),
      ),
    ),
  );
}

/** The commit's report, or a discarded draft's notice; null while the draft is open. */
export function commitView(draft: Draft): HTMLElement | null {
  if (draft.status === 'DISCARDED') {
    return el(
      'section',
      { class: 'commit-result discarded', 'data-testid': 'discarded' },
      el('strong', {}, 'Discarded. '),
      `Nothing from this draft was written to the graph (by ${draft.updatedBy}, ${draft.updatedAt}).`,
    );
  }
  const commit = draft.committed;
  if (draft.status !== 'COMMITTED' || !commit) return null;
  const figure = (value: number, label: string, testId: string) =>
    el(
      'span',
      { class: 'written' },
      el('strong', { 'data-testid': testId }, String(value)),
      ` ${label}`,
    );
  return el(
    'section',
    { class: 'commit-result', 'data-testid': 'commit-result' },
    el('h2', {}, 'Committed to the graph'),
    el(
      'p',
      { class: 'written-counts' },
      figure(commit.attributions.length, 'attributions', 'written-attributions'),
      figure(commit.claims.length, 'claims', 'written-claims'),
      figure(commit.nodesCreated, 'nodes created', 'written-nodes'),
      figure(commit.relationshipsCreated, 'relationships created', 'written-relationships'),
    ),
    el(
      'p',
      { class: 'muted small' },
      `By ${commit.committedBy} at ${commit.committedAt}`,
      commit.source
        ? [' as the source ', el('code', {}, commit.source.id), ` (${commit.source.title})`]
        : null,
      `; every fact is stamped enteredVia desk:${draft.id}.`,
    ),
    el('h3', {}, 'The claims, in the explorer'),
    committedClaims(commit),
  );
}
