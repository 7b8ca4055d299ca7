import type { ClaimMatchingResults } from './claimMatchEval.js';
import type { GoalResult } from './extractionGoals.js';
import type {
  ArticleScore,
  AttributionView,
  FigureView,
  MatchLevel,
  Prf,
  ScoreCounts,
  SpanScores,
  Strictness,
  TimeView,
} from './scoreExtraction.js';

/** What the eval ran on, recorded beside its numbers. */
export interface EvalMachine {
  readonly cpuModel: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly node: string;
  readonly platform: string;
}

/** The timing of extractArticle over every article. */
export interface SpeedResult {
  /** Measured rounds (each extracts every article once), after the warm-up rounds. */
  readonly rounds: number;
  readonly warmupRounds: number;
  /** Words of one round: whitespace-separated tokens of every article. */
  readonly wordsPerRound: number;
  /** Time inside extractArticle over the measured rounds. */
  readonly totalMs: number;
  readonly wordsPerSecond: number;
  readonly msPer1000Words: number;
  /** Median over articles of each article's median time. */
  readonly medianArticleMs: number;
}

/** One article of the eval: its scores with the seed actors as the graph and with an empty graph. */
export interface ArticleResult {
  readonly slug: string;
  readonly set: 'seed' | 'dev';
  readonly goldFile: string;
  readonly words: number;
  /** Median time of one extraction of this article, over the measured rounds. */
  readonly medianMs: number | null;
  /** Problems `seed validate` finds in the draft (with the seed actors). */
  readonly draftProblems: readonly string[];
  /** Extracted with the actors of seeds/*.seed.yaml known: the main figures. */
  readonly score: ArticleScore;
  /** Extracted with no known actors. */
  readonly emptyGraph: ArticleScore;
}

/** The pooled (micro-averaged) scores of one set of articles. */
export interface SetTotals {
  readonly articles: number;
  readonly words: number;
  readonly seedActors: ScoreCounts;
  readonly emptyGraph: ScoreCounts;
}

/** Everything one run of `npm run eval:extract` measured: bench/results/extraction.json. */
export interface ExtractionResults {
  readonly date: string;
  readonly machine: EvalMachine;
  readonly extractorVersion: string;
  readonly gitCommit: string | null;
  /** Actors of seeds/*.seed.yaml, given to the extractor as the graph's. */
  readonly knownActors: number;
  readonly articles: readonly ArticleResult[];
  readonly totals: { readonly seed: SetTotals | null; readonly dev: SetTotals | null };
  readonly speed: SpeedResult | null;
  /** The claim matcher on claim-pairs/pairs.yaml; null when not run. */
  readonly claimMatching: ClaimMatchingResults | null;
  readonly goals: readonly GoalResult[];
}

const strictnessLabels: Record<Strictness, string> = {
  exact: 'exact',
  overlap80: '≥ 80 %',
  overlap30: '≥ 30 %',
};
const levelLabels: Record<MatchLevel, string> = {
  span: 'span',
  speaker: '+ speaker',
  stance: '+ stance',
};

const num = (value: number | null, digits = 2): string =>
  value === null ? '–' : value.toFixed(digits);
const f1 = (score: Prf): string => num(score.f1);
const prfCell = (score: Prf): string =>
  `${num(score.f1)} (P ${num(score.precision)}, R ${num(score.recall)})`;

/** Shortens text for a table cell: one line, at most `max` characters, pipes escaped. */
export function cell(text: string, max = 100): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const short = oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
  return short.replace(/\|/g, '\\|');
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function spanTable(sets: readonly { name: string; spans: SpanScores }[]): string {
  const rows: string[][] = [];
  for (const strictness of Object.keys(strictnessLabels) as Strictness[]) {
    for (const level of Object.keys(levelLabels) as MatchLevel[]) {
      rows.push([
        `${strictnessLabels[strictness]}, ${levelLabels[level]}`,
        ...sets.map((set) => prfCell(set.spans[strictness][level])),
      ]);
    }
  }
  return table(['attribution spans: F1 (P, R)', ...sets.map((set) => set.name)], rows);
}

function totalsSection(results: ExtractionResults): string {
  const sets = (['seed', 'dev'] as const)
    .map((name) => ({ name, totals: results.totals[name] }))
    .filter((set): set is { name: 'seed' | 'dev'; totals: SetTotals } => set.totals !== null);
  if (sets.length === 0) return '_No articles._';
  const heads = sets.map(
    ({ name, totals }) => `${name} (${totals.articles} art., ${totals.words} words)`,
  );
  const main = sets.map(({ totals }) => totals.seedActors);
  const parts = [
    spanTable(
      sets.map(({ totals }, i) => ({
        name: heads[i]!,
        spans: totals.seedActors.attributions.spans.all,
      })),
    ),
    table(
      ['by speech: F1', ...heads],
      (['direct', 'indirect'] as const).flatMap((speech) =>
        (['exact', 'overlap80', 'overlap30'] as const).flatMap((strictness) =>
          (['span', 'speaker'] as const).map((level) => [
            `${speech}, ${strictnessLabels[strictness]}, ${levelLabels[level]}`,
            ...main.map((counts) => {
              const score = counts.attributions.spans[speech][strictness][level];
              return `${f1(score)} (${score.matched}/${score.gold} gold, ${score.predicted} pred.)`;
            }),
          ]),
        ),
      ),
    ),
    table(
      ['other', ...heads],
      [
        [
          'gold / predicted attributions',
          ...main.map((c) => `${c.attributions.gold} / ${c.attributions.predicted}`),
        ],
        ['cue right (of ≥ 30 % + speaker)', ...main.map((c) => accuracyCell(c.attributions.cue))],
        [
          'stance right (of ≥ 30 % + speaker)',
          ...main.map((c) => accuracyCell(c.attributions.stance)),
        ],
        [
          'speaker resolution (of ≥ 30 % span)',
          ...main.map((c) => accuracyCell(c.attributions.resolution.all)),
        ],
        [
          '… gold speaker in the graph',
          ...main.map((c) => accuracyCell(c.attributions.resolution.goldKnown)),
        ],
        ['… gold speaker new', ...main.map((c) => accuracyCell(c.attributions.resolution.goldNew))],
        [
          'anonymous speakers linked to a named actor',
          ...main.map((c) => String(c.attributions.anonymousLinks.count)),
        ],
        [
          'figures exact (P, R)',
          ...main.map(
            (c) =>
              `${c.figures.matched}/${c.figures.gold} (P ${num(c.figures.precision)}, R ${num(c.figures.recall)})`,
          ),
        ],
        [
          'times exact (precision)',
          ...main.map((c) => `${c.times.matched}/${c.times.gold} (P ${num(c.times.precision)})`),
        ],
        [
          'span + speaker F1 ≥ 30 %: graph: seed actors / graph: empty',
          ...sets.map(
            ({ totals }) =>
              `${f1(totals.seedActors.attributions.spans.all.overlap30.speaker)} / ${f1(totals.emptyGraph.attributions.spans.all.overlap30.speaker)}`,
          ),
        ],
      ],
    ),
  ];
  return parts.join('\n\n');
}

const accuracyCell = (a: { correct: number; total: number; share: number | null }): string =>
  `${num(a.share)} (${a.correct}/${a.total})`;

function articleTable(results: ExtractionResults): string {
  return table(
    [
      'article',
      'set',
      'words',
      'gold / pred.',
      'span+speaker F1 ≥ 30 % (seed actors / empty)',
      'exact',
      'stance',
      'figures',
      'times',
      'anon. links',
      'ms (median)',
      'draft problems',
    ],
    results.articles.map((article) => {
      const a = article.score.attributions;
      return [
        article.slug,
        article.set,
        String(article.words),
        `${a.gold} / ${a.predicted}`,
        `${f1(a.spans.all.overlap30.speaker)} / ${f1(article.emptyGraph.attributions.spans.all.overlap30.speaker)}`,
        f1(a.spans.all.exact.speaker),
        num(a.stance.share),
        `${article.score.figures.matched}/${article.score.figures.gold}`,
        `${article.score.times.matched}/${article.score.times.gold}`,
        String(a.anonymousLinks.count),
        num(article.medianMs, 3),
        String(article.draftProblems.length),
      ];
    }),
  );
}

const figureText = (figure: FigureView): string =>
  `${figure.raw} = ${figure.value} ${figure.unit} (${figure.kind})` +
  (figure.change
    ? `, change ${figure.change.value} ${figure.change.unit} ${figure.change.basis}`
    : '');
const timeText = (time: TimeView): string => `"${time.raw}" = ${time.value} (${time.precision})`;

function missesSection(results: ExtractionResults): string {
  const figureRows = results.articles.flatMap((article) => [
    ...article.score.figureMisses.map((f) => [
      article.slug,
      'missed',
      f.claim,
      cell(figureText(f)),
    ]),
    ...article.score.falseFigures.map((f) => [article.slug, 'false', f.claim, cell(figureText(f))]),
  ]);
  const timeRows = results.articles.flatMap((article) => [
    ...article.score.timeMisses.map((miss) => [
      article.slug,
      'missed',
      cell(timeText(miss.gold)),
      miss.predicted ? cell(timeText(miss.predicted)) : '–',
      cell(miss.gold.where.join('; ')),
    ]),
    ...article.score.falseTimes.map((time) => [
      article.slug,
      'false',
      '–',
      cell(timeText(time)),
      cell(time.where.join('; ')),
    ]),
  ]);
  return [
    '### Figures missed and false',
    figureRows.length > 0 ? table(['article', '', 'claim', 'figure'], figureRows) : 'None.',
    '### Times missed and false',
    timeRows.length > 0
      ? table(['article', '', 'gold', 'predicted', 'where (gold, else predicted)'], timeRows)
      : 'None.',
  ].join('\n\n');
}

const side = (v: AttributionView | undefined): string =>
  v
    ? `${cell(v.text)} — _${cell(v.speaker, 40)}, ${v.stance}, ${v.cue}_ [${v.start}–${v.end}]`
    : '–';

function mismatchSection(results: ExtractionResults): string {
  const seed = results.articles.filter((article) => article.set === 'seed');
  return seed
    .map((article) => {
      const rows = article.score.attributionMismatches.map((m) => [
        m.problems.join(', '),
        side(m.gold),
        side(m.predicted),
      ]);
      return [
        `### Attribution mismatches: ${article.slug}`,
        'Pairs from the one-to-one matching at ≥ 30 % span overlap (span only); every gold ' +
          'attribution not found with the exact span, speaker (and id), stance, cue and speech, and every ' +
          'prediction that matches none. Texts shortened to 100 characters.',
        rows.length > 0 ? table(['what differs', 'gold', 'predicted'], rows) : 'None.',
      ].join('\n\n');
    })
    .join('\n\n');
}

function claimMatchingSection(matching: ClaimMatchingResults | null): string {
  if (matching === null) return 'Not run.';
  const share = (passed: number, cases: number) => `${passed}/${cases}`;
  return [
    `${matching.pairs} proposed claims of bench/extraction/claim-pairs/pairs.yaml, each ranked by ` +
      `rankClaimMatches against all ${matching.poolClaims} pool claims (the seed's curated claims and ` +
      `the dev golds) with the pool's ${matching.knownActors} actors. In production a full-text query ` +
      'picks the candidates first; here the matcher sees the whole pool.',
    table(
      ['measure', 'value'],
      [
        [
          'precision of matches',
          `${num(matching.matchPrecision)} (${matching.matchesRight}/${matching.matchesMade})`,
        ],
        ['paraphrases matched to their claim', num(matching.paraphraseRecall)],
        [
          'right claim among the first three (paraphrase, other figure)',
          `${num(matching.top3Rate)} (${matching.top3Hits}/${matching.top3Cases})`,
        ],
      ],
    ),
    table(
      ['kind', 'cases', 'as expected', 'first proposal a match'],
      Object.entries(matching.byKind).map(([kind, result]) => [
        kind,
        String(result.cases),
        share(result.passed, result.cases),
        String(result.topMatch),
      ]),
    ),
    '### Claim-matching failures',
    matching.failures.length > 0
      ? table(
          ['pair', 'kind', 'claim', 'problem', 'first proposals'],
          matching.failures.map((failure) => [
            failure.id,
            failure.kind,
            failure.target ?? '–',
            failure.problem,
            cell(
              failure.returned
                .map((p) => `${p.claimId} (${p.tier}, ${num(p.score)}: ${p.reason})`)
                .join(' / '),
              400,
            ),
          ]),
        )
      : 'None.',
  ].join('\n\n');
}

/** bench/results/extraction.md: goals, totals, the per-article table and the misses. */
export function extractionMarkdown(results: ExtractionResults): string {
  const m = results.machine;
  const speed = results.speed;
  const lines = [
    '# Extraction eval',
    '',
    `Generated by \`npm run eval:extract\` on ${results.date}: extractor ${results.extractorVersion}` +
      `, commit ${results.gitCommit ?? 'unknown'}; ${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB, ` +
      `Node ${m.node}, ${m.platform}. Graph: ${results.knownActors} actors of seeds/*.seed.yaml. ` +
      'Metrics are defined in bench/extraction/README.md; totals are micro-averages.',
    '',
    '## Goals',
    '',
    table(
      ['set', 'goal', 'target', 'value', 'status'],
      results.goals.map((g) => [g.set, g.goal, g.target, g.shown, g.status]),
    ),
    '',
    '## Totals',
    '',
    totalsSection(results),
    '',
    '## Per article',
    '',
    articleTable(results),
    '',
    '## Speed',
    '',
    speed
      ? table(
          ['words/s', 'ms per 1,000 words', 'median ms per article', 'rounds', 'words per round'],
          [
            [
              Math.round(speed.wordsPerSecond).toLocaleString('en'),
              num(speed.msPer1000Words, 3),
              num(speed.medianArticleMs, 3),
              `${speed.rounds} (after ${speed.warmupRounds} warm-up)`,
              String(speed.wordsPerRound),
            ],
          ],
        )
      : 'Not measured.',
    '',
    '## Claim matching',
    '',
    claimMatchingSection(results.claimMatching),
    '',
    '## Misses',
    '',
    missesSection(results),
    '',
    mismatchSection(results),
    '',
  ];
  return lines.join('\n');
}
