import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config/config.js';
import { seedJsonSchema } from '../../src/ingest/seedJsonSchema.js';
import { validateSeedFile, formatSeedProblem } from '../../src/ingest/validateSeedSet.js';

const seedFile = path.join(projectRoot, 'seeds/cncert-2019.seed.yaml');
const articleFile = path.join(projectRoot, 'seeds/cncert-2019.article.txt');

/** Writes a modified copy of the seed set (and its article) to a temp folder. */
interface EditableSeed {
  extraction?: Record<string, unknown>;
  sources: Record<string, unknown>[];
  actors: Record<string, unknown>[];
  claims: Record<string, unknown>[];
  attributions: Record<string, unknown>[];
  claimRelations: Record<string, unknown>[];
  events: Record<string, unknown>[];
}

interface EditableQuotedWords {
  text: string;
  start: number;
  end: number;
}

/** The attribution with this id in an editable seed. */
function attributionOf(seed: EditableSeed, id: string) {
  const attribution = seed.attributions.find((a) => a.id === id);
  if (!attribution) throw new Error(`no ${id} in the seed`);
  return attribution as Record<string, unknown> & {
    start: number;
    end: number;
    quotedWords?: EditableQuotedWords[];
  };
}

/** Validates an edited copy of the seed and returns its problems as formatted lines. */
function problemsOf(edit: (seed: EditableSeed) => void): string[] {
  const result = validateSeedFile(seedCopy(edit));
  return result.ok ? [] : result.problems.map(formatSeedProblem);
}

function seedCopy(edit: (seed: EditableSeed) => void): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'claimgraph-seed-'));
  copyFileSync(articleFile, path.join(dir, 'cncert-2019.article.txt'));
  const seed = parse(readFileSync(seedFile, 'utf8')) as EditableSeed;
  edit(seed);
  const file = path.join(dir, 'edited.seed.yaml');
  writeFileSync(file, stringify(seed));
  return file;
}

describe('the curated seed set', () => {
  const result = validateSeedFile(seedFile);

  it('passes validation', () => {
    expect(result.ok ? [] : result.problems.map(formatSeedProblem)).toEqual([]);
  });

  it('keeps the article byte-for-byte', () => {
    // SHA-256 of the article as received (shared/seed/article.txt), recorded in seeds/README.md.
    expect(createHash('sha256').update(readFileSync(articleFile)).digest('hex')).toBe(
      '434e41500cec2f054627b079e4f71898f7655bc9b79449beb149f4683381496b',
    );
  });

  it('anchors every quote to its offsets in the article', () => {
    if (!result.ok) throw new Error('seed invalid');
    const article = readFileSync(articleFile, 'utf8');
    const { attributions } = result.value.seedSet;
    expect(attributions.length).toBeGreaterThanOrEqual(30);
    for (const attribution of attributions) {
      expect(article.slice(attribution.start, attribution.end), attribution.id).toBe(
        attribution.quote,
      );
    }
  });

  it('normalises the article figures (14.000 → 14000, 3.34 million → 3340000, 3.325 → 3325)', () => {
    if (!result.ok) throw new Error('seed invalid');
    const quantities = result.value.seedSet.claims.flatMap((claim) => claim.quantities);
    const byRaw = new Map(quantities.map((quantity) => [quantity.raw, quantity]));
    expect(byRaw.get('14.000')).toMatchObject({
      value: 14000,
      change: { value: 90.8, unit: 'percent' },
    });
    expect(byRaw.get('3.34 million')?.value).toBe(3340000);
    expect(byRaw.get('3.325')?.value).toBe(3325);
    expect(byRaw.get('3.607')).toMatchObject({ value: 3607, change: { value: 43 } });
    expect(byRaw.get('133')?.value).toBe(133);
  });

  it("gives every direct attribution its quoted words, verbatim at their offsets, and Bolton's own", () => {
    if (!result.ok) throw new Error('seed invalid');
    const article = readFileSync(articleFile, 'utf8');
    const { attributions } = result.value.seedSet;
    const direct = attributions.filter((a) => a.speech === 'direct');
    expect(direct).toHaveLength(5);
    for (const attribution of attributions) {
      expect(attribution.quotedWords.length > 0, attribution.id).toBe(
        attribution.speech === 'direct',
      );
      for (const words of attribution.quotedWords) {
        expect(article.slice(words.start, words.end), attribution.id).toBe(words.text);
        // Each span is exactly what stands between the quotation marks (backticks).
        expect(article[words.start - 1], attribution.id).toBe('`');
      }
    }
    const byId = new Map(attributions.map((a) => [a.id, a.quotedWords.map((w) => w.text)]));
    expect(byId.get('att-bolton-operations-show-will-pay-price')).toEqual(['will pay a price']);
    expect(byId.get('att-experts-cyberwar-escalation')).toEqual(['cyberwar']);
    expect(byId.get('att-peskov-demonizing-russia')).toEqual(['demonizing']);
    // The long quote's closing mark is missing: its words end where the tag begins.
    const long = byId.get('att-bolton-pay-price-impose-costs')![0]!;
    expect(long).toMatch(/^You will pay a price if we find .* to use cyber against us$/);
    expect(article).toContain(`${long}. Bolton added`);
  });

  it('covers the whole article: about 25–30 claims or more, every actor kind', () => {
    if (!result.ok) throw new Error('seed invalid');
    const { claims, actors } = result.value.seedSet;
    expect(claims.length).toBeGreaterThanOrEqual(25);
    expect(new Set(actors.map((actor) => actor.kind))).toEqual(
      new Set(['person', 'organisation', 'state', 'media-outlet', 'unnamed-group']),
    );
  });
});

describe('seed validation errors', () => {
  it('names file, record and field of a bad record', () => {
    const file = seedCopy((seed) => {
      (seed.claims[1] as Record<string, unknown>).quantities = [
        { raw: '14.000', value: 'lots', unit: 'servers', kind: 'count' },
      ];
    });
    const result = validateSeedFile(file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const [problem] = result.problems;
    expect(problem).toMatchObject({
      record: expect.stringMatching(/^claims\[1\] \(clm-/),
      field: 'quantities[0].value',
    });
    expect(formatSeedProblem(problem!)).toContain('edited.seed.yaml');
  });

  it('refuses a quote that is not at its offsets, and says where it is', () => {
    const file = seedCopy((seed) => {
      const attribution = seed.attributions[0] as { start: number; end: number };
      attribution.start += 3;
      attribution.end += 3;
    });
    const result = validateSeedFile(file);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.message).toMatch(/is at start: \d+, end: \d+/);
  });

  it('refuses dangling references and duplicate ids, reporting all of them', () => {
    const file = seedCopy((seed) => {
      (seed.attributions[0] as Record<string, unknown>).actor = 'act-nobody';
      seed.claims.push({ ...(seed.claims[0] as object) });
    });
    const result = validateSeedFile(file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const messages = result.problems.map(formatSeedProblem).join('\n');
    expect(messages).toContain('"act-nobody" is not an id in actors');
    expect(messages).toContain('duplicate id');
  });
});

describe('quoted words', () => {
  const bolton = 'att-bolton-operations-show-will-pay-price';

  it('refuses quoted words that are not at their offsets, and says where they are', () => {
    const problems = problemsOf((seed) => {
      attributionOf(seed, bolton).quotedWords = [
        { text: 'will pay a price', start: 3096, end: 3112 },
      ];
    });
    expect(problems).toEqual([
      expect.stringMatching(
        /attributions\[\d+\] \(att-bolton-operations-show-will-pay-price\): quotedWords\[0\]\.start: the words are not at 3096\.\.3112; they are at start: 3097, end: 3113$/,
      ),
    ]);
  });

  it('refuses words that are not in the text at all', () => {
    const problems = problemsOf((seed) => {
      attributionOf(seed, bolton).quotedWords = [
        { text: 'will pay the price', start: 3097, end: 3115 },
      ];
    });
    expect(problems).toEqual([
      expect.stringMatching(/quotedWords\[0\]\.text: is not a verbatim span of the source text$/),
    ]);
  });

  it('refuses words outside the quote, even when they are verbatim there', () => {
    const problems = problemsOf((seed) => {
      // `will pay a price` also occurs in the long quote, outside this attribution's span.
      attributionOf(seed, bolton).quotedWords = [
        { text: 'will pay a price', start: 3447, end: 3463 },
      ];
    });
    expect(problems).toEqual([
      expect.stringMatching(
        /quotedWords\[0\]\.end: 3447\.\.3463 lies outside the quote \(3053\.\.3151\); quoted words are a span of the quote$/,
      ),
    ]);
  });

  it('refuses spans out of order or overlapping, and an end before the start', () => {
    const problems = problemsOf((seed) => {
      attributionOf(seed, bolton).quotedWords = [
        { text: 'pay a price', start: 3102, end: 3113 },
        { text: 'will pay', start: 3097, end: 3105 },
        { text: 'price', start: 3113, end: 3108 },
      ];
    });
    expect(problems).toEqual([
      expect.stringMatching(
        /quotedWords\[1\]\.start: overlaps or comes before quotedWords\[0\] \(3102\.\.3113\)/,
      ),
      expect.stringMatching(/quotedWords\[2\]\.end: must be greater than start \(3113\)$/),
    ]);
  });

  it('refuses quoted words on indirect speech', () => {
    const problems = problemsOf((seed) => {
      const attribution = attributionOf(seed, 'att-bolton-offensive-cyber-operations-abroad');
      expect(attribution.speech).toBe('indirect');
      const start = readFileSync(articleFile, 'utf8').indexOf('offensive cyber operations');
      attribution.quotedWords = [{ text: 'offensive cyber operations', start, end: start + 26 }];
    });
    expect(problems).toEqual([
      expect.stringMatching(
        /\(att-bolton-offensive-cyber-operations-abroad\): quotedWords: only direct speech has quoted words \(this attribution is indirect\)/,
      ),
    ]);
  });

  it('refuses a span that is not a strict { text, start, end }', () => {
    const problems = problemsOf((seed) => {
      attributionOf(seed, bolton).quotedWords = [
        {
          text: 'will pay a price',
          start: 3097,
          end: 3113,
          speaker: 'Bolton',
        } as EditableQuotedWords,
      ];
    });
    expect(problems).toEqual([
      expect.stringMatching(/quotedWords\[0\]: Unrecognized key: "speaker"/),
    ]);
  });
});

describe('draft-only fields', () => {
  /** A draft: the seed with a confidence and evidence on every kind of record. */
  const draft = (seed: EditableSeed) => {
    // A fresh array per record: shared objects would be written as YAML aliases.
    const evidence = () => [
      { rule: 'frame:X-said-that', start: 0, end: 40, note: 'first sentence' },
    ];
    seed.extraction = {
      extractor: 'claimgraph-extract',
      version: '0.1.0',
      published: '2019-06-12',
    };
    for (const section of ['sources', 'actors', 'claims', 'attributions', 'events'] as const) {
      for (const record of seed[section])
        Object.assign(record, { confidence: 0.8, evidence: evidence() });
    }
    for (const relation of seed.claimRelations)
      Object.assign(relation, { confidence: 1, evidence: evidence() });
    for (const claim of seed.claims) {
      for (const quantity of (claim.quantities ?? []) as Record<string, unknown>[])
        Object.assign(quantity, {
          confidence: 0.95,
          evidence: [{ rule: 'number', start: 5, end: 5 }],
        });
    }
    Object.assign(seed.actors[0]!, {
      resolution: { status: 'existing', reason: 'alias "CNCERT" matched', score: 0.97 },
    });
    Object.assign(seed.actors[1]!, {
      resolution: { status: 'new', reason: 'no actor of that name', score: 0 },
    });
  };

  it('accepts a draft with confidence, evidence, resolution and extraction', () => {
    const result = validateSeedFile(seedCopy(draft));
    expect(result.ok ? [] : result.problems.map(formatSeedProblem)).toEqual([]);
    if (!result.ok) return;
    expect(result.value.seedSet.extraction).toMatchObject({ extractor: 'claimgraph-extract' });
    expect(result.value.seedSet.attributions[0]?.confidence).toBe(0.8);
  });

  it('refuses a confidence or score outside 0..1, a bad status, a bad date and unknown keys', () => {
    const problems = problemsOf((seed) => {
      draft(seed);
      seed.attributions[0]!.confidence = 1.5;
      (seed.claims[1]!.quantities as Record<string, unknown>[])[0]!.confidence = -0.1;
      seed.actors[0]!.resolution = { status: 'maybe', reason: 'r', score: 2 };
      seed.extraction!.published = '2019-02-30';
      seed.events[0]!.evidence = [{ rule: 'r', start: 0, end: 1, extra: true }];
    }).join('\n');
    expect(problems).toMatch(/attributions\[0\] \([^)]+\): confidence: /);
    expect(problems).toMatch(/claims\[1\] \([^)]+\): quantities\[0\]\.confidence: /);
    expect(problems).toMatch(/actors\[0\] \([^)]+\): resolution\.status: /);
    expect(problems).toMatch(/actors\[0\] \([^)]+\): resolution\.score: /);
    expect(problems).toMatch(/\(file\): extraction\.published: must be a date YYYY-MM-DD/);
    expect(problems).toMatch(/events\[0\] \([^)]+\): evidence\[0\]: Unrecognized key: "extra"/);
  });

  it('refuses evidence that ends before it starts or runs past the article', () => {
    const length = readFileSync(articleFile, 'utf8').length;
    const problems = problemsOf((seed) => {
      draft(seed);
      seed.claims[0]!.evidence = [{ rule: 'r', start: 10, end: 9 }];
      seed.claimRelations[0]!.evidence = [{ rule: 'r', start: 10, end: length + 1 }];
      (seed.claims[1]!.quantities as Record<string, unknown>[])[0]!.evidence = [
        { rule: 'r', start: 0, end: 1 },
        { rule: 'r', start: length, end: length + 5 },
      ];
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /claims\[0\] \([^)]+\): evidence\[0\]\.end: must not be less than start \(10\)$/,
        ),
        expect.stringMatching(
          new RegExp(
            `claimRelations\\[0\\]: evidence\\[0\\]\\.end: is past the end of the article text \\(${length} characters\\)$`,
          ),
        ),
        expect.stringMatching(
          /claims\[1\] \([^)]+\): quantities\[0\]\.evidence\[1\]\.end: is past the end/,
        ),
      ]),
    );
    expect(problems).toHaveLength(3);
  });

  it('checks only start <= end when the set has no single article text', () => {
    const problems = problemsOf((seed) => {
      draft(seed);
      const second = seed.sources.find((source) => source.textFile === undefined)!;
      second.textFile = 'cncert-2019.article.txt';
      seed.claims[0]!.evidence = [{ rule: 'r', start: 10, end: 1_000_000 }];
      seed.claims[1]!.evidence = [{ rule: 'r', start: 10, end: 9 }];
    });
    expect(problems).toEqual([
      expect.stringMatching(/claims\[1\] .*evidence\[0\]\.end: must not be less than start/),
    ]);
  });
});

describe('seeds/seed.schema.json', () => {
  it('is the schema generated from the format (run npm run seed:schema after changing it)', () => {
    const committed: unknown = JSON.parse(
      readFileSync(path.join(projectRoot, 'seeds/seed.schema.json'), 'utf8'),
    );
    expect(committed).toEqual(seedJsonSchema());
  });
});
