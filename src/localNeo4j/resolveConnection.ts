import type { Config } from '../config/config.js';
import type { ConnectionSettings } from '../db/createDriver.js';
import type { ProgressLog } from './fetchNeo4j.js';
import { startLocalServer, type LocalServerOptions } from './localServer.js';

/** The connection to use, and whether this process started the server it points at. */
export interface ResolvedConnection extends ConnectionSettings {
  readonly startedLocalServer: boolean;
}

/**
 * NEO4J_URI set: connect there (Aura, a cluster, Docker). Unset: the embedded default, the
 * local server in CLAIMGRAPH_LOCAL_NEO4J_DIR, started (and on first use fetched) if needed.
 */
export async function resolveConnection(
  config: Config,
  log: ProgressLog,
): Promise<ResolvedConnection> {
  if (config.neo4j.uri !== undefined) {
    return {
      uri: config.neo4j.uri,
      user: config.neo4j.user,
      password: config.neo4j.password,
      startedLocalServer: false,
    };
  }
  const local = await startLocalServer(localServerOptions(config), log);
  return {
    uri: local.uri,
    user: local.user,
    password: local.password,
    startedLocalServer: local.started,
  };
}

/** The embedded server as the configuration describes it (CLAIMGRAPH_LOCAL_NEO4J_DIR and friends). */
export function localServerOptions(config: Config): LocalServerOptions {
  return {
    homeDir: config.localNeo4j.homeDir,
    cacheDir: config.localNeo4j.cacheDir,
    boltPort: config.localNeo4j.boltPort,
    authEnabled: true,
    heapMb: config.localNeo4j.heapMb,
    transactionTimeoutMs: config.neo4j.transactionTimeoutMs,
  };
}
