import neo4j, { type Driver } from 'neo4j-driver';

/** Where and how to connect; `password` undefined means a server with auth off. */
export interface ConnectionSettings {
  readonly uri: string;
  readonly user: string;
  readonly password: string | undefined;
}

/**
 * The most Bolt connections one driver keeps to each server: the bound on concurrent
 * transactions (each session of the Executor runs one transaction on one connection).
 */
export const maxConnectionPoolSize = 50;

/**
 * One driver per process. Works unchanged with bolt://, neo4j:// and neo4j+s:// (Aura,
 * clusters); the pool is bounded so a burst of requests queues instead of opening sockets
 * without limit.
 */
export function createDriver(settings: ConnectionSettings): Driver {
  const auth =
    settings.password === undefined
      ? undefined
      : neo4j.auth.basic(settings.user, settings.password);
  return neo4j.driver(settings.uri, auth, {
    maxConnectionPoolSize,
    connectionAcquisitionTimeout: 10_000,
    connectionTimeout: 5_000,
    // Retries inside executeRead/executeWrite stop after this, so a dead server fails fast.
    maxTransactionRetryTime: 5_000,
    disableLosslessIntegers: false,
  });
}
