import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot, type Config } from '../config/config.js';
import { defaultSeedFiles } from '../ingest/defaultSeedFiles.js';
import { loadSeedFile } from '../ingest/loadSeedFile.js';
import { seedJsonSchema } from '../ingest/seedJsonSchema.js';
import { formatSeedProblem, validateSeedFile } from '../ingest/validateSeedSet.js';
import { correctionReason, type Correction } from '../editing/correctionReason.js';
import { cliEditor } from './cliEditor.js';
import { openDatabase } from './openDatabase.js';

export const seedUsage = `claimgraph seed validate [file…]   check seed files, write nothing (default: seeds/*.seed.yaml)
claimgraph seed load [file…]       validate, then load each file in one transaction (needs CLAIMGRAPH_API_KEY, an editor key);
                                   a file that would change stored records is refused (CONFLICT) unless
  --correct "REASON"               the load is a correction: changed records keep their previous version as history
claimgraph seed schema             regenerate seeds/seed.schema.json from the format`;

/** `claimgraph seed …`: returns the process exit code. */
export async function seedCommand(args: string[], config: () => Config): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { correct: { type: 'string' } } });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${seedUsage}`);
    return 2;
  }
  const [action, ...paths] = parsed.positionals;
  const files = paths.length > 0 ? paths.map((file) => path.resolve(file)) : defaultSeedFiles();
  const correct = parsed.values.correct;
  if (correct !== undefined && action !== 'load') {
    console.error(`--correct only applies to seed load.\n${seedUsage}`);
    return 2;
  }
  switch (action) {
    case 'validate':
      return validate(files);
    case 'load':
      return load(
        files,
        config(),
        correct === undefined ? undefined : correctionReason(correct, '--correct'),
      );
    case 'schema':
      return writeJsonSchema();
    default:
      console.error(`Unknown seed action "${action ?? ''}".\n${seedUsage}`);
      return 2;
  }
}

function validate(files: string[]): number {
  let failed = 0;
  for (const file of files) {
    const result = validateSeedFile(file);
    if (result.ok) {
      const { seedSet } = result.value;
      console.log(
        `ok  ${result.value.file}: ${seedSet.claims.length} claims, ${seedSet.attributions.length} attributions, ` +
          `${seedSet.actors.length} actors, ${seedSet.sources.length} sources, ${seedSet.events.length} events`,
      );
    } else {
      failed++;
      console.error(`${result.problems.length} problem(s):`);
      for (const problem of result.problems) console.error(`  ${formatSeedProblem(problem)}`);
    }
  }
  return failed === 0 ? 0 : 1;
}

async function load(
  files: string[],
  config: Config,
  correction: Correction | undefined,
): Promise<number> {
  // Validate everything first, so one bad file stops the command before any write.
  if (validate(files) !== 0) {
    console.error('Nothing was written.');
    return 1;
  }
  const editor = cliEditor(config);
  console.log(
    `loading as ${editor.name}${correction ? ` (correcting: ${correction.reason})` : ''}`,
  );
  const database = await openDatabase(config, (line) => console.log(line));
  try {
    for (const file of files) {
      const report = await loadSeedFile(database.executor, file, {
        onProgress: (step, done, total) => console.log(`  [${done}/${total}] ${step}`),
        loadedBy: editor.name,
        ...(correction ? { correction } : {}),
      });
      console.log(
        `loaded ${report.seedSetId}: nodes ${report.nodesCreated} created, ${report.nodesUpdated} updated, ` +
          `${report.nodesUnchanged} unchanged; relationships ${report.relationshipsCreated} created, ` +
          `${report.relationshipsUnchanged} unchanged`,
      );
    }
    return 0;
  } finally {
    await database.close();
  }
}

function writeJsonSchema(): number {
  const file = path.join(projectRoot, 'seeds/seed.schema.json');
  writeFileSync(file, `${JSON.stringify(seedJsonSchema(), null, 2)}\n`);
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
  return 0;
}
