import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/config.js';
import { claimJsonLd } from '../export/claimJsonLd.js';
import { writeEdgesCsv, writeNodesCsv } from '../export/csvExport.js';
import { parseSelection, type GraphSelection } from '../export/graphSelection.js';
import { writeGraphml } from '../export/graphmlExport.js';
import { openGraphStream, type GraphStream } from '../export/graphStream.js';
import { writeJsonExport } from '../export/jsonExport.js';
import { openOutputFile, type OutputFile } from '../export/outputFile.js';
import { writableSink, type TextSink } from '../export/textSink.js';
import { openDatabase } from './openDatabase.js';

/** The usage lines of `claimgraph export`. */
export const exportUsage = `claimgraph export --format json|csv|graphml|jsonld [--claim ID | --label LABEL] [--out PATH]
                                   json, graphml: the graph (or a claim's neighbourhood, or one label)
                                   to PATH or stdout; csv: PATH is a folder for nodes.csv and
                                   edges.csv; jsonld: one claim (--claim) as schema.org JSON-LD`;

const formats = ['json', 'csv', 'graphml', 'jsonld'] as const;
type Format = (typeof formats)[number];
const flags = new Set(['--format', '--claim', '--label', '--out']);

/** `claimgraph export …`: progress on stderr, the export to --out or stdout; the exit code. */
export async function exportCommand(args: string[], config: () => Config): Promise<number> {
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i]!, args[i + 1]];
    if (!flags.has(flag) || value === undefined || value.startsWith('--')) {
      return usageError(`Unexpected "${flag}"${flags.has(flag) ? ' without a value' : ''}.`);
    }
    options.set(flag.slice(2), value);
  }
  const format = formats.find((candidate) => candidate === (options.get('format') ?? 'json'));
  if (!format) return usageError(`Unknown format "${options.get('format')}".`);
  const selected = parseSelection({ claim: options.get('claim'), label: options.get('label') });
  if (!selected.ok) return usageError(selected.message);
  const out = options.get('out');
  if (format === 'csv' && out === undefined) return usageError('csv needs --out FOLDER.');
  const claimId = options.get('claim');
  if (format === 'jsonld' && claimId === undefined) return usageError('jsonld needs --claim ID.');

  const database = await openDatabase(config(), (line) => console.error(line));
  try {
    if (format === 'jsonld') {
      const document = await claimJsonLd(database.executor, claimId!);
      await toOutput(out, (sink) => sink.write(`${JSON.stringify(document, null, 2)}\n`));
      return 0;
    }
    const stream = await openGraphStream(database.executor, selected.selection, {
      onProgress: (what, done, total) => console.error(`exported ${done}/${total} ${what}…`),
    });
    for (const warning of stream.warnings) console.error(`warning: ${warning}`);
    await writeFormat(format, stream, selected.selection, out);
    console.error(
      `exported ${stream.totals.nodes} nodes and ${stream.totals.relationships} relationships` +
        (out ? ` to ${out}` : ''),
    );
    return 0;
  } finally {
    await database.close();
  }
}

async function writeFormat(
  format: Exclude<Format, 'jsonld'>,
  stream: GraphStream,
  selection: GraphSelection,
  out: string | undefined,
): Promise<void> {
  switch (format) {
    case 'json':
      return toOutput(out, (sink) => writeJsonExport(stream, selection, sink));
    case 'graphml':
      return toOutput(out, (sink) => writeGraphml(stream, sink));
    case 'csv': {
      mkdirSync(out!, { recursive: true });
      await toOutput(path.join(out!, 'nodes.csv'), (sink) => writeNodesCsv(stream, sink));
      await toOutput(path.join(out!, 'edges.csv'), (sink) => writeEdgesCsv(stream, sink));
    }
  }
}

/** Runs a writer against a file (moved into place only when complete) or stdout. */
async function toOutput(
  out: string | undefined,
  write: (sink: TextSink) => Promise<void>,
): Promise<void> {
  if (out === undefined) {
    await write(writableSink(process.stdout));
    await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
    return;
  }
  const file: OutputFile = openOutputFile(out);
  try {
    await write(file.sink);
    await file.commit();
  } catch (error) {
    await file.discard();
    throw error;
  }
}

function usageError(message: string): number {
  console.error(`${message}\n${exportUsage}`);
  return 2;
}
