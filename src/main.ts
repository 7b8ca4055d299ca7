import type { Server } from 'node:http';
import { apiKeyStore } from './auth/apiKeys.js';
import { ConfigError, loadConfig, type Config } from './config/config.js';
import { applyDatabaseSchema } from './db/databaseSchema.js';
import { createDriver } from './db/createDriver.js';
import { Executor } from './db/executor.js';
import { hasNoClaims } from './db/graphCounts.js';
import { createApp } from './http/createApp.js';
import { defaultSeedFiles } from './ingest/defaultSeedFiles.js';
import { loadSeedFile } from './ingest/loadSeedFile.js';
import { stopLocalServer } from './localNeo4j/localServer.js';
import { resolveConnection } from './localNeo4j/resolveConnection.js';
import { createLogger } from './observability/logger.js';

/**
 * Composition root: config → Neo4j (the local server unless NEO4J_URI is set) → schema →
 * seeds when the graph is empty → HTTP. SIGINT/SIGTERM close the server and the driver, and
 * stop the local Neo4j if this process started it.
 */
async function main(config: Config): Promise<void> {
  const logger = createLogger({
    level: config.observability.logLevel,
    pretty: config.observability.logPretty,
  });
  const log = (line: string) => logger.info(line);
  const connection = await resolveConnection(config, log);
  const driver = createDriver(connection);
  const executor = new Executor(driver, config.neo4j.database, config.neo4j.transactionTimeoutMs);
  const { version, edition } = await executor.serverInfo();
  log(
    `Connected to Neo4j ${version} ${edition} at ${connection.uri} (database ${config.neo4j.database}).`,
  );
  await applyDatabaseSchema(executor);
  if (config.seedOnEmpty && (await hasNoClaims(executor))) {
    for (const file of defaultSeedFiles()) {
      const report = await loadSeedFile(executor, file);
      log(
        `Seeded ${report.seedSetId}: ${report.nodesCreated} nodes, ${report.relationshipsCreated} relationships created.`,
      );
    }
  }
  const app = await createApp({
    executor,
    access: {
      apiKeys: apiKeyStore(config.auth.apiKeysFile),
      readsRequireKey: config.auth.readsRequireKey,
    },
    logger,
    metrics: config.observability.metrics,
    rateLimit: config.rateLimit,
    trustProxy: config.http.trustProxy,
  });
  const server: Server = app.express.listen(config.http.port, config.http.host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const base = `http://${config.http.host}:${config.http.port}`;
  const metricsUrl = config.observability.metrics === 'off' ? '' : `  ${base}/metrics`;
  log(`Ready: ${base}/graphql  ${base}/graphiql  ${base}/health${metricsUrl}`);
  const { perIp, perKey } = config.rateLimit;
  const budget = (limit: typeof perIp) =>
    limit ? `${limit.points} requests per ${limit.windowSeconds} s` : 'off';
  if (perIp || perKey)
    log(`Rate limits: per address ${budget(perIp)}, per API key ${budget(perKey)}.`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: shutting down…`);
    // Let requests in flight finish (up to 10 s), then cut what is left.
    const closed = new Promise((resolve) => server.close(resolve));
    server.closeIdleConnections();
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    server.closeAllConnections();
    await app.stop();
    await driver.close();
    if (connection.startedLocalServer) {
      log('Stopping the local Neo4j this process started…');
      await stopLocalServer(config.localNeo4j.homeDir);
    }
    log('Stopped.');
    // Let the logger flush its last lines (pino-pretty runs in a worker thread).
    logger.flush(() => process.exit(0));
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
main(config).catch((error: unknown) => {
  console.error(
    `[claimgraph] Could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
