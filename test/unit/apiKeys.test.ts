import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  authenticate,
  createApiKey,
  keyStatus,
  readApiKeys,
  revokeApiKey,
} from '../../src/auth/apiKeys.js';
import { parseDuration } from '../../src/cli/keysCommand.js';

const keyFile = () => path.join(mkdtempSync(path.join(os.tmpdir(), 'claimgraph-keys-')), 'k.json');

describe('API key lifecycle', () => {
  it('authenticates an active key and refuses a revoked one, keeping it in the file', () => {
    const file = keyFile();
    const key = createApiKey(file, 'alice', 'editor');
    expect(authenticate(readApiKeys(file), key)).toEqual({
      caller: { name: 'alice', role: 'editor' },
    });
    expect(revokeApiKey(file, 'alice')).toBe(true);
    expect(authenticate(readApiKeys(file), key)).toEqual({ refused: 'revoked' });
    expect(readApiKeys(file)[0]).toMatchObject({ name: 'alice', revokedAt: expect.any(String) });
    expect(revokeApiKey(file, 'nobody')).toBe(false);
  });

  it('refuses a key after it expires', () => {
    const file = keyFile();
    const key = createApiKey(file, 'bob', 'reader', { expiresInMs: 60_000 });
    const [stored] = readApiKeys(file);
    expect(keyStatus(stored!, new Date())).toBe('active');
    const later = new Date(Date.now() + 61_000);
    expect(keyStatus(stored!, later)).toBe('expired');
    expect(authenticate(readApiKeys(file), key, later)).toEqual({ refused: 'expired' });
    expect(authenticate(readApiKeys(file), 'cg_not-a-key')).toEqual({ refused: 'unknown' });
  });

  it('stores hashes only, never a key', () => {
    const file = keyFile();
    const key = createApiKey(file, 'carol', 'editor', { expiresInMs: 3_600_000 });
    revokeApiKey(file, 'carol');
    expect(readFileSync(file, 'utf8')).not.toContain(key);
    expect(readFileSync(file, 'utf8')).not.toContain(key.slice(3));
  });

  it('reads durations in minutes, hours, days and weeks', () => {
    expect(parseDuration('90m')).toBe(90 * 60_000);
    expect(parseDuration('12h')).toBe(12 * 3_600_000);
    expect(parseDuration('30d')).toBe(30 * 86_400_000);
    expect(parseDuration('2w')).toBe(14 * 86_400_000);
    for (const bad of ['0d', '30', 'd', '1.5d', '-3d', '30y'])
      expect(parseDuration(bad)).toBeUndefined();
  });
});
