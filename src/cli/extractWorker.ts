import { extractFile, type ExtractJob, type ExtractResult } from './extractCommand.js';

/** The worker thread's task: one file (see extractWorkers.ts, which calls it by name). */
export function extractWorker(job: ExtractJob): ExtractResult {
  return extractFile(job);
}
