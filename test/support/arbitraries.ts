import fc from 'fast-check';
import { isWellFormedText } from '../../src/ingest/seedFormat.js';

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
  /** Attributions quoting one source's text, and that text: corrected quotes are taken from it. */
  readonly quotedText: { readonly attributions: readonly string[]; readonly text: string };
  /** Citations as `[sourceId, citesSourceId]`. */
  readonly citations: readonly (readonly [string, string])[];
  /** Claim relations, with their type as the GraphQL enum names it. */
  readonly claimRelations: readonly {
    readonly from: string;
    readonly type: string;
    readonly to: string;
  }[];
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

const actorKinds = ['PERSON', 'ORGANISATION', 'STATE', 'MEDIA_OUTLET', 'UNNAMED_GROUP'];
const sourceKinds = ['ARTICLE', 'NEWS_REPORT', 'REPORT', 'SPEECH', 'STATEMENT', 'UNKNOWN'];
const stances = ['ASSERTS', 'REPORTS', 'CONFIRMS', 'DENIES', 'DISPUTES', 'SUSPECTS', 'EXPECTS'];
const eventKinds = ['SPEECH', 'REPORT_RELEASE', 'CYBER_OPERATION', 'ANNOUNCEMENT', 'OTHER'];
const relationTypes = ['SUPPORTS', 'CONTRADICTS', 'RESPONDS_TO'];

/** Values no enum of the schema has: lower case, near misses, hostile strings, other types. */
const wrongEnum: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('supports', 'responds-to', 'PERSONS', 'Asserts', '', 'null', '__proto__'),
  hostileString,
  fc.integer(),
  fc.constant(['ASSERTS']),
);

/** A correction's reason the rules accept: 1 to 10,000 characters, not only spaces. */
const validReason: fc.Arbitrary<string> = acceptedText(10_000).filter(
  (reason) => reason.trim() !== '' && isWellFormedText(reason),
);

/**
 * A reason the rules refuse or that is hostile: missing, null, empty, spaces, a lone surrogate,
 * 10,001 characters, or any hostile string.
 */
const hostileReason: fc.Arbitrary<unknown> = fc.oneof(
  anyHostile,
  fc.constantFrom(undefined, null, '', '   ', '\u3000', '\ud800', 'why \udfff', 'x'.repeat(10_001)),
  fc.integer(),
);

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
  const hostileQuantities = fc.array(
    fc.record({
      raw: hostileString,
      value: finiteDouble,
      unit: hostileString,
      kind: fc.oneof(fc.constantFrom('count', 'other'), hostileString),
    }),
    { maxLength: 2 },
  );
  // Corrected quotes come from the text the corrected attributions quote.
  const quoted = known.quotedText.text;
  const correctedQuote = fc
    .tuple(fc.nat({ max: Math.max(0, quoted.length - 40) }), fc.integer({ min: 20, max: 120 }))
    .map(([start, length]) => quoted.slice(start, start + length));
  // Placeholders keep an empty graph from breaking fc.constantFrom; they are simply not found.
  const knownCitation = fc.constantFrom(
    ...(known.citations.length > 0 ? known.citations : [['src-none', 'src-none'] as const]),
  );
  const knownRelation = fc.constantFrom(
    ...(known.claimRelations.length > 0
      ? known.claimRelations
      : [{ from: 'clm-none', type: 'SUPPORTS', to: 'clm-none' }]),
  );
  // A required enum is mostly valid, so GraphQL lets the input reach the resolver.
  const relationType = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...relationTypes) },
    { weight: 1, arbitrary: wrongEnum },
  );

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
            notes: optional(acceptedText(10_000)),
            reason: validReason,
          },
          {
            id: anyId('clm', known.claims),
            text: anyHostile,
            topics: fc.array(topic, { maxLength: 3 }),
            refersTo: timeInput,
            notes: anyHostile,
            reason: hostileReason,
          },
        ),
      ),
    },
    {
      name: 'correctActor',
      query:
        'mutation ($input: CorrectActorInput!) { correctActor(input: $input) { id name provenance { revision } } }',
      variables: withInput(
        fc.oneof(
          {
            weight: 9,
            arbitrary: inputs(
              {
                id: knownId(known.actors),
                kind: optional(fc.constantFrom(...actorKinds)),
                name: optional(acceptedText(500)),
                aliases: optional(fc.array(acceptedText(500), { maxLength: 3 })),
                anonymous: optional(fc.constant(false)),
                description: optional(acceptedText(10_000)),
                claimedAffiliation: optional(acceptedText(10_000)),
                countryId: optional(knownId(known.actors)),
                stateAffiliationId: optional(knownId(known.actors)),
                ownedById: optional(knownId(known.actors)),
                notes: optional(acceptedText(10_000)),
                reason: validReason,
              },
              {
                id: anyId('act', known.actors),
                kind: wrongEnum,
                name: anyHostile,
                aliases: fc.array(anyHostile, { maxLength: 4 }),
                // Anonymous, often without a description.
                anonymous: fc.constant(true),
                description: anyHostile,
                claimedAffiliation: anyHostile,
                countryId: anyId('act', known.actors),
                stateAffiliationId: anyId('act', known.actors),
                ownedById: anyId('act', known.actors),
                notes: anyHostile,
                reason: hostileReason,
              },
            ),
          },
          {
            // An actor based in, part of or owned by itself.
            weight: 1,
            arbitrary: fc
              .tuple(
                knownId(known.actors),
                fc.constantFrom('countryId', 'stateAffiliationId', 'ownedById'),
                validReason,
              )
              .map(([id, field, reason]) => ({ id, [field]: id, reason })),
          },
        ),
      ),
    },
    {
      name: 'correctSource',
      query:
        'mutation ($input: CorrectSourceInput!) { correctSource(input: $input) { id title provenance { revision } } }',
      variables: withInput(
        inputs(
          {
            id: knownId(known.sources),
            kind: optional(fc.constantFrom(...sourceKinds)),
            title: optional(acceptedText(500)),
            publisherId: optional(knownId(known.actors)),
            published: optional(validTime),
            url: optional(fc.webUrl()),
            primary: optional(fc.boolean()),
            notes: optional(acceptedText(10_000)),
            reason: validReason,
          },
          {
            id: anyId('src', known.sources),
            kind: wrongEnum,
            title: anyHostile,
            publisherId: fc.oneof(anyId('act', known.actors), anyId('src', known.sources)),
            published: timeInput,
            url: fc.oneof(hostileString, fc.constant('javascript:alert(1)')),
            primary: fc.oneof(fc.constant('yes'), fc.integer()),
            notes: anyHostile,
            reason: hostileReason,
          },
        ),
      ),
    },
    {
      name: 'correctAttribution',
      query:
        'mutation ($input: CorrectAttributionInput!) { correctAttribution(input: $input) { id quote quoteStart quoteEnd provenance { revision } } }',
      variables: withInput(
        inputs(
          {
            id: knownId(known.quotedText.attributions),
            actorId: optional(knownId(known.actors)),
            stance: optional(fc.constantFrom(...stances)),
            quote: optional(correctedQuote),
            cue: optional(acceptedText(500)),
            speech: optional(fc.constantFrom('DIRECT', 'INDIRECT')),
            said: optional(validTime),
            eventId: optional(knownId(known.events)),
            quotedWords: optional(fc.constant([])),
            figures: optional(fc.array(validQuantity, { maxLength: 2 })),
            notes: optional(acceptedText(10_000)),
            reason: validReason,
          },
          {
            id: anyId('att', known.attributions),
            actorId: fc.oneof(anyId('act', known.actors), anyId('clm', known.claims)),
            stance: wrongEnum,
            // Mostly words of another source's text, or hostile: not in this source's text.
            quote,
            start: fc.integer(),
            cue: anyHostile,
            speech: wrongEnum,
            said: timeInput,
            eventId: anyId('evt', known.events),
            quotedWords: fc.array(fc.oneof(hostileString, quote), { maxLength: 3 }),
            figures: hostileQuantities,
            notes: anyHostile,
            reason: hostileReason,
          },
        ),
      ),
    },
    {
      name: 'correctEvent',
      query:
        'mutation ($input: CorrectEventInput!) { correctEvent(input: $input) { id name provenance { revision } } }',
      variables: withInput(
        inputs(
          {
            id: knownId(known.events),
            name: optional(acceptedText(500)),
            kind: optional(fc.constantFrom(...eventKinds)),
            time: optional(validTime),
            place: optional(acceptedText(500)),
            notes: optional(acceptedText(10_000)),
            reason: validReason,
          },
          {
            id: anyId('evt', known.events),
            name: anyHostile,
            kind: wrongEnum,
            time: timeInput,
            place: anyHostile,
            notes: anyHostile,
            reason: hostileReason,
          },
        ),
      ),
    },
    {
      name: 'correctCitation',
      query:
        'mutation ($input: CorrectCitationInput!) { correctCitation(input: $input) { id provenance { revision } } }',
      variables: withInput(
        fc.oneof(
          {
            weight: 7,
            arbitrary: fc
              .tuple(
                knownCitation,
                inputs(
                  { newCitesSourceId: knownId(known.sources), reason: validReason },
                  {
                    sourceId: anyId('src', known.sources),
                    citesSourceId: anyId('src', known.sources),
                    newCitesSourceId: fc.oneof(
                      anyId('src', known.sources),
                      anyId('act', known.actors),
                    ),
                    reason: hostileReason,
                  },
                ),
              )
              .map(([[sourceId, citesSourceId], input]) => ({ sourceId, citesSourceId, ...input })),
          },
          {
            // A self-citation, the citation it already is, or onto another citation it has.
            weight: 3,
            arbitrary: fc
              .tuple(knownCitation, fc.constantFrom('self', 'same', 'existing'), validReason)
              .map(([[sourceId, citesSourceId], sort, reason]) => ({
                sourceId,
                citesSourceId,
                newCitesSourceId:
                  sort === 'self'
                    ? sourceId
                    : sort === 'same'
                      ? citesSourceId
                      : (known.citations.find(
                          ([a, b]) => a === sourceId && b !== citesSourceId,
                        )?.[1] ?? sourceId),
                reason,
              })),
          },
        ),
      ),
    },
    {
      name: 'correctClaimRelation',
      query:
        'mutation ($input: CorrectClaimRelationInput!) { correctClaimRelation(input: $input) { id provenance { revision } } }',
      variables: withInput(
        fc.oneof(
          {
            weight: 7,
            arbitrary: fc
              .tuple(
                knownRelation,
                inputs(
                  {
                    newType: optional(fc.constantFrom(...relationTypes)),
                    newToId: optional(knownId(known.claims)),
                    notes: optional(acceptedText(10_000)),
                    reason: validReason,
                  },
                  {
                    fromId: anyId('clm', known.claims),
                    type: relationType,
                    toId: anyId('clm', known.claims),
                    newType: wrongEnum,
                    newToId: fc.oneof(anyId('clm', known.claims), anyId('src', known.sources)),
                    notes: fc.oneof(anyHostile, fc.constant('x'.repeat(10_001))),
                    reason: hostileReason,
                  },
                ),
              )
              .map(([relation, input]) => ({
                fromId: relation.from,
                type: relation.type,
                toId: relation.to,
                ...input,
              })),
          },
          {
            // To itself, as it already is, or onto another relation of the same claim.
            weight: 3,
            arbitrary: fc
              .tuple(knownRelation, fc.constantFrom('self', 'same', 'existing'), validReason)
              .map(([relation, sort, reason]) => {
                const other = known.claimRelations.find(
                  (r) => r.from === relation.from && r !== relation,
                );
                return {
                  fromId: relation.from,
                  type: relation.type,
                  toId: relation.to,
                  ...(sort === 'self'
                    ? { newToId: relation.from }
                    : sort === 'same'
                      ? { newType: relation.type, newToId: relation.to }
                      : {
                          newType: other?.type ?? relation.type,
                          newToId: other?.to ?? relation.from,
                        }),
                  reason,
                };
              }),
          },
        ),
      ),
    },
    {
      name: 'retractAttribution',
      query:
        'mutation ($id: ID!, $reason: String!) { retractAttribution(id: $id, reason: $reason) { id retracted provenance { revision } } }',
      variables: inputs(
        { id: knownId(known.attributions), reason: validReason },
        { id: anyId('att', known.attributions), reason: hostileReason },
      ),
    },
    {
      name: 'retractCitation',
      query:
        'mutation ($a: ID!, $b: ID!, $reason: String!) { retractCitation(sourceId: $a, citesSourceId: $b, reason: $reason) { id } }',
      variables: fc
        .tuple(
          knownCitation,
          inputs(
            { reason: validReason },
            {
              a: anyId('src', known.sources),
              b: anyId('src', known.sources),
              reason: hostileReason,
            },
          ),
        )
        .map(([[a, b], input]) => ({ a, b, ...input })),
    },
    {
      name: 'retractClaimRelation',
      query:
        'mutation ($a: ID!, $t: ClaimRelationType!, $b: ID!, $reason: String!) { retractClaimRelation(fromId: $a, type: $t, toId: $b, reason: $reason) { id } }',
      variables: fc
        .tuple(
          knownRelation,
          inputs(
            { reason: validReason },
            {
              a: anyId('clm', known.claims),
              t: relationType,
              b: anyId('clm', known.claims),
              reason: hostileReason,
            },
          ),
        )
        .map(([relation, input]) => ({
          a: relation.from,
          t: relation.type,
          b: relation.to,
          ...input,
        })),
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
