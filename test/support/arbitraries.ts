import fc from 'fast-check';

/**
 * fast-check arbitraries for hostile input: strings that mean something to Cypher, Lucene,
 * JSON, GraphQL, terminals or Unicode handling, and the GraphQL inputs of every mutation built
 * from them. Used by test/fuzz/*.test.ts against the real server and Neo4j.
 */

/** Fragments that are syntax somewhere: Cypher, Lucene, JSON, GraphQL, templates, Unicode. */
export const hostileFragments: readonly string[] = [
  // Cypher: quotes, comments, clause injection, parameters, label and map syntax.
  "'",
  '"',
  '`',
  '}',
  '{',
  ')',
  '//',
  '/*',
  '*/',
  ';',
  'MATCH (n) DETACH DELETE n',
  "' OR 1=1 //",
  '"}) MATCH (n) DETACH DELETE n //',
  "'}) MATCH (n) DETACH DELETE n //",
  '`) DETACH DELETE n //',
  '\\u0027 RETURN 1 //',
  '$param',
  '$id',
  '{id: $id}',
  ':Claim',
  '`Claim`',
  'CALL dbms.components()',
  'CALL apoc.cypher.runWrite("MATCH (n) DETACH DELETE n", {})',
  'LOAD CSV FROM "file:///etc/passwd" AS l RETURN l',
  // Lucene query syntax.
  '*:*',
  '*',
  '?',
  'title:foo AND bar',
  'foo~',
  'foo~0.5',
  '"unterminated',
  '(',
  '[a TO z]',
  '{a TO z}',
  '\\',
  '/regex.*/',
  '+-&&||!(){}[]^"~*?:\\/',
  'AND',
  'OR NOT',
  'NOT',
  'a^100',
  '&&',
  '||',
  // JSON and GraphQL.
  '{"a":1}',
  ']}',
  '"\\"',
  '\\u0000',
  '\\ud800',
  '__proto__',
  'constructor',
  'toString',
  'null',
  'undefined',
  'NaN',
  '...',
  '@skip(if: true)',
  '"""',
  '# comment',
  // Templates and markup.
  '${7*7}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  '%00',
  '%s%n',
  // Control characters, null bytes, invisible and bidirectional marks.
  '\u0000',
  '\u0000\u0000\u0000',
  '\u0001\u0008\u001b[31m',
  '\r\n',
  '\u2028\u2029',
  '\u200e',
  '\u200f',
  '\u202e',
  '\u2066\u2069',
  '\ufeff',
  '\u200b',
  '\ufffe\uffff',
  // Surrogates: a lone high, a lone low, a reversed pair, and a valid astral character.
  '\ud800',
  '\udfff',
  '\udc00\ud800',
  '😀',
  '𝕏',
  // Combining marks, wide and case-changing characters.
  'e\u0301',
  'ＡＮＤ',
  '＊',
  'İ',
  'ß',
  'ﬃ',
  '',
  ' ',
  '\t',
];

/** One lone UTF-16 surrogate (not valid Unicode on its own). */
export const loneSurrogate: fc.Arbitrary<string> = fc
  .integer({ min: 0xd800, max: 0xdfff })
  .map((code) => String.fromCharCode(code));

/** Short hostile strings: fragments, arbitrary Unicode, and mixes of both. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...hostileFragments) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  {
    weight: 3,
    arbitrary: fc
      .array(
        fc.oneof(
          fc.constantFrom(...hostileFragments),
          loneSurrogate,
          fc.string({ unit: 'binary', maxLength: 5 }),
          fc.string({ unit: 'grapheme', maxLength: 5 }),
        ),
        { maxLength: 8 },
      )
      .map((parts) => parts.join('')),
  },
);

/**
 * Very long strings: 501 characters (past the 500-character text limits) up to 200,000 (past
 * the 100 kB body limit, which must answer 413 with JSON).
 */
export const longString: fc.Arbitrary<string> = fc
  .tuple(
    fc.integer({ min: 501, max: 200_000 }),
    fc.constantFrom('x', 'é', '😀', "' MATCH (n) DETACH DELETE n //", '\u0000', '\u202e', '*'),
  )
  .map(([length, unit]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));

/** Mostly short hostile strings, sometimes a very long one. */
export const anyHostile: fc.Arbitrary<string> = fc.oneof(
  { weight: 9, arbitrary: hostileString },
  { weight: 1, arbitrary: longString },
);

/** A well-formed id with the kind's prefix, in a small space so that ids repeat (CONFLICT). */
export function wellFormedId(prefix: string): fc.Arbitrary<string> {
  return fc
    .stringMatching(/^[a-z0-9]{1,3}(-[a-z0-9]{1,4}){0,1}$/)
    .map((name) => `${prefix}-fuzz-${name}`);
}

/** An id that is hostile, well-formed and new, or one the graph holds. */
export function anyId(prefix: string, known: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: anyHostile },
    { weight: 3, arbitrary: wellFormedId(prefix) },
    { weight: 3, arbitrary: known.length > 0 ? fc.constantFrom(...known) : wellFormedId(prefix) },
  );
}

/** Encodes a value the way the API encodes cursors (base64url of JSON). */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value) ?? 'null', 'utf8').toString('base64url');
}

/**
 * `after` cursors: hostile text, base64url of arbitrary JSON, and the right shape
 * (`[sortKey, id]`) with hostile or extreme keys and ids.
 */
export const cursorLike: fc.Arbitrary<string> = fc.oneof(
  hostileString,
  fc.jsonValue({ maxDepth: 3 }).map(encodeCursor),
  hostileString.map((text) => Buffer.from(text, 'utf8').toString('base64url')),
  fc
    .tuple(
      fc.oneof(hostileString, fc.double(), fc.integer(), fc.constantFrom('', 'zzzz', '~')),
      fc.oneof(wellFormedId('clm'), wellFormedId('act'), hostileString, fc.constant('zzz-zzz')),
    )
    .map(encodeCursor),
);

/** A time input: hostile or well-formed values, a valid precision. */
export const timeInput: fc.Arbitrary<Record<string, unknown>> = fc.record({
  raw: fc.option(hostileString, { nil: null }),
  value: fc.oneof(
    hostileString,
    fc.constantFrom('2019', '2019-06', '2019-06-11', '2016-10/2016-12', '0000', '9999-99-99'),
  ),
  precision: fc.constantFrom('DAY', 'MONTH', 'QUARTER', 'SEASON', 'YEAR', 'RANGE'),
  basis: hostileString,
});

/** Either a hostile string or a well-formed kebab-case topic. */
const topic = fc.oneof(hostileString, fc.stringMatching(/^[a-z]{1,6}(-[a-z0-9]{1,4})?$/));

/** A GraphQL Float that JSON can carry. */
const finiteDouble = fc.double({ noNaN: true, noDefaultInfinity: true });

/** What the generators need to know about the seeded graph to sometimes make valid input. */
export interface KnownIds {
  readonly actors: readonly string[];
  readonly claims: readonly string[];
  readonly sources: readonly string[];
  readonly events: readonly string[];
  readonly attributions: readonly string[];
  /** A source that has a text, and the text: valid quotes are taken from it. */
  readonly sourceWithText: { readonly id: string; readonly text: string };
}

/** Optional field: absent, null or a value. */
function optional<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | null | undefined> {
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 3, arbitrary },
  );
}

/** Drops undefined fields, so they are absent from the JSON variables. */
function compact<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}

/** One mutation to fuzz: its document and its variables. */
export interface MutationCase {
  readonly name: string;
  readonly query: string;
  readonly variables: fc.Arbitrary<Record<string, unknown>>;
}

type Fields = Record<string, fc.Arbitrary<unknown>>;

/**
 * Inputs of three sorts: valid ones (hostile-looking content the rules accept, so writes do
 * happen), valid ones with one field replaced by a hostile value, and ones with every hostile
 * field replaced (required enums stay valid, so GraphQL lets each input reach the resolver).
 * Undefined fields are left out of the JSON.
 */
function inputs(valid: Fields, hostile: Fields): fc.Arbitrary<Record<string, unknown>> {
  const validRecord = fc.record(valid).map(compact);
  return fc.oneof(
    { weight: 2, arbitrary: validRecord },
    {
      weight: 3,
      arbitrary: fc
        .tuple(validRecord, fc.constantFrom(...Object.keys(hostile)))
        .chain(([input, key]) => hostile[key]!.map((value) => compact({ ...input, [key]: value }))),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(validRecord, fc.record(hostile))
        .map(([input, replaced]) => compact({ ...input, ...replaced })),
    },
  );
}

/** Text the seed format accepts (1..max characters), made of hostile material. */
function acceptedText(max: number): fc.Arbitrary<string> {
  return hostileString.filter((text) => text.length >= 1 && text.length <= max);
}

/** A time the seed format accepts. */
const validTime: fc.Arbitrary<Record<string, unknown>> = fc.record({
  raw: fc.option(acceptedText(500), { nil: null }),
  value: fc.constantFrom('2019', '2019-06', '2019-06-11', '2016-10/2016-12'),
  precision: fc.constantFrom('DAY', 'MONTH', 'YEAR', 'RANGE'),
  basis: acceptedText(10_000),
});

/** Every mutation of the schema with arbitraries for all of its arguments. */
export function mutationCases(known: KnownIds): MutationCase[] {
  const { text } = known.sourceWithText;
  // Substrings of 20+ characters of the source text are nearly always unique, so they pass.
  const validQuote = fc
    .tuple(fc.nat({ max: text.length - 40 }), fc.integer({ min: 20, max: 120 }))
    .map(([start, length]) => text.slice(start, start + length));
  const quote = fc.oneof(
    { weight: 2, arbitrary: anyHostile },
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.nat({ max: text.length - 1 }), fc.integer({ min: 1, max: 200 }))
        .map(([start, length]) => text.slice(start, start + length)),
    },
  );
  const knownId = (ids: readonly string[]) => fc.constantFrom(...ids);
  const kebabTopic = fc.stringMatching(/^[a-z]{1,6}(-[a-z0-9]{1,4})?$/);
  const validQuantity = fc.record({
    raw: acceptedText(500),
    value: finiteDouble,
    unit: acceptedText(500),
    kind: fc.constantFrom('count', 'percentage', 'money', 'other'),
  });
  const withInput = (arbitrary: fc.Arbitrary<Record<string, unknown>>) =>
    arbitrary.map((input) => ({ input }));

  return [
    {
      name: 'recordSource',
      query:
        'mutation ($input: RecordSourceInput!) { recordSource(input: $input) { id title text } }',
      variables: withInput(
        inputs(
          {
            id: wellFormedId('src'),
            kind: fc.constantFrom('ARTICLE', 'NEWS_REPORT', 'REPORT', 'SPEECH', 'UNKNOWN'),
            title: acceptedText(500),
            publisherId: optional(knownId(known.actors)),
            published: optional(validTime),
            text: optional(anyHostile.filter((value) => value.length <= 60_000)),
            url: optional(fc.webUrl()),
            primary: optional(fc.boolean()),
          },
          {
            id: anyId('src', known.sources),
            title: anyHostile,
            publisherId: anyId('act', known.actors),
            published: timeInput,
            text: anyHostile,
            url: fc.oneof(hostileString, fc.constant('javascript:alert(1)')),
          },
        ),
      ),
    },
    {
      name: 'recordActor',
      query:
        'mutation ($input: RecordActorInput!) { recordActor(input: $input) { id name aliases } }',
      variables: withInput(
        inputs(
          {
            id: wellFormedId('act'),
            kind: fc.constantFrom(
              'PERSON',
              'ORGANISATION',
              'STATE',
              'MEDIA_OUTLET',
              'UNNAMED_GROUP',
            ),
            name: acceptedText(500),
            aliases: optional(fc.array(acceptedText(500), { maxLength: 4 })),
            anonymous: fc.constant(false),
            description: optional(acceptedText(10_000)),
            claimedAffiliation: optional(acceptedText(10_000)),
            countryId: optional(knownId(known.actors)),
            affiliations: optional(
              fc.array(
                fc.record({ organisationId: knownId(known.actors), role: acceptedText(500) }),
                { maxLength: 2 },
              ),
            ),
          },
          {
            id: anyId('act', known.actors),
            name: anyHostile,
            aliases: fc.array(anyHostile, { maxLength: 4 }),
            anonymous: fc.constant(true),
            description: anyHostile,
            claimedAffiliation: anyHostile,
            countryId: anyId('act', known.actors),
            stateAffiliationId: anyId('act', known.actors),
            ownedById: anyId('act', known.actors),
            affiliations: fc.array(
              fc.record({
                organisationId: anyId('act', known.actors),
                role: hostileString,
                time: optional(timeInput),
              }),
              { maxLength: 2 },
            ),
          },
        ),
      ),
    },
    {
      name: 'recordClaim',
      query:
        'mutation ($input: RecordClaimInput!) { recordClaim(input: $input) { id text topics } }',
      variables: withInput(
        inputs(
          {
            id: wellFormedId('clm'),
            text: acceptedText(10_000),
            topics: optional(fc.array(kebabTopic, { maxLength: 3 })),
            refersTo: optional(validTime),
            quantities: optional(fc.array(validQuantity, { maxLength: 2 })),
            eventIds: optional(fc.array(knownId(known.events), { maxLength: 2 })),
          },
          {
            id: anyId('clm', known.claims),
            text: anyHostile,
            topics: fc.array(topic, { maxLength: 3 }),
            refersTo: timeInput,
            quantities: fc.array(
              fc.record({
                raw: hostileString,
                value: finiteDouble,
                unit: hostileString,
                kind: fc.oneof(fc.constantFrom('count', 'other'), hostileString),
              }),
              { maxLength: 2 },
            ),
            eventIds: fc.array(anyId('evt', known.events), { maxLength: 2 }),
          },
        ),
      ),
    },
    {
      name: 'recordAttribution',
      query:
        'mutation ($input: RecordAttributionInput!) { recordAttribution(input: $input) { id quote quoteStart quoteEnd } }',
      variables: withInput(
        inputs(
          {
            id: wellFormedId('att'),
            actorId: knownId(known.actors),
            claimId: knownId(known.claims),
            sourceId: fc.constant(known.sourceWithText.id),
            stance: fc.constantFrom('ASSERTS', 'REPORTS', 'DENIES', 'EXPECTS'),
            quote: validQuote,
            cue: acceptedText(500),
            speech: fc.constantFrom('DIRECT', 'INDIRECT'),
            said: optional(validTime),
            eventId: optional(knownId(known.events)),
          },
          {
            id: anyId('att', known.attributions),
            actorId: anyId('act', known.actors),
            claimId: anyId('clm', known.claims),
            sourceId: anyId('src', known.sources),
            quote,
            start: fc.integer(),
            cue: anyHostile,
            said: timeInput,
            eventId: anyId('evt', known.events),
          },
        ),
      ),
    },
    {
      name: 'recordCitation',
      query:
        'mutation ($a: ID!, $b: ID!) { recordCitation(sourceId: $a, citesSourceId: $b) { id } }',
      variables: inputs(
        { a: knownId(known.sources), b: knownId(known.sources) },
        { a: anyId('src', known.sources), b: anyId('src', known.sources) },
      ),
    },
    {
      name: 'relateClaims',
      query:
        'mutation ($a: ID!, $t: ClaimRelationType!, $b: ID!, $n: String) { relateClaims(fromId: $a, type: $t, toId: $b, notes: $n) { id } }',
      variables: inputs(
        {
          a: knownId(known.claims),
          t: fc.constantFrom('SUPPORTS', 'CONTRADICTS', 'RESPONDS_TO'),
          b: knownId(known.claims),
          n: optional(acceptedText(10_000)),
        },
        {
          a: anyId('clm', known.claims),
          t: fc.constantFrom('SUPPORTS', 'CONTRADICTS', 'RESPONDS_TO'),
          b: anyId('clm', known.claims),
          n: anyHostile,
        },
      ),
    },
    {
      name: 'correctClaim',
      query:
        'mutation ($input: CorrectClaimInput!) { correctClaim(input: $input) { id text provenance { revision } } }',
      variables: withInput(
        inputs(
          {
            id: knownId(known.claims),
            text: optional(acceptedText(10_000)),
            topics: optional(fc.array(kebabTopic, { maxLength: 3 })),
            refersTo: optional(validTime),
            reason: acceptedText(10_000).filter((reason) => reason.trim() !== ''),
          },
          {
            id: anyId('clm', known.claims),
            text: anyHostile,
            topics: fc.array(topic, { maxLength: 3 }),
            refersTo: timeInput,
            reason: anyHostile,
          },
        ),
      ),
    },
  ];
}

/** Tokens of GraphQL (and some that are not) for documents made of random token soup. */
const graphqlTokens = [
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  ':',
  '...',
  '@',
  '$',
  '!',
  '=',
  '|',
  '&',
  'query',
  'mutation',
  'subscription',
  'fragment',
  'on',
  'Query',
  'Claim',
  'claim',
  'claims',
  'id',
  'text',
  'search',
  'first',
  'after',
  'nodes',
  'totalCount',
  '__typename',
  '__schema',
  '__type',
  'types',
  'name',
  'recordClaim',
  'input',
  'skip',
  'include',
  'if',
  'true',
  'null',
  '"x"',
  '"""block"""',
  '"\\u0000"',
  '"\\ud800"',
  '1',
  '-1',
  '1.5e3',
  '2147483648',
  '#c\n',
  ',',
  '\ufeff',
  '\u0000',
];

/** A document of random GraphQL tokens: mostly invalid, sometimes a valid operation. */
export const tokenSoup: fc.Arbitrary<string> = fc
  .array(fc.constantFrom(...graphqlTokens), { minLength: 1, maxLength: 40 })
  .map((tokens) => tokens.join(' '));
