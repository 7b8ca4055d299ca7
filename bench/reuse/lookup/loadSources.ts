/**
 * Loads synthetic stored sources [from, to) with their fingerprints, as the product stores them
 * (fingerprintText, fingerprintCount, fingerprintScheme on the :Source node), in UNWIND batches.
 * The bench writes with its own Cypher, not through the seed loader: what is measured is the
 * lookup, and a plain write keeps 100k sources within minutes on 2 cores. The next batch is
 * generated and fingerprinted while the previous one is being written.
 */
import neo4j from 'neo4j-driver';
import type { Executor } from '../../../src/db/executor.js';
import { Label } from '../../../src/db/graphVocabulary.js';
import { fingerprintScheme } from '../../../src/reuse/fingerprintScheme.js';
import { fingerprintHashes } from '../../../src/reuse/fingerprints.js';
import { storedSource } from './syntheticNews.js';

/** What one loading step did. */
export interface LoadStep {
  readonly from: number;
  readonly to: number;
  /** Wall time from the first batch generated to the last one committed. */
  readonly seconds: number;
  /** Time generating texts and computing their fingerprints (overlaps writing). */
  readonly fingerprintSeconds: number;
  /** Time in write transactions. */
  readonly writeSeconds: number;
  readonly words: number;
  readonly fingerprints: number;
}

export interface LoadOptions {
  readonly seed: number;
  readonly batchSize: number;
  /** Sees each stored source's hashes (the bench counts how many sources hold each probe hash). */
  readonly observeHashes: (hashes: readonly string[]) => void;
  readonly log: (line: string) => void;
  /** performance.now() after which no further batch is started (the step stops short). */
  readonly deadline?: number;
}

const writeSources = {
  name: 'bench:writeLookupSources',
  cypher: `
    UNWIND $rows AS row
    MERGE (s:${Label.Source} {id: row.id})
    SET s.kind = 'article', s.title = row.title, s.text = row.text,
        s.fingerprintText = row.fingerprintText, s.fingerprintCount = row.fingerprintCount,
        s.fingerprintScheme = row.fingerprintScheme`,
};

/** Writes stored sources [from, to), or fewer past the deadline; returns what it did and took. */
export async function loadSources(
  executor: Executor,
  from: number,
  to: number,
  options: LoadOptions,
): Promise<LoadStep> {
  const scheme = fingerprintScheme();
  const started = performance.now();
  let fingerprintMs = 0;
  let writeMs = 0;
  let words = 0;
  let fingerprints = 0;
  let nextLog = started + 30_000;

  const batchRows = (start: number) => {
    const before = performance.now();
    const rows = [];
    for (let index = start; index < Math.min(to, start + options.batchSize); index++) {
      const source = storedSource(options.seed, index);
      const hashes = fingerprintHashes(source.text);
      options.observeHashes(hashes);
      words += source.words;
      fingerprints += hashes.length;
      rows.push({
        id: source.id,
        title: source.title,
        text: source.text,
        fingerprintText: hashes.join(' '),
        fingerprintCount: neo4j.int(hashes.length),
        fingerprintScheme: scheme,
      });
    }
    fingerprintMs += performance.now() - before;
    return rows;
  };

  let pending: Promise<void> | undefined;
  let reached = from;
  for (let start = from; start < to; start += options.batchSize) {
    if (options.deadline !== undefined && performance.now() > options.deadline) break;
    const rows = batchRows(start);
    reached = start + rows.length;
    await pending;
    const writeStarted = performance.now();
    pending = executor.write(writeSources, { rows }).then(() => {
      writeMs += performance.now() - writeStarted;
    });
    if (performance.now() > nextLog) {
      options.log(
        `  ${(start + rows.length).toLocaleString('en')} of ${to.toLocaleString('en')} sources`,
      );
      nextLog = performance.now() + 30_000;
    }
  }
  await pending;
  return {
    from,
    to: reached,
    seconds: (performance.now() - started) / 1000,
    fingerprintSeconds: fingerprintMs / 1000,
    writeSeconds: writeMs / 1000,
    words,
    fingerprints,
  };
}
