import type { Driver } from 'neo4j-driver';
import type { Config } from '../config/config.js';
import { applyDatabaseSchema } from '../db/databaseSchema.js';
import { createDriver } from '../db/createDriver.js';
import { Executor } from '../db/executor.js';
import { resolveConnection } from '../localNeo4j/resolveConnection.js';

/** An open database for one CLI command; `close` releases the driver. */
export interface OpenDatabase {
  readonly executor: Executor;
  close(): Promise<void>;
}

/** Connects the way `npm start` does (NEO4J_URI, or the local server) and applies the schema. */
export async function openDatabase(
  config: Config,
  log: (line: string) => void,
): Promise<OpenDatabase> {
  const connection = await resolveConnection(config, log);
  const driver: Driver = createDriver(connection);
  const executor = new Executor(driver, config.neo4j.database, config.neo4j.transactionTimeoutMs);
  await applyDatabaseSchema(executor);
  return { executor, close: () => driver.close() };
}
