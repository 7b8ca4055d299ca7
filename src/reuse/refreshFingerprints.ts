import type { Executor } from '../db/executor.js';
import { Label } from '../db/graphVocabulary.js';
import { fingerprintCoverage, staleFingerprintSources } from '../db/reuseQueries.js';
import { writeGraphPlan } from '../db/writeGraphPlan.js';
import { fingerprintProperties, fingerprintScheme } from './fingerprintScheme.js';

/** Progress of a refresh: sources done of those to do. */
export type RefreshProgress = (done: number, total: number) => void;

/**
 * (Re)computes the fingerprints of every source with text whose fingerprints are missing (data
 * imported from an older export) or of another scheme (after k or w changed), in batches of
 * `batchSize`, each batch one transaction through the write path. Returns how many were done.
 */
export async function refreshFingerprints(
  executor: Executor,
  enteredBy: string,
  onProgress: RefreshProgress = () => undefined,
  batchSize = 200,
): Promise<{ refreshed: number; withText: number }> {
  const scheme = fingerprintScheme();
  const coverage = await fingerprintCoverage(executor, scheme);
  const total = coverage.withText - coverage.current;
  let done = 0;
  let after = '';
  onProgress(0, total);
  for (;;) {
    const batch = await staleFingerprintSources(executor, scheme, after, batchSize);
    if (batch.length === 0) break;
    await executor.writeTransaction('reuse:refreshFingerprints', (scope) =>
      writeGraphPlan(
        scope,
        {
          nodes: [],
          relationships: [],
          derived: [
            {
              label: Label.Source,
              rows: batch.map(({ id, text }) => ({ id, properties: fingerprintProperties(text) })),
            },
          ],
        },
        { enteredBy, enteredVia: 'reuse:refreshFingerprints' },
      ),
    );
    done += batch.length;
    after = batch[batch.length - 1]!.id;
    onProgress(done, total);
  }
  return { refreshed: done, withText: coverage.withText };
}
