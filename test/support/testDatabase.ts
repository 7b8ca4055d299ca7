import type { Driver } from 'neo4j-driver';
import { inject } from 'vitest';
import { applyDatabaseSchema } from '../../src/db/databaseSchema.js';
import { createDriver } from '../../src/db/createDriver.js';
import { Executor } from '../../src/db/executor.js';
import { defaultSeedFiles } from '../../src/ingest/defaultSeedFiles.js';
import { loadSeedFile } from '../../src/ingest/loadSeedFile.js';

/** A connection to the run's test Neo4j. */
export interface TestDatabase {
  readonly driver: Driver;
  readonly executor: Executor;
  /** Deletes every node, so a file starts from a known graph whatever ran before it. */
  reset(): Promise<void>;
  /** Resets, then loads the project's seed sets. */
  resetAndSeed(): Promise<void>;
  close(): Promise<void>;
}

/** Opens the test database (started by globalSetup) and applies the schema. */
export async function openTestDatabase(): Promise<TestDatabase> {
  const driver = createDriver({
    uri: inject('neo4jUri'),
    user: 'neo4j',
    password: process.env.NEO4J_TEST_PASSWORD,
  });
  const executor = new Executor(driver, 'neo4j', 30_000);
  await applyDatabaseSchema(executor);
  const reset = async () => {
    await executor.write({ name: 'testReset', cypher: 'MATCH (n) DETACH DELETE n' });
  };
  return {
    driver,
    executor,
    reset,
    async resetAndSeed() {
      await reset();
      for (const file of defaultSeedFiles()) await loadSeedFile(executor, file);
    },
    close: () => driver.close(),
  };
}
