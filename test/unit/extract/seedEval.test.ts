import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  evaluateSeedArticle,
  loadKnownActors,
} from '../../../bench/extraction/runExtractionEval.js';
import { projectRoot } from '../../../src/config/config.js';
import { extractArticle } from '../../../src/extract/extractArticle.js';
import { formatSeedProblem, validateSeedFile } from '../../../src/ingest/validateSeedSet.js';

// The tiny run of the extraction eval inside npm test: the seed article against its gold, with
// named cases checked for correctness. No thresholds on scores, no timing (bench/ has those).

const text = readFileSync(path.join(projectRoot, 'seeds/cncert-2019.article.txt'), 'utf8');
const draft = extractArticle({ text, published: '2019-06-12' }, { knownActors: loadKnownActors() });
const attributionsOf = (actorId: string) =>
  draft.attributions.filter((attribution) => attribution.actor === actorId);

describe('the eval on the seed article', () => {
  it('runs the scorer over the seed gold', () => {
    const result = evaluateSeedArticle();
    expect(result.slug).toBe('cncert-2019');
    expect(result.draftProblems).toEqual([]);
    expect(result.score.attributions.predicted).toBe(draft.attributions.length);
    expect(result.medianMs).toBeNull();
  });

  it('finds Bolton confirming, with the graph’s actor', () => {
    const [confirmed] = attributionsOf('act-bolton');
    expect(confirmed).toMatchObject({ cue: 'confirmed', stance: 'confirms', start: 2918 });
  });

  it('finds both denials of WikiLeaks and Julian Assange on one span', () => {
    const denials = draft.attributions.filter((attribution) => attribution.stance === 'denies');
    const spans = (actorId: string) =>
      denials
        .filter((denial) => denial.actor === actorId)
        .map((denial) => [denial.start, denial.end]);
    expect(spans('act-wikileaks')).toEqual([[4017, 4134]]);
    expect(spans('act-assange')).toEqual([[4017, 4134]]);
  });

  it('reads the mangled figures as the counts they are, with the change of the right noun', () => {
    const quantities = draft.claims.flatMap((claim) => claim.quantities);
    expect(quantities.find((quantity) => quantity.raw === '14.000')).toMatchObject({
      value: 14000,
      unit: 'servers',
      change: { value: 90.8, unit: 'percent', basis: 'year-on-year' },
    });
    expect(quantities.find((quantity) => quantity.raw === '3.34 million')).toMatchObject({
      value: 3340000,
      unit: 'host computers',
    });
    expect(quantities.find((quantity) => quantity.raw === '3.607')).toMatchObject({
      value: 3607,
      change: { value: 43, basis: 'compared with 2017' },
    });
  });

  it('dates "told the Global Times on Monday" to the Monday before publication', () => {
    const told = draft.attributions.find((attribution) => attribution.cue === 'told');
    expect(told?.said).toMatchObject({ raw: 'on Monday', value: '2019-06-10', precision: 'day' });
  });

  it('resolves "Special Council Robert Meuller" to Robert Mueller', () => {
    expect(attributionsOf('act-mueller').map((attribution) => attribution.cue)).toEqual([
      'charging',
    ]);
  });

  it('keeps the anonymous expert anonymous', () => {
    const told = draft.attributions.find((attribution) => attribution.cue === 'told');
    const speaker = draft.actors.find((actor) => actor.id === told?.actor);
    expect(speaker?.anonymous).toBe(true);
  });
});

describe('the dev set', () => {
  it('has six articles or more, each with a gold that seed validation accepts', () => {
    const folder = path.join(projectRoot, 'bench/extraction/dev');
    const golds = readdirSync(folder).filter((file) => file.endsWith('.gold.yaml'));
    expect(golds.length).toBeGreaterThanOrEqual(6);
    for (const gold of golds) {
      const result = validateSeedFile(path.join(folder, gold));
      expect(result.ok ? [] : result.problems.map(formatSeedProblem)).toEqual([]);
    }
  });
});
