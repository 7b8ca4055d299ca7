import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../src/config/config.js';
import {
  lookupReportingVerb,
  matchPhrasalCue,
  negationBefore,
  phrasalCues,
  reportingVerbGroups,
  reportingVerbs,
  stanceUnderNegation,
  tenses,
  type ReportingVerb,
} from '../../../src/extract/reportingVerbs.js';
import { stances } from '../../../src/ingest/seedFormat.js';

const docFile = path.join(projectRoot, 'docs/extract-lexicon.md');

const entry = (lemma: string): ReportingVerb => {
  const found = reportingVerbs.find((verb) => verb.lemma === lemma);
  if (found === undefined) throw new Error(`no lemma ${lemma}`);
  return found;
};

describe('reporting verb lexicon', () => {
  it('holds at least 120 lemmas, each once, with stances of the seed format', () => {
    expect(reportingVerbs.length).toBeGreaterThanOrEqual(120);
    const lemmas = reportingVerbs.map((verb) => verb.lemma);
    expect(new Set(lemmas).size).toBe(lemmas.length);
    for (const verb of reportingVerbs) expect(stances).toContain(verb.defaultStance);
  });

  it('maps every form back to its own lemma, so no form is claimed by two lemmas', () => {
    for (const verb of reportingVerbs) {
      for (const form of verb.allForms) {
        const hit = lookupReportingVerb(form);
        expect(hit?.entry, form).toBe(verb);
        expect(hit?.lemma).toBe(verb.lemma);
        for (const tense of hit?.tenses ?? []) expect(verb.forms[tense]).toContain(form);
      }
    }
  });

  it('inflects regular, irregular, doubling, -e and -y verbs', () => {
    const expectForm = (word: string, lemma: string, tense: string) => {
      const hit = lookupReportingVerb(word);
      expect(hit?.lemma, word).toBe(lemma);
      expect(hit?.tense, word).toBe(tense);
    };
    expectForm('said', 'say', 'past');
    expect(lookupReportingVerb('said')?.tenses).toEqual(['past', 'participle']);
    expectForm('says', 'say', 'third-person');
    expectForm('told', 'tell', 'past');
    expectForm('denies', 'deny', 'third-person');
    expectForm('denied', 'deny', 'past');
    expectForm('denying', 'deny', 'gerund');
    expectForm('admitted', 'admit', 'past');
    expectForm('admitting', 'admit', 'gerund');
    expectForm('regretted', 'regret', 'past');
    expectForm('committing', 'commit', 'gerund');
    expectForm('referred', 'refer', 'past');
    expectForm('rebutted', 'rebut', 'past');
    expectForm('testified', 'testify', 'past');
    expectForm('testifies', 'testify', 'third-person');
    expectForm('replied', 'reply', 'past');
    expectForm('clarifies', 'clarify', 'third-person');
    expectForm('noting', 'note', 'gerund');
    expectForm('arguing', 'argue', 'gerund');
    expectForm('argues', 'argue', 'third-person');
    expectForm('agreeing', 'agree', 'gerund');
    expectForm('foreseeing', 'foresee', 'gerund');
    expectForm('stresses', 'stress', 'third-person');
    expectForm('echoes', 'echo', 'third-person');
    expectForm('wrote', 'write', 'past');
    expectForm('written', 'write', 'participle');
    expectForm('writing', 'write', 'gerund');
    expectForm('thought', 'think', 'past');
    expectForm('found', 'find', 'past');
    expectForm('showed', 'show', 'past');
    expectForm('shown', 'show', 'participle');
    expectForm('foresaw', 'foresee', 'past');
    expectForm('foreseen', 'foresee', 'participle');
    expectForm('spoke', 'speak', 'past');
    expectForm('spoken', 'speak', 'participle');
    expectForm('held', 'hold', 'past');
    expectForm('signalled', 'signal', 'past');
    expectForm('signaled', 'signal', 'past');
    expectForm('learnt', 'learn', 'past');
    expectForm('proven', 'prove', 'participle');
    // forecast is its own past: the base slot wins, the others are listed.
    expectForm('forecast', 'forecast', 'base');
    expect(lookupReportingVerb('forecast')?.tenses).toEqual(['base', 'past', 'participle']);
    expectForm('forecasted', 'forecast', 'past');
    expect(entry('forecast').forms.past).toEqual(['forecast', 'forecasted']);
  });

  it('ignores case and knows nothing that is not a reporting verb', () => {
    expect(lookupReportingVerb('Said')?.lemma).toBe('say');
    expect(lookupReportingVerb('DENIED')?.lemma).toBe('deny');
    expect(lookupReportingVerb('according')).toBeUndefined();
    expect(lookupReportingVerb('the')).toBeUndefined();
    // found is find's past only: found (to establish) is not a reporting verb.
    expect(lookupReportingVerb('founded')).toBeUndefined();
    expect(lookupReportingVerb('')).toBeUndefined();
  });

  it('has both British and American spellings, pointing at each other', () => {
    for (const [british, american] of [
      ['emphasise', 'emphasize'],
      ['criticise', 'criticize'],
      ['summarise', 'summarize'],
      ['hypothesise', 'hypothesize'],
      ['recognise', 'recognize'],
    ] as const) {
      expect(entry(british).otherSpelling).toBe(american);
      expect(entry(american).otherSpelling).toBe(british);
      expect(entry(american).defaultStance).toBe(entry(british).defaultStance);
      expect(lookupReportingVerb(`${american.slice(0, -1)}ed`)?.lemma).toBe(american);
    }
  });

  it('gives the required default stances', () => {
    const required: Record<string, readonly string[]> = {
      denies: ['deny', 'reject', 'refute', 'repudiate', 'dismiss', 'disavow', 'rebut'],
      confirms: ['confirm', 'verify', 'corroborate'],
      suspects: ['suspect'],
      expects: ['expect', 'anticipate', 'predict', 'forecast'],
      reports: ['report', 'publish', 'relay'],
      disputes: ['question', 'dispute', 'doubt', 'contest', 'challenge'],
      asserts: ['say', 'tell', 'note', 'add', 'warn', 'stress', 'claim', 'announce', 'accuse'],
    };
    for (const [stance, lemmas] of Object.entries(required)) {
      for (const lemma of lemmas) expect(entry(lemma).defaultStance, lemma).toBe(stance);
    }
    // Through an inflected form, as the extractor meets them.
    expect(lookupReportingVerb('rejected')?.entry.defaultStance).toBe('denies');
    expect(lookupReportingVerb('corroborated')?.entry.defaultStance).toBe('confirms');
    expect(lookupReportingVerb('suspected')?.entry.defaultStance).toBe('suspects');
    expect(lookupReportingVerb('forecasts')?.entry.defaultStance).toBe('expects');
  });

  it('marks the verbs whose object is the listener', () => {
    for (const lemma of ['tell', 'inform', 'brief', 'assure', 'warn', 'advise', 'remind', 'ask']) {
      expect(entry(lemma).takesAddressee, lemma).toBe(true);
    }
    for (const lemma of ['say', 'deny', 'claim', 'report', 'accuse', 'write']) {
      expect(entry(lemma).takesAddressee, lemma).toBe(false);
    }
  });

  it('tells speech from cognition, findings and documents', () => {
    expect(entry('say').kind).toBe('speech');
    expect(entry('believe').kind).toBe('cognition');
    expect(entry('think').kind).toBe('cognition');
    for (const lemma of ['find', 'show', 'conclude']) expect(entry(lemma).kind).toBe('finding');
    for (const lemma of ['state', 'reveal']) expect(entry(lemma).kind).toBe('document');
  });
});

describe('negation before a reporting verb', () => {
  const negated = (phrase: string) => negationBefore(phrase.split(' '));

  it.each([
    'he did not',
    'he didn’t',
    "he didn't",
    'he didn`t',
    'the ministry has not',
    'officials never',
    'she would not',
    'the spokesman declined to',
    'police refused to',
    'reporters could not',
    'reporters could not immediately',
    'he no longer',
    'the company has not yet',
    'the company has yet to',
    'it did not publicly',
    'it did not explicitly',
    'would not have been',
    'the army neither',
    'the army neither confirmed nor',
    'nor did he',
    'he chose not to',
    'she did not want to',
    'reuters was unable to',
    'did n`t',
    'didn ` t',
    'No one has',
    'HE DID NOT',
  ])('"%s (deny)" is negated', (phrase) => {
    expect(negated(phrase)).toBe(true);
  });

  it.each([
    'he',
    '',
    'he did',
    'the ministry has',
    'he not only',
    'he not just',
    'the man who was not there',
    'it was not clear, but he',
    'he agreed to',
    'he can',
    'officials who did not give their names',
    'not that he',
    'did not think he',
  ])('"%s (deny)" is not negated', (phrase) => {
    expect(negationBefore(phrase === '' ? [] : phrase.split(' '))).toBe(false);
  });

  it('maps negated stances: nothing said, except neg-raising verbs, which dispute', () => {
    expect(stanceUnderNegation('denies')).toBe('none');
    expect(stanceUnderNegation('confirms')).toBe('none');
    expect(stanceUnderNegation('asserts')).toBe('none');
    expect(stanceUnderNegation('reports')).toBe('none');
    expect(stanceUnderNegation('disputes')).toBe('none');
    expect(stanceUnderNegation('expects')).toBe('disputes');
    expect(stanceUnderNegation('suspects')).toBe('disputes');
    expect(stanceUnderNegation('expects', entry('expect'))).toBe('disputes');
    expect(stanceUnderNegation('suspects', entry('believe'))).toBe('disputes');
    expect(stanceUnderNegation('expects', entry('predict'))).toBe('none');
    expect(stanceUnderNegation('suspects', entry('speculate'))).toBe('none');
    expect(stanceUnderNegation('denies', entry('deny'))).toBe('none');
  });
});

describe('phrasal cues', () => {
  const match = (phrase: string, index = 0) => matchPhrasalCue(phrase.split(' '), index);

  it('matches each cue with its length and stance', () => {
    expect(match('he pointed out that', 1)).toMatchObject({
      lemma: 'point out',
      length: 2,
      stance: 'asserts',
    });
    expect(match('cast doubt on the report')).toMatchObject({
      lemma: 'cast doubt on',
      length: 3,
      stance: 'disputes',
    });
    expect(match('casting fresh doubt on')).toMatchObject({ lemma: 'cast doubt on', length: 4 });
    expect(match('went on to say that')).toMatchObject({
      lemma: 'say',
      length: 4,
      stance: 'asserts',
    });
    expect(match('went on to say')?.cue.lemma).toBe('go on to');
    expect(match('went on to deny')).toMatchObject({ lemma: 'deny', stance: 'denies' });
    expect(match('went on to point out')).toMatchObject({ lemma: 'point out', length: 5 });
    expect(match('made clear that')).toMatchObject({ lemma: 'make clear', length: 2 });
    expect(match('made it abundantly clear')).toMatchObject({ lemma: 'make clear', length: 4 });
    expect(match('took issue with the figures')).toMatchObject({
      lemma: 'take issue with',
      length: 3,
      stance: 'disputes',
    });
    expect(match('pushed back against the claim')).toMatchObject({ lemma: 'push back', length: 3 });
    expect(match('pushed back on')).toMatchObject({ lemma: 'push back', length: 3 });
    expect(match('pushed back ,')).toMatchObject({ lemma: 'push back', length: 2 });
    expect(match('ruled out foul play')).toMatchObject({ lemma: 'rule out', stance: 'denies' });
  });

  it('does not match near misses', () => {
    expect(match('pointed at')).toBeUndefined();
    expect(match('made a clear')).toBeUndefined();
    expect(match('took issue')).toBeUndefined();
    expect(match('went on to')).toBeUndefined();
    expect(match('went on to said')).toBeUndefined();
    expect(match('went on holiday')).toBeUndefined();
    expect(match('said that')).toBeUndefined();
    expect(match('out', 3)).toBeUndefined();
  });
});

// The doc's generated blocks are rendered from the code. Prettier pads table cells, so blocks
// are compared cell by cell (trimmed, runs of spaces collapsed), never character by character.
// UPDATE_LEXICON_DOC=1 rewrites the blocks instead (then run prettier on the doc).

const yesNo = (value: boolean): string => (value ? 'yes' : 'no');
const cell = (text: string): string => text.replaceAll('|', '\\|');
const tableRow = (cells: readonly string[]): string => `| ${cells.map(cell).join(' | ')} |`;
const table = (header: readonly string[], rows: readonly (readonly string[])[]): string =>
  [tableRow(header), tableRow(header.map(() => '---')), ...rows.map(tableRow)].join('\n');

function renderCounts(): string {
  const variants = reportingVerbs.filter((verb) => verb.otherSpelling !== undefined).length / 2;
  const forms = reportingVerbs.reduce((sum, verb) => sum + verb.allForms.length, 0);
  return (
    `This lexicon holds **${reportingVerbs.length} lemmas** (${reportingVerbs.length - variants} ` +
    `verbs, ${variants} of them in both British and American spelling), **${forms} forms**, ` +
    `in ${reportingVerbGroups.length} groups, and ${phrasalCues.length} phrasal cues.`
  );
}

function renderGroups(): string {
  return table(
    ['Group', 'Default stance', 'Kind', 'Why'],
    reportingVerbGroups.map((group) => [group.group, group.stance, group.kind, group.why]),
  );
}

function renderCues(): string {
  return table(
    ['Cue', 'Words matched', 'Stance', 'Group'],
    phrasalCues.map((cue) => [
      cue.lemma,
      cue.pattern,
      cue.stanceFromVerb ? 'the verb’s' : cue.stance,
      cue.group,
    ]),
  );
}

function renderLemmas(): string {
  const sorted = [...reportingVerbs].sort((a, b) => a.lemma.localeCompare(b.lemma, 'en'));
  return table(
    ['Lemma', 'Forms', 'Stance', 'Negated', 'Group', 'Kind', 'Addressee', 'Note'],
    sorted.map((verb) => [
      verb.lemma,
      verb.allForms.join(', '),
      verb.defaultStance,
      stanceUnderNegation(verb.defaultStance, verb),
      verb.group,
      verb.kind,
      yesNo(verb.takesAddressee),
      [verb.otherSpelling ? `Also spelled ${verb.otherSpelling}.` : '', verb.note ?? '']
        .filter(Boolean)
        .join(' '),
    ]),
  );
}

const generatedBlocks: Readonly<Record<string, () => string>> = {
  counts: renderCounts,
  groups: renderGroups,
  cues: renderCues,
  lemmas: renderLemmas,
};

const blockPattern = (name: string) =>
  new RegExp(`(<!-- BEGIN GENERATED: ${name} -->)([\\s\\S]*?)(<!-- END GENERATED: ${name} -->)`);

/** A block as rows of cells (tables) or one row of collapsed text (prose), for comparison. */
function normalise(block: string): string[][] {
  return block
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/^\|[\s:|-]+\|$/.test(line))
    .map((line) =>
      line.startsWith('|')
        ? line
            .slice(1, -1)
            .split(/(?<!\\)\|/)
            .map((part) => part.trim().replace(/\s+/g, ' '))
        : [line.replace(/\s+/g, ' ')],
    );
}

if (process.env.UPDATE_LEXICON_DOC === '1') {
  let doc = readFileSync(docFile, 'utf8');
  for (const [name, render] of Object.entries(generatedBlocks)) {
    doc = doc.replace(blockPattern(name), (_all, begin: string, _old: string, end: string) => {
      return `${begin}\n\n${render()}\n\n${end}`;
    });
  }
  writeFileSync(docFile, doc);
}

describe('docs/extract-lexicon.md', () => {
  const doc = readFileSync(docFile, 'utf8');
  const block = (name: string): string => {
    const found = blockPattern(name).exec(doc);
    if (found === null) throw new Error(`the doc has no generated block "${name}"`);
    return found[2] ?? '';
  };

  it.each(Object.keys(generatedBlocks))('shows the code as it is: block "%s"', (name) => {
    expect(normalise(block(name))).toEqual(normalise(generatedBlocks[name]?.() ?? ''));
  });

  it('lists every lemma in a table row of its own', () => {
    const firstCells = new Set(normalise(block('lemmas')).map((row) => row[0]));
    for (const verb of reportingVerbs) expect(firstCells, verb.lemma).toContain(verb.lemma);
    for (const cue of phrasalCues)
      expect(normalise(block('cues')).map((row) => row[0])).toContain(cue.lemma);
  });

  it('states the real lemma count', () => {
    expect(block('counts')).toContain(`**${reportingVerbs.length} lemmas**`);
  });

  it('names every tense slot it describes', () => {
    for (const tense of tenses) expect(doc).toContain(`\`${tense}\``);
  });
});
