// Keyboard shortcuts to walk and decide the items without the mouse, and the `?` dialog that lists
// them. They never fire while the editor is typing (inputs, text areas, selects), nor with
// Ctrl, Alt or ⌘ held, so the browser's own shortcuts keep working.
import { el } from './dom';

/** What the shortcuts do. */
export interface ShortcutActions {
  next(): void;
  previous(): void;
  accept(): void;
  reject(): void;
}

interface Shortcut {
  keys: string[];
  label: string;
  action: keyof ShortcutActions | 'help';
}

/** The shortcuts, as the `?` dialog lists them. */
export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['j', 'ArrowDown'], label: 'next item', action: 'next' },
  { keys: ['k', 'ArrowUp'], label: 'previous item', action: 'previous' },
  { keys: ['a'], label: 'accept the item and go to the next one', action: 'accept' },
  { keys: ['r'], label: 'reject the item and go to the next one', action: 'reject' },
  { keys: ['?'], label: 'show or hide these shortcuts', action: 'help' },
];

const KEY_NAMES: Readonly<Record<string, string>> = { ArrowDown: '↓', ArrowUp: '↑' };

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/** The shortcuts dialog's content. */
function helpContent(close: () => void): HTMLElement {
  const closeButton = el('button', { type: 'button', class: 'dialog-close' }, 'Close');
  closeButton.addEventListener('click', close);
  return el(
    'div',
    {},
    el('h2', {}, 'Keyboard shortcuts'),
    el(
      'table',
      { class: 'shortcuts' },
      el(
        'tbody',
        {},
        SHORTCUTS.map((shortcut) =>
          el(
            'tr',
            {},
            el(
              'td',
              {},
              shortcut.keys.flatMap((key, index) => [
                index > 0 ? ' or ' : null,
                el('kbd', {}, KEY_NAMES[key] ?? key),
              ]),
            ),
            el('td', {}, shortcut.label),
          ),
        ),
      ),
    ),
    el('p', { class: 'muted small' }, 'Shortcuts do nothing while you type in a field.'),
    closeButton,
  );
}

/**
 * Listens for the shortcuts on `document`; `dialog` shows them. Returns a function that opens or
 * closes the dialog, for a "Shortcuts" button.
 */
export function installShortcuts(dialog: HTMLDialogElement, actions: ShortcutActions): () => void {
  const close = () => dialog.close();
  dialog.replaceChildren(helpContent(close));
  const toggle = () => (dialog.open ? dialog.close() : dialog.showModal());
  // A click on the backdrop (outside the dialog's box) closes it.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) close();
  });
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isTyping(event.target)) return;
    const shortcut = SHORTCUTS.find((candidate) => candidate.keys.includes(event.key));
    if (!shortcut) return;
    if (shortcut.action === 'help') {
      event.preventDefault();
      toggle();
      return;
    }
    if (dialog.open) return;
    event.preventDefault();
    actions[shortcut.action]();
  });
  return toggle;
}
