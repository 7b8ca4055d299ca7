import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
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
  /** After this time (ISO 8601) the key is refused. */
  readonly expiresAt?: string;
  /** When the key was revoked; a revoked key is refused at once and kept for the record. */
  readonly revokedAt?: string;
}

const keyFileSchema = z.object({
  keys: z.array(
    z.object({
      name: z.string().min(1),
      role: z.enum(roles),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      createdAt: z.string(),
      expiresAt: z.string().optional(),
      revokedAt: z.string().optional(),
    }),
  ),
});

/** Whether a stored key may be used at `now`: active, revoked or expired. */
export function keyStatus(
  key: StoredApiKey,
  now: Date = new Date(),
): 'active' | 'revoked' | 'expired' {
  if (key.revokedAt !== undefined) return 'revoked';
  if (key.expiresAt !== undefined && Date.parse(key.expiresAt) <= now.getTime()) return 'expired';
  return 'active';
}

/** Reads the key file (absent: no keys, so nobody can write). */
export function readApiKeys(file: string): StoredApiKey[] {
  if (!existsSync(file)) return [];
  const parsed = keyFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(`${file} is not a valid API key file: ${parsed.error.issues[0]?.message}`);
  return parsed.data.keys;
}

/**
 * Creates a key, stores its hash in the key file (mode 600) and returns the key, shown once.
 * A key of the same name is replaced. `expiresInMs` makes it expire that long from now.
 */
export function createApiKey(
  file: string,
  name: string,
  role: Role,
  options: { expiresInMs?: number } = {},
): string {
  const key = `cg_${randomBytes(24).toString('base64url')}`;
  const keys = readApiKeys(file).filter((existing) => existing.name !== name);
  const now = Date.now();
  keys.push({
    name,
    role,
    sha256: hashApiKey(key),
    createdAt: new Date(now).toISOString(),
    ...(options.expiresInMs !== undefined
      ? { expiresAt: new Date(now + options.expiresInMs).toISOString() }
      : {}),
  });
  writeKeyFile(file, keys);
  return key;
}

/** Revokes the key of that name (kept, with when it was revoked); false when there is none. */
export function revokeApiKey(file: string, name: string): boolean {
  const keys = readApiKeys(file);
  const key = keys.find((candidate) => candidate.name === name);
  if (!key) return false;
  if (key.revokedAt === undefined)
    writeKeyFile(
      file,
      keys.map((candidate) =>
        candidate === key ? { ...candidate, revokedAt: new Date().toISOString() } : candidate,
      ),
    );
  return true;
}

/** Writes the key file atomically (a temporary file renamed over it), mode 600. */
function writeKeyFile(file: string, keys: readonly StoredApiKey[]): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ keys }, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, file);
}

/** SHA-256 of a key, hex. Keys are long random strings, so a fast hash is enough. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/**
 * The caller a presented key belongs to, or why it is refused: unknown, revoked or expired.
 * Compares hashes in constant time and always walks every stored key, so timing does not
 * reveal which key came close.
 */
export function authenticate(
  keys: readonly StoredApiKey[],
  presented: string,
  now: Date = new Date(),
): { caller: Caller } | { refused: 'unknown' | 'revoked' | 'expired' } {
  const presentedHash = Buffer.from(hashApiKey(presented), 'hex');
  let found: StoredApiKey | undefined;
  for (const key of keys) {
    if (timingSafeEqual(presentedHash, Buffer.from(key.sha256, 'hex'))) found = key;
  }
  if (!found) return { refused: 'unknown' };
  const status = keyStatus(found, now);
  return status === 'active'
    ? { caller: { name: found.name, role: found.role } }
    : { refused: status };
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
