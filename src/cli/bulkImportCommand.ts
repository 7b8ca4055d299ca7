import path from 'node:path';
import type { Config } from '../config/config.js';
import { AppError } from '../errors/appError.js';
import { bulkLoadSeedSets } from '../ingest/bulk/bulkLoad.js';
import { defaultSeedFiles } from '../ingest/defaultSeedFiles.js';
import {
  formatSeedProblem,
  validateSeedFile,
  type ValidSeedSet,
} from '../ingest/validateSeedSet.js';
import { localServerOptions } from '../localNeo4j/resolveConnection.js';
import { cliEditor } from './cliEditor.js';

/**
 * `claimgraph import --bulk [file…]`: seed files into an empty database of the embedded server
 * through neo4j-admin (src/ingest/bulk/bulkLoad.ts). Refuses NEO4J_URI (the importer writes the
 * store files, so it needs the server's folder) and JSON exports (seed files only), then validates
 * every file and reports every problem before anything happens. Returns the exit code.
 */
export async function bulkImportCommand(paths: string[], config: () => Config): Promise<number> {
  const settings = config();
  if (settings.neo4j.uri !== undefined) {
    console.error(
      `import --bulk runs neo4j-admin database import, which writes the database's store files and so ` +
        `needs the server's folder: it works with the embedded local server only (NEO4J_URI unset), not with ` +
        `${settings.neo4j.uri}. Nothing was touched. Load a remote Neo4j with \`claimgraph seed load\`, or run ` +
        'neo4j-admin database import on that server yourself (docs/operations.md).',
    );
    return 2;
  }
  const files = paths.length > 0 ? paths.map((file) => path.resolve(file)) : defaultSeedFiles();
  const exports = files.filter((file) => file.endsWith('.json'));
  if (exports.length > 0) {
    console.error(
      `import --bulk takes seed files (.seed.yaml), not JSON exports: ${exports.join(', ')}. ` +
        'Import an export without --bulk. Nothing was touched.',
    );
    return 2;
  }
  const editor = cliEditor(settings);

  const valid: ValidSeedSet[] = [];
  let problems = 0;
  for (const file of files) {
    const result = validateSeedFile(file);
    if (result.ok) {
      valid.push(result.value);
      const { seedSet } = result.value;
      console.log(
        `ok  ${result.value.file}: ${seedSet.claims.length} claims, ${seedSet.attributions.length} attributions, ` +
          `${seedSet.actors.length} actors, ${seedSet.sources.length} sources, ${seedSet.events.length} events`,
      );
    } else {
      problems += result.problems.length;
      console.error(`${result.problems.length} problem(s):`);
      for (const problem of result.problems) console.error(`  ${formatSeedProblem(problem)}`);
    }
  }
  if (problems > 0) {
    console.error('Nothing was touched.');
    return 1;
  }

  console.log(`bulk-loading ${files.length} file(s) as ${editor.name}`);
  try {
    const report = await bulkLoadSeedSets(
      valid,
      { server: localServerOptions(settings), database: settings.neo4j.database },
      { loadedBy: editor.name, log: (line) => console.log(line) },
    );
    const s = report.seconds;
    console.log(
      `bulk-loaded ${report.files} file(s): ${report.nodes.toLocaleString('en')} nodes, ` +
        `${report.relationships.toLocaleString('en')} relationships in ${s.total} s ` +
        `(plan and CSV ${s.plan} s, stop ${s.stop} s, import ${s.import} s, start ${s.start} s, schema ${s.schema} s)`,
    );
    return 0;
  } catch (error) {
    if (error instanceof AppError && error.code !== 'INTERNAL') {
      console.error(`Error [${error.code}]: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
