/**
 * bench/results/reuse.md from a run's results: goals first, then every measure with every
 * failure listed, so a reader can judge whether the algorithm or the data is at fault.
 */
import type { FalseLink, PairLinks } from './falseLinks.js';
import type { PlantOutcome } from './plantedRecall.js';
import type { ReuseEvalResult } from './reuseEval.js';
import { PARAPHRASE_EXPECTATIONS } from './paraphraseEval.js';
import type { PassageView } from './scorePlant.js';

const num = (value: number, digits = 2): string => value.toFixed(digits);

/** Shortens text for a table cell: one line, at most `max` characters, pipes escaped. */
export function cell(text: string, max = 160): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const short = oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
  return short.replace(/\|/g, '\\|');
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

const passageText = (passage: PassageView): string =>
  `${passage.words} w, [${passage.host.start}–${passage.host.end}] ← [${passage.donor.start}–${passage.donor.end}], ` +
  `covers ${num(passage.coverage)}: “${cell(passage.text, 120)}”`;

const returned = (passages: readonly PassageView[]): string =>
  passages.length === 0 ? 'nothing' : passages.map(passageText).join(' / ');

function corpusSection(results: ReuseEvalResult): string {
  const c = results.corpus;
  return [
    table(
      ['event', 'articles', 'words', 'same-event pairs'],
      [
        ...c.events.map((event) => [
          event.event,
          String(event.articles),
          String(event.words),
          String((event.articles * (event.articles - 1)) / 2),
        ]),
        [
          `**${c.events.length} events**`,
          `**${c.articles}**`,
          `**${c.articleWords}**`,
          `**${results.falseLinks.sameEvent.pairs}**`,
        ],
      ],
    ),
    table(
      ['donor text', 'words'],
      c.donors.map((donor) => [donor.id, String(donor.words)]),
    ),
    `${c.paraphrases} hand-written paraphrases; ${results.recall.plants} plants ` +
      `(${results.trialsPerLength} per length, seed ${results.seed}), each scored in ` +
      `${results.recall.variants.length} variants.`,
  ].join('\n\n');
}

function recallSection(results: ReuseEvalResult): string {
  const { lengths, variants, cells } = results.recall;
  const find = (length: number, variant: string) =>
    cells.find((c) => c.length === length && c.variant === variant);
  const grid = (value: (c: NonNullable<ReturnType<typeof find>>) => string) =>
    lengths.map((length) => [
      `${length} words`,
      ...variants.map((variant) => {
        const c = find(length, variant);
        return c ? value(c) : '–';
      }),
    ]);
  return [
    'Found: one passage of `alignPassages(host, donor)` covers ≥ 80 % of the planted tokens.',
    table(
      ['recall', ...variants],
      grid((c) => `${num(c.recall, 3)} (${c.found}/${c.planted})`),
    ),
    'Exact offsets: a passage starts and ends at the planted words’ first and last tokens, in ' +
      'the host and in the donor.',
    table(
      ['exact offsets', ...variants],
      grid((c) => `${num(c.exactShare, 3)} (${c.exact}/${c.planted})`),
    ),
    table(
      ['other', ...variants],
      [
        [
          'found, donor side away from the copied words',
          ...variants.map((v) =>
            String(cells.filter((c) => c.variant === v).reduce((s, c) => s + c.misplaced, 0)),
          ),
        ],
        [
          'words changed by the edits (all lengths)',
          ...variants.map((v) =>
            String(cells.filter((c) => c.variant === v).reduce((s, c) => s + c.editedWords, 0)),
          ),
        ],
      ],
    ),
  ].join('\n\n');
}

const composition = (o: PlantOutcome): string =>
  `${o.composition.tokens} / ${o.composition.inStockPhrases} / ${o.composition.stopWords} / ${o.composition.lowerCaseContent}`;

const outcomeRow = (o: PlantOutcome): string[] => [
  o.plant,
  o.variant,
  `${o.host} ← ${o.donor}`,
  cell(o.plantedText, 200),
  composition(o),
  num(o.bestCoverage),
  num(o.unionCoverage),
  cell(returned(o.passages), 400),
];

function missesSection(results: ReuseEvalResult): string {
  const { misses } = results.recall;
  if (misses.length === 0) return 'None.';
  return [
    'Composition: tokens / in stock phrases / other stop words / lower-case content words of the ' +
      'planted text, counted by the scorer with src/reuse’s stop-word and stock-phrase lists ' +
      '(alignPassages counts its own, over the words it matched). “best”: the best single ' +
      'passage’s share of the planted tokens; “union”: all passages’ together.',
    table(
      [
        'plant',
        'variant',
        'host ← donor',
        'planted text',
        'composition',
        'best',
        'union',
        'what came back',
      ],
      misses.map(outcomeRow),
    ),
  ].join('\n\n');
}

function inexactSection(results: ReuseEvalResult): string {
  const { inexact } = results.recall;
  if (inexact.length === 0) return 'None.';
  return table(
    [
      'plant',
      'variant',
      'host ← donor',
      'boundary in the host',
      'expected host, donor',
      'returned (host ← donor)',
    ],
    inexact.map((o) => [
      o.plant,
      o.variant,
      `${o.host} ← ${o.donor}`,
      cell(o.boundary, 120),
      `[${o.expectedHost.start}–${o.expectedHost.end}], [${o.expectedDonor.start}–${o.expectedDonor.end}]`,
      cell(
        o.passages
          .filter((p) => p.coverage > 0)
          .map(
            (p) =>
              `[${p.host.start}–${p.host.end}] ← [${p.donor.start}–${p.donor.end}] (${p.words} w, covers ${num(p.coverage)})`,
          )
          .join(' / '),
        300,
      ),
    ]),
  );
}

function backgroundSection(results: ReuseEvalResult): string {
  const { background } = results.recall;
  if (background.length === 0)
    return 'None: no host shares a passage with its donor before planting.';
  return table(
    ['host', 'donor', 'plants', 'passages before planting'],
    background.map((b) => [
      b.host,
      b.donor,
      String(b.plants),
      cell(b.passages.map((p) => `${p.words} w: “${p.text}”`).join(' / '), 300),
    ]),
  );
}

function paraphraseSection(results: ReuseEvalResult): string {
  return [
    `Expected: rewritten, ${PARAPHRASE_EXPECTATIONS.rewritten}; reordered, ${PARAPHRASE_EXPECTATIONS.reordered}.`,
    table(
      [
        'paraphrase',
        'kind',
        'host',
        'words',
        'found',
        'best',
        'union',
        'as expected',
        'what came back',
      ],
      results.paraphrases.map((p) => [
        `${p.id} (${p.source}#${p.paragraph})`,
        p.kind,
        p.host,
        String(p.words),
        p.found ? 'yes' : 'no',
        num(p.bestCoverage),
        num(p.unionCoverage),
        p.asExpected ? 'yes' : '**no**',
        cell(returned(p.passages), 400),
      ]),
    ),
  ].join('\n\n');
}

const linkRow = (link: FalseLink): string[] => [
  link.a,
  link.b,
  cell(link.forward.map((s) => `${s.words} w: “${s.text}”`).join(' / ') || '–', 300),
  cell(link.backward.map((s) => `${s.words} w: “${s.text}”`).join(' / ') || '–', 300),
];

function linkSection(links: PairLinks): string {
  const summary =
    `${links.linked} of ${links.pairs} pairs linked (in either direction); ` +
    `${links.asymmetric} linked one way only.`;
  if (links.links.length === 0) return summary;
  return [
    summary,
    table(['a', 'b', 'shared, align(a, b)', 'shared, align(b, a)'], links.links.map(linkRow)),
  ].join('\n\n');
}

/** bench/results/reuse.md. */
export function reuseMarkdown(results: ReuseEvalResult): string {
  const m = results.machine;
  const f = results.fingerprints;
  return [
    '# Reuse (hidden sourcing) eval',
    '',
    `Generated by \`node --import tsx bench/reuse/runReuseEval.ts\` on ${results.date}, commit ` +
      `${results.gitCommit ?? 'unknown'}, scheme ${results.scheme}; ${m.cpuModel}, ${m.cpus} CPUs, ` +
      `${m.memoryGiB} GiB, Node ${m.node}, ${m.kernel}. The corpus, variants and measures are ` +
      'defined in bench/reuse/README.md.',
    '',
    '## Goals',
    '',
    table(
      ['goal', 'target', 'value', 'status'],
      results.goals.map((g) => [g.goal, g.target, g.shown, g.status]),
    ),
    '',
    '## Corpus',
    '',
    corpusSection(results),
    '',
    '## Recall of planted passages',
    '',
    recallSection(results),
    '',
    '### Plants not found',
    '',
    missesSection(results),
    '',
    '### Found, but not at the exact offsets',
    '',
    inexactSection(results),
    '',
    '### Host and donor sharing passages before planting',
    '',
    backgroundSection(results),
    '',
    '## Paraphrases',
    '',
    paraphraseSection(results),
    '',
    '## False links',
    '',
    '### Independent articles on the same event (the goal)',
    '',
    linkSection(results.falseLinks.sameEvent),
    '',
    '### All other pairs of the corpus (different events, donors)',
    '',
    linkSection(results.falseLinks.otherPairs),
    '',
    '## Fingerprints stored per word',
    '',
    table(
      ['measure', 'value'],
      [
        ['k (words per k-gram), w (window)', `${f.k}, ${f.w}`],
        ['texts, words, tokens', `${f.texts}, ${f.words}, ${f.tokens}`],
        ['stored (distinct per text), per word', `${f.stored}, ${num(f.storedPerWord, 3)}`],
        [
          'selected positions, per word, per token',
          `${f.positions}, ${num(f.positionsPerWord, 3)}, ${num(f.positionsPerToken, 3)}`,
        ],
        ['random-hash model, 2 / (w + 1)', num(f.randomModelDensity, 3)],
        [
          'stored per word, lowest and highest text',
          `${num(f.perTextRange.min, 3)}, ${num(f.perTextRange.max, 3)}`,
        ],
      ],
    ),
    '',
    '## Speed',
    '',
    table(
      ['operation', 'words', 'median ms', 'min ms', 'runs'],
      results.speed.timings.map((t) => [
        t.what,
        t.words,
        num(t.medianMs, 3),
        num(t.minMs, 3),
        `${t.runs} (after ${t.warmupRuns} warm-up)`,
      ]),
    ),
    '',
  ].join('\n');
}
