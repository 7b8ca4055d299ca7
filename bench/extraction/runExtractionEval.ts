/**
 * `npm run eval:extract [-- --tiny] [--out bench/results] [--dev bench/extraction/dev]`: runs the
 * article extractor on the seed article and on every dev article, scores each draft against its
 * curated gold (scoreExtraction.ts), times the extractor, and writes
 * <out>/extraction.json and <out>/extraction.md. `--tiny` scores the seed article only and writes
 * nothing. bench/extraction/README.md defines the metrics.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { projectRoot } from '../../src/config/config.js';
import type { ArticleInput, KnownActor } from '../../src/extract/articleInput.js';
import { extractArticle, extractorVersion } from '../../src/extract/extractArticle.js';
import { defaultSeedFiles } from '../../src/ingest/defaultSeedFiles.js';
import type { SeedSet } from '../../src/ingest/seedFormat.js';
import {
  formatSeedProblem,
  validateSeedData,
  validateSeedFile,
  type SeedProblem,
} from '../../src/ingest/validateSeedSet.js';
import { evaluateClaimMatching } from './claimMatchEval.js';
import { evaluateGoals } from './extractionGoals.js';
import {
  extractionMarkdown,
  type ArticleResult,
  type EvalMachine,
  type ExtractionResults,
  type SetTotals,
  type SpeedResult,
} from './extractionReport.js';
import { articleSourceId } from './scorableSet.js';
import { combineScores, scoreArticle } from './scoreExtraction.js';

/** The seed gold, and the date its article is taken to be published (its gold gives a month). */
export const seedGoldFile = path.join(projectRoot, 'seeds/cncert-2019.seed.yaml');
const seedPublished = '2019-06-12';
/** Where the dev set's `<slug>.article.txt` and `<slug>.gold.yaml` are. */
export const defaultDevDir = path.join(projectRoot, 'bench/extraction/dev');

/** An article to run the extractor on, with its gold. */
export interface EvalArticle {
  readonly slug: string;
  readonly set: 'seed' | 'dev';
  readonly goldFile: string;
  readonly gold: SeedSet;
  readonly input: ArticleInput;
  /** Whitespace-separated tokens of the text. */
  readonly words: number;
}

/** A gold (or graph seed) file that does not validate: the run stops and prints its problems. */
export class InvalidGoldError extends Error {
  constructor(readonly problems: readonly SeedProblem[]) {
    super(
      `${problems.length} problem(s) in the gold:\n${problems.map(formatSeedProblem).join('\n')}`,
    );
    this.name = 'InvalidGoldError';
  }
}

/** Whitespace-separated tokens: the "words" of words per second. */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((token) => token !== '').length;
}

/**
 * Reads one gold file with the loader's own validation and builds the extractor's input from
 * its article source: the text of its textFile, its title and url, its publisher's name, and
 * the publication date (`published`, or the article source's day value).
 */
export function loadGold(goldFile: string, set: 'seed' | 'dev', published?: string): EvalArticle {
  const validation = validateSeedFile(goldFile);
  if (!validation.ok) throw new InvalidGoldError(validation.problems);
  const { seedSet, sourceTexts } = validation.value;
  const sourceId = articleSourceId(seedSet);
  const source = seedSet.sources.find((s) => s.id === sourceId);
  const text = sourceId === undefined ? undefined : sourceTexts.get(sourceId);
  if (!source || text === undefined)
    throw new InvalidGoldError([
      {
        file: validation.value.file,
        record: '(file)',
        field: 'sources',
        message: 'the gold has no source with a textFile (the article)',
      },
    ]);
  const publisher = seedSet.actors.find((actor) => actor.id === source.publisher)?.name;
  const date = published ?? source.published?.value;
  const input: ArticleInput = {
    text,
    title: source.title,
    ...(source.url !== undefined && { url: source.url }),
    ...(publisher !== undefined && { publisher }),
    ...(date !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(date) && { published: date }),
    ...(source.textFile !== undefined && { textFile: source.textFile }),
  };
  const base = path.basename(goldFile).replace(/\.(gold|seed)\.yaml$/, '');
  return { slug: base, set, goldFile, gold: seedSet, input, words: countWords(text) };
}

/** The seed article (published 2019-06-12 for the eval) and, unless `tiny`, every dev article. */
export function loadEvalArticles(
  options: { readonly tiny?: boolean; readonly devDir?: string } = {},
): EvalArticle[] {
  const articles = [loadGold(seedGoldFile, 'seed', seedPublished)];
  if (options.tiny) return articles;
  const devDir = options.devDir ?? defaultDevDir;
  if (!existsSync(devDir)) return articles;
  const goldFiles = readdirSync(devDir)
    .filter((file) => file.endsWith('.gold.yaml'))
    .sort();
  const problems: SeedProblem[] = [];
  for (const file of goldFiles) {
    try {
      articles.push(loadGold(path.join(devDir, file), 'dev'));
    } catch (error) {
      if (!(error instanceof InvalidGoldError)) throw error;
      problems.push(...error.problems);
    }
  }
  // Every invalid gold is reported at once, so one run shows the curators all there is to fix.
  if (problems.length > 0) throw new InvalidGoldError(problems);
  return articles;
}

/** The graph's actors: those of seeds/*.seed.yaml, which `npm start` loads. */
export function loadKnownActors(seedFiles: readonly string[] = defaultSeedFiles()): KnownActor[] {
  const byId = new Map<string, KnownActor>();
  for (const file of seedFiles) {
    const validation = validateSeedFile(file);
    if (!validation.ok) throw new InvalidGoldError(validation.problems);
    for (const actor of validation.value.seedSet.actors) {
      if (byId.has(actor.id)) continue;
      byId.set(actor.id, {
        id: actor.id,
        kind: actor.kind,
        name: actor.name,
        aliases: actor.aliases,
        anonymous: actor.anonymous,
        ...(actor.description !== undefined && { description: actor.description }),
      });
    }
  }
  return [...byId.values()];
}

/** Problems `seed validate` finds in a draft, its textFile read as the article text. */
function draftProblems(article: EvalArticle, draft: SeedSet): string[] {
  const validation = validateSeedData(`draft of ${article.slug}`, draft, (textFile) =>
    textFile === article.input.textFile ? article.input.text : undefined,
  );
  return validation.ok ? [] : validation.problems.map(formatSeedProblem);
}

/**
 * Extracts one article twice, with the graph's actors known and with none, and scores both
 * drafts. The speed is measured apart (measureSpeed), so medianMs is null here.
 */
export function evaluateArticle(
  article: EvalArticle,
  knownActors: readonly KnownActor[],
): ArticleResult {
  const draft = extractArticle(article.input, { knownActors });
  const emptyDraft = extractArticle(article.input, { knownActors: [] });
  return {
    slug: article.slug,
    set: article.set,
    goldFile: path.relative(projectRoot, article.goldFile),
    words: article.words,
    medianMs: null,
    draftProblems: draftProblems(article, draft),
    score: scoreArticle(article.gold, draft, knownActors),
    emptyGraph: scoreArticle(article.gold, emptyDraft, []),
  };
}

/**
 * The tiny eval, for a test inside `npm test`: the seed article only, with the actors of
 * seeds/*.seed.yaml as the graph's; no timing, no files written.
 */
export function evaluateSeedArticle(): ArticleResult {
  const [seed] = loadEvalArticles({ tiny: true });
  return evaluateArticle(seed!, loadKnownActors());
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length === 0
    ? 0
    : sorted.length % 2 === 1
      ? sorted[mid]!
      : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * Times extractArticle over every article: `warmupRounds` untimed rounds (JIT, caches), then
 * rounds until at least `minRounds` and `minMs` of extraction time, whichever is longer. Only
 * time inside extractArticle counts. Returns the speed and each article's median time.
 */
export function measureSpeed(
  articles: readonly EvalArticle[],
  knownActors: readonly KnownActor[],
  options: {
    readonly warmupRounds?: number;
    readonly minRounds?: number;
    readonly minMs?: number;
  } = {},
): { speed: SpeedResult; medianMs: Map<string, number> } {
  const { warmupRounds = 3, minRounds = 20, minMs = 2000 } = options;
  const extractOptions = { knownActors };
  for (let round = 0; round < warmupRounds; round += 1)
    for (const article of articles) extractArticle(article.input, extractOptions);
  const times = articles.map(() => [] as number[]);
  let totalMs = 0;
  let rounds = 0;
  while (rounds < minRounds || totalMs < minMs) {
    articles.forEach((article, i) => {
      const started = performance.now();
      extractArticle(article.input, extractOptions);
      const elapsed = performance.now() - started;
      times[i]!.push(elapsed);
      totalMs += elapsed;
    });
    rounds += 1;
  }
  const wordsPerRound = articles.reduce((sum, article) => sum + article.words, 0);
  const medians = times.map(median);
  return {
    speed: {
      rounds,
      warmupRounds,
      wordsPerRound,
      totalMs,
      wordsPerSecond: (wordsPerRound * rounds) / (totalMs / 1000),
      msPer1000Words: totalMs / ((wordsPerRound * rounds) / 1000),
      medianArticleMs: median(medians),
    },
    medianMs: new Map(articles.map((article, i) => [article.slug, medians[i]!])),
  };
}

function setTotals(results: readonly ArticleResult[]): SetTotals | null {
  if (results.length === 0) return null;
  return {
    articles: results.length,
    words: results.reduce((sum, result) => sum + result.words, 0),
    seedActors: combineScores(results.map((result) => result.score)),
    emptyGraph: combineScores(results.map((result) => result.emptyGraph)),
  };
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: projectRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null;
  }
}

function machine(): EvalMachine {
  return {
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${os.release()} ${process.arch}`,
  };
}

const fixed = (value: number | null): string => (value === null ? '–' : value.toFixed(2));

/** Scores and times every article; `log` receives one progress line per article. */
export function runExtractionEval(
  options: {
    readonly devDir?: string;
    readonly log?: (line: string) => void;
    readonly speed?: {
      readonly warmupRounds?: number;
      readonly minRounds?: number;
      readonly minMs?: number;
    };
  } = {},
): ExtractionResults {
  const log = options.log ?? (() => undefined);
  const articles = loadEvalArticles({
    ...(options.devDir !== undefined && { devDir: options.devDir }),
  });
  const knownActors = loadKnownActors();
  log(
    `${articles.length} article(s), ${knownActors.length} known actors, extractor ${extractorVersion}`,
  );
  const scored = articles.map((article) => {
    const result = evaluateArticle(article, knownActors);
    const a = result.score.attributions;
    log(
      `${article.set} ${article.slug}: ${article.words} words, ${a.gold} gold / ${a.predicted} predicted attributions, ` +
        `span+speaker F1 ≥30 % ${fixed(a.spans.all.overlap30.speaker.f1)} (empty graph ${fixed(result.emptyGraph.attributions.spans.all.overlap30.speaker.f1)}), ` +
        `exact ${fixed(a.spans.all.exact.speaker.f1)}, figures ${result.score.figures.matched}/${result.score.figures.gold}, ` +
        `times ${result.score.times.matched}/${result.score.times.gold}` +
        (result.draftProblems.length > 0
          ? `, ${result.draftProblems.length} draft problem(s)`
          : ''),
    );
    return result;
  });
  log('timing extractArticle …');
  const { speed, medianMs } = measureSpeed(articles, knownActors, options.speed);
  const withTimes = scored.map((result) => ({
    ...result,
    medianMs: medianMs.get(result.slug) ?? null,
  }));
  const seed = setTotals(withTimes.filter((result) => result.set === 'seed'));
  const dev = setTotals(withTimes.filter((result) => result.set === 'dev'));
  const claimMatching = evaluateClaimMatching();
  log(
    `claim matching: ${claimMatching.pairs} pairs against ${claimMatching.poolClaims} pool claims, ` +
      `precision of matches ${fixed(claimMatching.matchPrecision)}, top-3 ${fixed(claimMatching.top3Rate)}`,
  );
  return {
    date: new Date().toISOString(),
    machine: machine(),
    extractorVersion,
    gitCommit: gitCommit(),
    knownActors: knownActors.length,
    articles: withTimes,
    totals: { seed, dev },
    speed,
    claimMatching,
    goals: evaluateGoals(seed?.seedActors, dev?.seedActors, speed.wordsPerSecond, claimMatching),
  };
}

const usage = `Usage: npm run eval:extract -- [options]
  --tiny               the seed article only; print its scores, write nothing
  --dev DIR            the dev set (default bench/extraction/dev)
  --out DIR            where extraction.json and extraction.md go (default bench/results)`;

function main(): void {
  const { values } = parseArgs({
    options: {
      tiny: { type: 'boolean', default: false },
      dev: { type: 'string', default: defaultDevDir },
      out: { type: 'string', default: path.join(projectRoot, 'bench/results') },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const log = (line: string) => console.log(`[eval] ${line}`);
  try {
    if (values.tiny) {
      const result = evaluateSeedArticle();
      const a = result.score.attributions;
      log(
        `${result.slug}: span+speaker F1 ≥30 % ${fixed(a.spans.all.overlap30.speaker.f1)}, exact ${fixed(a.spans.all.exact.speaker.f1)}, ` +
          `stance ${fixed(a.stance.share)}, figures ${result.score.figures.matched}/${result.score.figures.gold}, ` +
          `times ${result.score.times.matched}/${result.score.times.gold}`,
      );
      return;
    }
    const results = runExtractionEval({ devDir: values.dev, log });
    mkdirSync(values.out, { recursive: true });
    writeFileSync(
      path.join(values.out, 'extraction.json'),
      `${JSON.stringify(results, null, 2)}\n`,
    );
    writeFileSync(path.join(values.out, 'extraction.md'), extractionMarkdown(results));
    const missed = results.goals.filter((goal) => goal.status === 'missed');
    log(
      `${Math.round(results.speed?.wordsPerSecond ?? 0).toLocaleString('en')} words/s; goals met ` +
        `${results.goals.filter((goal) => goal.status === 'met').length}/${results.goals.length}` +
        (missed.length > 0
          ? `; missed: ${missed.map((goal) => `${goal.set} ${goal.goal} (${goal.shown})`).join('; ')}`
          : ''),
    );
    log(`written to ${path.relative(process.cwd(), values.out) || '.'}/extraction.{json,md}`);
  } catch (error) {
    if (!(error instanceof InvalidGoldError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}

// Run only as the entry point: tests import evaluateSeedArticle without starting a full run.
if (
  process.argv[1] !== undefined &&
  path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
)
  main();
