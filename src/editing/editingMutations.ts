import type { Caller } from '../auth/apiKeys.js';
import type { Executor } from '../db/executor.js';
import type { NodeReference } from '../db/existingNodes.js';
import { Label, Rel, claimRelationTypes } from '../db/graphVocabulary.js';
import { storedProperties } from '../db/graphWritePlan.js';
import { AppError } from '../errors/appError.js';
import { planSeedLoad } from '../ingest/planSeedLoad.js';
import { quoteOffset, quotedWordSpans } from './quoteSpans.js';
import { refuseMalformedText, validatedSeedSet } from './recordValidation.js';
import { writeRecords } from './writeRecords.js';

const MAX_SOURCE_TEXT = 1_000_000;

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
  });
  return input.id;
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
  });
  return fromId;
}
