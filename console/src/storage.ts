import type { Storage } from '@graphiql/toolkit';

/**
 * GraphiQL storage confined to `claimgraph:`-prefixed localStorage keys, so that state left by
 * any other GraphiQL on the same origin is never read. Falls back to memory when localStorage is
 * unavailable (e.g. disabled cookies).
 */
export function namespacedStorage(namespace: string): Storage {
  const prefix = `${namespace}:`;
  let backing: globalThis.Storage | undefined;
  try {
    backing = window.localStorage;
  } catch {
    backing = undefined;
  }
  const memory = new Map<string, string>();
  const ownKeys = (): string[] =>
    backing ? Object.keys(backing).filter((key) => key.startsWith(prefix)) : [...memory.keys()];
  return {
    getItem: (key) =>
      backing ? backing.getItem(prefix + key) : (memory.get(prefix + key) ?? null),
    setItem: (key, value) => {
      if (backing) backing.setItem(prefix + key, value);
      else memory.set(prefix + key, value);
    },
    removeItem: (key) => {
      if (backing) backing.removeItem(prefix + key);
      else memory.delete(prefix + key);
    },
    clear: () => {
      for (const key of ownKeys()) {
        if (backing) backing.removeItem(key);
        else memory.delete(key);
      }
    },
    get length() {
      return ownKeys().length;
    },
  };
}
