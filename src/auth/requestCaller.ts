import { AppError } from '../errors/appError.js';
import { authenticate, type Caller, type Role, type StoredApiKey } from './apiKeys.js';

/** The key a request presents: `Authorization: Bearer <key>` or `X-API-Key: <key>`. */
export function presentedKey(
  headers: Record<string, string | string[] | undefined>,
): string | undefined {
  const authorization = headers.authorization;
  if (typeof authorization === 'string' && /^Bearer /i.test(authorization))
    return authorization.slice(7).trim();
  const apiKey = headers['x-api-key'];
  return typeof apiKey === 'string' ? apiKey.trim() : undefined;
}

/**
 * The request's caller: undefined when no key is presented; UNAUTHENTICATED when a key is
 * presented but unknown, revoked or expired (a typo should not silently fall back to anonymous
 * access, and a revoked key stops working at once).
 */
export function requestCaller(
  keys: readonly StoredApiKey[],
  key: string | undefined,
): Caller | undefined {
  if (key === undefined || key === '') return undefined;
  const result = authenticate(keys, key);
  if ('caller' in result) return result.caller;
  const why = {
    unknown: 'The API key is not recognised.',
    revoked: 'The API key has been revoked; ask for a new one.',
    expired: 'The API key has expired; ask for a new one.',
  }[result.refused];
  throw new AppError('UNAUTHENTICATED', why);
}

/** Throws UNAUTHENTICATED without a caller, FORBIDDEN when the caller's role is too low. */
export function requireRole(caller: Caller | undefined, role: Role): Caller {
  if (!caller) {
    throw new AppError(
      'UNAUTHENTICATED',
      'This operation needs an API key (Authorization: Bearer <key>).',
    );
  }
  if (role === 'editor' && caller.role !== 'editor') {
    throw new AppError(
      'FORBIDDEN',
      `The key "${caller.name}" has role ${caller.role}; this operation needs editor.`,
    );
  }
  return caller;
}
