import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import type { Config } from '../config/config.js';
import { refreshFingerprints } from '../reuse/refreshFingerprints.js';
import { sharedTextWith } from '../reuse/reuseService.js';
import { cliEditor } from './cliEditor.js';
import { openDatabase } from './openDatabase.js';

/** The usage lines of `claimgraph reuse`. */
export const reuseUsage = `claimgraph reuse FILE [--first N] [--json]
                                   compare a text with the graph's sources: the passages it shares
                                   with each, offsets in both texts, shares, which came first
claimgraph reuse --all             (re)compute the fingerprints of every source with text whose
                                   fingerprints are missing or stale, with progress (editor key)`;

/** `claimgraph reuse …`: the exit code (0 done, 2 usage). */
export async function reuseCommand(args: string[], config: () => Config): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        all: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        first: { type: 'string', default: '10' },
      },
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${reuseUsage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const first = Number(values.first);
  if (
    values.all === (positionals.length === 1) ||
    positionals.length > 1 ||
    !(first >= 1 && first <= 100)
  ) {
    console.error(reuseUsage);
    return 2;
  }
  const editor = values.all ? cliEditor(config()) : undefined;
  const text = positionals[0] ? readFileSync(positionals[0], 'utf8') : '';
  const database = await openDatabase(config(), (line) => console.error(line));
  try {
    if (editor) {
      const bar = process.stderr.isTTY
        ? new SingleBar({ format: 'fingerprints [{bar}] {value}/{total} sources' })
        : undefined;
      const result = await refreshFingerprints(database.executor, editor.name, (done, total) => {
        if (bar) {
          if (done === 0) bar.start(total, 0);
          else bar.update(done);
        } else if (done > 0) console.error(`fingerprints: ${done}/${total} sources`);
      });
      bar?.stop();
      console.log(
        `fingerprinted ${result.refreshed} source(s); ${result.withText} source(s) with text in all`,
      );
      return 0;
    }
    const shared = await sharedTextWith(database.executor, { text }, first);
    if (values.json) {
      console.log(
        JSON.stringify(
          shared.map((entry) => ({
            sourceId: entry.source.id,
            title: entry.source.title,
            shareOfThis: entry.shareOfThis,
            shareOfOther: entry.shareOfOther,
            publishedFirst: entry.publishedFirst,
            passages: entry.passages,
          })),
          null,
          2,
        ),
      );
      return 0;
    }
    if (shared.length === 0) console.log('no stored source shares a passage with this text');
    for (const entry of shared) {
      console.log(
        `${entry.source.id} (${entry.source.title}): ${percent(entry.shareOfThis)} of this text, ` +
          `${percent(entry.shareOfOther)} of that one; published first: ${entry.publishedFirst}`,
      );
      for (const passage of entry.passages)
        console.log(
          `  ${passage.words} words  here ${passage.thisStart}..${passage.thisEnd}  ` +
            `there ${passage.otherStart}..${passage.otherEnd}  “${snippet(text.slice(passage.thisStart, passage.thisEnd))}”`,
        );
    }
    return 0;
  } finally {
    await database.close();
  }
}

function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 80 ? `${flat.slice(0, 77)}…` : flat;
}
