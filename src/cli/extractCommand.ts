import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { stringify } from 'yaml';
import { readKnownActorsFromSeeds } from './knownActorsFromSeeds.js';
import type { ArticleInput } from '../extract/articleInput.js';
import { extractArticle } from '../extract/extractArticle.js';
import { validateSeedFile, formatSeedProblem } from '../ingest/validateSeedSet.js';
import { extractInWorkers } from './extractWorkers.js';

/** The usage lines of `claimgraph extract`. */
export const extractUsage = `claimgraph extract FILE… [--published YYYY-MM-DD] [--publisher NAME] [--url U] [--title T] [--json]
                                   propose a draft (attributions, speakers, claims, figures, times) for
                                   each article text; writes FILE.draft.yaml (or .draft.json) beside it
                                   and checks it as \`seed validate\` would; several files go to a
                                   pool of worker threads, one per core`;

/** `claimgraph extract …`: the exit code (0 all drafts valid, 1 a draft invalid, 2 usage). */
export async function extractCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        published: { type: 'string' },
        publisher: { type: 'string' },
        url: { type: 'string' },
        title: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${extractUsage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(extractUsage);
    return 0;
  }
  if (positionals.length === 0) {
    console.error(`No article file given.\n${extractUsage}`);
    return 2;
  }
  if (values.published !== undefined && !isIsoDay(values.published)) {
    console.error(`--published must be a date YYYY-MM-DD, got "${values.published}".`);
    return 2;
  }
  if (values.url !== undefined && !/^https?:\/\/\S+$/.test(values.url)) {
    console.error(`--url must be an http(s) URL, got "${values.url}".`);
    return 2;
  }
  const files = positionals.map((file) => path.resolve(file));
  const jobs: ExtractJob[] = files.map((file) => ({
    file,
    out: `${file}.draft.${values.json ? 'json' : 'yaml'}`,
    published: values.published,
    publisher: values.publisher,
    url: values.url,
    title: values.title,
    json: values.json ?? false,
  }));
  const bar =
    files.length > 1 && process.stderr.isTTY
      ? new SingleBar({ format: 'extract [{bar}] {value}/{total} {file}' })
      : undefined;
  bar?.start(files.length, 0, { file: '' });
  let done = 0;
  const onDone = (result: ExtractResult) => {
    done++;
    if (bar) bar.update(done, { file: path.basename(result.file) });
    else if (files.length > 1)
      console.error(`[${done}/${files.length}] ${path.relative(process.cwd(), result.file)}`);
  };
  const results =
    files.length > 1 && os.availableParallelism() > 1
      ? await extractInWorkers(jobs, onDone)
      : jobs.map((job) => {
          const result = extractFile(job);
          onDone(result);
          return result;
        });
  bar?.stop();
  let failed = 0;
  for (const result of results) {
    if (result.error) {
      failed++;
      console.error(`error ${path.relative(process.cwd(), result.file)}: ${result.error}`);
      continue;
    }
    const problems = result.problems ?? [];
    if (problems.length > 0) failed++;
    console.log(
      `${problems.length === 0 ? 'ok ' : 'bad'} ${path.relative(process.cwd(), result.out)}: ${result.attributions} attributions, ` +
        `${result.claims} claims, ${result.actors} actors (${result.existing} already in the graph), ${result.figures} figures`,
    );
    for (const problem of problems) console.error(`  ${problem}`);
  }
  return failed === 0 ? 0 : 1;
}

/** One file to extract, as sent to a worker. */
export interface ExtractJob {
  readonly file: string;
  readonly out: string;
  readonly published?: string;
  readonly publisher?: string;
  readonly url?: string;
  readonly title?: string;
  readonly json: boolean;
}

/** What extracting one file gave. */
export interface ExtractResult {
  readonly file: string;
  readonly out: string;
  readonly error?: string;
  readonly problems?: readonly string[];
  readonly attributions?: number;
  readonly claims?: number;
  readonly actors?: number;
  readonly existing?: number;
  readonly figures?: number;
}

/** Extracts one file, writes its draft and validates it as `seed validate` would. */
export function extractFile(job: ExtractJob): ExtractResult {
  let text: string;
  try {
    text = readFileSync(job.file, 'utf8');
  } catch (error) {
    return {
      file: job.file,
      out: job.out,
      error: error instanceof Error ? error.message : String(error),
    };
  }
  const input: ArticleInput = {
    text,
    textFile: path.relative(path.dirname(job.out), job.file),
    published: job.published,
    publisher: job.publisher,
    url: job.url,
    title: job.title,
  };
  const draft = extractArticle(input, { knownActors: readKnownActorsFromSeeds() });
  const header =
    '# A draft proposed by claimgraph extract: review it before loading (docs/extract.md).\n';
  writeFileSync(
    job.out,
    job.json ? `${JSON.stringify(draft, null, 2)}\n` : header + stringify(draft, { lineWidth: 0 }),
  );
  const validation = validateSeedFile(job.out);
  return {
    file: job.file,
    out: job.out,
    problems: validation.ok ? [] : validation.problems.map(formatSeedProblem),
    attributions: draft.attributions.length,
    claims: draft.claims.length,
    actors: draft.actors.length,
    existing: draft.actors.filter(
      (actor) => (actor as { resolution?: { status: string } }).resolution?.status === 'existing',
    ).length,
    figures: draft.claims.reduce((sum, claim) => sum + claim.quantities.length, 0),
  };
}

function isIsoDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}
