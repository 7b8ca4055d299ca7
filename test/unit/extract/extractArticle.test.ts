import { describe, expect, it } from 'vitest';
import type { KnownActor } from '../../../src/extract/articleInput.js';
import { extractArticle } from '../../../src/extract/extractArticle.js';
import type { SeedSet } from '../../../src/ingest/seedFormat.js';
import { validateSeedData } from '../../../src/ingest/validateSeedSet.js';

// Named cases for the extraction rules, on sentences written for these tests (none from the
// seed article). Each checks what an editor would see in the draft.

const known: KnownActor[] = [
  {
    id: 'act-robert-mueller',
    kind: 'person',
    name: 'Robert Mueller',
    aliases: ['Mueller'],
    anonymous: false,
  },
  { id: 'act-hana-berg', kind: 'person', name: 'Hana Berg', aliases: [], anonymous: false },
  {
    id: 'act-unnamed-experts',
    kind: 'unnamed-group',
    name: 'Unnamed experts',
    aliases: ['experts'],
    anonymous: true,
  },
];

function extract(text: string, published = '2024-05-15'): SeedSet {
  return extractArticle({ text, published, textFile: 'article.txt' }, { knownActors: known });
}

function speakerOf(draft: SeedSet, attribution: SeedSet['attributions'][number]) {
  const actor = draft.actors.find((candidate) => candidate.id === attribution.actor);
  if (!actor) throw new Error(`no actor ${attribution.actor}`);
  return actor;
}

function only(draft: SeedSet) {
  expect(draft.attributions).toHaveLength(1);
  const [attribution] = draft.attributions;
  if (!attribution) throw new Error('no attribution');
  return attribution;
}

describe('frames', () => {
  it('reads "X said on Tuesday that …" with the time it was said, looking back', () => {
    const text = 'Maria Okafor said on Tuesday that the harbour would reopen before the winter.';
    const attribution = only(extract(text));
    expect(attribution.quote).toBe(text.slice(0, -1));
    expect(attribution.cue).toBe('said');
    expect(attribution.stance).toBe('asserts');
    expect(attribution.speech).toBe('indirect');
    // 2024-05-15 is a Wednesday: "on Tuesday" is the day before, not the week after.
    expect(attribution.said).toMatchObject({
      raw: 'on Tuesday',
      value: '2024-05-14',
      precision: 'day',
    });
  });

  it('reads a direct quote with its frame after it, and the uncued quote that follows', () => {
    const text = '“We will rebuild the harbour,” Maria Okafor said. “It will take two years.”';
    const draft = extract(text);
    expect(draft.attributions.map((attribution) => attribution.quote)).toEqual([
      '“We will rebuild the harbour,” Maria Okafor said',
      '“It will take two years.”',
    ]);
    expect(draft.attributions.every((attribution) => attribution.speech === 'direct')).toBe(true);
    expect(new Set(draft.attributions.map((attribution) => attribution.actor)).size).toBe(1);
    expect(draft.attributions[0]?.quotedWords?.map((words) => words.text)).toEqual([
      'We will rebuild the harbour,',
    ]);
  });

  it('ends an inverted frame at the speaker and keeps the appositive as a description', () => {
    const text = 'The harbour will reopen next year, said Maria Okafor, the transport minister.';
    const attribution = only(extract(text));
    expect(attribution.quote).toBe('The harbour will reopen next year, said Maria Okafor');
    expect(speakerOf(extract(text), attribution).name).toBe('Maria Okafor');
  });

  it('skips an appositive and a relative clause between the speaker and the cue', () => {
    const text =
      'Tomas Varga, who chairs the budget committee, told reporters on Friday that the bill had stalled.';
    const draft = extract(text);
    const attribution = only(draft);
    expect(speakerOf(draft, attribution).name).toBe('Tomas Varga');
    expect(attribution.cue).toBe('told');
  });

  it('reads "according to X" with the whole sentence as its span', () => {
    const text = 'Exports fell 12 percent in March, according to the statistics office.';
    const attribution = only(extract(text));
    expect(attribution.cue).toBe('according to');
    expect(attribution.quote).toBe(text.slice(0, -1));
  });

  it('reads a participle that goes on with the same speaker', () => {
    const text = 'The regulator fined the bank on Monday, saying it had ignored repeated warnings.';
    const draft = extract(text);
    const saying = draft.attributions.find((attribution) => attribution.cue === 'saying');
    expect(saying?.quote).toBe('saying it had ignored repeated warnings');
  });

  it('sends "it also reported" back to the last organisation that spoke', () => {
    const text =
      'The Harbour Gazette reported that the port had closed. It also reported that ships were waiting.';
    const draft = extract(text);
    expect(draft.attributions).toHaveLength(2);
    expect(
      new Set(draft.attributions.map((attribution) => speakerOf(draft, attribution).name)),
    ).toEqual(new Set(['Harbour Gazette']));
  });

  it('keeps a quotation across paragraphs as one quote (news convention)', () => {
    const text =
      '"The first part of a long statement goes here.\n\n"And the second part ends it," Hana Berg said.';
    const attribution = only(extract(text));
    expect(attribution.quotedWords?.map((words) => words.text)).toEqual([
      'The first part of a long statement goes here.',
      'And the second part ends it,',
    ]);
  });
});

describe('frames after a full stop typed for a comma', () => {
  it('opens a relative frame at its pronoun and keeps the role before a name', () => {
    const text =
      'Opposition councillor Marek Holt said the plan would fail. which he described as `a tax on the poor`.';
    const draft = extract(text);
    expect(draft.attributions.map((attribution) => attribution.quote)).toEqual([
      'Opposition councillor Marek Holt said the plan would fail',
      'which he described as `a tax on the poor`',
    ]);
    expect(speakerOf(draft, draft.attributions[0]!).name).toBe('Marek Holt');
  });
});

describe('stances', () => {
  it('takes the stance of the cue: a rejection is a denial', () => {
    expect(
      only(extract('The ministry flatly rejected the report as «a fabrication».')).stance,
    ).toBe('denies');
  });

  it('does not read "did not deny" as a denial', () => {
    const draft = extract('The company did not deny that it had held talks with the regulator.');
    expect(draft.attributions.filter((attribution) => attribution.stance === 'denies')).toEqual([]);
  });

  it('takes a stance the speaker gives their own belief ("announced it suspected")', () => {
    const text =
      'In March the carrier announced it suspected that hackers had entered its network.';
    expect(only(extract(text)).stance).toBe('suspects');
  });

  it('marks reported speech with a quoted fragment as direct, with the fragment as its words', () => {
    const attribution = only(extract('The mayor said the plan was “a disgrace” for small shops.'));
    expect(attribution.speech).toBe('direct');
    expect(attribution.quotedWords?.map((words) => words.text)).toEqual(['a disgrace']);
  });
});

describe('speakers', () => {
  it('never links an anonymous description to a named actor, and resolves a surname', () => {
    const text =
      'A senior official, who spoke on condition of anonymity, said the talks had collapsed. Berg said the talks would resume.';
    const draft = extract(text);
    const [anonymous, named] = draft.attributions.map((attribution) =>
      speakerOf(draft, attribution),
    );
    expect(anonymous?.anonymous).toBe(true);
    expect(anonymous?.id.startsWith('act-hana-berg')).toBe(false);
    expect(named?.id).toBe('act-hana-berg');
    expect(named?.resolution?.status).toBe('existing');
    expect(named?.resolution?.reason).toContain('surname');
  });

  it('reads an unpunctuated relative clause after a description as part of the speaker', () => {
    const text =
      'The loan is close, a senior official who spoke on condition of anonymity said on Tuesday. The deal could be signed soon, the official said.';
    const draft = extract(text);
    expect(draft.attributions).toHaveLength(2);
    const [first, second] = draft.attributions.map((attribution) => speakerOf(draft, attribution));
    expect(first?.anonymous).toBe(true);
    expect(second?.id).toBe(first?.id);
    expect(draft.attributions[0]?.said).toMatchObject({ raw: 'on Tuesday', value: '2024-05-14' });
  });

  it('picks, among actors sharing a surname, the one whose affiliation the role names', () => {
    const namesakes: KnownActor[] = [
      {
        id: 'act-tomas-lind',
        kind: 'person',
        name: 'Tomas Lind',
        aliases: [],
        anonymous: false,
        affiliations: [{ role: 'harbour master', organisationNames: ['Port of Halden'] }],
      },
      {
        id: 'act-ada-lind',
        kind: 'person',
        name: 'Ada Lind',
        aliases: [],
        anonymous: false,
        affiliations: [
          { role: 'spokeswoman', organisationNames: ['Ministry of Fisheries', 'the ministry'] },
        ],
      },
    ];
    const draft = extractArticle(
      { text: 'Ministry of Fisheries spokeswoman Lind said the quota would stay unchanged.' },
      { knownActors: namesakes },
    );
    const actor = speakerOf(draft, only(draft));
    expect(actor.id).toBe('act-ada-lind');
    expect(actor.resolution?.reason).toContain('affiliated with Ministry of Fisheries');
    const plain = extractArticle(
      { text: 'Lind said the quota would stay unchanged.' },
      { knownActors: namesakes },
    );
    // Without a role to tell them apart, the match is weaker and says the surname is shared.
    expect(speakerOf(plain, only(plain)).resolution).toMatchObject({ score: 0.6 });
    expect(speakerOf(plain, only(plain)).resolution?.reason).toContain('2 actors of the graph');
  });

  it('resolves a misspelt name to the actor the graph holds, and says why', () => {
    const draft = extract('Robert Meuller said the inquiry was over.');
    const actor = speakerOf(draft, only(draft));
    expect(actor.id).toBe('act-robert-mueller');
    expect(actor.resolution?.reason).toContain('spelling variant');
  });

  it('does not link unnamed groups to the graph’s group of another article', () => {
    const draft = extract('Experts warned that the drought would worsen.');
    const actor = speakerOf(draft, only(draft));
    expect(actor.anonymous).toBe(true);
    expect(actor.kind).toBe('unnamed-group');
    expect(actor.resolution?.status).toBe('new');
  });
});

describe('sources, figures and the draft format', () => {
  const text =
    'The ministry said that 3.325 ships were inspected in 2023. up 12 percent year-on-year. the Harbour Gazette reported.';
  const draft = extract(text);

  it('gives a relaying outlet its frame only, and proposes the chain of sources', () => {
    const relay = draft.attributions.find((attribution) => attribution.stance === 'reports');
    expect(relay?.quote).toBe('the Harbour Gazette reported');
    const article = draft.sources.find((source) => source.id === 'src-article');
    const report = draft.sources.find((source) => source.kind === 'news-report');
    expect(article?.cites).toEqual([report?.id]);
    expect(report?.cites).toHaveLength(1);
  });

  it('reads figures with the full stop typed for a comma, and their change', () => {
    const claim = draft.claims[0];
    expect(claim?.text).toBe('3,325 ships were inspected in 2023, up 12 percent year-on-year.');
    expect(claim?.quantities[0]).toMatchObject({
      raw: '3.325',
      value: 3325,
      unit: 'ships',
      kind: 'count',
      change: { value: 12, unit: 'percent', basis: 'year-on-year' },
    });
    expect(claim?.refersTo).toMatchObject({ raw: 'in 2023', value: '2023', precision: 'year' });
  });

  it('is a seed set that seed validation accepts, with confidence and evidence on every proposal', () => {
    const validation = validateSeedData('draft', draft, () => text);
    expect(validation.ok ? [] : validation.problems).toEqual([]);
    for (const attribution of draft.attributions) {
      expect(attribution.confidence).toBeGreaterThan(0);
      expect(attribution.evidence?.length).toBeGreaterThan(0);
    }
  });

  it('cites the outlets of a credit line', () => {
    const credited =
      'Ships were waiting, the port said.\n(With input from the Harbour Gazette and Alpine Wire)';
    const draft = extract(credited);
    const article = draft.sources.find((source) => source.id === 'src-article');
    const cited = draft.sources.filter((source) => article?.cites.includes(source.id));
    const publishers = cited.map(
      (source) => draft.actors.find((actor) => actor.id === source.publisher)?.name,
    );
    expect(publishers.sort()).toEqual(['Alpine Wire', 'Harbour Gazette']);
    const validation = validateSeedData('draft', draft, () => credited);
    expect(validation.ok ? [] : validation.problems).toEqual([]);
  });

  it('does not take the staff credits after a semicolon for sources', () => {
    const draft = extract(
      'Ships were waiting, the port said.\n(With input from Alpine Wire; Reporting by Lena Ortiz; Editing by Tomas Lind)',
    );
    const article = draft.sources.find((source) => source.id === 'src-article');
    const publishers = draft.sources
      .filter((source) => article?.cites.includes(source.id))
      .map((source) => draft.actors.find((actor) => actor.id === source.publisher)?.name);
    expect(publishers).toEqual(['Alpine Wire']);
  });

  it('never builds an id with a double dash from a speaker id cut at a dash', () => {
    const draft = extract(
      'Security researchers in the northern region said the outage lasted four hours.',
    );
    expect(draft.attributions.length).toBeGreaterThan(0);
    for (const record of [...draft.attributions, ...draft.sources, ...draft.actors])
      expect(record.id).not.toContain('--');
    const validation = validateSeedData('draft', draft, () => 'x');
    expect(validation.ok ? [] : validation.problems.filter((p) => p.field === 'id')).toEqual([]);
  });

  it('is deterministic', () => {
    expect(extract(text)).toEqual(draft);
  });
});
