import { lookupReportingVerb } from './reportingVerbs.js';
import { isStateName } from './states.js';
import { tokenAt, type Token } from './tokens.js';
import {
  auxiliaries,
  determiners,
  documentNouns,
  mediaNouns,
  organisationNameWords,
  organisationNouns,
  outletNameWords,
  personNouns,
  prepositions,
  pronounSpeakers,
  titles,
} from './wordClasses.js';

/**
 * Reads the noun phrase that names a speaker, next to a cue: a name with its titles ("US Army
 * Gen. Paul Nakasone"), a pronoun, a description ("a Beijing-based military expert", "two
 * people familiar with the matter"), a group ("experts", "US officials"), a document's owner
 * ("CNCERT's annual report"), or two of them joined by "and" ("WikiLeaks and its founder Julian
 * Assange"). Relative clauses and appositives between the speaker and the cue are skipped and
 * kept as the speaker's description ("Qin An. head of the … Institute …. told").
 */

/** What kind of phrase names the speaker. */
export type MentionKind = 'name' | 'pronoun' | 'description' | 'group';

/** One speaker named in a phrase. */
export interface Mention {
  readonly first: number;
  readonly last: number;
  /** The phrase as written. */
  readonly text: string;
  readonly kind: MentionKind;
  /** For names: the name without titles ("Paul Nakasone"); otherwise the phrase. */
  readonly name: string;
  /** Titles before the name ("US Army Gen."), or the role of an appositive ("head of …"). */
  readonly role?: string;
  /** An appositive or relative clause describing the speaker. */
  readonly description?: string;
  /** The head noun of a description ("expert", "officials"). */
  readonly head?: string;
  readonly plural: boolean;
  /** Guessed kind of actor. */
  readonly actorKind: 'person' | 'organisation' | 'state' | 'media-outlet' | 'unnamed-group';
  /** The speaker speaks through a document ("CNCERT's annual report"): its words. */
  readonly document?: string;
  /** "a"/"an"/"two"… opens the description: someone new. "the" refers back. */
  readonly definite: boolean;
}

/** The whole speaker phrase: one or two mentions, from token `first` to `last`. */
export interface SpeakerPhrase {
  readonly first: number;
  readonly last: number;
  readonly mentions: readonly [Mention, ...Mention[]];
}

const isSeparator = (token: Token | undefined): boolean =>
  !token ||
  token.kind === 'break' ||
  token.kind === 'quote' ||
  (token.kind === 'punct' && /^[,.;:—–!?]$/.test(token.text));

const isSeparatorToken = (token: Token): boolean =>
  token.kind === 'break' ||
  token.kind === 'quote' ||
  (token.kind === 'punct' && /^[,.;:—–(]$/.test(token.text));

const nameConnectors = new Set([
  'of',
  'for',
  'and',
  'the',
  'de',
  'du',
  'van',
  'von',
  'al',
  'bin',
  'la',
  'le',
  'del',
  'da',
]);
const relativeOpeners = new Set(['who', 'which', 'whose', 'whom']);

/** The speaker phrase that ends at token `last` (just before the cue and its auxiliaries). */
export function speakerEndingAt(
  tokens: readonly Token[],
  last: number,
  floor: number,
): SpeakerPhrase | undefined {
  const end = last;
  let description: string | undefined;
  // Skip one relative clause or appositive set off by separators: "X. who also …. said".
  const clause = setOffClauseEndingAt(tokens, end, floor);
  if (clause) {
    const before = clause.separatorBefore - 1;
    const head = simplePhraseEndingAt(tokens, before, floor);
    if (head && (clause.relative || clause.appositive)) {
      description = textOf(tokens, clause.first, clause.last);
      return withDescription(head, description, clause.last);
    }
  }
  // "Its director, Colm Ferris, said": a name set off after the role that introduces it.
  const name = nameBetweenCommas(tokens, end, floor);
  if (name) return name;
  const phrase = simplePhraseEndingAt(tokens, end, floor);
  if (phrase) return phrase;
  return relativeClauseEndingAt(tokens, end, floor);
}

/** "a senior official who spoke on condition of anonymity said": a relative clause unpunctuated. */
function relativeClauseEndingAt(
  tokens: readonly Token[],
  last: number,
  floor: number,
): SpeakerPhrase | undefined {
  for (let index = last - 1; index >= Math.max(floor + 1, last - 12); index--) {
    const token = tokenAt(tokens, index);
    if (isSeparator(token) || auxiliaries.has(token.lower)) return undefined;
    if (token.lower !== 'who') continue;
    const head = simplePhraseEndingAt(tokens, index - 1, floor);
    if (!head) return undefined;
    return withDescription(head, textOf(tokens, index, last), last);
  }
  return undefined;
}

function nameBetweenCommas(
  tokens: readonly Token[],
  last: number,
  floor: number,
): SpeakerPhrase | undefined {
  if (tokenAt(tokens, last).text !== ',') return undefined;
  const inner = mentionEndingAt(tokens, last - 1, floor);
  if (!inner || inner.kind !== 'name' || tokenAt(tokens, inner.first - 1).text !== ',')
    return undefined;
  const roleLast = inner.first - 2;
  const role = descriptionEndingAt(tokens, roleLast, floor);
  if (!role || !(titles.has(role.head ?? '') || personNouns.has(role.head ?? ''))) return undefined;
  const roleText = textOf(tokens, role.first, roleLast);
  return {
    first: role.first,
    last,
    mentions: [{ ...inner, first: role.first, role: roleText, description: roleText }],
  };
}

/** The speaker phrase that starts at token `first` (just after an inverted cue: "said X"). */
export function speakerStartingAt(
  tokens: readonly Token[],
  first: number,
  ceiling: number,
): SpeakerPhrase | undefined {
  const token = tokenAt(tokens, first);
  if (!token || first > ceiling) return undefined;
  if (token.kind === 'word' && pronounSpeakers.has(token.lower) && token.lower !== 'it')
    return single(mention(tokens, first, first, 'pronoun'));
  // Read forward to the next separator, then parse that stretch as a phrase ending there.
  let last = first;
  while (
    last + 1 <= ceiling &&
    !isSeparator(tokenAt(tokens, last + 1)) &&
    !relativeOpeners.has(tokenAt(tokens, last + 1).lower)
  ) {
    if (
      tokenAt(tokens, last + 1).kind === 'word' &&
      !tokenAt(tokens, last + 1).capitalised &&
      !isNounPhraseWord(tokenAt(tokens, last + 1))
    )
      break;
    last++;
  }
  let phrase = simplePhraseEndingAt(tokens, last, first);
  // "told the Global Times": the article belongs to the phrase, not to the name.
  if (phrase && phrase.first === first + 1 && tokenAt(tokens, first).lower === 'the') {
    const [head, ...rest] = phrase.mentions;
    phrase = {
      ...phrase,
      first,
      mentions: [{ ...head, first, text: textOf(tokens, first, head.last) }, ...rest],
    };
  }
  if (!phrase || phrase.first !== first) return undefined;
  // "said Maria Okafor, the health minister": an appositive that runs to the clause's end.
  const next = tokenAt(tokens, phrase.last + 1);
  if (next?.kind === 'punct' && next.text === ',' && phrase.mentions[0].kind === 'name') {
    let end = phrase.last + 2;
    while (end + 1 <= ceiling && !isSeparator(tokenAt(tokens, end + 1))) end++;
    const opener = tokenAt(tokens, phrase.last + 2);
    const verbless = tokens
      .slice(phrase.last + 2, end + 1)
      .every(
        (item) =>
          (!auxiliaries.has(item.lower) && !/^[a-z]{3,}(ed|s)$/.test(item.lower)) ||
          personNouns.has(item.lower) ||
          titles.has(item.lower) ||
          organisationNouns.has(item.lower),
      );
    if (
      opener &&
      verbless &&
      (determiners.has(opener.lower) || titles.has(opener.lower)) &&
      end - phrase.last < 12
    )
      return withDescription(phrase, textOf(tokens, phrase.last + 2, end), end);
  }
  return phrase;
}

const phraseStops = new Set([
  'that',
  'and',
  'but',
  'or',
  'which',
  'who',
  'whom',
  'whose',
  'while',
  'because',
  'if',
  'when',
  'as',
  'than',
]);
const timeStops =
  /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|last|this|next|earlier|later|now|then)$/;

/** Whether a lower-case word can go on a noun phrase read forward ("the statistics office"). */
function isNounPhraseWord(token: Token): boolean {
  const lower = token.lower;
  if (phraseStops.has(lower) || auxiliaries.has(lower) || timeStops.test(lower)) return false;
  if (prepositions.has(lower) && lower !== 'of' && lower !== 'for') return false;
  if (/(ly|ed)$/.test(lower) && !personNouns.has(lower) && !lower.includes('-')) return false;
  if (lookupReportingVerb(lower) && !personNouns.has(lower) && !documentNouns.has(lower))
    return false;
  return true;
}

interface SetOffClause {
  readonly first: number;
  readonly last: number;
  readonly separatorBefore: number;
  readonly relative: boolean;
  readonly appositive: boolean;
}

/** "…, who also directs the NSA," or ". head of the Institute …." right before the cue. */
function setOffClauseEndingAt(
  tokens: readonly Token[],
  last: number,
  floor: number,
): SetOffClause | undefined {
  let end = last;
  if (!isSeparator(tokenAt(tokens, end))) return undefined;
  if (tokenAt(tokens, end).kind === 'quote') return undefined;
  end--;
  let first = end;
  while (first - 1 >= floor && !isSeparator(tokenAt(tokens, first - 1))) first--;
  if (first > end || first - 1 < floor) return undefined;
  const opener = tokenAt(tokens, first);
  const relative = relativeOpeners.has(opener.lower);
  const words = end - first + 1;
  // An appositive names a role within its first words ("head of …", "a spokeswoman for …",
  // "transport spokeswoman for the opposition …") and has no verb of its own.
  let namesRole = false;
  let hasVerb = false;
  for (let index = first; index <= end; index++) {
    const lower = tokenAt(tokens, index).lower;
    if (index <= first + 4 && (titles.has(lower) || personNouns.has(lower))) namesRole = true;
    if (auxiliaries.has(lower)) hasVerb = true;
  }
  const shortDescription = determiners.has(opener.lower) && words <= 8;
  const appositive =
    !relative && words <= 24 && (namesRole || shortDescription) && !hasVerb && !opener.capitalised;
  if (!relative && !appositive) return undefined;
  return { first, last: end, separatorBefore: first - 1, relative, appositive };
}

function withDescription(phrase: SpeakerPhrase, description: string, last: number): SpeakerPhrase {
  const [firstMention, ...rest] = phrase.mentions;
  const role = /^(the |a |an )?[a-z-]+( [a-z-]+)?( of| at| for)\b/.test(description)
    ? description.replace(/^(the|a|an) /, '')
    : firstMention.role;
  return {
    first: phrase.first,
    last,
    mentions: [{ ...firstMention, description, role }, ...rest],
  };
}

/** A phrase with no set-off clause: names, pronoun, description, or two joined by "and". */
function simplePhraseEndingAt(
  tokens: readonly Token[],
  last: number,
  floor: number,
): SpeakerPhrase | undefined {
  const right = mentionEndingAt(tokens, last, floor);
  if (!right) return undefined;
  // "WikiLeaks and its founder Julian Assange", "Russia and China".
  let start = right.first;
  let roleOfRight: string | undefined;
  let index = right.first - 1;
  const roleWords: number[] = [];
  while (
    index >= floor &&
    tokenAt(tokens, index).kind === 'word' &&
    !tokenAt(tokens, index).capitalised &&
    titles.has(tokenAt(tokens, index).lower)
  ) {
    roleWords.unshift(index);
    index--;
  }
  if (
    roleWords.length > 0 &&
    index >= floor &&
    ['its', 'his', 'her', 'their', 'the'].includes(tokenAt(tokens, index).lower)
  ) {
    roleOfRight = textOf(tokens, roleWords[0] ?? index, roleWords[roleWords.length - 1] ?? index);
    index--;
  }
  if (index >= floor && tokenAt(tokens, index).lower === 'and' && right.kind === 'name') {
    const left = mentionEndingAt(tokens, index - 1, floor);
    if (left && (left.kind === 'name' || left.kind === 'group')) {
      start = left.first;
      const rightMention = roleOfRight
        ? { ...right, role: roleOfRight, affiliatedWith: left.name }
        : right;
      return { first: start, last, mentions: [left, rightMention] };
    }
  }
  return single(right);
}

function single(mentionValue: Mention): SpeakerPhrase {
  return { first: mentionValue.first, last: mentionValue.last, mentions: [mentionValue] };
}

/** One mention ending at `last`. */
function mentionEndingAt(
  tokens: readonly Token[],
  last: number,
  floor: number,
): Mention | undefined {
  const token = tokenAt(tokens, last);
  if (!token || last < floor) return undefined;
  if (token.kind === 'word' && pronounSpeakers.has(token.lower))
    return mention(tokens, last, last, 'pronoun');
  if (token.kind === 'punct' && token.text === ')') {
    // "The Cyberspace Administration of China (CAC)"
    const open = last - 2;
    if (tokenAt(tokens, open)?.text === '(' && tokenAt(tokens, last - 1)?.capitalised) {
      const inner = mentionEndingAt(tokens, open - 1, floor);
      if (inner && inner.kind === 'name') return mention(tokens, inner.first, last, 'name');
    }
    return undefined;
  }
  if (token.kind !== 'word') return undefined;
  if (token.capitalised || /^[A-Z]/.test(token.text)) {
    const name = nameEndingAt(tokens, last, floor);
    if (!name) return undefined;
    // "Experts warned", "Officials said": a common noun capitalised at a sentence's start.
    if (isCommonNounPhrase(tokens, name.first, name.last))
      return descriptionEndingAt(tokens, last, floor);
    // "Residents of Brava": a group named by a place.
    const opener = tokenAt(tokens, name.first);
    if (personNouns.has(opener.lower) && tokenAt(tokens, name.first + 1).lower === 'of') {
      const group = mention(tokens, name.first, name.last, 'description', undefined, name.first);
      return { ...group, kind: 'group', plural: true, actorKind: 'unnamed-group', definite: false };
    }
    return extendName(tokens, name, floor);
  }
  const lower = token.lower;
  if (documentNouns.has(lower)) return documentOwnerEndingAt(tokens, last, floor);
  return descriptionEndingAt(tokens, last, floor);
}

/**
 * What stands before a name and belongs to it: "the government of Marenland" (an organisation
 * named by its country), "the Green Party's Sabine Oduya" (a possessor: her affiliation).
 */
function extendName(tokens: readonly Token[], name: Mention, floor: number): Mention {
  const extended = extendNameFurther(tokens, name, floor);
  // "the Harbour Gazette reported": the article belongs to an organisation's name.
  const article = tokenAt(tokens, extended.first - 1);
  if (
    article.lower === 'the' &&
    !article.capitalised &&
    extended.first - 1 >= floor &&
    extended.actorKind !== 'person'
  )
    return {
      ...extended,
      first: extended.first - 1,
      text: textOf(tokens, extended.first - 1, extended.last),
    };
  return extended;
}

function extendNameFurther(tokens: readonly Token[], name: Mention, floor: number): Mention {
  const before = tokenAt(tokens, name.first - 1);
  if (before.lower === 'of' && name.first - 2 >= floor) {
    const head = tokenAt(tokens, name.first - 2);
    if (
      head.kind === 'word' &&
      (organisationNouns.has(head.lower) || titles.has(head.lower)) &&
      !head.capitalised
    ) {
      let first = name.first - 2;
      if (determiners.has(tokenAt(tokens, first - 1).lower) && first - 1 >= floor) first--;
      const text = textOf(tokens, first, name.last);
      const bare = textOf(tokens, name.first - 2, name.last);
      const isOrganisation = organisationNouns.has(head.lower);
      return {
        ...name,
        first,
        text,
        name: isOrganisation ? bare.charAt(0).toUpperCase() + bare.slice(1) : name.name,
        actorKind: isOrganisation ? 'organisation' : name.actorKind,
        role: isOrganisation
          ? name.role
          : textOf(tokens, name.first - 2, name.first - 1) + ' ' + name.name,
      };
    }
  }
  // "a spokeswoman for rival supplier Norvik Power": the speaker is the person, not the company.
  let descriptorFirst = name.first;
  while (descriptorFirst - 1 >= floor && name.first - descriptorFirst < 4) {
    const word = tokenAt(tokens, descriptorFirst - 1);
    if (
      word.kind !== 'word' ||
      word.capitalised ||
      determiners.has(word.lower) ||
      prepositions.has(word.lower) ||
      auxiliaries.has(word.lower) ||
      !/^[a-z-]+$/.test(word.lower) ||
      word.lower === 'and' ||
      word.lower === 'that'
    )
      break;
    descriptorFirst--;
  }
  // "Kremlin spokesman Dmitry Peskov", "Opposition councillor Marek Holt": capitalised words
  // before a lower-case role belong to the descriptor.
  if (descriptorFirst < name.first && titles.has(tokenAt(tokens, name.first - 1).lower)) {
    while (
      descriptorFirst - 1 >= floor &&
      name.first - descriptorFirst < 5 &&
      tokenAt(tokens, descriptorFirst - 1).kind === 'word' &&
      tokenAt(tokens, descriptorFirst - 1).capitalised &&
      !tokenAt(tokens, descriptorFirst - 1).lower.endsWith("'s")
    )
      descriptorFirst--;
  }
  const beforeDescriptor = tokenAt(tokens, descriptorFirst - 1);
  if (
    ['for', 'at', 'with', 'from'].includes(beforeDescriptor.lower) &&
    descriptorFirst - 2 >= floor
  ) {
    const person = descriptionEndingAt(tokens, descriptorFirst - 2, floor);
    const head = person?.head ?? '';
    if (person && (personNouns.has(head) || titles.has(head)) && !person.plural) {
      const text = textOf(tokens, person.first, name.last);
      return { ...person, last: name.last, text, name: text, description: text };
    }
  }
  // "The grid operator Eastmark Grid", "Chief executive Dana Whitcombe": a descriptor before the
  // name belongs to the mention and says what the actor is.
  if (descriptorFirst < name.first) {
    let first = descriptorFirst;
    if (determiners.has(beforeDescriptor.lower) && first - 1 >= floor) first--;
    const opensPhrase =
      first === floor ||
      determiners.has(tokenAt(tokens, first).lower) ||
      isSeparatorToken(tokenAt(tokens, first - 1));
    const headWord = tokenAt(tokens, name.first - 1).lower;
    const namesRole =
      titles.has(headWord) ||
      personNouns.has(headWord) ||
      organisationNouns.has(headWord) ||
      mediaNouns.has(headWord) ||
      /(er|or|ist|ant|ent)$/.test(headWord);
    if (opensPhrase && namesRole)
      return {
        ...name,
        first,
        text: textOf(tokens, first, name.last),
        role: textOf(tokens, first, name.first - 1),
      };
  }
  if (
    before.kind === 'word' &&
    before.capitalised &&
    before.lower.endsWith("'s") &&
    name.first - 1 >= floor
  ) {
    let first = name.first - 1;
    while (
      first - 1 >= floor &&
      tokenAt(tokens, first - 1).kind === 'word' &&
      tokenAt(tokens, first - 1).capitalised
    )
      first--;
    if (tokenAt(tokens, first - 1).lower === 'the' && first - 1 >= floor) first--;
    return {
      ...name,
      first,
      text: textOf(tokens, first, name.last),
      role: textOf(tokens, first, name.first - 1),
    };
  }
  return name;
}

/** A capitalised name with its titles: walk left over capitalised words and connectors. */
function nameEndingAt(tokens: readonly Token[], last: number, floor: number): Mention | undefined {
  let first = last;
  while (first - 1 >= floor) {
    const previous = tokenAt(tokens, first - 1);
    if (previous.kind === 'word' && previous.capitalised && !previous.lower.endsWith("'s")) {
      first--;
      continue;
    }
    // "Gen. Paul": an abbreviation's full stop inside a name.
    if (
      previous.kind === 'punct' &&
      previous.text === '.' &&
      !previous.spaceBefore &&
      tokenAt(tokens, first - 2)?.capitalised &&
      tokenAt(tokens, first - 2).text.length <= 4
    ) {
      first -= 2;
      continue;
    }
    if (
      previous.kind === 'word' &&
      nameConnectors.has(previous.lower) &&
      previous.lower !== 'and' &&
      tokenAt(tokens, first - 2)?.capitalised &&
      tokenAt(tokens, first - 2).kind === 'word'
    ) {
      first -= 2;
      continue;
    }
    break;
  }
  // A sentence-initial "The"/"But" is not part of the name, unless it is ("The Global Times").
  while (
    first < last &&
    ['but', 'and', 'so', 'yet', 'however', 'meanwhile', 'also'].includes(
      tokenAt(tokens, first).lower,
    )
  )
    first++;
  const text = textOf(tokens, first, last);
  if (tokenAt(tokens, last).lower.endsWith("'s")) return undefined;
  // Lower-case descriptors right before a name ("Chinese telecom giant Huawei") are not the name.
  return mention(tokens, first, last, 'name', text);
}

/**
 * "CNCERT's annual report", "The CNCERT report", "the ministry's statement": the owner speaks
 * through the document. A possessor within four words wins; else a capitalised modifier.
 */
function documentOwnerEndingAt(
  tokens: readonly Token[],
  last: number,
  floor: number,
): Mention | undefined {
  const lowest = Math.max(floor, last - 4);
  for (let owner = last - 1; owner >= lowest && tokenAt(tokens, owner).kind === 'word'; owner--) {
    if (!tokenAt(tokens, owner).lower.endsWith("'s")) continue;
    const ownerMention = nameLikeOwner(tokens, owner, floor);
    return ownerMention
      ? { ...ownerMention, document: textOf(tokens, owner + 1, last) }
      : undefined;
  }
  for (let owner = last - 1; owner >= lowest && tokenAt(tokens, owner).kind === 'word'; owner--) {
    if (!tokenAt(tokens, owner).capitalised) continue;
    const ownerMention = nameEndingAt(tokens, owner, floor);
    if (ownerMention) return { ...ownerMention, document: textOf(tokens, owner + 1, last) };
  }
  return undefined;
}

function nameLikeOwner(
  tokens: readonly Token[],
  possessive: number,
  floor: number,
): Mention | undefined {
  const token = tokenAt(tokens, possessive);
  const strip = (value: string) => value.replace(/['’`]s$/, '');
  if (!token.capitalised) {
    if (!organisationNouns.has(strip(token.lower)) && !personNouns.has(strip(token.lower)))
      return undefined;
    let first = possessive;
    while (
      first - 1 >= floor &&
      tokenAt(tokens, first - 1).kind === 'word' &&
      (determiners.has(tokenAt(tokens, first - 1).lower) ||
        isAdjective(tokenAt(tokens, first - 1).lower)) &&
      possessive - first < 4
    )
      first--;
    const base = mention(
      tokens,
      first,
      possessive,
      'description',
      strip(textOf(tokens, first, possessive)),
      possessive,
    );
    return { ...base, name: strip(base.name), head: strip(token.lower) };
  }
  const before =
    possessive - 1 >= floor &&
    tokenAt(tokens, possessive - 1).kind === 'word' &&
    tokenAt(tokens, possessive - 1).capitalised
      ? nameEndingAt(tokens, possessive - 1, floor)
      : undefined;
  const first = before ? before.first : possessive;
  const base = mention(tokens, first, possessive, 'name', strip(textOf(tokens, first, possessive)));
  return { ...base, name: strip(base.name) };
}

/** A lower-case description ending at its head noun or a post-modifier. */
function descriptionEndingAt(
  tokens: readonly Token[],
  last: number,
  floor: number,
): Mention | undefined {
  // Walk left to the phrase's start: words, hyphenated modifiers, prepositions inside
  // ("people familiar with the matter", "officials in the finance ministry").
  let first = last;
  let headIndex = -1;
  for (let index = last; index >= Math.max(floor, last - 10); index--) {
    const token = tokenAt(tokens, index);
    if (token.kind !== 'word' && token.kind !== 'number') break;
    const lower = token.lower;
    if (
      index !== last &&
      (lower === 'and' || lower === 'or' || lower === 'that' || lower === 'but')
    )
      break;
    if (relativeOpeners.has(lower)) break;
    // "the city's mayor", "Corvane's chief executive": a possessor opens the phrase.
    if (index !== last && lower.endsWith("'s")) {
      first = index;
      if (determiners.has(tokenAt(tokens, index - 1).lower) && index - 1 >= floor)
        first = index - 1;
      break;
    }
    if (
      personNouns.has(lower) ||
      mediaNouns.has(lower) ||
      organisationNouns.has(lower) ||
      (titles.has(lower) && index === last)
    )
      headIndex = index;
    first = index;
    // A determiner ends the phrase, unless a preposition before it opens a post-modifier
    // ("people familiar with the matter").
    if (determiners.has(lower) && !prepositions.has(tokenAt(tokens, index - 1)?.lower ?? '')) break;
    if (
      (/ed$/.test(lower) || auxiliaries.has(lower) || lookupReportingVerb(lower) !== undefined) &&
      index !== last &&
      !personNouns.has(lower) &&
      !mediaNouns.has(lower) &&
      !organisationNouns.has(lower) &&
      !token.capitalised &&
      !/-/.test(lower) &&
      !isAdjective(lower) &&
      !prepositions.has(lower) &&
      !determiners.has(lower)
    )
      break;
  }
  if (headIndex < 0) return undefined;
  // The phrase must start at a determiner, a number, a capitalised modifier or its own start.
  while (
    first < headIndex &&
    !determiners.has(tokenAt(tokens, first).lower) &&
    tokenAt(tokens, first).kind !== 'number' &&
    !tokenAt(tokens, first).capitalised &&
    !isAdjective(tokenAt(tokens, first).lower) &&
    !tokenAt(tokens, first).lower.includes('-')
  )
    first++;
  if (first > headIndex) first = headIndex;
  // Between the head and the end only a post-modifier may follow, opened by a preposition or an
  // adjective such as "familiar".
  if (headIndex < last) {
    const opener = tokenAt(tokens, headIndex + 1).lower;
    if (
      !prepositions.has(opener) &&
      !['familiar', 'close', 'briefed', 'involved', 'based'].includes(opener)
    ) {
      // the real head is the last noun: "the finance ministry"
      if (
        !personNouns.has(tokenAt(tokens, last).lower) &&
        !mediaNouns.has(tokenAt(tokens, last).lower) &&
        !organisationNouns.has(tokenAt(tokens, last).lower)
      )
        return undefined;
      headIndex = last;
    }
  }
  return mention(tokens, first, last, 'description', undefined, headIndex);
}

function isCommonNounPhrase(tokens: readonly Token[], first: number, last: number): boolean {
  const head = tokenAt(tokens, last).lower;
  if (
    !personNouns.has(head) &&
    !mediaNouns.has(head) &&
    !organisationNouns.has(head) &&
    !titles.has(head)
  )
    return false;
  for (let index = first; index < last; index++) {
    const lower = tokenAt(tokens, index).lower;
    if (!determiners.has(lower) && !isAdjective(lower)) return false;
  }
  return true;
}

const adjectiveEndings = /(al|an|ous|ive|ic|ary|ior|ent|ant|ese|ish|ern|less|ful|ble|ed|ing|y)$/;
function isAdjective(lower: string): boolean {
  return adjectiveEndings.test(lower) && lower.length > 3;
}

function mention(
  tokens: readonly Token[],
  first: number,
  last: number,
  kind: MentionKind,
  text = textOf(tokens, first, last),
  headIndex = last,
): Mention {
  const lowerWords = text.toLowerCase().split(/\s+/);
  if (kind === 'pronoun') {
    const number = pronounSpeakers.get(tokenAt(tokens, first).lower);
    return {
      first,
      last,
      text,
      kind,
      name: text,
      plural: number === 'plural',
      actorKind: number === 'thing' ? 'organisation' : 'person',
      definite: true,
    };
  }
  if (kind === 'name') {
    const { name, role } = splitTitles(tokens, first, last);
    const nameWords = name.toLowerCase().split(/\s+/);
    const outlet = nameWords.some((word) => outletNameWords.has(word));
    const organisation =
      nameWords.some((word) => organisationNameWords.has(word)) ||
      /^[A-Z]{2,}(\/[A-Z]+)?$/.test(name) ||
      /\(/.test(name);
    const state = isStateName(name);
    const actorKind = state
      ? 'state'
      : outlet
        ? 'media-outlet'
        : organisation
          ? 'organisation'
          : 'person';
    return { first, last, text, kind, name, role, plural: false, actorKind, definite: true };
  }
  const head = tokenAt(tokens, headIndex).lower;
  const opener = lowerWords[0] ?? '';
  const plural =
    (/s$/.test(head) && !['press', 'news', 'police'].includes(head)) ||
    ['people', 'police', 'media', 'staff', 'men', 'women'].includes(head) ||
    ['two', 'three', 'several', 'some', 'many', 'few'].includes(opener);
  const isMedia = mediaNouns.has(head);
  const isOrganisation = organisationNouns.has(head) && !personNouns.has(head);
  const actorKind =
    plural && !isOrganisation
      ? 'unnamed-group'
      : isMedia && plural
        ? 'unnamed-group'
        : isOrganisation
          ? 'organisation'
          : 'person';
  return {
    first,
    last,
    text,
    kind: plural ? 'group' : 'description',
    name: text,
    head,
    plural,
    actorKind: isMedia ? 'unnamed-group' : actorKind,
    definite: opener === 'the' || opener === 'this' || opener === 'that',
  };
}

/** "US Army Gen. Paul Nakasone" → name "Paul Nakasone", role "US Army Gen." */
function splitTitles(
  tokens: readonly Token[],
  first: number,
  last: number,
): { name: string; role?: string } {
  let lastTitle = -1;
  for (let index = first; index < last; index++) {
    const lower = tokenAt(tokens, index).lower;
    if (tokenAt(tokens, index).kind === 'word' && titles.has(lower)) lastTitle = index;
  }
  if (lastTitle < 0) return { name: textOf(tokens, first, last) };
  let nameStart = lastTitle + 1;
  if (tokenAt(tokens, nameStart)?.text === '.') nameStart++;
  if (nameStart > last) return { name: textOf(tokens, first, last) };
  const name = textOf(tokens, nameStart, last);
  const titleCapitalised = tokens
    .slice(first, nameStart)
    .every((token) => token.kind !== 'word' || token.capitalised);
  // Only words that look like a person's name follow a title; "Institute of …" is not one.
  if (
    !titleCapitalised ||
    name
      .toLowerCase()
      .split(/\s+/)
      .some((word) => organisationNameWords.has(word) || outletNameWords.has(word))
  )
    return { name: textOf(tokens, first, last) };
  return { name, role: textOf(tokens, first, nameStart - 1) };
}

/** The text from token `first` to token `last`, as written (spacing kept). */
export function textOf(tokens: readonly Token[], first: number, last: number): string {
  if (last < first) return '';
  let text = '';
  for (let index = first; index <= last; index++) {
    const token = tokenAt(tokens, index);
    if (index > first && token.spaceBefore) text += ' ';
    else if (index > first && token.kind === 'break') text += ' ';
    if (token.kind !== 'break') text += token.text;
  }
  return text;
}
