import path from 'node:path';

/** What differs between the long-running local server and a throwaway test server. */
export interface LocalServerSettings {
  readonly homeDir: string;
  readonly pluginsDir: string;
  readonly boltPort: number;
  readonly authEnabled: boolean;
  readonly pageCacheMb: number;
  readonly transactionTimeoutMs: number;
}

/**
 * neo4j.conf for a loopback-only server (5.x setting names). HTTP is off: the API talks Bolt,
 * and fewer open ports is less to secure. All state lives under homeDir/data, so one folder
 * is one server.
 */
export function renderNeo4jConf(settings: LocalServerSettings): string {
  const data = path.join(settings.homeDir, 'data');
  const lines = [
    '# Written by claimgraph (src/localNeo4j/neo4jConf.ts) at every start; edits are overwritten.',
    'server.default_listen_address=127.0.0.1',
    `server.bolt.listen_address=127.0.0.1:${settings.boltPort}`,
    `server.bolt.advertised_address=127.0.0.1:${settings.boltPort}`,
    'server.http.enabled=false',
    'server.https.enabled=false',
    `dbms.security.auth_enabled=${settings.authEnabled}`,
    `server.memory.pagecache.size=${settings.pageCacheMb}m`,
    'dbms.usage_report.enabled=false',
    `server.directories.data=${data}`,
    `server.directories.logs=${path.join(settings.homeDir, 'logs')}`,
    `server.directories.plugins=${settings.pluginsDir}`,
    `server.directories.import=${path.join(settings.homeDir, 'import')}`,
    `server.directories.run=${path.join(settings.homeDir, 'run')}`,
    `server.directories.transaction.logs.root=${path.join(data, 'transactions')}`,
    'dbms.security.procedures.unrestricted=apoc.*',
    `db.transaction.timeout=${settings.transactionTimeoutMs}ms`,
    // Fewer background threads and no query-log files: a 2-core dev machine shares its CPU.
    'db.logs.query.enabled=OFF',
  ];
  return `${lines.join('\n')}\n`;
}
