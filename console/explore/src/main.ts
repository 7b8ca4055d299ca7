// Entry point of the claimgraph explorer (bundled by console/explore/vite.config.ts, served at
// /explore/). The loaded claim lives in the URL (`?claim=<id>`, and `&q=<search>`), so views can be
// linked and the back button works.
import './style.css';
import cytoscape, { type Core, type EventObject, type SingularElementArgument } from 'cytoscape';
import {
  ApiError,
  claimQuery,
  graphiqlLink,
  loadClaim,
  searchClaims,
  type ClaimMatch,
  type ClaimView,
} from './api';
import { claimHref, claimSummary, detailsHint, targetDetails, type Target } from './details';
import { byId, el } from './dom';
import { claimElements, graphStyle } from './graph';
import { legend } from './legend';

/** What tests (and curious users, from the console) can reach: `window.__explorer`. */
export interface ExplorerHandle {
  cy: Core;
  /** The id of the drawn claim, or null. */
  claimId: string | null;
  /** idle, loading, ready, not-found or error; also on #graph as data-state. */
  state: string;
}

declare global {
  interface Window {
    __explorer?: ExplorerHandle;
  }
}

const graphContainer = byId('graph');
const graphMessage = byId('graph-message');
const searchForm = byId<HTMLFormElement>('search-form');
const searchInput = byId<HTMLInputElement>('search-input');
const searchStatus = byId('search-status');
const results = byId<HTMLUListElement>('results');
const summary = byId('summary');
const details = byId('details');
byId('legend').replaceChildren(legend());

const cy = cytoscape({
  container: graphContainer,
  style: graphStyle(),
  elements: [],
  layout: { name: 'preset' },
  minZoom: 0.2,
  maxZoom: 3,
  boxSelectionEnabled: false,
  selectionType: 'single',
});
const handle: ExplorerHandle = { cy, claimId: null, state: 'idle' };
window.__explorer = handle;

let current: ClaimView | null = null;

function setState(state: string, claimId: string | null, message?: (Node | string)[]) {
  handle.state = state;
  handle.claimId = claimId;
  graphContainer.dataset.state = state;
  if (claimId) graphContainer.dataset.claimId = claimId;
  else delete graphContainer.dataset.claimId;
  graphMessage.hidden = !message;
  if (message) graphMessage.replaceChildren(el('p', {}, ...message));
}

// ---- the graph ------------------------------------------------------------------------------

function fitGraph() {
  cy.resize();
  cy.fit(undefined, 28);
  if (cy.zoom() > 1.3) {
    cy.zoom(1.3);
    cy.center();
  }
}

async function showClaim(claimId: string) {
  setState('loading', claimId, ['Loading ', el('code', {}, claimId), '…']);
  summary.replaceChildren();
  details.replaceChildren();
  let claim: ClaimView | null;
  try {
    claim = await loadClaim(claimId);
  } catch (error) {
    current = null;
    cy.elements().remove();
    setState('error', claimId, ['Could not load the claim: ', errorText(error)]);
    return;
  }
  if (handle.claimId !== claimId) return; // another claim was chosen meanwhile
  current = claim;
  cy.elements().remove();
  if (!claim) {
    setState('not-found', claimId, ['There is no claim with id ', el('code', {}, claimId), '.']);
    return;
  }
  cy.add(claimElements(claim));
  fitGraph();
  summary.replaceChildren(claimSummary(claim, graphiqlLink(claimQuery(claim.id))));
  details.replaceChildren(detailsHint());
  markResult(claim.id);
  // Ready once cytoscape has painted the new elements.
  requestAnimationFrame(() => requestAnimationFrame(() => setState('ready', claim.id)));
}

function targetOf(element: SingularElementArgument): Target {
  return {
    type: String(element.data('type')),
    entityId: element.data('entityId') as string | undefined,
    from: element.data('from') as string | undefined,
    to: element.data('to') as string | undefined,
  };
}

/** The element whose details are shown, so that another one's start at the top of the panel. */
let shownElementId: string | null = null;

function showDetailsOf(element: SingularElementArgument | undefined) {
  if (!current) return;
  details.replaceChildren(element ? targetDetails(current, targetOf(element)) : detailsHint());
  // Copy links' passages make long panels: keep the scroll only while the same element shows.
  const elementId = element ? element.id() : null;
  if (elementId !== shownElementId) details.scrollTop = 0;
  shownElementId = elementId;
}

const selected = () => cy.$(':selected').first();

cy.on('mouseover', 'node, edge', (event: EventObject) => {
  event.target.addClass('hovered');
  showDetailsOf(event.target as SingularElementArgument);
  graphContainer.style.cursor = 'pointer';
});
cy.on('mouseout', 'node, edge', (event: EventObject) => {
  event.target.removeClass('hovered');
  const still = selected();
  showDetailsOf(still.nonempty() ? still : undefined);
  graphContainer.style.cursor = '';
});
cy.on('select', 'node, edge', (event: EventObject) =>
  showDetailsOf(event.target as SingularElementArgument),
);
cy.on('tap', (event: EventObject) => {
  if (event.target === cy) showDetailsOf(undefined);
});
// Double-clicking a related claim explores it.
cy.on('dbltap', 'node.related', (event: EventObject) => {
  navigate(String(event.target.data('entityId')));
});
let resizeTimer: number | undefined;
window.addEventListener('resize', () => {
  window.clearTimeout(resizeTimer);
  resizeTimer = window.setTimeout(fitGraph, 150);
});

// ---- search ---------------------------------------------------------------------------------

let searchController: AbortController | undefined;
let searchTimer: number | undefined;

async function runSearch(text: string) {
  searchController?.abort();
  const trimmed = text.trim();
  if (!trimmed) {
    results.replaceChildren();
    searchStatus.textContent = '';
    return;
  }
  const controller = new AbortController();
  searchController = controller;
  searchStatus.textContent = 'Searching…';
  let matches: ClaimMatch[];
  try {
    matches = await searchClaims(trimmed, 30, controller.signal);
  } catch (error) {
    if (controller.signal.aborted) return;
    searchStatus.textContent = `Search failed: ${errorText(error)}`;
    results.replaceChildren();
    return;
  }
  if (controller.signal.aborted) return;
  searchStatus.textContent =
    matches.length === 0
      ? `No claims match “${trimmed}”.`
      : `${matches.length} claim${matches.length === 1 ? '' : 's'} match “${trimmed}”.`;
  results.replaceChildren(
    ...matches.map((match) =>
      el(
        'li',
        {},
        el(
          'a',
          { class: 'result', href: claimHref(match.claim.id), 'data-claim-id': match.claim.id },
          el('span', { class: 'result-text' }, match.claim.text),
          match.quotes
            .slice(0, 2)
            .map((quote) =>
              el(
                'span',
                { class: 'result-quote' },
                el('span', { class: 'muted' }, `${quote.speaker}: `),
                `“${quote.text}”`,
              ),
            ),
          el('code', { class: 'result-id' }, match.claim.id),
        ),
      ),
    ),
  );
  markResult(handle.claimId);
}

function markResult(claimId: string | null) {
  for (const link of results.querySelectorAll<HTMLElement>('.result')) {
    link.classList.toggle('active', link.dataset.claimId === claimId);
  }
}

searchForm.addEventListener('submit', (event) => {
  event.preventDefault();
  window.clearTimeout(searchTimer);
  updateUrl({ q: searchInput.value.trim() || null }, false);
  void runSearch(searchInput.value);
});
searchInput.addEventListener('input', () => {
  window.clearTimeout(searchTimer);
  searchTimer = window.setTimeout(() => {
    updateUrl({ q: searchInput.value.trim() || null }, false);
    void runSearch(searchInput.value);
  }, 250);
});

// ---- navigation -----------------------------------------------------------------------------

function updateUrl(changes: Record<string, string | null>, push: boolean) {
  const url = new URL(window.location.href);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) url.searchParams.delete(key);
    else url.searchParams.set(key, value);
  }
  if (url.href === window.location.href) return;
  if (push) window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
}

function navigate(claimId: string) {
  updateUrl({ claim: claimId }, true);
  void showClaim(claimId);
}

// Links to claims (search results, related claims) load in place.
document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-claim-id]');
  if (!link?.dataset.claimId) return;
  event.preventDefault();
  navigate(link.dataset.claimId);
});

function fromUrl() {
  const params = new URLSearchParams(window.location.search);
  const q = params.get('q') ?? '';
  if (q !== searchInput.value) {
    searchInput.value = q;
    void runSearch(q);
  }
  const claimId = params.get('claim');
  if (claimId && claimId !== handle.claimId) void showClaim(claimId);
  if (!claimId) {
    current = null;
    cy.elements().remove();
    summary.replaceChildren();
    details.replaceChildren();
    setState('idle', null, [
      el('strong', {}, 'Search for a claim'),
      ' on the left and pick one to draw where it comes from, who said or denied it, and which claims contradict or support it.',
    ]);
  }
}

function errorText(error: unknown): string {
  return error instanceof ApiError || error instanceof Error ? error.message : String(error);
}

window.addEventListener('popstate', fromUrl);
fromUrl();
searchInput.focus();
