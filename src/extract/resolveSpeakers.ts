import { distance } from 'fastest-levenshtein';
import { nameKey } from '../domain/normaliseName.js';
import type { SeedActor } from '../ingest/seedFormat.js';
import type { KnownActor } from './articleInput.js';
import type { Mention } from './speakerPhrases.js';
import { determiners, mediaNouns, organisationNouns, personNouns, titles } from './wordClasses.js';

/**
 * Decides who each speaker mention is: an actor met earlier in the article (a surname, a
 * pronoun, "the expert" after "a … expert"), an actor already in the graph (alias, surname,
 * a spelling variant such as "Meuller" for "Mueller"), or a new actor. An anonymous description
 * or unnamed group is never linked to a named actor.
 */

/** A draft actor with the evidence of its resolution. */
export interface DraftActor {
  id: string;
  kind: SeedActor['kind'];
  name: string;
  aliases: string[];
  anonymous: boolean;
  description?: string;
  claimedAffiliation?: string;
  resolution: { status: 'existing' | 'new'; reason: string; score: number };
  evidence: { rule: string; start: number; end: number; note?: string }[];
  /** Head noun of an anonymous description, for later "the expert". */
  head?: string;
  role?: string;
}

/** A named known actor with its name and aliases as words, for fuzzy matching. */
interface KnownWords {
  readonly actor: KnownActor;
  readonly nameWords: readonly string[];
  readonly aliases: readonly { readonly alias: string; readonly aliasWords: readonly string[] }[];
}

// The graph's actors are the same for every article of a batch: index them once per list.
const knownIndexes = new WeakMap<
  readonly KnownActor[],
  { byKey: Map<string, KnownActor>; words: KnownWords[]; ids: Set<string> }
>();

function indexOfKnown(known: readonly KnownActor[]) {
  const cached = knownIndexes.get(known);
  if (cached) return cached;
  const byKey = new Map<string, KnownActor>();
  const words: KnownWords[] = [];
  for (const actor of known) {
    for (const alias of [actor.name, ...actor.aliases]) {
      const key = nameKey(alias);
      if (!byKey.has(key)) byKey.set(key, actor);
    }
    if (actor.anonymous) continue;
    words.push({
      actor,
      nameWords: nameKey(stripTitles(actor.name)).split(' '),
      aliases: [actor.name, ...actor.aliases].map((alias) => ({
        alias,
        aliasWords: nameKey(stripTitles(alias)).split(' '),
      })),
    });
  }
  const index = { byKey, words, ids: new Set(known.map((actor) => actor.id)) };
  knownIndexes.set(known, index);
  return index;
}

/** Resolves mentions in article order; keeps the article's actors. */
export class SpeakerResolver {
  readonly actors: DraftActor[] = [];
  private readonly byKey = new Map<string, DraftActor>();
  private readonly knownByKey: ReadonlyMap<string, KnownActor>;
  /** Ids of the graph's actors: a new actor's id must not take one. */
  private readonly knownIds: ReadonlySet<string>;
  private last: DraftActor | undefined;
  /** Named known actors with their names and aliases split into words once, for fuzzy matching. */
  private readonly knownWords: readonly KnownWords[];

  /** The words just before the mention being resolved ("Ministry of Fisheries spokeswoman"). */
  private leadIn = '';

  /** `text` (the article) lets a role written before a name pick among namesakes. */
  constructor(
    known: readonly KnownActor[],
    private readonly text = '',
  ) {
    const index = indexOfKnown(known);
    this.knownByKey = index.byKey;
    this.knownWords = index.words;
    this.knownIds = index.ids;
  }

  /** The actor a mention names; `span` is its offsets, for evidence. */
  resolve(mention: Mention, span: { start: number; end: number }): DraftActor {
    const before = this.text.slice(Math.max(0, span.start - 80), span.start);
    this.leadIn = before.split(/[.!?;:"“”\n]/).pop() ?? '';
    const actor = this.find(mention, span);
    this.addAlias(actor, mention.text);
    if (mention.kind === 'name' && mention.name !== mention.text)
      this.addAlias(actor, mention.name);
    if (mention.role && !actor.role) actor.role = mention.role;
    if (
      mention.description &&
      !actor.description &&
      !actor.anonymous &&
      actor.resolution.status === 'new'
    )
      actor.description = mention.description;
    actor.evidence.push({ rule: `speaker:${mention.kind}`, start: span.start, end: span.end });
    if (mention.kind !== 'pronoun') this.last = actor;
    return actor;
  }

  /** The last speaker: what "he said", "it also reported" point back to. */
  lastSpeaker(): DraftActor | undefined {
    return this.last;
  }

  private find(mention: Mention, span: { start: number; end: number }): DraftActor {
    if (mention.kind === 'pronoun') {
      const lower = mention.text.toLowerCase();
      const previous =
        lower === 'it'
          ? ([...this.actors]
              .reverse()
              .find((actor) => actor.kind !== 'person' && !actor.anonymous) ?? this.last)
          : this.last;
      if (previous) return previous;
      return this.create(mention, span, 'new', 'a pronoun with no earlier speaker', 0.2);
    }
    if (mention.kind === 'name') return this.findNamed(mention, span);
    return this.findAnonymous(mention, span);
  }

  private findNamed(mention: Mention, span: { start: number; end: number }): DraftActor {
    // "China's National … Team (CNCERT)": the name, its bare form and the acronym each may match.
    const acronym = /\(([^)]+)\)\s*$/.exec(mention.name)?.[1];
    const withoutAcronym = mention.name.replace(/\s*\([^)]*\)\s*$/, '');
    const keys = [
      mention.text,
      mention.name,
      mention.name.replace(/^the\s+/i, ''),
      withoutAcronym,
      ...(acronym ? [acronym] : []),
    ].map(nameKey);
    for (const key of keys) {
      const seen = this.byKey.get(key);
      if (seen && !seen.anonymous) return seen;
    }
    // A surname or a shorter form of a name met earlier in the article.
    const words = nameKey(mention.name).split(' ');
    const surname = words[words.length - 1];
    if (words.length === 1) {
      const earlier = [...this.actors]
        .reverse()
        .find(
          (actor) =>
            !actor.anonymous &&
            actor.kind === 'person' &&
            nameKey(actor.name).split(' ').pop() === surname,
        );
      if (earlier) return earlier;
    }
    for (const key of keys) {
      const known = this.knownByKey.get(key);
      if (known && !known.anonymous)
        return this.fromKnown(
          known,
          `the graph knows "${mention.text}" as an alias of ${known.name}`,
          0.95,
        );
    }
    const match = this.closestKnown(words, mention);
    if (match) return this.fromKnown(match.actor, match.reason, match.score);
    // A spelling variant of an actor met earlier in the article.
    const variant = this.actors.find(
      (actor) => !actor.anonymous && similarNames(nameKey(actor.name).split(' '), words),
    );
    if (variant) return variant;
    return this.create(mention, span, 'new', 'no actor in the graph has this name or alias', 0.6);
  }

  private closestKnown(
    words: string[],
    mention: Mention,
  ): { actor: KnownActor; reason: string; score: number } | undefined {
    const surname = words[words.length - 1];
    if (words.length === 1) {
      const bySurname = this.knownWords.filter(
        ({ actor, nameWords }) =>
          actor.kind === 'person' &&
          nameWords.length > 1 &&
          nameWords[nameWords.length - 1] === surname,
      );
      // "NSA director Nakasone": the role names an organisation one of them is affiliated with.
      for (const { actor } of bySurname) {
        const affiliation = affiliationNamedBy(actor, mention, this.leadIn);
        if (affiliation)
          return {
            actor,
            reason: `surname "${surname}" of ${actor.name}, affiliated with ${affiliation.organisation} (${affiliation.role}) as the text says`,
            score: 0.9,
          };
      }
      const first = bySurname[0];
      if (first)
        return {
          actor: first.actor,
          reason:
            `surname "${surname}" of ${first.actor.name}` +
            (bySurname.length > 1 ? ` (${bySurname.length} actors of the graph share it)` : ''),
          score: bySurname.length > 1 ? 0.6 : 0.8,
        };
    }
    for (const { actor, aliases } of this.knownWords) {
      for (const { alias, aliasWords } of aliases) {
        if (similarNames(aliasWords, words)) {
          const affiliation = affiliationNamedBy(actor, mention, this.leadIn);
          return {
            actor,
            reason:
              `"${words.join(' ')}" is a spelling variant of ${actor.name} ("${alias}")` +
              (affiliation
                ? `, affiliated with ${affiliation.organisation} (${affiliation.role}) as the text says`
                : ''),
            score: affiliation ? 0.85 : 0.7,
          };
        }
      }
    }
    return undefined;
  }

  private findAnonymous(mention: Mention, span: { start: number; end: number }): DraftActor {
    const key = nameKey(mention.text);
    const seen = this.byKey.get(key);
    if (seen && seen.anonymous) return seen;
    // "the ministry", "the agency", "the operator": the last organisation that word describes.
    const isMediaHead = mention.head !== undefined && mediaNouns.has(mention.head);
    if (mention.definite && mention.head && (mention.actorKind === 'organisation' || isMediaHead)) {
      const head = singular(mention.head);
      const named = [...this.actors]
        .reverse()
        .filter((actor) => !actor.anonymous && actor.kind !== 'person' && actor.kind !== 'state');
      const described = named.find((actor) =>
        [actor.name, ...actor.aliases, actor.role ?? ''].some((form) =>
          nameKey(form).split(' ').map(singular).includes(head),
        ),
      );
      if (described) return described;
      const generic = isMediaHead
        ? named.find((actor) => actor.kind === 'media-outlet')
        : genericOrganisationHeads.has(head)
          ? named[0]
          : undefined;
      if (generic) return generic;
    }
    if (mention.definite && mention.head) {
      // "the expert", "the anonymous expert": the last anonymous speaker of that kind.
      const head = singular(mention.head);
      const earlier = [...this.actors]
        .reverse()
        .find(
          (actor) =>
            actor.head !== undefined &&
            singular(actor.head) === head &&
            actor.anonymous &&
            (actor.kind === 'unnamed-group') === mention.plural,
        );
      if (earlier) return earlier;
      const named = [...this.actors]
        .reverse()
        .find(
          (actor) =>
            !actor.anonymous &&
            actor.role !== undefined &&
            nameKey(actor.role).split(' ').includes(head),
        );
      if (named) return named;
    }
    // Only a specific description (three words or more) may be an anonymous actor the graph has.
    const known = this.knownByKey.get(key);
    if (known && known.anonymous && key.split(' ').length >= 3)
      return this.fromKnown(
        known,
        `the graph holds an anonymous actor described as "${mention.text}"`,
        0.5,
      );
    return this.create(
      mention,
      span,
      'new',
      mention.plural
        ? 'an unnamed group: never linked to a named actor'
        : 'an anonymous speaker: never linked to a named actor',
      0.7,
    );
  }

  private fromKnown(known: KnownActor, reason: string, score: number): DraftActor {
    const existing = this.actors.find((actor) => actor.id === known.id);
    if (existing) return existing;
    const actor: DraftActor = {
      id: known.id,
      kind: known.kind,
      name: known.name,
      aliases: [...known.aliases],
      anonymous: known.anonymous,
      description: known.description,
      resolution: { status: 'existing', reason, score },
      evidence: [],
    };
    this.register(actor);
    return actor;
  }

  private create(
    mention: Mention,
    _span: { start: number; end: number },
    status: 'new',
    reason: string,
    score: number,
  ): DraftActor {
    // "the ministry", "the company": an organisation the text does not name, not an anonymous source.
    const anonymous =
      (mention.kind === 'description' || mention.kind === 'group') &&
      mention.actorKind !== 'organisation';
    const bareText = mention.text.replace(/^(the|a|an)\s+/i, '');
    const name = anonymous
      ? `${mention.plural ? 'Unnamed' : 'Anonymous'} ${sentenceCaseUndone(bareText)}`
      : mention.name.replace(/^the\s+/i, '');
    const actor: DraftActor = {
      id: this.freshId(name),
      kind: anonymous
        ? mention.plural
          ? 'unnamed-group'
          : mention.actorKind === 'unnamed-group'
            ? 'unnamed-group'
            : 'person'
        : mention.actorKind,
      name,
      aliases: [],
      anonymous,
      resolution: { status, reason, score },
      evidence: [],
      head: anonymous ? mention.head : undefined,
      role: mention.role,
    };
    if (anonymous) {
      actor.description = mention.description
        ? `${mention.text}, ${mention.description}`
        : mention.text;
      const affiliation = [bareText, mention.description].filter(Boolean).join(' ');
      if (affiliation !== (mention.head ?? '')) actor.claimedAffiliation = affiliation;
    }
    this.register(actor);
    return actor;
  }

  private register(actor: DraftActor): void {
    this.actors.push(actor);
    for (const alias of [actor.name, ...actor.aliases]) this.byKey.set(nameKey(alias), actor);
  }

  private addAlias(actor: DraftActor, alias: string): void {
    if (actor.aliases.includes(alias) || alias.length === 0) return;
    if (['he', 'she', 'they', 'it', 'we', 'i'].includes(alias.toLowerCase())) return;
    actor.aliases.push(alias);
    this.byKey.set(nameKey(alias), actor);
  }

  private freshId(name: string): string {
    const slug =
      nameKey(name)
        .replace(/'/g, '')
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 60) || 'speaker';
    let id = `act-${slug}`;
    for (
      let counter = 2;
      this.actors.some((actor) => actor.id === id) || this.knownIds.has(id);
      counter++
    )
      id = `act-${slug}-${counter}`;
    return id;
  }
}

/** "Experts" at a sentence's start is the common noun "experts"; "Beijing-based" keeps its capital. */
function sentenceCaseUndone(text: string): string {
  const first = text.split(/\s+/, 1)[0] ?? '';
  const lower = first.toLowerCase();
  const common =
    personNouns.has(lower) ||
    mediaNouns.has(lower) ||
    organisationNouns.has(lower) ||
    determiners.has(lower) ||
    (/^[a-z]+$/.test(lower) &&
      !/^[A-Z]{2,}$/.test(first) &&
      lower.length > 2 &&
      /(al|ior|ous|ive|ic|ent|ant|ed)$/.test(lower));
  return common ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** Heads so general that "the company" is simply the last organisation named. */
const genericOrganisationHeads = new Set([
  'company',
  'firm',
  'group',
  'organisation',
  'organization',
  'body',
  'operator',
  'business',
  'corporation',
]);

function singular(word: string): string {
  if (word === 'people') return 'person';
  return word.replace(/ies$/, 'y').replace(/s$/, '');
}

function stripTitles(name: string): string {
  const words = name.split(/\s+/);
  let index = 0;
  while (
    index < words.length - 1 &&
    titles.has((words[index] ?? '').toLowerCase().replace(/\.$/, ''))
  )
    index++;
  return words.slice(index).join(' ');
}

/** Same number of words, at least one identical, the others within a small edit distance. */
function similarNames(a: readonly string[], b: readonly string[]): boolean {
  const left = a.filter((word) => !titles.has(word));
  const right = b.filter((word) => !titles.has(word));
  if (left.length === 0 || right.length === 0) return false;
  if (right.length === 1 && left.length > 1)
    return closeWord(left[left.length - 1] ?? '', right[0] ?? '');
  if (left.length !== right.length) return false;
  let exact = 0;
  for (let index = 0; index < left.length; index++) {
    const leftWord = left[index] ?? '';
    const rightWord = right[index] ?? '';
    if (leftWord === rightWord) exact++;
    else if (!closeWord(leftWord, rightWord)) return false;
  }
  return exact >= 1 && exact < left.length;
}

function closeWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 5 || b.length < 5 || a[0] !== b[0]) return false;
  return distance(a, b) <= (Math.min(a.length, b.length) >= 6 ? 2 : 1);
}

/**
 * The known actor's affiliation whose organisation the mention's role, description or the words
 * just before it name ("NSA director", "head of the Institute of Examples"), by name or alias as
 * whole words.
 */
function affiliationNamedBy(
  actor: KnownActor,
  mention: Mention,
  leadIn: string,
): { organisation: string; role: string } | undefined {
  const context = ` ${nameKey([leadIn, mention.role ?? '', mention.description ?? '', mention.text].join(' '))} `;
  for (const affiliation of actor.affiliations ?? []) {
    const named = affiliation.organisationNames.some((name) => {
      const key = nameKey(name);
      return key.length > 1 && context.includes(` ${key} `);
    });
    if (named)
      return { organisation: affiliation.organisationNames[0] ?? '', role: affiliation.role };
  }
  return undefined;
}
