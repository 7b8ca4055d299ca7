import { Piscina } from 'piscina';
import { planBulkSet, type BulkPlanTask, type WrittenTable } from './bulkPlanWorker.js';

/** Plans seed sets and writes their CSV (planBulkSet), in worker threads or in this one. */
export interface BulkPlanRunner {
  /** Worker threads (0: the sets are planned in the calling thread). */
  readonly threads: number;
  run(task: BulkPlanTask): Promise<WrittenTable[]>;
  /** Ends the workers (waits for none of the tasks still running). */
  close(): Promise<void>;
}

/**
 * A runner over `threads` worker threads (piscina), each running planBulkSet, or, for 0, one
 * that plans in the calling thread (small loads, where starting workers costs more than it
 * saves). Tasks are handed out as threads come free; results come back in any order, so the
 * caller keeps its own order.
 */
export function bulkPlanRunner(threads: number): BulkPlanRunner {
  if (threads <= 0) {
    return {
      threads: 0,
      run: async (task) => planBulkSet(task),
      close: async () => undefined,
    };
  }
  // Under tsx the sources run as .ts (and the workers need tsx too); built, as .js.
  const typescript = import.meta.url.endsWith('.ts');
  const pool = new Piscina({
    filename: new URL(`./bulkPlanWorker${typescript ? '.ts' : '.js'}`, import.meta.url).href,
    name: 'planBulkSet',
    minThreads: threads,
    maxThreads: threads,
    ...(typescript ? { execArgv: ['--import', 'tsx'] } : {}),
  });
  return {
    threads,
    run: async (task) => (await pool.run(task)) as WrittenTable[],
    close: () => pool.destroy(),
  };
}
