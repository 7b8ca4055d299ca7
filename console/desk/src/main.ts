// Entry point of the editor's desk (bundled by console/desk/vite.config.ts, served at /desk/): an
// article is extracted into a draft, reviewed item by item and committed to the graph. The open
// draft lives in the URL (`?draft=<id>`) so it can be reopened and linked; the API key never does.
import './style.css';
import { deskApi, type Draft, type DraftItemUpdate, type DraftSummary } from './api';
import { installArticleForm } from './articleForm';
import { articleNodes, copySourceAt, itemAt, markSelected } from './articleView';
import { commitView } from './commitView';
import { showCopy } from './copiesSection';
import { byId, el } from './dom';
import { draftBar, highlightLegend } from './draftBar';
import { draftListItems } from './draftList';
import { itemPanel } from './itemPanel';
import { installShortcuts } from './keyboard';
import { savedApiKey, saveApiKey } from './keyStore';
import { sidePanel } from './sidePanel';
import { clearError, showError, whileBusy } from './status';

/** What tests (and curious editors, from the console) can read: `window.__desk`. */
export interface DeskHandle {
  /** The open draft's id, or null. */
  draftId: string | null;
  /** Its revision as last loaded. */
  revision: number | null;
  /** The selected item's id, or null. */
  selectedItemId: string | null;
}

declare global {
  interface Window {
    __desk?: DeskHandle;
  }
}

const keyInput = byId<HTMLInputElement>('api-key');
const draftList = byId<HTMLUListElement>('draft-list');
const newArticle = byId<HTMLDetailsElement>('new-article');
const side = byId('side-panel');
const bar = byId('draft-bar');
const result = byId('commit-result');
const article = byId('article');
const emptyMessage = byId('empty-message');
const panel = byId('item-panel');
const handle: DeskHandle = { draftId: null, revision: null, selectedItemId: null };
window.__desk = handle;

const api = deskApi(() => keyInput.value);
let draft: Draft | null = null;
let selectedId: string | null = null;
let openDrafts: DraftSummary[] = [];

// ---- calls, one at a time ---------------------------------------------------------------------

// Changes run one after another, each sending the revision its predecessor returned: run
// concurrently, the second would carry a stale revision and be refused as our own CONFLICT.
let queue: Promise<unknown> = Promise.resolve();
function serial<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * Runs a change to the open draft (built from the draft as it is when its turn comes) and shows
 * the draft the API returns; `onSaved` runs just before that. Resolves false, with the error
 * shown, when it failed.
 */
function change(
  label: string,
  doing: string,
  task: (current: Draft) => Promise<Draft>,
  onSaved?: () => void,
) {
  return serial(async () => {
    const current = draft;
    if (!current) return false;
    try {
      const next = await whileBusy(label, () => task(current));
      onSaved?.();
      clearError();
      showDraft(next);
      return true;
    } catch (error) {
      // Redrawn as last saved, so no control shows a choice the server refused.
      showDraft(current);
      showError(doing, error, { label: 'Reload the draft', run: () => void openDraft(current.id) });
      return false;
    }
  });
}

function updateItem(itemId: string, update: DraftItemUpdate, onSaved?: () => void) {
  return change(
    'Saving…',
    'Saving the change',
    (current) => api.updateItem(current, itemId, update),
    onSaved,
  );
}

// ---- drawing ----------------------------------------------------------------------------------

function showDraft(next: Draft | null) {
  draft = next;
  handle.draftId = next?.id ?? null;
  handle.revision = next?.revision ?? null;
  document.body.dataset.draftStatus = next?.status.toLowerCase() ?? 'none';
  if (!next) {
    selectedId = null;
    handle.selectedItemId = null;
    for (const part of [bar, result, article, side, panel]) part.replaceChildren();
    emptyMessage.hidden = false;
    return;
  }
  emptyMessage.hidden = true;
  if (openDrafts.length > 0) showDraftList();
  if (!next.items.some((item) => item.id === selectedId)) selectedId = next.items[0]?.id ?? null;
  bar.replaceChildren(
    draftBar(next, {
      acceptAllPending: () => {
        void change('Accepting…', 'Accepting all pending items', (current) =>
          api.updateItems(
            current,
            current.items.filter((item) => item.decision === 'PENDING').map((item) => item.id),
            { decision: 'ACCEPTED' },
          ),
        );
      },
      commit: () => void commit(),
      discard: () => void discard(),
    }),
    highlightLegend(),
  );
  const report = commitView(next);
  result.replaceChildren(...(report ? [report] : []));
  article.replaceChildren(...articleNodes(next));
  side.replaceChildren(
    sidePanel(next, {
      updateCitation: (citationId, update) =>
        void change('Saving…', 'Saving the citation', (current) =>
          api.updateCitation(current, citationId, update),
        ),
      updateCopy: (sourceId, confirmed) =>
        void change('Saving…', 'Saving the copy link', (current) =>
          api.updateCopy(current, sourceId, confirmed),
        ),
      showClaim: (draftClaimId) => {
        const item = next.items.find((candidate) => candidate.claim.id === draftClaimId);
        if (item) select(item.id, true);
      },
    }),
  );
  select(selectedId, false);
}

function select(itemId: string | null, scroll: boolean) {
  selectedId = itemId;
  handle.selectedItemId = itemId;
  markSelected(article, itemId, scroll);
  const index = draft?.items.findIndex((item) => item.id === itemId) ?? -1;
  const item = draft?.items[index];
  if (!draft || !item) {
    panel.replaceChildren(
      el('p', { class: 'muted panel-hint' }, 'Click a highlighted passage to review it.'),
    );
    return;
  }
  panel.replaceChildren(
    itemPanel(draft, item, index, {
      update: (update, onSaved) => updateItem(item.id, update, onSaved),
      previous: () => step(-1),
      next: () => step(1),
    }),
  );
}

/** Selects the item `by` places after (or before) the selected one. */
function step(by: number) {
  if (!draft || draft.items.length === 0) return;
  const at = draft.items.findIndex((item) => item.id === selectedId);
  const next = Math.min(Math.max(at === -1 ? 0 : at + by, 0), draft.items.length - 1);
  select(draft.items[next]?.id ?? null, true);
}

/**
 * Decides the selected item and moves on to the next pending one (or simply the next) at once,
 * so that a run of keypresses walks the draft while the saves catch up in order.
 */
function decideAndMove(decision: 'ACCEPTED' | 'REJECTED') {
  if (!draft || draft.status !== 'OPEN' || !selectedId) return;
  const itemId = selectedId;
  const at = draft.items.findIndex((item) => item.id === itemId);
  const after = draft.items.slice(at + 1);
  const next = after.find((item) => item.decision === 'PENDING') ?? after[0];
  if (next) select(next.id, true);
  void updateItem(itemId, { decision });
}

// ---- whole drafts -------------------------------------------------------------------------------

/** The open drafts as last listed, the open one with its current counts. */
function showDraftList() {
  const lines = openDrafts
    .map((line) => (line.id === draft?.id ? { ...line, counts: draft.counts } : line))
    .filter((line) => line.id !== draft?.id || draft.status === 'OPEN');
  draftList.replaceChildren(...draftListItems(lines, draft?.id ?? null));
}

async function refreshDrafts() {
  if (!keyInput.value.trim()) {
    draftList.replaceChildren(
      el('li', { class: 'muted small' }, 'Enter your editor API key to see the drafts.'),
    );
    return;
  }
  try {
    openDrafts = await api.listDrafts('OPEN');
    showDraftList();
  } catch (error) {
    draftList.replaceChildren(
      el('li', { class: 'muted small' }, 'The drafts could not be listed.'),
    );
    showError('Listing the drafts', error);
  }
}

function setUrlDraft(draftId: string | null, push: boolean) {
  const url = new URL(window.location.href);
  if (draftId) url.searchParams.set('draft', draftId);
  else url.searchParams.delete('draft');
  if (url.href === window.location.href) return;
  if (push) window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
}

async function openDraft(draftId: string) {
  return serial(async () => {
    try {
      const loaded = await whileBusy('Loading the draft…', () => api.loadDraft(draftId));
      clearError();
      if (!loaded) {
        showDraft(null);
        showError('Opening the draft', new Error(`There is no draft with id ${draftId}.`));
        return;
      }
      newArticle.open = false;
      showDraft(loaded);
      void refreshDrafts();
    } catch (error) {
      showError('Opening the draft', error, {
        label: 'Try again',
        run: () => void openDraft(draftId),
      });
    }
  });
}

async function createDraft(input: Parameters<typeof api.createDraft>[0]) {
  return serial(async () => {
    try {
      const made = await whileBusy('Extracting the article…', () => api.createDraft(input));
      clearError();
      newArticle.open = false;
      selectedId = null;
      showDraft(made);
      setUrlDraft(made.id, true);
      void refreshDrafts();
      return true;
    } catch (error) {
      showError('Extracting', error);
      return false;
    }
  });
}

async function commit() {
  if (!draft) return;
  const { pending, accepted } = draft.counts;
  if (
    pending > 0 &&
    !window.confirm(
      `${pending} item${pending === 1 ? ' is' : 's are'} still pending and will not be written. Commit the ${accepted} accepted?`,
    )
  ) {
    return;
  }
  const committed = await change('Committing…', 'Committing', (current) =>
    api.commitDraft(current.id),
  );
  if (committed) {
    // The report sits above the article: show it from its top, not under the sticky bar.
    result.closest('.centre')?.scrollTo({ top: 0 });
    void refreshDrafts();
  }
}

async function discard() {
  if (!draft) return;
  if (!window.confirm('Discard this draft? Nothing of it will be written to the graph.')) return;
  if (await change('Discarding…', 'Discarding', (current) => api.discardDraft(current.id))) {
    void refreshDrafts();
  }
}

// ---- wiring -------------------------------------------------------------------------------------

keyInput.value = savedApiKey();
let keyInUse = keyInput.value.trim();
function keyChanged() {
  if (keyInput.value.trim() === keyInUse) return;
  keyInUse = keyInput.value.trim();
  saveApiKey(keyInUse);
  void refreshDrafts();
}
keyInput.addEventListener('change', keyChanged);
// Enter in the key field saves it rather than reloading the page.
byId('key-form').addEventListener('submit', (event) => {
  event.preventDefault();
  keyChanged();
});
byId('refresh-drafts').addEventListener('click', () => void refreshDrafts());

installArticleForm(createDraft);

article.addEventListener('click', (event) => {
  const itemId = itemAt(event.target, selectedId);
  if (itemId) {
    select(itemId, false);
    return;
  }
  // Copied words outside every item show their copy proposal in the side panel.
  const sourceId = copySourceAt(event.target);
  if (sourceId) showCopy(side, sourceId);
});

// Draft links load in place (a modified click still opens a new tab).
draftList.addEventListener('click', (event) => {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
    return;
  const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-draft-id]');
  if (!link?.dataset.draftId) return;
  event.preventDefault();
  setUrlDraft(link.dataset.draftId, true);
  void openDraft(link.dataset.draftId);
});

const toggleHelp = installShortcuts(byId<HTMLDialogElement>('shortcuts'), {
  next: () => step(1),
  previous: () => step(-1),
  accept: () => decideAndMove('ACCEPTED'),
  reject: () => decideAndMove('REJECTED'),
});
byId('help-button').addEventListener('click', toggleHelp);

function fromUrl() {
  const draftId = new URLSearchParams(window.location.search).get('draft');
  if (draftId && draftId !== draft?.id) void openDraft(draftId);
  if (!draftId) {
    showDraft(null);
    newArticle.open = true;
  }
}

window.addEventListener('popstate', fromUrl);
fromUrl();
void refreshDrafts();
