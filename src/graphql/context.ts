import { GraphQLError } from 'graphql';
import type { Caller, StoredApiKey } from '../auth/apiKeys.js';
import { presentedKey, requestCaller } from '../auth/requestCaller.js';
import type { Executor } from '../db/executor.js';
import { GraphReader } from '../db/graphReader.js';
import { AppError } from '../errors/appError.js';
import { errorCatalogue } from '../errors/errorCatalogue.js';
import { createLoaders, type Loaders } from './loaders.js';

/** What every resolver gets: the executor, per-request batch loaders, and who is calling. */
export interface GraphQLContext {
  readonly executor: Executor;
  readonly loaders: Loaders;
  /** Undefined for anonymous reads. */
  readonly caller: Caller | undefined;
}

/** How requests are authenticated. */
export interface AccessPolicy {
  readonly apiKeys: () => readonly StoredApiKey[];
  readonly readsRequireKey: boolean;
}

/**
 * Builds a fresh context for one request (loaders cache only within it). An unknown key, or no
 * key while reads are locked, refuses the whole request with UNAUTHENTICATED (HTTP 401).
 */
export function createContext(
  executor: Executor,
  policy: AccessPolicy,
  headers: Record<string, string | string[] | undefined>,
): GraphQLContext {
  try {
    // Anonymous requests (most reads) need not look at the key store at all.
    const key = presentedKey(headers);
    const caller = key === undefined ? undefined : requestCaller(policy.apiKeys(), key);
    if (!caller && policy.readsRequireKey) {
      throw new AppError('UNAUTHENTICATED', 'This server requires an API key for every request.');
    }
    return { executor, caller, loaders: createLoaders(new GraphReader(executor)) };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    throw new GraphQLError(error.message, {
      extensions: { code: error.code, http: { status: errorCatalogue[error.code].httpStatus } },
    });
  }
}
