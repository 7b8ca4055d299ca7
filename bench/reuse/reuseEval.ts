/**
 * The hidden-sourcing (text reuse) eval: recall of passages planted in the hand-written corpus,
 * false links among independent articles, fingerprint density and speed. bench/reuse/README.md
 * defines every measure; runReuseEval.ts writes the results.
 */
import { execFileSync } from 'node:child_process';
import { projectRoot } from '../../src/config/config.js';
import { fingerprintScheme } from '../../src/reuse/fingerprintScheme.js';
import { machineDetails } from '../machineDetails.js';
import { measureFalseLinks, type FalseLinkResult } from './falseLinks.js';
import { measureDensity, type FingerprintDensity } from './fingerprintDensity.js';
import { measureParaphrases, type ParaphraseResult } from './paraphraseEval.js';
import { measureRecall, type RecallResult } from './plantedRecall.js';
import {
  choosePlants,
  DEFAULT_TRIALS_PER_LENGTH,
  plantText,
  REUSE_EVAL_SEED,
} from './plantPassages.js';
import { evaluateReuseGoals, type ReuseGoal } from './reuseGoals.js';
import { defaultCorpusDir, loadReuseCorpus, type ReuseCorpus } from './reuseCorpus.js';
import { measureSpeed, type ReuseSpeed } from './reuseSpeed.js';

/** What the eval ran on (no database is involved, so no Neo4j settings). */
export interface ReuseEvalMachine {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memoryGiB: number;
  readonly node: string;
  readonly kernel: string;
}

/** The size of the corpus. */
export interface CorpusSummary {
  readonly events: readonly {
    readonly event: string;
    readonly articles: number;
    readonly words: number;
  }[];
  readonly articles: number;
  readonly articleWords: number;
  readonly donors: readonly { readonly id: string; readonly words: number }[];
  readonly donorWords: number;
  readonly paraphrases: number;
}

/** Everything one run measured: bench/results/reuse.json. */
export interface ReuseEvalResult {
  readonly date: string;
  readonly gitCommit: string | null;
  readonly machine: ReuseEvalMachine;
  /** The fingerprinting scheme under test (fingerprintScheme()). */
  readonly scheme: string;
  readonly seed: number;
  readonly trialsPerLength: number;
  readonly corpus: CorpusSummary;
  readonly goals: readonly ReuseGoal[];
  readonly recall: RecallResult;
  readonly paraphrases: readonly ParaphraseResult[];
  readonly falseLinks: FalseLinkResult;
  readonly fingerprints: FingerprintDensity;
  readonly speed: ReuseSpeed;
  /** Candidate lookup in the database at 1k/10k/100k stored sources: not measured by this eval. */
  readonly lookup: null;
  readonly lookupNote: string;
}

/** Options of a run. */
export interface ReuseEvalOptions {
  readonly corpusDir?: string;
  readonly trialsPerLength?: number;
  readonly speed?: { readonly runs?: number; readonly warmupRuns?: number };
  readonly log?: (line: string) => void;
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

function machine(): ReuseEvalMachine {
  const details = machineDetails();
  return {
    cpus: details.cpus,
    cpuModel: details.cpuModel,
    memoryGiB: details.memoryGiB,
    node: details.node,
    kernel: details.kernel,
  };
}

function summarise(corpus: ReuseCorpus): CorpusSummary {
  const events = [...new Set(corpus.articles.map((article) => article.group))].map((event) => {
    const texts = corpus.articles.filter((article) => article.group === event);
    return {
      event,
      articles: texts.length,
      words: texts.reduce((sum, text) => sum + text.words, 0),
    };
  });
  return {
    events,
    articles: corpus.articles.length,
    articleWords: events.reduce((sum, event) => sum + event.words, 0),
    donors: corpus.donors.map((donor) => ({ id: donor.id, words: donor.words })),
    donorWords: corpus.donors.reduce((sum, donor) => sum + donor.words, 0),
    paraphrases: corpus.paraphrases.length,
  };
}

/** Runs the whole eval; `log` receives one line per stage. */
export function runReuseEval(options: ReuseEvalOptions = {}): ReuseEvalResult {
  const log = options.log ?? (() => undefined);
  const trialsPerLength = options.trialsPerLength ?? DEFAULT_TRIALS_PER_LENGTH;
  const corpus = loadReuseCorpus(options.corpusDir ?? defaultCorpusDir);
  const summary = summarise(corpus);
  log(
    `${summary.events.length} events, ${summary.articles} articles (${summary.articleWords} words), ` +
      `${summary.donors.length} donors (${summary.donorWords} words), ${summary.paraphrases} paraphrases; ` +
      `scheme ${fingerprintScheme()}`,
  );
  const plants = choosePlants(corpus.articles, corpus.donors, trialsPerLength);
  const recall = measureRecall(plants);
  log(
    `recall: ${recall.cells.map((cell) => `${cell.length}/${cell.variant} ${cell.found}/${cell.planted}`).join(', ')}`,
  );
  const paraphrases = measureParaphrases(corpus.paraphrases, corpus.articles, corpus.donors);
  log(
    `paraphrases: ${paraphrases.filter((result) => result.asExpected).length}/${paraphrases.length} as expected`,
  );
  const falseLinks = measureFalseLinks(corpus.articles, corpus.donors);
  log(
    `false links: ${falseLinks.sameEvent.linked} of ${falseLinks.sameEvent.pairs} same-event pairs, ` +
      `${falseLinks.otherPairs.linked} of ${falseLinks.otherPairs.pairs} other pairs`,
  );
  const density = measureDensity([...corpus.articles, ...corpus.donors]);
  log(`fingerprints: ${density.storedPerWord.toFixed(3)} stored per word`);
  // The typical pair: the first 40-word plant, verbatim.
  const typical = plants.find((plant) => plant.length === 40) ?? plants[0]!;
  const speed = measureSpeed(
    corpus.articles,
    { host: plantText(typical, 'verbatim').hostText, donor: typical.donor.text },
    options.speed,
  );
  log(
    `speed: ${speed.timings.map((timing) => `${timing.what} ${timing.medianMs.toFixed(3)} ms`).join('; ')}`,
  );
  return {
    date: new Date().toISOString(),
    gitCommit: gitCommit(),
    machine: machine(),
    scheme: fingerprintScheme(),
    seed: REUSE_EVAL_SEED,
    trialsPerLength,
    corpus: summary,
    goals: evaluateReuseGoals(recall, falseLinks, density),
    recall,
    paraphrases,
    falseLinks,
    fingerprints: density,
    speed,
    lookup: null,
    lookupNote:
      'Placeholder: the time to look up candidates in the fingerprint index with 1k, 10k and 100k ' +
      'stored sources needs a database and is measured by the lead elsewhere, not by this eval.',
  };
}
