/**
 * The benchmark's server process: (B) the minimal handler, (C) the full app (createApp, the
 * same Express + Apollo stack as `npm start`) and the control port that runs (A)'s loops
 * here, each on loopback with its own driver to the Neo4j named by BENCH_NEO4J_URI (auth off).
 * Runs apart from the load generator so the client's work is not counted as the server's.
 * Prints `{"minimal":port,"full":port,"control":port}` when listening; stops on SIGTERM.
 */
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { createDriver } from '../../src/db/createDriver.js';
import { Executor } from '../../src/db/executor.js';
import { createApp } from '../../src/http/createApp.js';
import { createDirectControl } from './directControl.js';
import { createMinimalHandler } from './minimalHandler.js';

const uri = process.env.BENCH_NEO4J_URI;
if (!uri) throw new Error('BENCH_NEO4J_URI is not set');
const password = process.env.BENCH_NEO4J_PASSWORD || undefined;

const directDriver = createDriver({ uri, user: 'neo4j', password });
const minimalDriver = createDriver({ uri, user: 'neo4j', password });
const fullDriver = createDriver({ uri, user: 'neo4j', password });
const app = await createApp({
  executor: new Executor(fullDriver, 'neo4j', 60_000),
  log: (message, error) => console.error(`[api] ${message}`, error ?? ''),
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
