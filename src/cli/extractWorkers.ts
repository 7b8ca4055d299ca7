import os from 'node:os';
import { Piscina } from 'piscina';
import type { ExtractJob, ExtractResult } from './extractCommand.js';

/**
 * Spreads a batch of files over worker threads, one per core (piscina), reporting each result as
 * it comes so progress moves. Workers run the same extractFile as a single file does.
 */
export async function extractInWorkers(
  jobs: readonly ExtractJob[],
  onDone: (result: ExtractResult) => void,
): Promise<ExtractResult[]> {
  const pool = new Piscina({
    // Under tsx the sources run as .ts; built, as .js.
    filename: new URL(
      `./extractWorker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`,
      import.meta.url,
    ).href,
    name: 'extractWorker',
    maxThreads: Math.min(os.availableParallelism(), jobs.length),
    execArgv: ['--import', 'tsx'],
  });
  try {
    return await Promise.all(
      jobs.map(async (job) => {
        const result = (await pool.run(job)) as ExtractResult;
        onDone(result);
        return result;
      }),
    );
  } finally {
    await pool.destroy();
  }
}
