// The busy indicator and the error banner: what the page is waiting for, and what went wrong, in
// plain words with the API's error code (never a stack trace).
import { ApiError } from './api';
import { byId, el } from './dom';

const busy = byId('busy');
const busyLabel = byId('busy-label');
const banner = byId('error');
const waiting: string[] = [];

/**
 * Runs `task` with the busy indicator showing `label` (the most recent label wins while calls
 * overlap); `document.body.dataset.busy` is "true" meanwhile, so tests and styles can see it.
 */
export async function whileBusy<T>(label: string, task: () => Promise<T>): Promise<T> {
  waiting.push(label);
  showBusy();
  try {
    return await task();
  } finally {
    waiting.splice(waiting.indexOf(label), 1);
    showBusy();
  }
}

function showBusy() {
  const label = waiting.at(-1);
  busy.hidden = label === undefined;
  busyLabel.textContent = label ?? '';
  document.body.dataset.busy = String(label !== undefined);
  document.body.setAttribute('aria-busy', String(label !== undefined));
}

/** An action the error banner can offer, e.g. reloading the draft after a CONFLICT. */
export interface ErrorAction {
  label: string;
  run: () => void;
}

/** Shows what went wrong while `doing` (e.g. `Extracting`), with its code. */
export function showError(doing: string, error: unknown, action?: ErrorAction): void {
  const code = error instanceof ApiError ? error.code : 'ERROR';
  const message = error instanceof Error ? error.message : String(error);
  const hint = HINTS[code];
  banner.replaceChildren(
    el(
      'div',
      {},
      el(
        'p',
        {},
        el('strong', {}, `${doing} failed: `),
        el('span', { 'data-testid': 'error-message' }, message),
        ' ',
        el('code', { class: 'error-code', 'data-testid': 'error-code' }, code),
      ),
      hint ? el('p', { class: 'small' }, hint) : null,
    ),
    el(
      'div',
      { class: 'error-actions' },
      action ? el('button', { type: 'button', class: 'error-action' }, action.label) : null,
      el('button', { type: 'button', class: 'error-close', 'aria-label': 'Dismiss' }, 'Dismiss'),
    ),
  );
  banner.querySelector('.error-action')?.addEventListener('click', () => {
    clearError();
    action?.run();
  });
  banner.querySelector('.error-close')?.addEventListener('click', clearError);
  banner.hidden = false;
}

/** Hides the error banner. */
export function clearError(): void {
  banner.hidden = true;
  banner.replaceChildren();
}

// What an editor can do about the codes they are likely to meet at the desk.
const HINTS: Readonly<Record<string, string>> = {
  UNAUTHENTICATED:
    'Enter an editor API key at the top right (npx claimgraph keys create --name NAME --role editor prints one).',
  FORBIDDEN: 'This key may only read; the desk needs an editor key.',
  CONFLICT:
    'Someone else changed this draft (or the graph) since you loaded it. Reload the draft to see the current state, then redo your change.',
  NETWORK: 'Check that the claimgraph server is running and reachable.',
  DB_UNAVAILABLE:
    'The database is not reachable right now; nothing was written. Try again shortly.',
};
