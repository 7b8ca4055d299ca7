/**
 * The benchmark's server process: (B) the minimal handler, (C) the full app (createApp, the
 * same Express + Apollo stack as `npm start`) and the control port that runs (A)'s loops
 * here, each on loopback with its own driver to the Neo4j named by BENCH_NEO4J_URI (auth off).
 * Runs apart from the load generator so the client's work is not counted as the server's.
 * Prints `{"minimal":port,"full":port,"control":port}` when listening; stops on SIGTERM.
 *
 * By default (C) is createApp's defaults: no request log, no metrics, no rate limits, as in
 * every recorded scale run. With BENCH_FULL_STACK=production it is built as main.ts builds it
 * with those features on: request logs at info (JSON lines to /dev/null, written as they would
 * be to stdout), /metrics open, and a per-address rate limit too large to refuse anything, so
 * their cost per request is counted (startApiProcess also sets NODE_ENV=production then).
 */
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { createDriver } from '../../src/db/createDriver.js';
import { Executor } from '../../src/db/executor.js';
import { pino } from 'pino';
import { createApp, type AppDependencies } from '../../src/http/createApp.js';
import { createLogger } from '../../src/observability/logger.js';
import { createDirectControl } from './directControl.js';
import { createMinimalHandler } from './minimalHandler.js';

const uri = process.env.BENCH_NEO4J_URI;
if (!uri) throw new Error('BENCH_NEO4J_URI is not set');
const password = process.env.BENCH_NEO4J_PASSWORD || undefined;

const directDriver = createDriver({ uri, user: 'neo4j', password });
const minimalDriver = createDriver({ uri, user: 'neo4j', password });
const fullDriver = createDriver({ uri, user: 'neo4j', password });
const production: Partial<AppDependencies> =
  process.env.BENCH_FULL_STACK === 'production'
    ? {
        logger: createLogger({ level: 'info', pretty: false }, pino.destination('/dev/null')),
        metrics: 'open',
        rateLimit: { perIp: { points: 1_000_000_000, windowSeconds: 60 } },
      }
    : {};
const app = await createApp({
  executor: new Executor(fullDriver, 'neo4j', 60_000),
  log: (message, error) => console.error(`[api] ${message}`, error ?? ''),
  ...production,
});
const listen = (server: Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
const minimal = createMinimalHandler(minimalDriver);
const full = createServer(app.express);
const control = createDirectControl(directDriver);
const ports = {
  minimal: await listen(minimal),
  full: await listen(full),
  control: await listen(control),
};
console.log(JSON.stringify(ports));

process.once('SIGTERM', () => {
  for (const server of [minimal, full, control]) {
    server.closeAllConnections();
    server.close();
  }
  const drivers = [directDriver, minimalDriver, fullDriver];
  void Promise.all([app.stop(), ...drivers.map((driver) => driver.close())]).then(() =>
    process.exit(0),
  );
});
