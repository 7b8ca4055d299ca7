/**
 * `node --import tsx bench/reuse/runReuseEval.ts [--out bench/results] [--trials 40]`: runs the
 * reuse eval (reuseEval.ts) and writes <out>/reuse.json and <out>/reuse.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { projectRoot } from '../../src/config/config.js';
import { InvalidCorpusError } from './reuseCorpus.js';
import { runReuseEval } from './reuseEval.js';
import { reuseMarkdown } from './reuseReport.js';

const usage = `Usage: node --import tsx bench/reuse/runReuseEval.ts [options]
  --out DIR      where reuse.json and reuse.md go (default bench/results)
  --trials N     plants per passage length (default 40)`;

function main(): void {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: path.join(projectRoot, 'bench/results') },
      trials: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const trials = values.trials === undefined ? undefined : Number(values.trials);
  if (trials !== undefined && (!Number.isInteger(trials) || trials < 1)) {
    console.error(`--trials must be a positive integer\n${usage}`);
    process.exitCode = 1;
    return;
  }
  const log = (line: string) => console.log(`[reuse] ${line}`);
  try {
    const results = runReuseEval({ log, ...(trials !== undefined && { trialsPerLength: trials }) });
    mkdirSync(values.out, { recursive: true });
    writeFileSync(path.join(values.out, 'reuse.json'), `${JSON.stringify(results, null, 2)}\n`);
    writeFileSync(path.join(values.out, 'reuse.md'), reuseMarkdown(results));
    log(
      `goals: ${results.goals.map((goal) => `${goal.goal}: ${goal.shown} (${goal.status})`).join('; ')}`,
    );
    log(`written to ${path.relative(process.cwd(), values.out) || '.'}/reuse.{json,md}`);
  } catch (error) {
    if (!(error instanceof InvalidCorpusError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}

if (
  process.argv[1] !== undefined &&
  path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
)
  main();
