import type { KnownActor } from '../../extract/articleInput.js';
import { claimTokens, type ClaimToken } from './claimTokens.js';

/**
 * Which known actors a claim text names, and where. Names and aliases match as whole words,
 * case-insensitively, except acronyms ("US", "NSA"), which must be written in capitals so that
 * the pronoun "us" is not the United States. States are also found by their adjective
 * ("Chinese", "Russian"), since news prose names the parties of a claim either way.
 */

/** A form of an actor's name, as tokens. */
interface Form {
  readonly actorId: string;
  readonly lower: readonly string[];
  /** Acronym tokens must equal these (capitals) exactly. */
  readonly caseSensitive: readonly boolean[];
  readonly raw: readonly string[];
}

/** The forms of every known actor, indexed by their first token, and which actors are related. */
export interface MentionIndex {
  readonly formsByFirst: ReadonlyMap<string, readonly Form[]>;
  readonly names: ReadonlyMap<string, string>;
  /** Actor id → ids whose forms contain one of its forms or the other way round. */
  readonly related: ReadonlyMap<string, ReadonlySet<string>>;
}

/** One place a claim text names an actor, by token positions. */
export interface ActorMention {
  readonly actorId: string;
  readonly start: number;
  readonly end: number;
}

const leadingDeterminers = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our']);

/** Adjectives of states that no spelling rule gives ("Chinese", "American"). */
const irregularAdjectives: ReadonlyMap<string, readonly string[]> = new Map([
  ['china', ['Chinese']],
  ['united states', ['American', 'Americans']],
  ['united states of america', ['American', 'Americans']],
  ['japan', ['Japanese']],
  ['france', ['French']],
  ['united kingdom', ['British']],
  ['britain', ['British']],
  ['germany', ['German', 'Germans']],
  ['netherlands', ['Dutch']],
  ['switzerland', ['Swiss']],
  ['spain', ['Spanish']],
  ['sweden', ['Swedish']],
  ['poland', ['Polish']],
  ['turkey', ['Turkish']],
  ['denmark', ['Danish']],
  ['finland', ['Finnish']],
  ['norway', ['Norwegian', 'Norwegians']],
  ['greece', ['Greek', 'Greeks']],
  ['portugal', ['Portuguese']],
  ['vietnam', ['Vietnamese']],
  ['taiwan', ['Taiwanese']],
  ['israel', ['Israeli', 'Israelis']],
  ['iran', ['Iranian', 'Iranians']],
  ['iraq', ['Iraqi', 'Iraqis']],
  ['pakistan', ['Pakistani', 'Pakistanis']],
  ['ukraine', ['Ukrainian', 'Ukrainians']],
  ['brazil', ['Brazilian', 'Brazilians']],
  ['canada', ['Canadian', 'Canadians']],
  ['mexico', ['Mexican', 'Mexicans']],
  ['italy', ['Italian', 'Italians']],
  ['egypt', ['Egyptian', 'Egyptians']],
]);

/** The adjective and people of a state: irregular ones, else "-a" → "-an" (Russia, Russian). */
function stateAdjectives(actor: KnownActor): string[] {
  const names = [actor.name, ...actor.aliases].map((name) => name.trim());
  const adjectives = names.flatMap((name) => irregularAdjectives.get(name.toLowerCase()) ?? []);
  for (const name of names)
    if (/^\p{Lu}\p{Ll}+a$/u.test(name)) adjectives.push(`${name}n`, `${name}ns`);
  return adjectives;
}

const isAcronym = (raw: string): boolean => /^\p{Lu}[\p{Lu}\p{N}]{1,5}$/u.test(raw);

/**
 * A form worth looking for: without a leading "the", and with a capitalised word, so generic
 * aliases ("the company", "the ministry") do not make every text name that actor.
 */
function toForm(actorId: string, text: string): Form | undefined {
  const tokens = claimTokens(text).map((token) => token.raw);
  while (tokens.length > 1 && leadingDeterminers.has(tokens[0]!.toLowerCase())) tokens.shift();
  if (tokens.length === 0 || !tokens.some((raw) => /^\p{Lu}/u.test(raw))) return undefined;
  return {
    actorId,
    raw: tokens,
    lower: tokens.map((raw) => raw.toLowerCase()),
    caseSensitive: tokens.map(isAcronym),
  };
}

function formMatchesAt(form: Form, tokens: readonly ClaimToken[], at: number): boolean {
  return form.lower.every((lower, k) => {
    const token = tokens[at + k];
    if (token === undefined || token.lower !== lower) return false;
    return !form.caseSensitive[k] || token.raw === form.raw[k];
  });
}

/** Every place a form matches, overlapping or not. */
function allMatches(index: MentionIndex, tokens: readonly ClaimToken[]): ActorMention[] {
  const found: ActorMention[] = [];
  tokens.forEach((token, at) => {
    for (const form of index.formsByFirst.get(token.lower) ?? [])
      if (formMatchesAt(form, tokens, at))
        found.push({ actorId: form.actorId, start: at, end: at + form.lower.length });
  });
  return found;
}

/**
 * Builds the index of the actors' forms. Anonymous actors are left out: an unnamed "official"
 * is not a party a text can be said to name.
 */
export function buildMentionIndex(actors: readonly KnownActor[]): MentionIndex {
  const formsByFirst = new Map<string, Form[]>();
  const names = new Map<string, string>();
  const formsOf = new Map<string, Form[]>();
  for (const actor of [...actors].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    if (actor.anonymous || names.has(actor.id)) continue;
    names.set(actor.id, actor.name);
    const texts = [
      actor.name,
      ...actor.aliases,
      ...(actor.kind === 'state' ? stateAdjectives(actor) : []),
    ];
    const forms = texts.flatMap((text) => toForm(actor.id, text) ?? []);
    formsOf.set(actor.id, forms);
    for (const form of forms) {
      const first = form.lower[0]!;
      formsByFirst.set(first, [...(formsByFirst.get(first) ?? []), form]);
    }
  }
  const related = new Map<string, Set<string>>();
  const relate = (a: string, b: string) => {
    related.set(a, (related.get(a) ?? new Set()).add(b));
    related.set(b, (related.get(b) ?? new Set()).add(a));
  };
  const partial: MentionIndex = { formsByFirst, names, related };
  for (const [actorId, forms] of formsOf)
    for (const form of forms)
      for (const inner of allMatches(partial, claimTokens(form.raw.join(' '))))
        if (inner.actorId !== actorId) relate(actorId, inner.actorId);
  return partial;
}

/** The actors a text names, left to right; where forms overlap, the longest wins. */
export function findMentions(index: MentionIndex, tokens: readonly ClaimToken[]): ActorMention[] {
  const candidates = allMatches(index, tokens).sort(
    (a, b) => a.start - b.start || b.end - a.end || (a.actorId < b.actorId ? -1 : 1),
  );
  const mentions: ActorMention[] = [];
  let covered = 0;
  for (const candidate of candidates) {
    if (candidate.start < covered) continue;
    mentions.push(candidate);
    covered = candidate.end;
  }
  return mentions;
}
