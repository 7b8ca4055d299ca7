import type { KnownActor } from '../../extract/articleInput.js';
import { buildMentionIndex, findMentions, type MentionIndex } from './actorMentions.js';
import { actorRoles, type ActorRole } from './actorRoles.js';
import type { FigureInput } from './claimFigures.js';
import { isNegator, negationCount } from './claimPolarity.js';
import { claimTokens } from './claimTokens.js';
import type { TimeInput } from './claimTimes.js';
import { yearsNamed } from './claimTimes.js';
import { isIgnoredWord, stem, type ContentWord } from './claimWords.js';

/** What the matcher needs of a claim, drafted or stored. */
export interface ClaimParts {
  readonly text: string;
  readonly quantities: readonly FigureInput[];
  readonly refersTo?: TimeInput | undefined;
}

/** A claim read once for comparing with many others. */
export interface ClaimAnalysis {
  /** Content words; a named actor is one word, "@" and its id, whatever name the text uses. */
  readonly words: readonly ContentWord[];
  /**
   * Stems of capitalised words past the first that name no known actor: places, products,
   * programmes ("Copenhagen", "Trojan"). A name on one side only makes another proposition.
   */
  readonly names: readonly string[];
  /** Ids of the actors the text names, in order of first mention. */
  readonly actors: readonly string[];
  readonly roles: ReadonlyMap<string, ActorRole>;
  readonly negations: number;
  readonly years: readonly string[];
  readonly quantities: readonly FigureInput[];
  readonly refersTo?: TimeInput | undefined;
}

const indexes = new WeakMap<readonly KnownActor[], MentionIndex>();
const noActors: readonly KnownActor[] = [];

/** The mention index of a list of actors, built once per list (the desk reuses its list). */
export function mentionIndexFor(actors: readonly KnownActor[] = noActors): MentionIndex {
  let index = indexes.get(actors);
  if (index === undefined) {
    index = buildMentionIndex(actors);
    indexes.set(actors, index);
  }
  return index;
}

/** Reads a claim's words, parties, roles, negations, years and figures. */
export function analyseClaim(claim: ClaimParts, index: MentionIndex): ClaimAnalysis {
  const tokens = claimTokens(claim.text);
  const mentions = findMentions(index, tokens);
  const mentionAt = new Map(mentions.map((mention) => [mention.start, mention]));
  const words: ContentWord[] = [];
  const names: string[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const mention = mentionAt.get(i);
    if (mention) {
      const key = `@${mention.actorId}`;
      words.push({ stem: key, lower: key });
      i = mention.end - 1;
      continue;
    }
    const token = tokens[i]!;
    if (token.kind === 'number' || isIgnoredWord(token.lower) || isNegator(token.lower)) continue;
    const word = { stem: stem(token.lower), lower: token.lower };
    words.push(word);
    if (i > 0 && /^\p{Lu}/u.test(token.raw)) names.push(word.stem);
  }
  const figureValues = claim.quantities.flatMap((q) => [
    q.value,
    ...(q.change ? [q.change.value] : []),
  ]);
  return {
    words,
    names: [...new Set(names)],
    actors: [...new Set(mentions.map((mention) => mention.actorId))],
    roles: actorRoles(tokens, mentions),
    negations: negationCount(tokens),
    years: yearsNamed(
      tokens.filter((token) => token.kind === 'number').map((token) => token.raw),
      figureValues,
    ),
    quantities: claim.quantities,
    refersTo: claim.refersTo,
  };
}
