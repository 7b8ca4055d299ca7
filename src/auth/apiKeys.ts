import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** What a key may do: readers read (when reads are locked), editors also write. */
export const roles = ['reader', 'editor'] as const;
export type Role = (typeof roles)[number];

/** Who is calling, once their key is recognised. Stamped on every write as `enteredBy`. */
export interface Caller {
  readonly name: string;
  readonly role: Role;
}

/** A key as stored: only its SHA-256, never the key itself. */
export interface StoredApiKey extends Caller {
  readonly sha256: string;
  readonly createdAt: string;
}

const keyFileSchema = z.object({
  keys: z.array(
    z.object({
      name: z.string().min(1),
      role: z.enum(roles),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      createdAt: z.string(),
    }),
  ),
});

/** Reads the key file (absent: no keys, so nobody can write). */
export function readApiKeys(file: string): StoredApiKey[] {
  if (!existsSync(file)) return [];
  const parsed = keyFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(`${file} is not a valid API key file: ${parsed.error.issues[0]?.message}`);
  return parsed.data.keys;
}

/** Creates a key, stores its hash in the key file (mode 600) and returns the key, shown once. */
export function createApiKey(file: string, name: string, role: Role): string {
  const key = `cg_${randomBytes(24).toString('base64url')}`;
  const keys = readApiKeys(file).filter((existing) => existing.name !== name);
  keys.push({ name, role, sha256: hashApiKey(key), createdAt: new Date().toISOString() });
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ keys }, null, 2)}\n`, { mode: 0o600 });
  return key;
}

/** SHA-256 of a key, hex. Keys are long random strings, so a fast hash is enough. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/**
 * The caller a presented key belongs to, or undefined. Compares hashes in constant time and
 * always walks every stored key, so timing does not reveal which key came close.
 */
export function authenticate(keys: readonly StoredApiKey[], presented: string): Caller | undefined {
  const presentedHash = Buffer.from(hashApiKey(presented), 'hex');
  let found: Caller | undefined;
  for (const key of keys) {
    if (timingSafeEqual(presentedHash, Buffer.from(key.sha256, 'hex')))
      found = { name: key.name, role: key.role };
  }
  return found;
}

/**
 * The key file's keys, re-read only when the file changes, so `claimgraph keys create` takes
 * effect without a restart and requests do not read the file each time.
 */
export function apiKeyStore(file: string): () => readonly StoredApiKey[] {
  let cached: { mtimeMs: number; keys: StoredApiKey[] } | undefined;
  return () => {
    const mtimeMs = existsSync(file) ? statSync(file).mtimeMs : -1;
    if (!cached || cached.mtimeMs !== mtimeMs) cached = { mtimeMs, keys: readApiKeys(file) };
    return cached.keys;
  };
}
