/**
 * False links: pairs of texts written independently that alignPassages nevertheless links. The
 * goal is about pairs of articles on the same event (they share names, figures and stock phrases
 * by nature); pairs across events are counted too, for context.
 */
import { alignPassages } from '../../src/reuse/alignPassages.js';
import { DONOR_GROUP, type CorpusText } from './reuseCorpus.js';

/** One passage two independent texts share, in the first text's words. */
export interface SharedWords {
  readonly words: number;
  readonly text: string;
}

/** A linked pair of independent texts. */
export interface FalseLink {
  readonly a: string;
  readonly b: string;
  /** Passages of alignPassages(a, b). */
  readonly forward: readonly SharedWords[];
  /** Passages of alignPassages(b, a), in b's words. */
  readonly backward: readonly SharedWords[];
}

/** The false links of one kind of pair. */
export interface PairLinks {
  readonly pairs: number;
  /** Pairs linked in either direction. */
  readonly linked: number;
  /** Pairs linked in one direction only. */
  readonly asymmetric: number;
  readonly links: readonly FalseLink[];
}

/** Same-event pairs (the goal) and all other pairs of the corpus. */
export interface FalseLinkResult {
  readonly sameEvent: PairLinks;
  readonly otherPairs: PairLinks;
}

const shared = (text: string, passages: ReturnType<typeof alignPassages>['passages']) =>
  passages.map((passage) => ({
    words: passage.words,
    text: text.slice(passage.a.start, passage.a.end),
  }));

function linksAmong(pairs: readonly (readonly [CorpusText, CorpusText])[]): PairLinks {
  const links: FalseLink[] = [];
  let asymmetric = 0;
  for (const [a, b] of pairs) {
    const forward = shared(a.text, alignPassages(a.text, b.text).passages);
    const backward = shared(b.text, alignPassages(b.text, a.text).passages);
    if (forward.length === 0 && backward.length === 0) continue;
    if (forward.length === 0 || backward.length === 0) asymmetric += 1;
    links.push({ a: a.id, b: b.id, forward, backward });
  }
  return { pairs: pairs.length, linked: links.length, asymmetric, links };
}

/** Aligns every pair of corpus texts, both ways, at alignPassages' defaults. */
export function measureFalseLinks(
  articles: readonly CorpusText[],
  donors: readonly CorpusText[],
): FalseLinkResult {
  const texts = [...articles, ...donors];
  const same: [CorpusText, CorpusText][] = [];
  const other: [CorpusText, CorpusText][] = [];
  texts.forEach((a, i) => {
    for (const b of texts.slice(i + 1))
      (a.group === b.group && a.group !== DONOR_GROUP ? same : other).push([a, b]);
  });
  return { sameEvent: linksAmong(same), otherPairs: linksAmong(other) };
}
