import type { Config } from '../config/config.js';
import { fetchNeo4j } from '../localNeo4j/fetchNeo4j.js';
import { localServerStatus, startLocalServer, stopLocalServer } from '../localNeo4j/localServer.js';

export const dbUsage = `claimgraph db fetch    download Neo4j and APOC into the cache (first run only)
claimgraph db start    start the local Neo4j in the background (data survives restarts)
claimgraph db stop     stop it
claimgraph db status   is it running, where`;

/** `claimgraph db …` manages the local Neo4j; returns the process exit code. */
export async function dbCommand(args: string[], config: Config): Promise<number> {
  const local = config.localNeo4j;
  const log = (line: string) => console.log(line);
  switch (args[0]) {
    case 'fetch':
      await fetchNeo4j(local.cacheDir, log);
      return 0;
    case 'start': {
      const server = await startLocalServer(
        {
          homeDir: local.homeDir,
          cacheDir: local.cacheDir,
          boltPort: local.boltPort,
          authEnabled: true,
          heapMb: local.heapMb,
          transactionTimeoutMs: config.neo4j.transactionTimeoutMs,
        },
        log,
      );
      console.log(
        `${server.started ? 'Started' : 'Already running'}: ${server.uri} (pid ${server.pid}), user ${server.user}, password in ${local.homeDir}/password`,
      );
      return 0;
    }
    case 'stop':
      console.log((await stopLocalServer(local.homeDir)) ? 'Stopped.' : 'Not running.');
      return 0;
    case 'status': {
      const status = localServerStatus(local.homeDir, local.boltPort);
      console.log(
        status.running
          ? `running: ${status.uri} (pid ${status.pid}), data in ${status.homeDir}`
          : `not running (data in ${status.homeDir})`,
      );
      return status.running ? 0 : 3;
    }
    default:
      console.error(`Unknown db action "${args[0] ?? ''}".\n${dbUsage}`);
      return 2;
  }
}
