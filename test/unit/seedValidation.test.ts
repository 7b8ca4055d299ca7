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
  claims: Record<string, unknown>[];
  attributions: Record<string, unknown>[];
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

describe('seeds/seed.schema.json', () => {
  it('is the schema generated from the format (run npm run seed:schema after changing it)', () => {
    const committed: unknown = JSON.parse(
      readFileSync(path.join(projectRoot, 'seeds/seed.schema.json'), 'utf8'),
    );
    expect(committed).toEqual(seedJsonSchema());
  });
});
