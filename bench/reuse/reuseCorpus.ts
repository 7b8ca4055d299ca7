/**
 * The hand-written corpus of the reuse eval (bench/reuse/README.md): independent articles on six
 * events, long donor texts, and paraphrases of donor paragraphs. Loading checks the shape the
 * eval relies on and lists every problem at once.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { projectRoot } from '../../src/config/config.js';

/** Where the corpus lives: `<event>/<outlet>.txt`, `donors/*.txt`, `paraphrases.yaml`. */
export const defaultCorpusDir = path.join(projectRoot, 'bench/reuse/corpus');

/** The folder of donor texts: they belong to no event. */
export const DONOR_GROUP = 'donors';

/** Word limits of an event article (whitespace-separated tokens). */
export const ARTICLE_WORDS = { min: 150, max: 350 } as const;

/** Independent articles each event needs. */
export const MIN_ARTICLES_PER_EVENT = 4;

/** One text of the corpus. */
export interface CorpusText {
  /** `<group>/<name>`, e.g. `crane-collapse/cws` or `donors/glacier-survey`. */
  readonly id: string;
  /** The event folder, or `donors`. */
  readonly group: string;
  readonly text: string;
  /** Whitespace-separated tokens. */
  readonly words: number;
}

/** How a paraphrase was written; see paraphrases.yaml. */
export type ParaphraseKind = 'rewritten' | 'reordered';

/** A hand-written paraphrase of one donor paragraph. */
export interface Paraphrase {
  readonly id: string;
  readonly kind: ParaphraseKind;
  /** The source text's id (`donors/glacier-survey`). */
  readonly source: string;
  /** 1-based line of the source text. */
  readonly paragraph: number;
  readonly text: string;
}

/** The whole corpus. */
export interface ReuseCorpus {
  /** Event articles, sorted by id. */
  readonly articles: readonly CorpusText[];
  /** Donor texts, sorted by id. */
  readonly donors: readonly CorpusText[];
  readonly paraphrases: readonly Paraphrase[];
}

/** A corpus that breaks the eval's assumptions: every problem found. */
export class InvalidCorpusError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`${problems.length} problem(s) in the reuse corpus:\n${problems.join('\n')}`);
    this.name = 'InvalidCorpusError';
  }
}

/** Whitespace-separated tokens: the "words" of passage lengths and of fingerprints per word. */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((token) => token !== '').length;
}

/** The lines of a text that hold words: its paragraphs, 1-based in the order they appear. */
export function paragraphsOf(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}

const paraphraseFile = z.object({
  paraphrases: z.array(
    z.object({
      id: z.string().min(1),
      kind: z.enum(['rewritten', 'reordered']),
      source: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+\.txt$/),
      paragraph: z.number().int().positive(),
      text: z.string().min(1),
    }),
  ),
});

function readGroup(dir: string, group: string): CorpusText[] {
  return readdirSync(path.join(dir, group))
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => {
      const text = readFileSync(path.join(dir, group, file), 'utf8');
      return { id: `${group}/${file.replace(/\.txt$/, '')}`, group, text, words: countWords(text) };
    });
}

/** Reads and checks the corpus; throws InvalidCorpusError listing every problem. */
export function loadReuseCorpus(dir: string = defaultCorpusDir): ReuseCorpus {
  const problems: string[] = [];
  const groups = readdirSync(dir)
    .filter((entry) => statSync(path.join(dir, entry)).isDirectory())
    .sort();
  const articles: CorpusText[] = [];
  let donors: CorpusText[] = [];
  for (const group of groups) {
    const texts = readGroup(dir, group);
    if (group === DONOR_GROUP) {
      donors = texts;
      continue;
    }
    if (texts.length < MIN_ARTICLES_PER_EVENT)
      problems.push(
        `${group}: ${texts.length} articles, at least ${MIN_ARTICLES_PER_EVENT} needed`,
      );
    for (const article of texts)
      if (article.words < ARTICLE_WORDS.min || article.words > ARTICLE_WORDS.max)
        problems.push(
          `${article.id}: ${article.words} words, not ${ARTICLE_WORDS.min}–${ARTICLE_WORDS.max}`,
        );
    articles.push(...texts);
  }
  const parsed = paraphraseFile.safeParse(
    parse(readFileSync(path.join(dir, 'paraphrases.yaml'), 'utf8')),
  );
  const paraphrases: Paraphrase[] = [];
  if (!parsed.success) {
    problems.push(...parsed.error.issues.map((issue) => `paraphrases.yaml: ${issue.message}`));
  } else {
    const ids = new Set<string>();
    for (const entry of parsed.data.paraphrases) {
      const source = entry.source.replace(/\.txt$/, '');
      const sourceText = [...articles, ...donors].find((text) => text.id === source);
      if (ids.has(entry.id)) problems.push(`paraphrases.yaml: ${entry.id} appears twice`);
      ids.add(entry.id);
      if (!sourceText) problems.push(`paraphrases.yaml: ${entry.id}: no text ${entry.source}`);
      else if (paragraphsOf(sourceText.text)[entry.paragraph - 1] === undefined)
        problems.push(
          `paraphrases.yaml: ${entry.id}: ${entry.source} has no paragraph ${entry.paragraph}`,
        );
      paraphrases.push({ ...entry, source, text: entry.text.trim() });
    }
  }
  if (donors.length === 0) problems.push(`${DONOR_GROUP}/: no donor texts`);
  if (problems.length > 0) throw new InvalidCorpusError(problems);
  return { articles, donors, paraphrases };
}
