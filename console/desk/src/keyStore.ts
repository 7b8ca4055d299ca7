// The editor's API key, kept in this browser's localStorage (under the console's `claimgraph:`
// prefix, like GraphiQL's saved headers) and never in the URL, where it would end up in the
// history, in server logs and in links shared with colleagues.
import { namespacedStorage } from '../../src/storage';

const storage = namespacedStorage('claimgraph:desk');
const KEY_ITEM = 'apiKey';

/** The saved key, or '' when none is saved. */
export function savedApiKey(): string {
  return storage.getItem(KEY_ITEM) ?? '';
}

/** Saves the key (an empty key forgets it). */
export function saveApiKey(key: string): void {
  const trimmed = key.trim();
  if (trimmed) storage.setItem(KEY_ITEM, trimmed);
  else storage.removeItem(KEY_ITEM);
}
