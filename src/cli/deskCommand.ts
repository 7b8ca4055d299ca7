import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Config } from '../config/config.js';
import { commitDraftFile } from '../desk/commitFile.js';
import { correctionReason } from '../editing/correctionReason.js';
import { cliEditor } from './cliEditor.js';
import { openDatabase } from './openDatabase.js';

/** The usage lines of `claimgraph desk`. */
export const deskUsage = `claimgraph desk commit FILE.draft.yaml [--correct "REASON"]
                                   commit a draft reviewed as a file (from \`claimgraph extract\`):
                                   all it holds is written in one transaction, stamped desk:<set id>;
                                   records marked resolution.status: existing are references to the
                                   graph's nodes (needs CLAIMGRAPH_API_KEY, an editor key). Committing
                                   the file again after editing what it wrote is refused (CONFLICT)
                                   unless --correct gives the reason: the edited records keep history`;

/** `claimgraph desk …`: the exit code (0 committed, 1 refused, 2 usage). */
export async function deskCommand(args: string[], config: () => Config): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { correct: { type: 'string' } } });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${deskUsage}`);
    return 2;
  }
  const [action, file, ...extra] = parsed.positionals;
  if (action !== 'commit' || file === undefined || extra.length > 0) {
    console.error(deskUsage);
    return 2;
  }
  const correction =
    parsed.values.correct === undefined
      ? undefined
      : correctionReason(parsed.values.correct, '--correct');
  const editor = cliEditor(config());
  const database = await openDatabase(config(), (line) => console.log(line));
  try {
    const result = await commitDraftFile(database.executor, editor, path.resolve(file), correction);
    const { counts, renames, seedSet } = result;
    console.log(
      `committed ${seedSet.id} as ${editor.name} (desk:${seedSet.id}): ` +
        `${seedSet.attributions.length} attributions; nodes ${counts.nodesCreated} created, ` +
        `${counts.nodesUpdated} updated, ${counts.nodesUnchanged} unchanged; relationships ` +
        `${counts.relationshipsCreated} created, ${counts.relationshipsUnchanged} unchanged`,
    );
    for (const [from, to] of renames)
      console.log(`  renamed ${from} → ${to} (the graph holds ${from} for other data)`);
    return 0;
  } finally {
    await database.close();
  }
}
