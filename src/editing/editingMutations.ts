import type { Caller } from '../auth/apiKeys.js';
import type { Executor } from '../db/executor.js';
import type { NodeReference } from '../db/existingNodes.js';
import { Label, Rel, claimRelationTypes } from '../db/graphVocabulary.js';
import { storedProperties } from '../db/graphWritePlan.js';
import { AppError } from '../errors/appError.js';
import { planSeedLoad } from '../ingest/planSeedLoad.js';
import { isWellFormedText, seedSetSchema, type SeedSet } from '../ingest/seedFormat.js';
import { writeRecords } from './writeRecords.js';

/** Input field names that differ from the seed format's (ids of other nodes end in `Id`). */
const inputFieldNames: Record<string, string> = {
  publisher: 'publisherId',
  country: 'countryId',
  stateAffiliation: 'stateAffiliationId',
  ownedBy: 'ownedById',
  organisation: 'organisationId',
  events: 'eventIds',
  actor: 'actorId',
  claim: 'claimId',
  source: 'sourceId',
  event: 'eventId',
};

const MAX_SOURCE_TEXT = 1_000_000;

/** Refuses text with a lone surrogate, which Neo4j would store altered (as U+FFFD). */
function refuseMalformedText(text: string | null | undefined, field: string): void {
  if (text && !isWellFormedText(text))
    throw new AppError(
      'BAD_USER_INPUT',
      `${field}: must be valid Unicode text (it holds a lone surrogate)`,
      { field },
    );
}

type Section = 'sources' | 'actors' | 'claims' | 'attributions';

/**
 * Validates one record with the seed format's own rules (so mutations and seed files accept
 * exactly the same data), reporting every problem as BAD_USER_INPUT named by input field.
 */
function validatedSeedSet(section: Section, record: Record<string, unknown>): SeedSet {
  const parsed = seedSetSchema.safeParse({
    format: 'claimgraph-seed/1',
    id: 'mutation',
    enteredBy: 'mutation',
    [section]: [withoutNulls(record)],
  });
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const field = [
      'input',
      ...issue.path
        .slice(2)
        .map((part) =>
          typeof part === 'number' ? `[${part}]` : (inputFieldNames[String(part)] ?? String(part)),
        ),
    ]
      .join('.')
      .replace(/\.\[/g, '[');
    return { field, message: issue.message };
  });
  throw new AppError('BAD_USER_INPUT', problems.map((p) => `${p.field}: ${p.message}`).join('; '), {
    field: problems[0]?.field,
    problems,
  });
}

/** GraphQL gives null for absent optional fields; the seed format expects them left out. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, inner]) => inner !== null && inner !== undefined)
        .map(([key, inner]) => [key, withoutNulls(inner)]),
    );
  }
  return value;
}

const ref = (
  field: string,
  label: NodeReference['label'],
  id: string | null | undefined,
): NodeReference[] => (id ? [{ field, label, id }] : []);

/** Input of recordSource (GraphQL enum values already mapped to stored ones). */
export interface SourceInput {
  id: string;
  kind: string;
  title: string;
  publisherId?: string | null;
  published?: Record<string, unknown> | null;
  text?: string | null;
  url?: string | null;
  primary?: boolean | null;
}

/** Records a source and its text. */
export async function recordSource(
  executor: Executor,
  caller: Caller,
  input: SourceInput,
): Promise<string> {
  if (input.text && input.text.length > MAX_SOURCE_TEXT) {
    throw new AppError('BAD_USER_INPUT', `input.text: at most ${MAX_SOURCE_TEXT} characters`, {
      field: 'input.text',
    });
  }
  refuseMalformedText(input.text, 'input.text');
  const { publisherId, text, ...rest } = input;
  const seedSet = validatedSeedSet('sources', { ...rest, publisher: publisherId });
  const sourceTexts = new Map(text ? [[input.id, text]] : []);
  await writeRecords(executor, caller, {
    mutation: 'recordSource',
    plan: planSeedLoad({ file: 'mutation', seedSet, sourceTexts }),
    references: ref('input.publisherId', Label.Actor, publisherId),
    mode: 'create',
  });
  return input.id;
}

/** Input of recordActor. */
export interface ActorInput {
  id: string;
  kind: string;
  name: string;
  aliases?: string[] | null;
  anonymous?: boolean | null;
  description?: string | null;
  claimedAffiliation?: string | null;
  countryId?: string | null;
  stateAffiliationId?: string | null;
  ownedById?: string | null;
  affiliations?:
    { organisationId: string; role: string; time?: Record<string, unknown> | null }[] | null;
}

/** Records an actor with aliases and affiliations. */
export async function recordActor(
  executor: Executor,
  caller: Caller,
  input: ActorInput,
): Promise<string> {
  const { countryId, stateAffiliationId, ownedById, affiliations = [], ...rest } = input;
  const seedSet = validatedSeedSet('actors', {
    ...rest,
    country: countryId,
    stateAffiliation: stateAffiliationId,
    ownedBy: ownedById,
    affiliations: (affiliations ?? []).map(({ organisationId, ...affiliation }) => ({
      ...affiliation,
      organisation: organisationId,
    })),
  });
  if (seedSet.actors[0]?.anonymous && !seedSet.actors[0].description) {
    throw new AppError('BAD_USER_INPUT', 'input.description: required for an anonymous actor', {
      field: 'input.description',
    });
  }
  await writeRecords(executor, caller, {
    mutation: 'recordActor',
    plan: planSeedLoad({ file: 'mutation', seedSet, sourceTexts: new Map() }),
    references: [
      ...ref('input.countryId', Label.Actor, countryId),
      ...ref('input.stateAffiliationId', Label.Actor, stateAffiliationId),
      ...ref('input.ownedById', Label.Actor, ownedById),
      ...(affiliations ?? []).flatMap((a, i) =>
        ref(`input.affiliations[${i}].organisationId`, Label.Actor, a.organisationId),
      ),
    ],
    mode: 'create',
  });
  return input.id;
}

/** Input of recordClaim. */
export interface ClaimInput {
  id: string;
  text: string;
  topics?: string[] | null;
  refersTo?: Record<string, unknown> | null;
  quantities?: Record<string, unknown>[] | null;
  eventIds?: string[] | null;
}

/** Records a claim with its figures. */
export async function recordClaim(
  executor: Executor,
  caller: Caller,
  input: ClaimInput,
): Promise<string> {
  const { eventIds, ...rest } = input;
  const seedSet = validatedSeedSet('claims', { ...rest, events: eventIds ?? [] });
  await writeRecords(executor, caller, {
    mutation: 'recordClaim',
    plan: planSeedLoad({ file: 'mutation', seedSet, sourceTexts: new Map() }),
    references: (eventIds ?? []).flatMap((id, i) => ref(`input.eventIds[${i}]`, Label.Event, id)),
    mode: 'create',
  });
  return input.id;
}

/** Input of recordAttribution: offsets are found, not given (`start` only disambiguates). */
export interface AttributionInput {
  id: string;
  actorId: string;
  claimId: string;
  sourceId: string;
  stance: string;
  quote: string;
  start?: number | null;
  cue: string;
  speech: string;
  said?: Record<string, unknown> | null;
  eventId?: string | null;
  /** Direct speech: the words inside the quotation marks, each found in the quote, in order. */
  quotedWords?: string[] | null;
  /** The figures as this source states them, when they differ from the claim's. */
  figures?: Record<string, unknown>[] | null;
}

/** Records an attribution; its quote must be a verbatim span of the source's text. */
export async function recordAttribution(
  executor: Executor,
  caller: Caller,
  input: AttributionInput,
): Promise<string> {
  const { actorId, claimId, sourceId, eventId, start, quotedWords, ...rest } = input;
  const [source] = await executor.read(
    { name: 'sourceText', cypher: `MATCH (s:${Label.Source} {id: $id}) RETURN s.text AS text` },
    { id: sourceId },
  );
  if (!source)
    throw new AppError('BAD_USER_INPUT', `input.sourceId: no Source has id "${sourceId}"`, {
      field: 'input.sourceId',
    });
  if (typeof source.text !== 'string') {
    throw new AppError(
      'BAD_USER_INPUT',
      `input.sourceId: source "${sourceId}" has no text to find the quote in`,
      { field: 'input.sourceId' },
    );
  }
  const offset = quoteOffset(source.text, input.quote, start ?? undefined);
  const seedSet = validatedSeedSet('attributions', {
    ...rest,
    actor: actorId,
    claim: claimId,
    source: sourceId,
    event: eventId,
    start: offset,
    end: offset + input.quote.length,
    quotedWords: quotedWordSpans(input.quote, offset, quotedWords ?? []),
  });
  await writeRecords(executor, caller, {
    mutation: 'recordAttribution',
    plan: planSeedLoad({ file: 'mutation', seedSet, sourceTexts: new Map() }),
    references: [
      ...ref('input.actorId', Label.Actor, actorId),
      ...ref('input.claimId', Label.Claim, claimId),
      ...ref('input.eventId', Label.Event, eventId),
    ],
    mode: 'create',
  });
  return input.id;
}

/** Each quoted fragment's span: found in the quote after the previous one (offsets in the text). */
function quotedWordSpans(quote: string, quoteStart: number, words: readonly string[]) {
  let from = 0;
  return words.map((text, i) => {
    const at = text.length > 0 ? quote.indexOf(text, from) : -1;
    if (at < 0)
      throw new AppError(
        'BAD_USER_INPUT',
        `input.quotedWords[${i}]: not found verbatim in the quote${i > 0 ? ' after the previous words' : ''}`,
        { field: `input.quotedWords[${i}]` },
      );
    from = at + text.length;
    return { text, start: quoteStart + at, end: quoteStart + at + text.length };
  });
}

/** Where the quote is in the text: the only occurrence, or the one at `start`. */
function quoteOffset(text: string, quote: string, start: number | undefined): number {
  if (quote.length === 0)
    throw new AppError('BAD_USER_INPUT', 'input.quote: must not be empty', {
      field: 'input.quote',
    });
  if (start !== undefined) {
    if (text.startsWith(quote, start)) return start;
    throw new AppError(
      'BAD_USER_INPUT',
      `input.start: the quote does not occur at offset ${start}`,
      { field: 'input.start' },
    );
  }
  const offsets: number[] = [];
  for (
    let at = text.indexOf(quote);
    at >= 0 && offsets.length < 10;
    at = text.indexOf(quote, at + 1)
  )
    offsets.push(at);
  if (offsets.length === 0) {
    throw new AppError('BAD_USER_INPUT', 'input.quote: not found verbatim in the source text', {
      field: 'input.quote',
    });
  }
  if (offsets.length > 1) {
    throw new AppError(
      'BAD_USER_INPUT',
      `input.quote: occurs more than once (at ${offsets.join(', ')}); give input.start`,
      {
        field: 'input.quote',
        offsets,
      },
    );
  }
  return offsets[0]!;
}

/** Records that one source cites another. */
export async function recordCitation(
  executor: Executor,
  caller: Caller,
  sourceId: string,
  citesSourceId: string,
): Promise<string> {
  if (sourceId === citesSourceId)
    throw new AppError('BAD_USER_INPUT', 'citesSourceId: a source cannot cite itself', {
      field: 'citesSourceId',
    });
  await writeRecords(executor, caller, {
    mutation: 'recordCitation',
    plan: {
      nodes: [],
      relationships: [
        {
          type: Rel.CITES,
          fromLabel: Label.Source,
          toLabel: Label.Source,
          rows: [{ from: sourceId, to: citesSourceId, key: '', properties: {} }],
        },
      ],
    },
    references: [
      ...ref('sourceId', Label.Source, sourceId),
      ...ref('citesSourceId', Label.Source, citesSourceId),
    ],
    mode: 'create',
  });
  return sourceId;
}

/** Relates two claims (supports, contradicts, responds-to). */
export async function relateClaims(
  executor: Executor,
  caller: Caller,
  fromId: string,
  type: keyof typeof claimRelationTypes,
  toId: string,
  notes: string | null | undefined,
): Promise<string> {
  if (fromId === toId)
    throw new AppError('BAD_USER_INPUT', 'toId: a claim cannot relate to itself', {
      field: 'toId',
    });
  if (notes && notes.length > 10_000)
    throw new AppError('BAD_USER_INPUT', 'notes: at most 10000 characters', { field: 'notes' });
  refuseMalformedText(notes, 'notes');
  await writeRecords(executor, caller, {
    mutation: 'relateClaims',
    plan: {
      nodes: [],
      relationships: [
        {
          type: claimRelationTypes[type],
          fromLabel: Label.Claim,
          toLabel: Label.Claim,
          rows: [{ from: fromId, to: toId, key: '', properties: storedProperties({ notes }) }],
        },
      ],
    },
    references: [...ref('fromId', Label.Claim, fromId), ...ref('toId', Label.Claim, toId)],
    mode: 'create',
  });
  return fromId;
}

/** Input of correctClaim. */
export interface CorrectClaimInput {
  id: string;
  text?: string | null;
  topics?: string[] | null;
  refersTo?: Record<string, unknown> | null;
  reason: string;
}

/** Corrects a claim; the version before is kept as a Revision with the reason. */
export async function correctClaim(
  executor: Executor,
  caller: Caller,
  input: CorrectClaimInput,
): Promise<string> {
  if (input.reason.trim() === '' || input.reason.length > 10_000) {
    throw new AppError('BAD_USER_INPUT', 'input.reason: give a reason of 1 to 10000 characters', {
      field: 'input.reason',
    });
  }
  refuseMalformedText(input.reason, 'input.reason');
  const [row] = await executor.read(
    {
      name: 'claimForCorrection',
      cypher: `MATCH (c:${Label.Claim} {id: $id}) RETURN c {.*} AS claim`,
    },
    { id: input.id },
  );
  if (!row)
    throw new AppError('NOT_FOUND', `input.id: no Claim has id "${input.id}"`, {
      field: 'input.id',
    });
  const stored = row.claim as Record<string, unknown>;
  const current = {
    id: input.id,
    text: stored.text,
    topics: stored.topics ?? [],
    refersTo: stored.refersToValue
      ? {
          raw: stored.refersToRaw ?? null,
          value: stored.refersToValue,
          precision: stored.refersToPrecision,
          basis: stored.refersToBasis,
        }
      : undefined,
    notes: stored.notes,
  };
  const seedSet = validatedSeedSet('claims', {
    ...current,
    ...(withoutNulls({
      text: input.text,
      topics: input.topics,
      refersTo: input.refersTo,
    }) as object),
  });
  const plan = planSeedLoad({ file: 'mutation', seedSet, sourceTexts: new Map() });
  const claimRows = plan.nodes.find((group) => group.label === Label.Claim)!.rows;
  const corrected = {
    ...claimRows[0]!,
    properties: { ...claimRows[0]!.properties, correctionReason: input.reason },
  };
  await writeRecords(executor, caller, {
    mutation: 'correctClaim',
    plan: { nodes: [{ label: Label.Claim, rows: [corrected] }], relationships: [] },
    references: [],
    mode: 'correct',
  });
  return input.id;
}
