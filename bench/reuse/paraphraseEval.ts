/**
 * The paraphrases of paraphrases.yaml, each planted at a seeded sentence start of a seeded event
 * article and aligned against its source text. Rewritten ones are expected not to be found;
 * reordered ones (sentences kept) are expected to be covered piece by piece.
 */
import { alignPassages } from '../../src/reuse/alignPassages.js';
import { createRandom, mixSeed } from '../scale/seededRandom.js';
import {
  paragraphsOf,
  type CorpusText,
  type Paraphrase,
  type ParaphraseKind,
} from './reuseCorpus.js';
import { insertPassage, REUSE_EVAL_SEED, sentenceStarts, type Span } from './plantPassages.js';
import { FOUND_COVERAGE, scorePlant, type PassageView } from './scorePlant.js';

/** What each kind of paraphrase is expected to give. */
export const PARAPHRASE_EXPECTATIONS: Readonly<Record<ParaphraseKind, string>> = {
  rewritten: 'not found (no passage covers 80 % of it)',
  reordered: 'covered piece by piece (all passages together cover 80 % of it)',
};

/** One paraphrase's result. */
export interface ParaphraseResult {
  readonly id: string;
  readonly kind: ParaphraseKind;
  readonly source: string;
  readonly paragraph: number;
  readonly host: string;
  readonly words: number;
  /** One passage covers 80 % of the planted words. */
  readonly found: boolean;
  readonly bestCoverage: number;
  readonly unionCoverage: number;
  readonly asExpected: boolean;
  /** Every passage returned, the planted text's and any other. */
  readonly passages: readonly PassageView[];
}

// The paraphrases' stream of choices, apart from the plants' (which mix in a passage length).
const PARAPHRASE_STREAM = 1;

/** Plants and scores every paraphrase. */
export function measureParaphrases(
  paraphrases: readonly Paraphrase[],
  articles: readonly CorpusText[],
  donors: readonly CorpusText[],
): ParaphraseResult[] {
  const texts = [...articles, ...donors];
  return paraphrases.map((paraphrase, index) => {
    const random = createRandom(mixSeed(REUSE_EVAL_SEED, PARAPHRASE_STREAM, index));
    const source = texts.find((text) => text.id === paraphrase.source)!;
    const hosts = articles.filter((article) => article.group !== source.group);
    const host = random.pick(hosts);
    const planted = insertPassage(
      host.text,
      random.pick(sentenceStarts(host.text)),
      paraphrase.text,
    );
    const paragraph = paragraphsOf(source.text)[paraphrase.paragraph - 1]!;
    const at = source.text.indexOf(paragraph);
    const sourceSpan: Span = { start: at, end: at + paragraph.length };
    const score = scorePlant(
      planted.text,
      planted.span,
      source.text,
      sourceSpan,
      alignPassages(planted.text, source.text),
    );
    const asExpected =
      paraphrase.kind === 'rewritten' ? !score.found : score.unionCoverage >= FOUND_COVERAGE;
    return {
      id: paraphrase.id,
      kind: paraphrase.kind,
      source: paraphrase.source,
      paragraph: paraphrase.paragraph,
      host: host.id,
      words: paraphrase.text.split(/\s+/).length,
      found: score.found,
      bestCoverage: score.bestCoverage,
      unionCoverage: score.unionCoverage,
      asExpected,
      passages: score.passages,
    };
  });
}
