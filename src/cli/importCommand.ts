import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Config } from '../config/config.js';
import { correctionReason } from '../editing/correctionReason.js';
import { AppError } from '../errors/appError.js';
import { importGraphFile } from '../export/importGraphDocument.js';
import { refreshFingerprints } from '../reuse/refreshFingerprints.js';
import { bulkImportCommand } from './bulkImportCommand.js';
import { cliEditor } from './cliEditor.js';
import { openDatabase } from './openDatabase.js';

/** The usage line of `claimgraph import`. */
export const importUsage = `claimgraph import FILE             check a JSON export in full, then write it in one transaction (needs CLAIMGRAPH_API_KEY, an editor key);
                                   a file that would change stored records is refused (CONFLICT) unless
  --correct "REASON"               the import is a correction: changed records keep their stored version as history
claimgraph import --bulk [file…]   seed files (default: seeds/*.seed.yaml) into an EMPTY embedded database through
                                   neo4j-admin database import: validated and planned as seed load does, much faster;
                                   stops the local Neo4j for the import and starts it again (needs CLAIMGRAPH_API_KEY)`;

/**
 * `claimgraph import FILE`: validates the whole file (refusing it, with every bad record named,
 * before any write), then writes it atomically, then fingerprints the source texts that lack
 * current fingerprints (docs/reuse.md). Returns the exit code.
 */
export async function importCommand(args: string[], config: () => Config): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { correct: { type: 'string' }, bulk: { type: 'boolean', default: false } },
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${importUsage}`);
    return 2;
  }
  if (parsed.values.bulk) {
    if (parsed.values.correct !== undefined) {
      console.error(
        `--correct does not apply to --bulk (it loads an empty database).\n${importUsage}`,
      );
      return 2;
    }
    return bulkImportCommand(parsed.positionals, config);
  }
  const [given, ...extra] = parsed.positionals;
  if (given === undefined || extra.length > 0) {
    console.error(`Give one file to import.\n${importUsage}`);
    return 2;
  }
  const correction =
    parsed.values.correct === undefined
      ? undefined
      : correctionReason(parsed.values.correct, '--correct');
  const file = path.resolve(given);
  const editor = cliEditor(config());
  console.error(
    `importing as ${editor.name}${correction ? ` (correcting: ${correction.reason})` : ''}`,
  );
  const database = await openDatabase(config(), (line) => console.error(line));
  try {
    const report = await importGraphFile(database.executor, file, {
      editor: editor.name,
      ...(correction ? { correction } : {}),
      onProgress: (what, done, total) => console.error(`imported ${done}/${total} ${what}…`),
    }).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'DB_TIMEOUT') {
        // The whole file is one transaction, so a large one needs a longer limit than queries do.
        throw new AppError(
          'DB_TIMEOUT',
          `${error.message} Nothing was written. A large import needs a longer limit: ` +
            'set NEO4J_TX_TIMEOUT_MS (up to 600000) for this command.',
        );
      }
      throw error;
    });
    console.log(
      `imported ${given}: nodes ${report.nodesCreated} created, ${report.nodesUpdated} updated, ` +
        `${report.nodesUnchanged} unchanged; relationships ${report.relationshipsCreated} created, ` +
        `${report.relationshipsMatched} already there`,
    );
    // An export from before fingerprints (or of another scheme) leaves texts unfingerprinted.
    const refreshed = await refreshFingerprints(database.executor, editor.name, (done, total) => {
      if (done > 0) console.error(`fingerprinted ${done}/${total} sources…`);
    });
    if (refreshed.refreshed > 0)
      console.log(`fingerprinted ${refreshed.refreshed} source text(s) for text-reuse lookup`);
    return 0;
  } finally {
    await database.close();
  }
}
