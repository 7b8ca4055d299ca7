/**
 * The raw reporting-verb lexicon: lemmas grouped by meaning, each group with the stance its verbs
 * default to and why. reportingVerbs.ts inflects these and builds the lookup; docs/extract-lexicon.md
 * shows every entry (the unit test keeps the two in step). Kept apart from the code so that adding
 * a verb is a one-line change that cannot touch the lookup logic.
 */
import type { stances } from '../ingest/seedFormat.js';

/** An attribution stance, as the seed format spells it. */
export type Stance = (typeof stances)[number];

/**
 * Who typically speaks through the verb: a person (`speech`), a mind (`cognition`: the content is
 * held rather than voiced), an inquiry, test or court (`finding`), or a text such as a report, law
 * or filing (`document`). Any verb can take a document subject ("the report said"); the kind is
 * the verb's typical one, so a caller can tell "officials believe" from "officials said".
 */
export type ReportingVerbKind = 'speech' | 'cognition' | 'finding' | 'document';

/** The meaning groups, for documentation and for tuning stances a group at a time. */
export type ReportingVerbGroup =
  | 'neutral speech'
  | 'medium'
  | 'manner of speaking'
  | 'reply'
  | 'report'
  | 'announcement'
  | 'disclosure'
  | 'argument'
  | 'emphasis'
  | 'repetition'
  | 'accusation'
  | 'criticism'
  | 'praise'
  | 'complaint'
  | 'warning'
  | 'briefing'
  | 'commitment'
  | 'proposal'
  | 'suggestion'
  | 'indication'
  | 'finding'
  | 'document wording'
  | 'testimony'
  | 'clarification'
  | 'characterisation'
  | 'denial'
  | 'dispute'
  | 'confirmation'
  | 'concession'
  | 'agreement'
  | 'belief'
  | 'suspicion'
  | 'concern'
  | 'prediction'
  | 'estimate'
  | 'question';

/**
 * One lemma as written in the list. Only what differs from the regular inflection or from the
 * group's defaults is spelled out.
 */
export interface ReportingVerbSpec {
  readonly lemma: string;
  /** The third-person singular when not the regular -s/-es/-ies. */
  readonly thirdPerson?: string;
  /** Irregular past forms, the preferred first ("forecast", then "forecasted"). */
  readonly past?: string | readonly string[];
  /** Irregular past participles; the past forms when left out. */
  readonly participle?: string | readonly string[];
  /** Irregular -ing forms. */
  readonly gerund?: string | readonly string[];
  /** The final consonant doubles before -ed and -ing (admit, admitted, admitting). */
  readonly doubles?: true;
  /** This lemma is the British spelling; the American one is added as its own lemma. */
  readonly american?: string;
  readonly stance?: Stance;
  readonly kind?: ReportingVerbKind;
  /** A direct object names the listener, not the content ("told the Global Times"). */
  readonly addressee?: true;
  /**
   * Negation moves into the complement: "does not think X" means "thinks not X", so a negated
   * use disputes X instead of saying nothing about it.
   */
  readonly negRaising?: true;
  /** Why this verb departs from its group, or what to watch for; shown in the doc's table. */
  readonly note?: string;
}

/** A meaning group: its default stance and kind, the reason for the stance, and its verbs. */
export interface ReportingVerbGroupSpec {
  readonly group: ReportingVerbGroup;
  readonly stance: Stance;
  readonly kind: ReportingVerbKind;
  /** Why the group's verbs default to this stance; shown in the doc. */
  readonly why: string;
  /** Plain strings are lemmas with the group's defaults and regular inflection. */
  readonly verbs: readonly (string | ReportingVerbSpec)[];
}

/** Every reporting verb, by group. */
export const reportingVerbGroupSpecs: readonly ReportingVerbGroupSpec[] = [
  {
    group: 'neutral speech',
    stance: 'asserts',
    kind: 'speech',
    why: 'Plain verbs of saying: the speaker puts the content forward as true.',
    verbs: [
      { lemma: 'say', past: 'said' },
      { lemma: 'tell', past: 'told', addressee: true },
      'add',
      'note',
      'comment',
      'remark',
      'mention',
      'observe',
      'explain',
      'describe',
      'continue',
      { lemma: 'speak', past: 'spoke', participle: 'spoken' },
      'recall',
      'recount',
      'narrate',
      { lemma: 'state', kind: 'document', note: 'Formal, often written: reports and laws state.' },
      {
        lemma: 'read',
        past: 'read',
        kind: 'document',
        note: 'Only as "the statement read"; most uses of read are not reporting.',
      },
    ],
  },
  {
    group: 'medium',
    stance: 'asserts',
    kind: 'speech',
    why: 'Saying through a channel (writing, social media, email): still a statement by the author.',
    verbs: [
      { lemma: 'write', past: 'wrote', participle: 'written' },
      'tweet',
      'post',
      { lemma: 'blog', doubles: true },
      { lemma: 'email', addressee: true },
    ],
  },
  {
    group: 'manner of speaking',
    stance: 'asserts',
    kind: 'speech',
    why: 'How something was said (a joke, a shout): the content is still put forward.',
    verbs: [
      { lemma: 'quip', doubles: true },
      'joke',
      'boast',
      'muse',
      'exclaim',
      'shout',
      'whisper',
      'mutter',
      'yell',
      { lemma: 'snap', doubles: true },
    ],
  },
  {
    group: 'reply',
    stance: 'asserts',
    kind: 'speech',
    why:
      'Answers and retorts: the answer itself is asserted ("countered that the figures were ' +
      'old" asserts the figures were old), whatever it answers.',
    verbs: ['reply', 'respond', 'answer', 'counter', 'retort'],
  },
  {
    group: 'report',
    stance: 'reports',
    kind: 'speech',
    why: 'Passing on what others said or found, without vouching for it.',
    verbs: [
      'report',
      'publish',
      'relay',
      'cite',
      'quote',
      { lemma: 'broadcast', past: ['broadcast', 'broadcasted'] },
      { lemma: 'retweet', note: 'Relays another account without comment.' },
      { lemma: 'air', note: '"aired claims that": an outlet carrying what others say.' },
      {
        lemma: 'understand',
        past: 'understood',
        kind: 'cognition',
        note: 'Newsroom usage: "the BBC understands that" means learned from sources.',
      },
      {
        lemma: 'learn',
        past: ['learned', 'learnt'],
        kind: 'cognition',
        note: '"CNN has learned that": an outlet reporting what its sources told it.',
      },
    ],
  },
  {
    group: 'announcement',
    stance: 'asserts',
    kind: 'speech',
    why: 'Making something known formally: the announcer asserts it.',
    verbs: [
      'announce',
      'declare',
      'proclaim',
      {
        lemma: 'release',
        note:
          'Asserts, unlike publish: whoever releases a statement or figures is usually their ' +
          'author.',
      },
    ],
  },
  {
    group: 'disclosure',
    stance: 'asserts',
    kind: 'speech',
    why: 'Making known what was hidden: the discloser asserts it.',
    verbs: [
      { lemma: 'reveal', kind: 'document', note: 'Documents and records often reveal.' },
      'disclose',
      'divulge',
    ],
  },
  {
    group: 'argument',
    stance: 'asserts',
    kind: 'speech',
    why: 'Putting content forward and defending it: asserted, often against a challenge.',
    verbs: [
      'argue',
      'contend',
      'assert',
      'maintain',
      'insist',
      { lemma: 'aver', doubles: true },
      { lemma: 'submit', doubles: true, note: 'Legal usage: "counsel submitted that".' },
      'reason',
    ],
  },
  {
    group: 'emphasis',
    stance: 'asserts',
    kind: 'speech',
    why: 'Saying with weight: asserted.',
    verbs: [
      'stress',
      { lemma: 'emphasise', american: 'emphasize' },
      'underline',
      'underscore',
      'highlight',
    ],
  },
  {
    group: 'repetition',
    stance: 'asserts',
    kind: 'speech',
    why: 'Saying again, or saying what another said as one’s own: asserted.',
    verbs: ['reiterate', 'repeat', 'reaffirm', 'affirm', 'echo', 'restate', 'reassert'],
  },
  {
    group: 'accusation',
    stance: 'asserts',
    kind: 'speech',
    why:
      'Charging someone with something: the accuser asserts it. The object (accused Russia) ' +
      'is the target, not a listener.',
    verbs: ['accuse', 'charge', 'allege', 'claim', 'blame'],
  },
  {
    group: 'criticism',
    stance: 'asserts',
    kind: 'speech',
    why:
      'Judging harshly: what the critic says is asserted. The object is the target of the ' +
      'criticism, not the content.',
    verbs: [
      { lemma: 'criticise', american: 'criticize' },
      'condemn',
      'denounce',
      'decry',
      { lemma: 'slam', doubles: true },
      'blast',
      'lambaste',
    ],
  },
  {
    group: 'praise',
    stance: 'asserts',
    kind: 'speech',
    why: 'Judging favourably: asserted.',
    verbs: ['praise', 'welcome', 'hail', 'applaud', 'commend'],
  },
  {
    group: 'complaint',
    stance: 'asserts',
    kind: 'speech',
    why:
      'Objecting or lamenting: the grievance ("protested that he was innocent") is asserted. ' +
      'The extractor attaches these to what was said, so they do not dispute it.',
    verbs: [
      'complain',
      'lament',
      { lemma: 'regret', doubles: true },
      'protest',
      'object',
      'bemoan',
      'deplore',
    ],
  },
  {
    group: 'warning',
    stance: 'asserts',
    kind: 'speech',
    why: 'Telling of a danger: the danger is asserted (often a future one).',
    verbs: [
      { lemma: 'warn', addressee: true },
      { lemma: 'caution', addressee: true },
      { lemma: 'alert', addressee: true },
      'threaten',
    ],
  },
  {
    group: 'briefing',
    stance: 'asserts',
    kind: 'speech',
    why: 'Telling someone something: asserted. Each names its listener as the object.',
    verbs: [
      { lemma: 'brief', addressee: true },
      { lemma: 'inform', addressee: true },
      { lemma: 'notify', addressee: true },
      { lemma: 'advise', addressee: true },
      { lemma: 'remind', addressee: true },
      { lemma: 'assure', addressee: true },
      { lemma: 'reassure', addressee: true },
    ],
  },
  {
    group: 'commitment',
    stance: 'asserts',
    kind: 'speech',
    why:
      'Binding oneself to something: the speaker asserts the intention. Not expects: a vow is ' +
      'about the speaker’s own will, not a forecast.',
    verbs: [
      { lemma: 'promise', addressee: true },
      'pledge',
      'vow',
      { lemma: 'swear', past: 'swore', participle: 'sworn' },
      'guarantee',
      { lemma: 'commit', doubles: true, note: 'Only as "committed to"; a weak cue.' },
    ],
  },
  {
    group: 'proposal',
    stance: 'asserts',
    kind: 'speech',
    why: 'Proposing or demanding: the speaker asserts what should happen.',
    verbs: ['propose', { lemma: 'urge', addressee: true }, 'demand', 'recommend'],
  },
  {
    group: 'suggestion',
    stance: 'suspects',
    kind: 'speech',
    why:
      'Putting content forward without committing to it ("suggested the attack was ' +
      'state-backed"): a suspicion voiced, not an assertion.',
    verbs: ['suggest', 'imply', 'insinuate', 'hint'],
  },
  {
    group: 'indication',
    stance: 'asserts',
    kind: 'speech',
    why: 'Showing by sign rather than saying outright: weaker than stating, still the content.',
    verbs: [
      {
        lemma: 'indicate',
        kind: 'finding',
        note: 'Evidence and data indicate as often as people.',
      },
      { lemma: 'signal', past: ['signalled', 'signaled'], gerund: ['signalling', 'signaling'] },
    ],
  },
  {
    group: 'finding',
    stance: 'asserts',
    kind: 'finding',
    why:
      'The result of an inquiry, test, study or court: the body that reached it asserts it. ' +
      'Their subject is often a report or an investigation.',
    verbs: [
      { lemma: 'find', past: 'found', note: 'found is only the past of find here.' },
      { lemma: 'show', past: 'showed', participle: ['shown', 'showed'] },
      'conclude',
      'determine',
      'establish',
      'demonstrate',
      'discover',
      'uncover',
      { lemma: 'prove', participle: ['proven', 'proved'] },
      'identify',
      { lemma: 'rule', note: 'Courts and officials rule that; "ruled out" is a phrasal cue.' },
      { lemma: 'hold', past: 'held', note: 'Courts hold that.' },
    ],
  },
  {
    group: 'document wording',
    stance: 'asserts',
    kind: 'document',
    why: 'What a law, contract, filing or report says: asserted by its author or issuer.',
    verbs: ['stipulate', 'outline', 'detail'],
  },
  {
    group: 'testimony',
    stance: 'asserts',
    kind: 'speech',
    why: 'Saying under oath or in evidence: asserted.',
    verbs: ['testify'],
  },
  {
    group: 'clarification',
    stance: 'asserts',
    kind: 'speech',
    why: 'Making an earlier statement clearer or fuller: asserted.',
    verbs: [
      'clarify',
      'elaborate',
      { lemma: 'specify', kind: 'document' },
      { lemma: 'summarise', american: 'summarize' },
    ],
  },
  {
    group: 'characterisation',
    stance: 'asserts',
    kind: 'speech',
    why: 'Calling something something ("described the attack as"): the label is asserted.',
    verbs: [
      { lemma: 'characterise', american: 'characterize' },
      {
        lemma: 'call',
        note: 'As "called the plan \'long overdue\'": the label is the claim. "Called for" is a demand.',
      },
      'portray',
      'depict',
      'brand',
      { lemma: 'refer', doubles: true, note: 'Only as "referred to X as"; a weak cue.' },
    ],
  },
  {
    group: 'denial',
    stance: 'denies',
    kind: 'speech',
    why: 'Saying the content is false.',
    verbs: [
      'deny',
      'reject',
      'refute',
      'repudiate',
      'disavow',
      {
        lemma: 'dismiss',
        note: 'Dismissing a claim (as baseless) is rejecting it, so denies rather than disputes.',
      },
      { lemma: 'rebut', doubles: true },
      'contradict',
      'disclaim',
      'debunk',
      { lemma: 'gainsay', past: 'gainsaid' },
      { lemma: 'rubbish', note: 'British: "rubbished the claims".' },
    ],
  },
  {
    group: 'dispute',
    stance: 'disputes',
    kind: 'speech',
    why: 'Casting doubt on the content without saying it is false.',
    verbs: [
      'dispute',
      'question',
      { lemma: 'doubt', kind: 'cognition' },
      'contest',
      'challenge',
      'query',
      'disagree',
      'downplay',
      {
        lemma: 'retract',
        note: 'Withdrawing one’s own claim: no longer standing by it, not saying it is false.',
      },
      'scoff',
      'discount',
    ],
  },
  {
    group: 'confirmation',
    stance: 'confirms',
    kind: 'speech',
    why: 'Saying that content already in circulation is true.',
    verbs: [
      'confirm',
      'verify',
      'corroborate',
      'validate',
      'substantiate',
      'attest',
      'certify',
      { lemma: 'uphold', past: 'upheld', kind: 'finding', note: 'Courts uphold a ruling.' },
      'vouch',
    ],
  },
  {
    group: 'concession',
    stance: 'confirms',
    kind: 'speech',
    why:
      'Admitting what others said or suspected: the speaker confirms content put to them, ' +
      'usually against their interest.',
    verbs: [
      { lemma: 'admit', doubles: true },
      'concede',
      'acknowledge',
      { lemma: 'recognise', american: 'recognize' },
      'confess',
    ],
  },
  {
    group: 'agreement',
    stance: 'confirms',
    kind: 'speech',
    why: 'Agreeing with what another said: a second voice for the same content.',
    verbs: ['agree', { lemma: 'concur', doubles: true }, 'endorse'],
  },
  {
    group: 'belief',
    stance: 'suspects',
    kind: 'cognition',
    why:
      'Holding content as likely without knowing it ("officials believe hackers were behind ' +
      'it"): suspects. A caller may upgrade plain opinions to asserts.',
    verbs: [
      { lemma: 'believe', negRaising: true },
      { lemma: 'think', past: 'thought', negRaising: true },
      { lemma: 'feel', past: 'felt', negRaising: true },
      { lemma: 'suppose', negRaising: true },
      { lemma: 'reckon', negRaising: true },
      'assume',
      'presume',
      {
        lemma: 'opine',
        stance: 'asserts',
        kind: 'speech',
        note: 'A voiced opinion, not a held belief: asserts.',
      },
    ],
  },
  {
    group: 'suspicion',
    stance: 'suspects',
    kind: 'speech',
    why: 'Raising content as possible, unproven: suspects.',
    verbs: [
      { lemma: 'suspect', kind: 'cognition', negRaising: true },
      'speculate',
      'guess',
      { lemma: 'surmise', kind: 'cognition' },
      { lemma: 'hypothesise', american: 'hypothesize' },
      { lemma: 'theorise', american: 'theorize' },
      'conjecture',
      { lemma: 'infer', doubles: true, kind: 'cognition' },
      'posit',
    ],
  },
  {
    group: 'concern',
    stance: 'suspects',
    kind: 'cognition',
    why:
      'Fearing that something happened or will happen: suspects. With a future complement ' +
      '("fears prices will rise") a caller may read expects.',
    verbs: ['fear', 'worry', { lemma: 'fret', doubles: true, kind: 'speech' }],
  },
  {
    group: 'prediction',
    stance: 'expects',
    kind: 'speech',
    why: 'Saying something will happen.',
    verbs: [
      { lemma: 'expect', kind: 'cognition', negRaising: true },
      { lemma: 'anticipate', kind: 'cognition', negRaising: true },
      'predict',
      { lemma: 'forecast', past: ['forecast', 'forecasted'] },
      'project',
      {
        lemma: 'foresee',
        past: 'foresaw',
        participle: 'foreseen',
        kind: 'cognition',
        negRaising: true,
      },
      { lemma: 'envisage', kind: 'cognition', negRaising: true },
      {
        lemma: 'envision',
        kind: 'cognition',
        negRaising: true,
        note: 'A word of its own, not the American spelling of envisage.',
      },
      {
        lemma: 'hope',
        kind: 'cognition',
        note: 'A wish about the future, weaker than an expectation: record with low confidence.',
      },
    ],
  },
  {
    group: 'estimate',
    stance: 'asserts',
    kind: 'finding',
    why:
      'Putting a figure on something ("estimated 500 dead"): the figure is asserted with its ' +
      'uncertainty; the figure is the claim, not a suspicion.',
    verbs: ['estimate', 'assess', 'calculate'],
  },
  {
    group: 'question',
    stance: 'suspects',
    kind: 'speech',
    why:
      'Asking raises a possibility without asserting it ("asked whether the data was ' +
      'manipulated"): the nearest stance is suspects, with low confidence. The verb question ' +
      'itself challenges content and sits under dispute.',
    verbs: [
      { lemma: 'ask', addressee: true },
      { lemma: 'enquire', american: 'inquire' },
      { lemma: 'wonder', kind: 'cognition' },
    ],
  },
];
