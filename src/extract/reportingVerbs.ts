/**
 * The reporting-verb lexicon of the quote and attribution extractor: every inflected form of
 * every reporting verb, with the stance it gives an attribution by default, whether its object
 * is the listener, and what kind of subject speaks through it. Also the multi-word cues ("pointed
 * out", "cast doubt on") and the negation test ("did not deny", "declined to confirm").
 *
 * Everything is built once when the module loads; a lookup is one or two Map hits and a
 * negation check reads at most a handful of tokens, with no regular expression per call, so the
 * extractor keeps its speed goal (50,000 words/s on one core). The list itself, and the reasons
 * for each stance, live in reportingVerbList.ts; docs/extract-lexicon.md shows them in full.
 */
import {
  reportingVerbGroupSpecs,
  type ReportingVerbGroup,
  type ReportingVerbKind,
  type ReportingVerbSpec,
  type Stance,
} from './reportingVerbList.js';

export type { ReportingVerbGroup, ReportingVerbKind, Stance } from './reportingVerbList.js';

/** Which slot of the paradigm a form fills. */
export type Tense = 'base' | 'third-person' | 'past' | 'participle' | 'gerund';

/** The paradigm's slots in lookup priority: a form filling several reports the first. */
export const tenses: readonly Tense[] = ['base', 'third-person', 'past', 'participle', 'gerund'];

/** Every form of a verb by slot, the preferred spelling first ("forecast", "forecasted"). */
export type InflectedForms = Readonly<Record<Tense, readonly string[]>>;

/** One reporting verb with everything the extractor needs to turn a use of it into a stance. */
export interface ReportingVerb {
  readonly lemma: string;
  readonly forms: InflectedForms;
  /** Every distinct form, in paradigm order. */
  readonly allForms: readonly string[];
  /** The stance of an attribution cued by this verb when nothing in the sentence overrides it. */
  readonly defaultStance: Stance;
  /** The meaning group, as in the doc. */
  readonly group: ReportingVerbGroup;
  readonly kind: ReportingVerbKind;
  /** A direct object names the listener ("told the Global Times"), not what was said. */
  readonly takesAddressee: boolean;
  /** "Does not think X" means "thinks not X": negated, the verb disputes X. */
  readonly negRaising: boolean;
  /** The lemma in the other spelling (emphasise and emphasize point at each other). */
  readonly otherSpelling?: string;
  /** Why the verb departs from its group, or what to watch for. */
  readonly note?: string;
}

/** A meaning group as the doc shows it: its default stance and kind and the reason. */
export interface ReportingVerbGroupInfo {
  readonly group: ReportingVerbGroup;
  readonly stance: Stance;
  readonly kind: ReportingVerbKind;
  readonly why: string;
}

/** What a word turned out to be: which verb, which form, in which slot. */
export interface ReportingVerbForm {
  readonly lemma: string;
  /** The form as stored (lower case). */
  readonly form: string;
  /** The first slot the form fills, in `tenses` order: "said" is past (and participle too). */
  readonly tense: Tense;
  /** Every slot the form fills: "said" fills past and participle, "forecast" three slots. */
  readonly tenses: readonly Tense[];
  readonly entry: ReportingVerb;
}

const vowels = new Set(['a', 'e', 'i', 'o', 'u']);

function isConsonant(letter: string | undefined): boolean {
  return letter !== undefined && !vowels.has(letter);
}

/** Consonant + y, as in deny and testify (not say or portray, whose y stays). */
function endsInConsonantY(lemma: string): boolean {
  return lemma.endsWith('y') && isConsonant(lemma.at(-2));
}

function regularThirdPerson(lemma: string): string {
  if (endsInConsonantY(lemma)) return `${lemma.slice(0, -1)}ies`;
  const sibilantOrO = ['s', 'x', 'z', 'ch', 'sh', 'o'].some((ending) => lemma.endsWith(ending));
  return sibilantOrO ? `${lemma}es` : `${lemma}s`;
}

function regularPast(lemma: string, doubles: boolean): string {
  if (doubles) return `${lemma}${lemma.at(-1)}ed`;
  if (lemma.endsWith('e')) return `${lemma}d`;
  if (endsInConsonantY(lemma)) return `${lemma.slice(0, -1)}ied`;
  return `${lemma}ed`;
}

function regularGerund(lemma: string, doubles: boolean): string {
  if (doubles) return `${lemma}${lemma.at(-1)}ing`;
  if (lemma.endsWith('ie')) return `${lemma.slice(0, -2)}ying`;
  // agree -> agreeing, foresee -> foreseeing: only a lone silent e drops.
  if (['ee', 'ye', 'oe'].some((ending) => lemma.endsWith(ending))) return `${lemma}ing`;
  if (lemma.endsWith('e')) return `${lemma.slice(0, -1)}ing`;
  return `${lemma}ing`;
}

const asList = (value: string | readonly string[]): readonly string[] =>
  typeof value === 'string' ? [value] : value;

/** Inflects a lemma: the regular rules, with the spec's irregular forms taking their place. */
function inflect(spec: Omit<ReportingVerbSpec, 'lemma'>, lemma: string): InflectedForms {
  const doubles = spec.doubles === true;
  const past = spec.past === undefined ? [regularPast(lemma, doubles)] : asList(spec.past);
  return {
    base: [lemma],
    'third-person': [spec.thirdPerson ?? regularThirdPerson(lemma)],
    past,
    participle: spec.participle === undefined ? past : asList(spec.participle),
    gerund: spec.gerund === undefined ? [regularGerund(lemma, doubles)] : asList(spec.gerund),
  };
}

function distinctForms(forms: InflectedForms): readonly string[] {
  return [...new Set(tenses.flatMap((tense) => forms[tense]))];
}

function buildVerbs(): readonly ReportingVerb[] {
  const verbs: ReportingVerb[] = [];
  for (const group of reportingVerbGroupSpecs) {
    for (const item of group.verbs) {
      const spec: ReportingVerbSpec = typeof item === 'string' ? { lemma: item } : item;
      const shared = {
        defaultStance: spec.stance ?? group.stance,
        group: group.group,
        kind: spec.kind ?? group.kind,
        takesAddressee: spec.addressee === true,
        negRaising: spec.negRaising === true,
        ...(spec.note === undefined ? {} : { note: spec.note }),
      };
      const spellings =
        spec.american === undefined
          ? [{ lemma: spec.lemma }]
          : [
              { lemma: spec.lemma, otherSpelling: spec.american },
              { lemma: spec.american, otherSpelling: spec.lemma },
            ];
      for (const spelling of spellings) {
        const forms = inflect(spec, spelling.lemma);
        verbs.push(
          Object.freeze({ ...spelling, forms, allForms: distinctForms(forms), ...shared }),
        );
      }
    }
  }
  return Object.freeze(verbs);
}

/** Every reporting verb, one entry per lemma (British and American spellings are two lemmas). */
export const reportingVerbs: readonly ReportingVerb[] = buildVerbs();

/** The meaning groups in list order, with their default stances and reasons. */
export const reportingVerbGroups: readonly ReportingVerbGroupInfo[] = reportingVerbGroupSpecs.map(
  ({ group, stance, kind, why }) => ({ group, stance, kind, why }),
);

/**
 * Form -> what it is. Built once; a form claimed by two lemmas is a mistake in the list (the
 * lookup could only give one of them), so it fails the module load and with it every test.
 */
function buildFormIndex(verbs: readonly ReportingVerb[]): ReadonlyMap<string, ReportingVerbForm> {
  const index = new Map<string, ReportingVerbForm>();
  for (const entry of verbs) {
    for (const form of entry.allForms) {
      const existing = index.get(form);
      if (existing !== undefined) {
        throw new Error(
          `reporting verb form "${form}" belongs to both "${existing.lemma}" and "${entry.lemma}"`,
        );
      }
      const filled = tenses.filter((tense) => entry.forms[tense].includes(form));
      index.set(
        form,
        Object.freeze({
          lemma: entry.lemma,
          form,
          tense: filled[0] ?? 'base',
          tenses: filled,
          entry,
        }),
      );
    }
  }
  return index;
}

const formIndex = buildFormIndex(reportingVerbs);

/**
 * The reporting verb a word is a form of, or undefined. Case does not matter ("Said", "SAYS").
 * Only verbs are known: "according to" is not a verb and is left to its own rule. Many base and
 * -ing forms are also nouns ("a report", "the warning"); telling them apart is the caller's job.
 */
export function lookupReportingVerb(word: string): ReportingVerbForm | undefined {
  // The exact hit first: tokens usually arrive lower-cased already, so most calls skip the copy.
  return formIndex.get(word) ?? formIndex.get(word.toLowerCase());
}

// ---------------------------------------------------------------------------------------------
// Phrasal cues

/** A multi-word reporting cue ("point out", "cast doubt on"). */
export interface PhrasalCue {
  /** How the doc and the draft name the cue. */
  readonly lemma: string;
  /** The stance it gives; for "go on to" the following verb's stance replaces it. */
  readonly stance: Stance;
  readonly group: ReportingVerbGroup;
  /** The words it matches, for the doc: `|` separates choices, `[...]` marks optional words. */
  readonly pattern: string;
  /** The stance and lemma come from the reporting verb after it ("went on to deny"). */
  readonly stanceFromVerb: boolean;
}

/** A cue found at a position: the lemma to record, how many words it spans, its stance. */
export interface PhrasalCueMatch {
  /** The cue's lemma, or for "go on to <verb>" the lemma of that verb. */
  readonly lemma: string;
  /** Words covered from the start index, the head included. */
  readonly length: number;
  readonly stance: Stance;
  readonly cue: PhrasalCue;
}

interface CueSlot {
  readonly words: ReadonlySet<string>;
  readonly optional: boolean;
}

interface PhrasalCueSpec {
  readonly lemma: string;
  readonly stance: Stance;
  readonly group: ReportingVerbGroup;
  /** The head verb: its lemma and any irregular forms, as in the verb list. */
  readonly head: ReportingVerbSpec;
  /** What follows the head. A string[] is a required slot; `optional(...)` may be skipped. */
  readonly slots: readonly (readonly string[] | CueSlot)[];
  /** Ends in any reporting verb's base form, which gives the lemma and the stance. */
  readonly endsInVerb?: true;
}

const optional = (...words: string[]): CueSlot => ({ words: new Set(words), optional: true });

function isCueSlot(slot: readonly string[] | CueSlot): slot is CueSlot {
  return 'optional' in slot;
}

// Optional words cover the common fillers ("made it abundantly clear", "cast fresh doubt on");
// anything else between the words is left unmatched rather than guessed at.
const phrasalCueSpecs: readonly PhrasalCueSpec[] = [
  {
    lemma: 'point out',
    stance: 'asserts',
    group: 'neutral speech',
    head: { lemma: 'point' },
    slots: [['out']],
  },
  {
    lemma: 'make clear',
    stance: 'asserts',
    group: 'emphasis',
    head: { lemma: 'make', past: 'made' },
    slots: [
      optional('it', 'this'),
      optional('very', 'abundantly', 'quite', 'perfectly', 'absolutely', 'crystal'),
      ['clear'],
    ],
  },
  {
    lemma: 'go on to',
    stance: 'asserts',
    group: 'neutral speech',
    head: { lemma: 'go', thirdPerson: 'goes', past: 'went', participle: 'gone' },
    slots: [['on'], ['to']],
    endsInVerb: true,
  },
  {
    lemma: 'cast doubt on',
    stance: 'disputes',
    group: 'dispute',
    head: { lemma: 'cast', past: 'cast' },
    slots: [
      optional('fresh', 'further', 'new', 'serious', 'grave', 'considerable', 'more', 'some'),
      ['doubt', 'doubts'],
      optional('on', 'upon', 'over'),
    ],
  },
  {
    lemma: 'take issue with',
    stance: 'disputes',
    group: 'dispute',
    head: { lemma: 'take', past: 'took', participle: 'taken' },
    slots: [['issue'], ['with']],
  },
  {
    lemma: 'push back',
    stance: 'disputes',
    group: 'dispute',
    head: { lemma: 'push' },
    slots: [['back'], optional('on', 'against')],
  },
  {
    lemma: 'call into question',
    stance: 'disputes',
    group: 'dispute',
    head: { lemma: 'call' },
    slots: [['into'], ['question']],
  },
  {
    lemma: 'play down',
    stance: 'disputes',
    group: 'dispute',
    head: { lemma: 'play' },
    slots: [['down']],
  },
  {
    lemma: 'rule out',
    stance: 'denies',
    group: 'denial',
    head: { lemma: 'rule' },
    slots: [['out']],
  },
  {
    lemma: 'brush off',
    stance: 'denies',
    group: 'denial',
    head: { lemma: 'brush' },
    slots: [['off', 'aside']],
  },
  {
    lemma: 'shrug off',
    stance: 'denies',
    group: 'denial',
    head: { lemma: 'shrug', doubles: true },
    slots: [['off']],
  },
  {
    lemma: 'back up',
    stance: 'confirms',
    group: 'confirmation',
    head: { lemma: 'back' },
    slots: [['up']],
  },
  {
    lemma: 'hit back',
    stance: 'asserts',
    group: 'reply',
    head: { lemma: 'hit', past: 'hit', doubles: true },
    slots: [['back'], optional('at')],
  },
  {
    lemma: 'stand by',
    stance: 'asserts',
    group: 'repetition',
    head: { lemma: 'stand', past: 'stood' },
    slots: [['by']],
  },
  {
    lemma: 'speak out',
    stance: 'asserts',
    group: 'neutral speech',
    head: { lemma: 'speak', past: 'spoke', participle: 'spoken' },
    slots: [['out'], optional('against', 'about', 'on')],
  },
  {
    lemma: 'weigh in',
    stance: 'asserts',
    group: 'neutral speech',
    head: { lemma: 'weigh' },
    slots: [['in'], optional('on')],
  },
  {
    lemma: 'spell out',
    stance: 'asserts',
    group: 'clarification',
    head: { lemma: 'spell', past: ['spelled', 'spelt'] },
    slots: [['out']],
  },
  {
    lemma: 'sum up',
    stance: 'asserts',
    group: 'clarification',
    head: { lemma: 'sum', doubles: true },
    slots: [['up']],
  },
];

interface CompiledCue {
  readonly cue: PhrasalCue;
  readonly slots: readonly CueSlot[];
  readonly endsInVerb: boolean;
}

function describePattern(spec: PhrasalCueSpec, headForms: readonly string[]): string {
  const parts = [headForms.join('|')];
  for (const slot of spec.slots) {
    parts.push(isCueSlot(slot) ? `[${[...slot.words].join('|')}]` : slot.join('|'));
  }
  if (spec.endsInVerb) parts.push('(reporting verb)');
  return parts.join(' ');
}

function compileCues(): {
  cues: readonly PhrasalCue[];
  byHead: ReadonlyMap<string, CompiledCue[]>;
} {
  const cues: PhrasalCue[] = [];
  const byHead = new Map<string, CompiledCue[]>();
  for (const spec of phrasalCueSpecs) {
    const headForms = distinctForms(inflect(spec.head, spec.head.lemma));
    const cue: PhrasalCue = Object.freeze({
      lemma: spec.lemma,
      stance: spec.stance,
      group: spec.group,
      pattern: describePattern(spec, headForms),
      stanceFromVerb: spec.endsInVerb === true,
    });
    cues.push(cue);
    const slots = spec.slots.map((slot): CueSlot =>
      isCueSlot(slot) ? slot : { words: new Set(slot), optional: false },
    );
    const compiled = { cue, slots, endsInVerb: spec.endsInVerb === true };
    for (const form of headForms) {
      const list = byHead.get(form) ?? [];
      list.push(compiled);
      byHead.set(form, list);
    }
  }
  return { cues: Object.freeze(cues), byHead };
}

const compiledCues = compileCues();

/** Every multi-word cue, in list order. */
export const phrasalCues: readonly PhrasalCue[] = compiledCues.cues;

/**
 * The multi-word cue starting at `words[index]`, or undefined. `words` are lower-cased tokens.
 * Try this before lookupReportingVerb: "spoke out" and "ruled out" are cues of their own, and
 * "went on to deny" is a denial. Optional words are taken when present, so the match is the
 * longest one ("pushed back against" is three words, "pushed back ," two).
 */
export function matchPhrasalCue(
  words: readonly string[],
  index: number,
): PhrasalCueMatch | undefined {
  const head = words[index];
  if (head === undefined) return undefined;
  const candidates = compiledCues.byHead.get(head);
  if (candidates === undefined) return undefined;
  for (const candidate of candidates) {
    const match = matchCue(candidate, words, index);
    if (match !== undefined) return match;
  }
  return undefined;
}

function matchCue(
  candidate: CompiledCue,
  words: readonly string[],
  index: number,
): PhrasalCueMatch | undefined {
  let position = index + 1;
  for (const slot of candidate.slots) {
    const word = words[position];
    if (word !== undefined && slot.words.has(word)) position += 1;
    else if (!slot.optional) return undefined;
  }
  if (!candidate.endsInVerb) {
    return {
      lemma: candidate.cue.lemma,
      length: position - index,
      stance: candidate.cue.stance,
      cue: candidate.cue,
    };
  }
  // "went on to point out" nests a cue; "went on to say" ends in a plain verb.
  const nested = matchPhrasalCue(words, position);
  if (nested !== undefined) {
    return {
      lemma: nested.lemma,
      length: position - index + nested.length,
      stance: nested.stance,
      cue: candidate.cue,
    };
  }
  const next = words[position];
  const verb = next === undefined ? undefined : formIndex.get(next);
  if (verb === undefined || verb.tense !== 'base') return undefined;
  return {
    lemma: verb.lemma,
    length: position - index + 1,
    stance: verb.entry.defaultStance,
    cue: candidate.cue,
  };
}

// ---------------------------------------------------------------------------------------------
// Negation

const wordSet = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/).filter(Boolean));

/** Words that negate the verb group they head: "not", "never", "neither ... nor", "without". */
const negatorWords = wordSet(`not never neither nor cannot without nobody noone
  didnt doesnt dont hasnt havent hadnt wouldnt couldnt shouldnt wasnt werent isnt arent wont cant
  mustnt neednt aint`);

/** Adverbs that may sit inside a negated verb group and are skipped ("did not publicly deny"). */
const skippedAdverbs = wordSet(`yet ever publicly explicitly officially directly immediately
  specifically formally previously initially outright categorically flatly independently
  separately personally fully entirely completely actually really still even also always openly
  expressly privately strongly vehemently firmly squarely necessarily clearly totally`);

/** Auxiliaries and pronouns that may stand between a negator and the verb ("has not been"). */
const verbGroupWords = wordSet(`do does did have has had having be is are was were been being am
  will would shall should can could may might must 's 've 'd 'll he she it they we i you`);

/** "Declined to", "refused to", "failed to", "unable to", "has yet to": negation through "to". */
const negatingToHeads = wordSet(`decline declines declined declining refuse refuses refused refusing
  fail fails failed failing unable unwilling yet not never`);

/** Heads that pass a negation through "to" ("did not want to confirm", "was not able to deny"). */
const transparentToHeads = wordSet(`want wants wanted wish wished seek sought try tried attempt
  attempted mean meant intend intended appear appeared seem seemed care cared bother bothered
  dare dared need needed able willing prepared ready going have has had expected likely`);

/** "Not only denied ..." asserts more, it does not negate. */
const notOnlyWords = wordSet(`only just merely simply`);

/** Stems left when a tokenizer splits "didn't" at the apostrophe ("didn", "'t"). */
const negatedStems = wordSet(`didn doesn don hasn haven hadn wouldn couldn shouldn wasn weren isn
  aren won can mustn needn ain`);

/** Stems that are also ordinary words ("can", "won", "don"): negating only before a "t". */
const ambiguousStems = wordSet(`can won don`);

const apostropheTails = ["'t", '`t', '’t', '‘t', '´t', 'ʼt'];

/** Apostrophes a tokenizer may leave as tokens of their own. */
const apostrophes: ReadonlySet<string> = new Set(["'", '`', '’', '‘', '´', 'ʼ']);

/**
 * The negator must be among the last three tokens of the verb group, adverbs not counted
 * ("would not have been confirmed" reaches it through been and have).
 */
const lookBack = 3;
/** A hard bound on tokens read, adverbs included, so a run of adverbs cannot cost more. */
const maxTokensRead = 8;

/** "didn't", "didn`t" (backtick, as in damaged input), "won’t", or a standalone "n't". */
function isContractedNegation(token: string): boolean {
  for (const tail of apostropheTails) {
    if (token.endsWith(tail) && token.length > tail.length && token.at(-tail.length - 1) === 'n')
      return true;
  }
  return false;
}

/** An apostrophe-and-t token ("'t", "`t") or a bare "t" left by a split contraction. */
function isLoneT(token: string): boolean {
  return token === 't' || apostropheTails.includes(token);
}

/**
 * Whether the verb right after `tokensBefore` is negated: "did not deny", "didn't deny",
 * "didn`t deny", "has not confirmed", "never denied", "would not confirm", "declined to confirm",
 * "refused to", "could not immediately confirm", "no longer denies", "neither confirmed nor
 * denied", "has yet to confirm". It walks back over the verb's own group only (auxiliaries,
 * "to", a pronoun in "nor did he deny"), skipping adverbs such as yet, ever, publicly,
 * explicitly, and stops at the first other word, after at most three counted tokens, so "the man
 * who was not there denied" is not negated. "Not only denied" is not a negation.
 */
export function negationBefore(tokensBefore: readonly string[]): boolean {
  let counted = 0;
  let read = 0;
  let position = tokensBefore.length - 1;
  while (position >= 0 && counted < lookBack && read < maxTokensRead) {
    const token = (tokensBefore[position] ?? '').toLowerCase();
    const previous = tokensBefore[position - 1]?.toLowerCase();
    position -= 1;
    read += 1;
    if (notOnlyWords.has(token)) {
      if (previous === 'not') return false;
      continue;
    }
    // "to" before the adverbs: "yet" negates in "has yet to confirm" but is skipped elsewhere.
    if (token === 'to') {
      if (previous !== undefined && negatingToHeads.has(previous)) return true;
      if (previous === undefined || !transparentToHeads.has(previous)) return false;
      // "want to", "able to": the head and its "to" are one step back.
      position -= 1;
      read += 1;
      counted += 1;
      continue;
    }
    if (skippedAdverbs.has(token)) continue;
    if (negatorWords.has(token) || isContractedNegation(token)) return true;
    // "no longer denies", "no one has confirmed".
    if (token === 'longer' || token === 'one') return previous === 'no';
    if (isLoneT(token)) {
      // "didn ' t" split three ways: the stem sits behind the lone apostrophe.
      const stem =
        previous !== undefined && apostrophes.has(previous) ? tokensBefore[position - 1] : previous;
      return stem !== undefined && negatedStems.has(stem.toLowerCase());
    }
    if (apostrophes.has(token)) continue;
    if (negatedStems.has(token) && !ambiguousStems.has(token)) return true;
    if (!verbGroupWords.has(token)) return false;
    counted += 1;
  }
  return false;
}

/**
 * The stance of a negated reporting verb. 'none' means the speaker neither asserts nor denies
 * the content ("did not deny X" is not a denial, "would not confirm X" not a confirmation, "did
 * not say that X" not a statement either way): the caller drops the attribution or keeps it
 * with low confidence. Neg-raising verbs are the exception: "does not expect X", "does not
 * believe X", "police do not suspect X" mean the speaker holds X unlikely, so they dispute X.
 * Given the verb, its negRaising flag decides ("did not predict the crash" is a miss, not a
 * forecast against it); given only a stance, expects and suspects count as neg-raising, since
 * their usual verbs (expect, anticipate, believe, think, suspect) are.
 */
export function stanceUnderNegation(
  stance: Stance,
  verb?: Pick<ReportingVerb, 'negRaising'>,
): Stance | 'none' {
  if (verb !== undefined) return verb.negRaising ? 'disputes' : 'none';
  return stance === 'expects' || stance === 'suspects' ? 'disputes' : 'none';
}
